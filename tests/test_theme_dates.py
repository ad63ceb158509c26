"""Each theme measured as of its own records' latest date (queries.store.ThemeDates), on two hand-built stores
and through the pages a user reads.

Both stores: 甲区 (T01) with 一街道 (S1) and its urban community 红星社区 (K1); resident unit 甲区财政局 (U1);
two in-service members living in K1, M1 and M2; no pairing, funding or Two New records; no recorded as-of date.
- "meetings later" (the trial of issue 12): M1 checked in on 2018-03-20 and served on 2018-04-02; 一街道's
  committee met on 2018-01-15 and 2018-04-12. Check-in is as of 2018-04-02, meetings as of 2018-04-12, the
  store (and every theme without dated records) as of 2018-04-12.
- "check-ins later": M1 checked in on 2018-03-20 and served on 2018-06-28; the committee met on 2017-08-10,
  2017-11-20 and 2018-02-05. Check-in is as of 2018-06-28, meetings as of 2018-02-05, the store 2018-06-28.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.schema import (
    Community,
    County,
    JointMeeting,
    MemberCheckin,
    PartyMember,
    PartyOrg,
    ResidentUnit,
    ServiceActivity,
    Street,
    WorkingCommittee,
)
from dashboard.summaries import rebuild_summaries
from queries.area import CITY
from queries.meetings import meeting_activity_by_street
from queries.overview import cockpit_by_area, member_checkin_rate_by_area
from queries.store import ThemeDates, store_facts
from tests.apptest import APP, metrics
from tests.fixture_data import AS_OF, with_check_digit

D = dt.date
MEETINGS_LATER = {"service": D(2018, 4, 2), "meetings": [D(2018, 1, 15), D(2018, 4, 12)]}
CHECKINS_LATER = {"service": D(2018, 6, 28), "meetings": [D(2017, 8, 10), D(2017, 11, 20), D(2018, 2, 5)]}


def build_store(engine: Engine, world: dict) -> None:
    upgrade_store(engine)
    with Session(engine) as s, s.begin():
        county = County(code="T01", name="甲区", kind="市辖区", lon=111.68, lat=29.05, sort_order=1)
        s.add(county)
        s.flush()
        street = Street(code="S1", name="一街道", kind="街道", county_id=county.id)
        s.add(street)
        s.flush()
        home = Community(code="K1", name="红星社区", kind="社区", is_urban=True, is_central_city=True,
                         street_id=street.id, county_id=county.id, population=5000)
        s.add(home)
        s.flush()
        unit = ResidentUnit(code="U1", name="甲区财政局", kind="县直机关", is_city_county_organ=True,
                            community_id=home.id)
        s.add(unit)
        s.flush()
        org = PartyOrg(code="O-U1", name="中共甲区财政局支部委员会", level="单位党组织", form="党支部",
                       resident_unit_id=unit.id)
        s.add(org)
        s.flush()
        members = [PartyMember(code=code, name=name, gender="男", birth_date=D(1975, 5, 5),
                               id_number=with_check_digit(f"43070219750505{number:03d}"), phone="13800000000",
                               joined_on=D(2000, 7, 1), is_full_member=True, is_in_service=True,
                               party_org_id=org.id, work_unit_id=unit.id, residence_community_id=home.id)
                   for number, code, name in [(1, "M1", "张三明"), (2, "M2", "李四")]]
        s.add_all(members)
        s.flush()
        s.add(MemberCheckin(member_id=members[0].id, community_id=home.id, checked_in_on=D(2018, 3, 20)))
        s.add(ServiceActivity(code="FW1", member_id=members[0].id, community_id=home.id, served_on=world["service"],
                              kind="治安巡逻", hours=Decimal("2.0")))
        committee = WorkingCommittee(street_id=street.id, name="一街道大工委", established_on=D(2015, 1, 1))
        s.add(committee)
        s.flush()
        for number, day in enumerate(world["meetings"], start=1):
            s.add(JointMeeting(code=f"J{number}", committee_id=committee.id, street_id=street.id, held_on=day,
                               title=f"联席会议{number}"))
    with engine.begin() as connection:
        rebuild_summaries(connection)


def built(databases, backend: str) -> dict[str, str]:
    """The two stores on `backend`, built once per session: {"meetings later": url, "check-ins later": url}."""
    return {name: databases.filled_once(backend, f"theme_dates_{name}", lambda engine, w=world: build_store(engine, w))
            for name, world in (("meetings later", MEETINGS_LATER), ("check-ins later", CHECKINS_LATER))}


@pytest.fixture
def stores(databases, backend):
    return built(databases, backend)


def facts_and_engine(url: str):
    engine = make_engine(url)
    return store_facts(engine), engine


def test_a_store_whose_meetings_run_later_than_its_check_ins(stores):
    facts, engine = facts_and_engine(stores["meetings later"])
    april_2, april_12 = D(2018, 4, 2), D(2018, 4, 12)
    assert facts.themes == ThemeDates(coverage=april_12, checkin=april_2, pairing=april_12, meetings=april_12,
                                      two_new=april_12, funding=april_12)
    assert facts.data_as_of == april_12 and facts.themes_differ
    assert facts.first_month == D(2016, 11, 1)  # 18 months: 2016-11 … 2018-04
    # The views' default period, 2018-02 … 2018-04, ends for meetings on 04-12: the April meeting is in
    # (cut at the check-ins' 04-02, as before, it showed 0 meetings).
    activity = meeting_activity_by_street(engine, CITY, D(2018, 2, 1), min(D(2018, 4, 30), facts.as_of("meetings")), 1)
    assert activity[["meetings_held", "days_since_last"]].values.tolist() == [[1, 0]]
    frames = cockpit_by_area(engine, CITY, facts.themes)
    # Meetings: the four quarters complete by 04-12 are 2017Q2 … 2018Q1; 一街道 met in 2018Q1 only → 1 of 4.
    assert frames["meetings_on_schedule"][["street_quarters", "street_quarters_on_schedule"]].values.tolist() == [
        [4, 1]]
    # Check-in as of 04-02: M1 of M1, M2.
    assert frames["member_checkin_rate"][["members_in_service", "members_checked_in"]].values.tolist() == [[2, 1]]
    engine.dispose()


def test_a_store_whose_check_ins_run_later_than_its_meetings(stores):
    facts, engine = facts_and_engine(stores["check-ins later"])
    june_28, feb_5 = D(2018, 6, 28), D(2018, 2, 5)
    assert facts.themes == ThemeDates(coverage=june_28, checkin=june_28, pairing=june_28, meetings=feb_5,
                                      two_new=june_28, funding=june_28)
    assert facts.data_as_of == june_28
    frames = cockpit_by_area(engine, CITY, facts.themes)
    # Quarters complete by 02-05: 2017Q1 … 2017Q4; met in Q3 (08-10) and Q4 (11-20) → 2 of 4. Judged by the
    # check-ins' 06-28, 2018Q1 would count too, and so would 2018Q2 once it ended, without any meeting data.
    assert frames["meetings_on_schedule"][["street_quarters", "street_quarters_on_schedule"]].values.tolist() == [
        [4, 2]]
    assert member_checkin_rate_by_area(engine, CITY, facts.as_of("checkin"))["members_checked_in"].tolist() == [1]
    # A period ending at the meetings' date: the 02-05 meeting is the last, 0 days before.
    activity = meeting_activity_by_street(engine, CITY, D(2017, 12, 1), facts.as_of("meetings"), 1)
    assert activity[["meetings_held", "days_since_last", "overdue"]].values.tolist() == [[1, 0, False]]
    engine.dispose()


def test_the_demo_date_wins_for_every_theme(fixture_engine):
    """The fixture records 2018-06-30 (as the demo does), though it holds events after it."""
    facts = store_facts(fixture_engine)
    assert facts.themes == ThemeDates.every(AS_OF) and not facts.themes_differ


# --- What a user reads ------------------------------------------------------------------------------------------


def open_page(monkeypatch, url: str, page: str | None) -> AppTest:
    """`page` (None: the cockpit) with sign-in off; the store stays configured for later runs of the app."""
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    if page:
        app.switch_page(page)
        app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def captions(app: AppTest) -> list[str]:
    return [c.value for c in app.caption]


@pytest.fixture
def sqlite_stores(databases):
    return built(databases, "sqlite")


def test_the_meetings_view_shows_the_april_meetings_of_the_trial(monkeypatch, sqlite_stores):
    url = sqlite_stores["meetings later"]
    meetings = open_page(monkeypatch, url, "../pages/meetings.py")
    assert metrics(meetings)["实际召开次数"] == "1"  # 04-12, in the default 2018-02 … 2018-04
    assert "全市 · 2018年2月—2018年4月 · 数据截至 2018年4月12日" in captions(meetings)
    checkin = open_page(monkeypatch, url, "../pages/checkin.py")
    assert metrics(checkin)["在职党员报到率"] == "50.0%"
    assert "全市 · 2018年2月—2018年4月 · 双报到数据截至 2018年4月2日" in captions(checkin)
    cockpit = open_page(monkeypatch, url, None)
    # Only two cards have their data imported (the others say which template is missing): 在职党员报到率 and
    # 联席会议按期召开率 (with the four quarters it judges), in this order, each dated by its own theme.
    cards = [c for c in captions(cockpit) if "数据截至" in c and not c.startswith("比率单位")]  # not the ranking's
    assert cards == ["数据截至 2018年4月2日", "2017年第2季度—2018年第1季度 · 数据截至 2018年4月12日"]
    assert (metrics(cockpit)["在职党员报到率"], metrics(cockpit)["联席会议按期召开率"]) == ("50.0%", "25.0%")


def test_a_period_after_the_meetings_date_says_so_and_offers_their_months(monkeypatch, sqlite_stores):
    url = sqlite_stores["check-ins later"]
    meetings = open_page(monkeypatch, url, "../pages/meetings.py")  # default period 2018-04 … 2018-06
    assert [i.value for i in meetings.info] == [
        "联席会议数据截至 2018年2月5日,所选期间(2018年4月—2018年6月)在此之后,没有联席会议数据。"]
    assert not meetings.metric
    meetings.button(key="meetings_months").click().run()
    assert metrics(meetings)["实际召开次数"] == "1"  # 2018-02-05 in 2017-12 … 2018-02
    assert "全市 · 2017年12月—2018年2月 · 数据截至 2018年2月5日" in captions(meetings)
    assert (meetings.query_params["from"], meetings.query_params["to"]) == ("2017-12", "2018-02")
    cockpit = open_page(monkeypatch, url, None)
    assert metrics(cockpit)["联席会议按期召开率"] == "50.0%"  # 2 of the 4 quarters complete by 02-05
    assert metrics(cockpit)["在职党员报到率"] == "50.0%"
