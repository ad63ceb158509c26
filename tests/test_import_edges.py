"""Imports on the inclusive edges (issue 18): a row dated today, rows on the first and last day of a replaced
period, identity numbers repeated inside one file or already owned by another member. The store is
tests/import_world.py's (read only here: the checks run as dry runs, which write and roll back) or, where a
test must write, a new store filled the same way.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dashboard.db import make_engine
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from dashboard.schema import ServiceActivity
from tests.import_world import ID_M1, TODAY
from tests.test_imports import SERVICE_HEADER, load_world

MEETING_HEADER = "会议编号,街道编码,召开日期,会议主题\n"
MEMBER_HEADER = ("党员编号,姓名,性别,出生日期,公民身份号码,手机号码,入党日期,是否正式党员,是否在职党员,所在党组织编码,"
                 "工作单位编码,居住社区编码,居住网格编码\n")
JUNE = (dt.date(2018, 6, 1), dt.date(2018, 6, 30))
# New identity numbers, check digits by hand (GB 11643, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2):
# 43070219800101005 → sum 181, 181 mod 11 = 5 → "7"; 43070219800101007 → 185, mod 11 = 9 → "3".
ID_M5, ID_M6 = "430702198001010057", "430702198001010073"


@pytest.fixture
def world_engine(databases, backend):
    """tests/test_imports.py's store filled through the import world's files (shared, only read here)."""
    engine = make_engine(databases.filled_once(backend, "import world", load_world))
    yield engine
    engine.dispose()


def member_row(code: str, name: str, id_number: str) -> str:
    return f"{code},{name},男,1980-01-01,{id_number},,2005-07-01,是,是,O05,U01,C01,G01\n"


def dry_run(engine, title: str, content: str, **options):
    return import_file(engine, template_named(title), f"{title}.csv", content.encode(), "tester", dry_run=True,
                       today=TODAY, **options)


def test_a_row_dated_today_is_taken_and_one_dated_tomorrow_refused(world_engine):
    today = dry_run(world_engine, "联席会议", MEETING_HEADER + f"J9,S01,{TODAY},年末联席会议\n")
    assert (today.problems, today.inserted) == ([], 1)
    tomorrow = dry_run(world_engine, "联席会议", MEETING_HEADER + f"J9,S01,{TODAY + dt.timedelta(days=1)},年末\n")
    assert [(p.row, p.column) for p in tomorrow.problems] == [(2, "召开日期")]
    assert "晚于今天" in tomorrow.problems[0].message


def test_a_replaced_period_takes_rows_on_its_first_and_last_day(world_engine):
    edges = SERVICE_HEADER + "F5,M1,C01,P1,2018-06-01,治安巡逻,2\nF6,M2,C02,P2,2018-06-30,环境卫生,1\n"
    outcome = dry_run(world_engine, "志愿服务记录", edges, replace_period=JUNE)
    # The world's June rows F1 (06-09) and F3 (06-10) are replaced by F5 and F6.
    assert (outcome.problems, outcome.deleted, outcome.inserted) == ([], 2, 2)
    outside = SERVICE_HEADER + "F5,M1,C01,P1,2018-05-31,治安巡逻,2\nF6,M2,C02,P2,2018-07-01,环境卫生,1\n"
    refused = dry_run(world_engine, "志愿服务记录", outside, replace_period=JUNE)
    assert [(p.row, p.column) for p in refused.problems] == [(2, "服务日期"), (3, "服务日期")]
    assert all("不在要替换的期间" in p.message for p in refused.problems)


def test_replacing_a_period_deletes_the_stored_rows_on_its_first_and_last_day(migrated_engine):
    load_world(migrated_engine)
    template = template_named("志愿服务记录")
    edges = SERVICE_HEADER + "F5,M1,C01,P1,2018-06-01,治安巡逻,2\nF6,M2,C02,P2,2018-06-30,环境卫生,1\n" \
                             "F7,M2,C02,P2,2018-07-01,环境卫生,1\n"
    added = import_file(migrated_engine, template, "edges.csv", edges.encode(), "tester", today=TODAY)
    assert added.committed and added.inserted == 3
    june = SERVICE_HEADER + "F8,M1,C01,P1,2018-06-15,治安巡逻,2\n"
    outcome = import_file(migrated_engine, template, "june.csv", june.encode(), "tester", today=TODAY,
                          replace_period=JUNE)
    # June held F1 (06-09), F3 (06-10), F5 (06-01, the first day) and F6 (06-30, the last day): all four go;
    # F2 (05-09) and F7 (07-01) stay.
    assert (outcome.committed, outcome.deleted, outcome.inserted) == (True, 4, 1)
    with migrated_engine.connect() as connection:
        assert sorted(connection.execute(select(ServiceActivity.code)).scalars()) == ["F2", "F7", "F8"]


def test_an_identity_number_twice_in_one_file_is_refused_on_the_second_row(world_engine):
    content = MEMBER_HEADER + member_row("M5", "钱五", ID_M5) + member_row("M6", "孙六", ID_M6) \
        + member_row("M7", "周七", ID_M5)
    outcome = dry_run(world_engine, "党员", content)
    assert [(p.row, p.column, p.message) for p in outcome.problems] == [(4, "公民身份号码", "与第 2 行重复")]
    assert outcome.inserted == 0


def test_an_identity_number_owned_by_another_member_is_refused(world_engine):
    # ID_M1 belongs to M1 in the world's store; a new member M5 may not take it.
    content = MEMBER_HEADER + member_row("M5", "钱五", ID_M1) + member_row("M6", "孙六", ID_M6)
    outcome = dry_run(world_engine, "党员", content)
    assert [(p.row, p.column, p.message) for p in outcome.problems] == [(2, "公民身份号码", "已属于另一条记录(M1)")]
    own = dry_run(world_engine, "党员", MEMBER_HEADER + member_row("M1", "张一", ID_M1))
    assert own.problems == []  # M1 keeping its own number is no conflict
