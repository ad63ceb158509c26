"""Accounts on every backend: hashing, role scopes, throttled sign-in, display tokens, the audit log, and
the scope applied inside the queries (figures counted by hand in tests/test_queries.py and friends)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dashboard import accounts
from dashboard.accounts import AccountError, Viewer
from dashboard.data import limited
from dashboard.db import make_engine, upgrade_store
from dashboard.schema import AppUser, AuditEntry, DisplayToken
from queries import checkin, coverage, funding, meetings, overview, regions, two_new
from queries.area import CITY, Area
from tests.fixture_data import build_fixture

AS_OF = dt.date(2018, 6, 30)
PASSWORD = "Correct-Horse-9"
T0 = dt.datetime(2018, 7, 1, 9, 0, 0)


@pytest.fixture
def store(migrated_engine):
    build_fixture(migrated_engine)
    return migrated_engine


def test_passwords_are_hashed_never_stored_or_logged_in_clear(store):
    accounts.add_user(store, "county2", PASSWORD, "county_leader", "乙县领导", county="T02")
    with pytest.raises(AccountError):
        accounts.authenticate(store, "county2", PASSWORD + "x", now=T0)
    accounts.authenticate(store, "county2", PASSWORD, now=T0)
    with store.connect() as connection:
        stored = connection.execute(select(AppUser.password_hash)).scalar()
        everything = " ".join(str(v) for table in ("app_user", "audit_log", "sign_in_throttle")
                              for row in connection.execute(text(f"SELECT * FROM {table}")) for v in row)
    assert stored.startswith("$argon2")
    assert PASSWORD not in everything
    assert accounts.HASHER.verify(stored, PASSWORD)


@pytest.mark.parametrize(("role", "county", "street", "message"), [
    ("county_leader", None, None, "须指定所属县级单位"),
    ("street_staff", "T01", None, "须指定所属县级单位和街道"),
    ("city_leader", "T01", None, "不应指定区域"),
    ("county_leader", "NOPE", None, "没有名称或编码为 NOPE"),
    ("street_staff", "T02", "T01-S1", "下没有编码为 T01-S1"),
    ("analyst", None, "T01-S1", "同时指定其所属县级单位"),
])
def test_a_scope_must_fit_the_role(store, role, county, street, message):
    with pytest.raises(AccountError, match=re.escape(message)):
        accounts.add_user(store, "someone", PASSWORD, role, county=county, street=street)
    assert accounts.users(store).empty


def test_a_county_is_given_by_its_name_or_its_code(store):
    accounts.add_user(store, "by_name", PASSWORD, "county_leader", county="甲区")
    accounts.add_user(store, "by_code", PASSWORD, "street_staff", county="T01", street="T01-S1")
    accounts.create_display_token(store, "大屏", county="乙县")
    frame = accounts.users(store).set_index("username")
    assert frame["county"].to_dict() == {"by_name": "T01", "by_code": "T01"}


def test_sign_in_gives_the_scope_and_disabled_accounts_cannot_sign_in(store):
    accounts.add_user(store, "street1", PASSWORD, "street_staff", county="T01", street="T01-S1")
    viewer = accounts.authenticate(store, " street1 ", PASSWORD, now=T0)
    assert (viewer.role, viewer.scope, viewer.sees_personal) == ("street_staff", Area("T01", "T01-S1"), True)
    accounts.change_user(store, "street1", active=False)
    with pytest.raises(AccountError, match="不正确,或账号已停用"):
        accounts.authenticate(store, "street1", PASSWORD, now=T0)


def test_repeated_failures_are_slowed_down_even_for_unknown_names(store):
    accounts.add_user(store, "analyst", PASSWORD, "analyst")
    for _ in range(3):
        with pytest.raises(AccountError, match="不正确"):
            accounts.authenticate(store, "analyst", "wrong-password", now=T0)
    with pytest.raises(AccountError, match="请 5 秒后再试"):
        accounts.authenticate(store, "analyst", PASSWORD, now=T0)  # right password, but too soon
    assert accounts.authenticate(store, "analyst", PASSWORD, now=T0 + dt.timedelta(seconds=5)).role == "analyst"
    for _ in range(3):
        with pytest.raises(AccountError, match="不正确"):
            accounts.authenticate(store, "nobody", "x", now=T0)
    with pytest.raises(AccountError, match="请 1 秒后再试"):
        accounts.authenticate(store, "nobody", "x", now=T0 + dt.timedelta(seconds=4))
    with pytest.raises(AccountError, match="不正确"):  # the wait is over: tried, and failed again
        accounts.authenticate(store, "nobody", "x", now=T0 + dt.timedelta(seconds=5))
    assert [accounts.wait_seconds(n) for n in (0, 2, 3, 4, 5, 20)] == [0, 0, 5, 10, 20, 900]


def test_injection_text_is_only_text(store):
    evil = "'; DROP TABLE app_user; --"
    with pytest.raises(AccountError):
        accounts.authenticate(store, evil, evil, now=T0)
    accounts.add_user(store, "x' OR '1'='1", PASSWORD, "city_leader", display_name=evil)
    with pytest.raises(AccountError):
        accounts.authenticate(store, "x' OR '1'='1", "' OR '1'='1", now=T0)
    assert accounts.users(store)["display_name"].tolist() == [evil]


def test_display_tokens_are_read_only_scoped_and_expire(store):
    token = accounts.create_display_token(store, "会议室", county="T01", days=1)
    viewer = accounts.viewer_for_token(store, token)
    assert (viewer.read_only, viewer.scope, viewer.exports, viewer.sees_personal) == (True, Area("T01"), False, False)
    assert accounts.viewer_for_token(store, token, now=dt.datetime.now() + dt.timedelta(days=2)) is None
    assert accounts.viewer_for_token(store, token + "x") is None
    with Session(store) as session:
        assert token not in session.scalars(select(DisplayToken.token_hash)).one()


def test_the_audit_log_records_sign_ins_and_changes(store):
    accounts.add_user(store, "admin", PASSWORD, "admin", by="命令行")
    accounts.authenticate(store, "admin", PASSWORD, now=T0)
    with pytest.raises(AccountError):
        accounts.authenticate(store, "admin", "nope-nope", now=T0)
    events = accounts.audit_entries(store)["event"].tolist()
    assert events == ["sign_in_failed", "sign_in", "user_created"]


def test_command_line_adds_and_disables_users(store, monkeypatch, capsys):
    url = store.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert accounts.main(["--url", url, "add-user", "wl", "--role", "county_leader", "--county", "T01"]) == 0
    assert accounts.main(["--url", url, "disable", "wl"]) == 0
    assert accounts.main(["--url", url, "list"]) == 0
    assert "wl" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert accounts.main(["--url", url, "set-password", "wl"]) == 2
    assert "至少 8 位" in capsys.readouterr().err
    with Session(store) as session:
        assert session.scalars(select(AppUser.is_active)).one() is False
        assert session.scalar(select(AuditEntry.username).where(AuditEntry.event == "user_created")) == "命令行"


COUNTY2 = Area(county="T02")
STREET1 = Area(county="T01", street="T01-S1")


def names(frame, column="area_name"):
    return frame[column].tolist()


def test_a_county_leader_sees_only_their_county(fixture_engine):
    # 乙县's only street 三街道 holds K4 (M5, M10 checked in of M5 M6 M10; M6 joined later).
    home = CITY.within(COUNTY2)
    assert names(overview.member_checkin_rate_by_area(fixture_engine, home, AS_OF)) == ["三街道"]
    for tampered in (Area(county="T01"), Area(county="T01", street="T01-S1"), Area(community="K1")):
        area = tampered.within(COUNTY2)
        assert overview.member_checkin_rate_by_area(fixture_engine, area, AS_OF).empty
        assert overview.grid_branch_coverage_by_area(fixture_engine, area).empty
        assert coverage.grids_without_branch(fixture_engine, area).empty
        assert coverage.coverage_by_level(fixture_engine, area).empty
        assert checkin.unit_league(fixture_engine, area, dt.date(2018, 4, 1), AS_OF).empty
        assert two_new.organizations_that_should_organize(fixture_engine, area).empty
        assert funding.funding_by_source_and_use(fixture_engine, area, 2018, AS_OF).empty
        assert meetings.meeting_activity_by_street(fixture_engine, area, dt.date(2018, 1, 1), AS_OF, 1).empty
    assert names(regions.county_options(fixture_engine, CITY.within(COUNTY2)), "name") == ["乙县"]
    assert regions.street_options(fixture_engine, Area(county="T01").within(COUNTY2)).empty


def test_street_staff_see_only_their_street(fixture_engine):
    home = CITY.within(STREET1)
    assert names(overview.member_checkin_rate_by_area(fixture_engine, home, AS_OF)) == ["红星社区", "光明社区"]
    assert names(regions.street_options(fixture_engine, Area(county="T01").within(STREET1)), "name") == ["一街道"]
    assert overview.member_checkin_rate_by_area(fixture_engine, Area(county="T01", street="T01-S2").within(STREET1),
                                                AS_OF).empty
    assert overview.member_checkin_rate_by_area(fixture_engine, Area(county="T02").within(STREET1), AS_OF).empty
    assert meetings.street_committee(fixture_engine, Area(county="T01", street="T01-S2").within(STREET1)).empty
    # county-level funding lines are outside a street's scope; K1's own line is inside
    assert funding.funding_by_source_and_use(fixture_engine, home, 2018, AS_OF)["budget_yuan"].tolist() == [30_000.0]


def test_personal_data_is_masked_unless_the_role_needs_it():
    street_staff = Viewer("s", "street_staff", STREET1)
    leader = Viewer("c", "county_leader", COUNTY2)
    screen = Viewer("大屏", "display", STREET1, read_only=True)
    args = (CITY, "U2", dt.date(2018, 4, 1), AS_OF)
    assert limited(street_staff, checkin.unit_member_details, args, {})[1] == {"mask": False}
    assert limited(leader, checkin.unit_member_details, args, {"mask": False})[1] == {"mask": True}
    assert limited(screen, checkin.unit_member_details, args, {})[1] == {"mask": True}
    assert limited(leader, checkin.unit_member_details, args, {})[0][0] == CITY.within(COUNTY2)


def test_a_fresh_store_has_no_accounts(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    upgrade_store(engine)
    assert accounts.users(engine).empty
