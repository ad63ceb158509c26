"""An import recounts only the communities it touched, and the summaries it leaves are row for row those of a full
rebuild (dashboard/summaries.py `refresh_summaries`), on every backend: after each file of the import world, after
follow-up files written to reach each path (a later month's services of one community, a member moving, a
check-in moving, a claim, a pairing activity, a replaced period), and after random service files (Hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from dashboard import summaries
from dashboard.db import make_engine
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from dashboard.schema import CheckedInMember, CommunityMonth, CommunityYear, StoreMeta
from queries.summary import FIRST_MONTH_KEY
from tests.import_world import FILES, TODAY, seed_counties

SERVICES = "服务记录编号,党员编号,服务社区编码,岗位编码,服务日期,服务类别,服务时长\n"
# Follow-up files: (template, CSV, whether the import may take the short way). Hand-read effects:
FOLLOW_UPS = [
    # M2 (checked in to C02) serves in July: the check-in date moves to 07-08, a day every community gets;
    # nobody of another community served after 06-30, so only C02 is recounted on every day.
    ("志愿服务记录", SERVICES + "F10,M2,C02,P2,2018-07-08,环境卫生,1\n", True),
    # M1 serves later in July (C01): 07-08 gives way to 07-20 as the last day; C01 is recounted on every day,
    # the others on 07-20 only (M2's July service of 07-08 counts there again).
    ("志愿服务记录", SERVICES + "F11,M1,C01,P1,2018-07-20,治安巡逻,1\n", True),
    # M4 moves from C01 to C02 (residence): both recounted.
    ("党员", "党员编号,姓名,性别,出生日期,公民身份号码,手机号码,入党日期,是否正式党员,是否在职党员,所在党组织编码,"
             "工作单位编码,居住社区编码,居住网格编码\n"
             "M4,赵四,女,1992-11-11,430702199211110042,13900000004,2016-07-01,否,是,O03,,C02,G03\n", True),
    # M4 checks in to C01 and claims P2 of C02; a pairing activity of M1 and M3 in C01.
    ("党员报到", "党员编号,报到社区编码,报到日期\nM4,C01,2018-07-01\n", True),
    ("岗位认领", "党员编号,岗位编码,认领日期\nM4,P2,2018-07-02\n", True),
    ("结对活动", "活动编号,单位编码,机关党员编号,社区党员编号,社区编码,活动日期,活动类别\n"
                 "HD5,,M1,M3,C01,2018-07-03,走访慰问\n", True),
]


FULL_REBUILD = summaries.rebuild_summaries  # the comparison's own, not counted by `counted_rebuilds`


def summary_rows(connection) -> dict[str, list]:
    def rows(model, *order):
        return [tuple(row) for row in connection.execute(select(*model.__table__.c).order_by(*order)).all()]
    return {"community_month": rows(CommunityMonth, CommunityMonth.community_id, CommunityMonth.on_date),
            "community_year": rows(CommunityYear, CommunityYear.community_id, CommunityYear.year),
            "checked_in_member": rows(CheckedInMember, CheckedInMember.member_id),
            "first_month": connection.execute(select(StoreMeta.value).where(
                StoreMeta.meta_key == FIRST_MONTH_KEY)).scalar()}


def full_rebuild_rows(engine: Engine) -> dict[str, list]:
    """What a full rebuild would leave, without keeping it."""
    with engine.connect() as connection:
        transaction = connection.begin()
        FULL_REBUILD(connection)
        rows = summary_rows(connection)
        transaction.rollback()
    return rows


def imported(engine: Engine, title: str, text: str, **options) -> None:
    outcome = import_file(engine, template_named(title), f"{title}.csv", text.encode(), "test", today=TODAY,
                          **options)
    assert outcome.committed, outcome.problems


def assert_same_as_full(engine: Engine, after: str) -> None:
    with engine.connect() as connection:
        held = summary_rows(connection)
    assert held == full_rebuild_rows(engine), f"after {after}"


@pytest.fixture
def counted_rebuilds(monkeypatch) -> list:
    """Every full rebuild the refresh falls back to."""
    calls = []
    monkeypatch.setattr(summaries, "rebuild_summaries",
                        lambda connection: calls.append(1) or FULL_REBUILD(connection))
    return calls


@pytest.fixture
def world(databases, backend) -> Engine:
    engine = make_engine(databases.migrated(backend))
    seed_counties(engine)
    yield engine
    engine.dispose()


def test_each_import_leaves_the_summaries_of_a_full_rebuild(world, counted_rebuilds):
    for title, text, _rows in FILES:
        imported(world, title, text)
        if template_named(title).table.name in summaries.SOURCES:  # other imports leave the summaries alone
            assert_same_as_full(world, title)
    for title, text, short in FOLLOW_UPS:
        before = len(counted_rebuilds)
        imported(world, title, text)
        assert_same_as_full(world, text)
        assert (len(counted_rebuilds) == before) == short, f"{text}: short way expected {short}"
    with world.connect() as connection:  # the follow-ups reached the summaries: July is a snapshot day
        days = {row[1] for row in summary_rows(connection)["community_month"]}
    assert dt.date(2018, 7, 20) in {d.date() if isinstance(d, dt.datetime) else d for d in days}
    before = len(counted_rebuilds)
    imported(world, "志愿服务记录", SERVICES + "F12,M1,C01,P1,2018-07-10,治安巡逻,1\n",
             replace_period=(dt.date(2018, 7, 1), dt.date(2018, 7, 31)))
    assert_same_as_full(world, "a replaced July")
    assert len(counted_rebuilds) == before + 1  # a replaced period may hold any community's rows


@settings(max_examples=8, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(batches=st.lists(st.lists(st.tuples(st.sampled_from(["M1", "M2", "M4"]),
                                           st.dates(dt.date(2017, 1, 1), dt.date(2018, 9, 30))),
                                 min_size=1, max_size=6), min_size=1, max_size=3))
def test_random_service_files_leave_the_summaries_of_a_full_rebuild(databases, batches):
    engine = make_engine(databases.migrated("sqlite"))
    seed_counties(engine)
    for title, text, _rows in FILES:
        if title != "志愿服务记录":
            imported(engine, title, text)
    imported(engine, "党员报到", "党员编号,报到社区编码,报到日期\nM4,C01,2017-06-01\n")
    number = 100
    for batch in batches:
        lines = []
        for member, day in batch:
            number += 1
            community, post = ("C02", "P2") if member == "M2" else ("C01", "P1")
            lines.append(f"R{number},{member},{community},{post},{day},治安巡逻,1")
        imported(engine, "志愿服务记录", SERVICES + "\n".join(lines) + "\n")
        assert_same_as_full(engine, f"services {batch}")
    engine.dispose()
