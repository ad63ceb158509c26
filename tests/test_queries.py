"""The cockpit's metrics on the hand-built fixture, on every backend. Expected figures counted by hand
from tests/fixture_data.py (as of 2018-06-30); the counting is written beside each assertion."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, update

from dashboard.schema import Setting
from queries import overview
from queries.area import CITY, Area
from queries.cockpit import ranked_areas, scored_headlines
from queries.overview import HEADLINES
from queries.store import ThemeDates, rag_status, setting_value, store_facts, targets
from tests.conftest import fill_with_fixture

AS_OF = dt.date(2018, 6, 30)


def by_area(frame, column):
    return dict(zip(frame["area_name"], frame[column]))


def test_grid_branch_coverage(fixture_engine):
    # 甲区: grids G1-G6, branches on G1 G2 G4 G5; 乙县: G7 G8, branch on G7.
    frame = overview.grid_branch_coverage_by_area(fixture_engine, CITY)
    assert by_area(frame, "grids") == {"甲区": 6, "乙县": 2}
    assert by_area(frame, "grids_with_branch") == {"甲区": 4, "乙县": 1}
    assert overview.headline(frame, "grids_with_branch", "grids") == pytest.approx(5 / 8)


def test_member_checkin_rate(fixture_engine):
    # 甲区 in service living in K1-K3: M1 M2 M3 M4 (M3 joined on 06-30 itself, the last day of June);
    # checked in by 06-30: M1 (03-01), M4 (2017); M2 is 07-15.
    # 乙县 K4: M5, M10 (M6 joined 2018-08-01, M7 lives in a village); both checked in (M10 on 06-30 itself).
    frame = overview.member_checkin_rate_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "members_in_service") == {"甲区": 4, "乙县": 2}
    assert by_area(frame, "members_checked_in") == {"甲区": 2, "乙县": 2}
    assert overview.headline(frame, "members_checked_in", "members_in_service") == pytest.approx(4 / 6)
    # A day earlier (counted from raw rows: 06-29 is no summary day) M10 has not checked in and M3 not joined.
    earlier = overview.member_checkin_rate_by_area(fixture_engine, CITY, dt.date(2018, 6, 29))
    assert by_area(earlier, "members_checked_in") == {"甲区": 2, "乙县": 1}
    assert by_area(earlier, "members_in_service") == {"甲区": 3, "乙县": 2}
    # At May's end (a summary day): M3 not joined yet; M10 not checked in.
    may = overview.member_checkin_rate_by_area(fixture_engine, CITY, dt.date(2018, 5, 31))
    assert by_area(may, "members_in_service") == {"甲区": 3, "乙县": 2}
    assert by_area(may, "members_checked_in") == {"甲区": 2, "乙县": 1}


def test_pairing_coverage(fixture_engine):
    # K1 paired since 2016; K2's U1 pairing starts 2018-09 but its U3 pairing ends on 06-30 itself, so it is
    # still in force; K4's ended 2018-01-31; K3's runs to 2018-12-31. 甲区: K1 K2 K3; 乙县: none.
    frame = overview.pairing_coverage_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "urban_communities") == {"甲区": 3, "乙县": 1}
    assert by_area(frame, "communities_paired") == {"甲区": 3, "乙县": 0}
    # The next day K2's U3 pairing has ended: K1 K3.
    later = overview.pairing_coverage_by_area(fixture_engine, CITY, dt.date(2018, 7, 1))
    assert by_area(later, "communities_paired") == {"甲区": 2, "乙县": 0}
    # U1-K2 starts on 2018-09-01: in force that day (K1 K2 K3), not the day before (K1 K3).
    starting = overview.pairing_coverage_by_area(fixture_engine, CITY, dt.date(2018, 9, 1))
    assert by_area(starting, "communities_paired") == {"甲区": 3, "乙县": 0}
    before = overview.pairing_coverage_by_area(fixture_engine, CITY, dt.date(2018, 8, 31))
    assert by_area(before, "communities_paired") == {"甲区": 2, "乙县": 0}


def test_meetings_on_schedule(fixture_engine):
    # Quarters 2017Q3-2018Q2. 一街道 meets in all four; 二街道 in Q3 (twice) and Q2; 三街道 only in 2018Q1
    # (its 2017-06-30 and 2018-07-01 meetings fall outside). 甲区 8 street-quarters, 6 on schedule; 乙县 4, 1.
    first, last = overview.last_complete_quarters(AS_OF, 4)
    assert (first, last) == (dt.date(2017, 7, 1), dt.date(2018, 6, 30))
    frame = overview.meetings_on_schedule_by_area(fixture_engine, CITY, first, last, 1)
    assert by_area(frame, "street_quarters") == {"甲区": 8, "乙县": 4}
    assert by_area(frame, "street_quarters_on_schedule") == {"甲区": 6, "乙县": 1}
    assert by_area(frame, "on_schedule_rate") == pytest.approx({"甲区": 6 / 8, "乙县": 1 / 4})
    # Requiring two a quarter: 二街道's 2017Q3 (09-01, 09-30), 一街道's 2018Q1 (01-01 on the quarter's first
    # day, 02-05) and 2018Q2 (05-06, 06-30 on the window's and the quarter's last day).
    twice = overview.meetings_on_schedule_by_area(fixture_engine, CITY, first, last, 2)
    assert by_area(twice, "street_quarters_on_schedule") == {"甲区": 3, "乙县": 0}


@pytest.mark.parametrize(("as_of", "window"), [
    # as-of day → the four calendar quarters ended by then (a quarter's last day completes it)
    (dt.date(2018, 1, 1), (dt.date(2017, 1, 1), dt.date(2017, 12, 31))),
    (dt.date(2018, 2, 15), (dt.date(2017, 1, 1), dt.date(2017, 12, 31))),
    (dt.date(2018, 3, 30), (dt.date(2017, 1, 1), dt.date(2017, 12, 31))),
    (dt.date(2018, 3, 31), (dt.date(2017, 4, 1), dt.date(2018, 3, 31))),
    (dt.date(2018, 4, 15), (dt.date(2017, 4, 1), dt.date(2018, 3, 31))),
    (dt.date(2018, 12, 30), (dt.date(2017, 10, 1), dt.date(2018, 9, 30))),
    (dt.date(2018, 12, 31), (dt.date(2018, 1, 1), dt.date(2018, 12, 31))),
])
def test_the_last_four_complete_quarters(as_of, window):
    assert overview.last_complete_quarters(as_of, 4) == window


def test_two_new_coverage(fixture_engine):
    # 甲区 N1 单独 N2 联合 N3 指导员 N4 未覆盖; 乙县 N5 联合 N6 未覆盖.
    frame = overview.two_new_coverage_by_area(fixture_engine, CITY)
    assert by_area(frame, "two_new_orgs") == {"甲区": 4, "乙县": 2}
    assert by_area(frame, "orgs_covered") == {"甲区": 2, "乙县": 1}
    assert by_area(frame, "work_covered") == {"甲区": 3, "乙县": 1}


def test_funding_execution(fixture_engine):
    # 2018 lines: 甲区 L1 100,000 + L2 30,000, paid by 06-30: 20,000 + 30,000 + 15,000 (the 07-15 payment
    # is later); 乙县 L3 50,000, nothing paid (L4 is 2017's).
    frame = overview.funding_execution_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "budget_yuan") == {"甲区": 130_000.0, "乙县": 50_000.0}
    assert by_area(frame, "disbursed_yuan") == {"甲区": 65_000.0, "乙县": 0.0}
    assert overview.year_elapsed(AS_OF) == pytest.approx(181 / 365)
    assert by_area(frame, "pace")["甲区"] == pytest.approx(0.5 / (181 / 365))
    # By street: L1 is kept at 甲区's own level, shown as 本级 with an empty code; L2 belongs to 一街道.
    streets = overview.funding_execution_by_area(fixture_engine, Area(county="T01"), AS_OF)
    assert by_area(streets, "area_code") == {"本级(未分到下级)": "", "一街道": "T01-S1"}


@pytest.mark.parametrize(("area", "expected"), [
    # 甲区 by street: 一街道 holds K1 (G1-G3, M1) and K2 (G4 G5, M2); 二街道 holds K3 (G6, M3 M4).
    # Its 2018 lines: L1 kept at county level (本级), L2 in 一街道's K1.
    (Area(county="T01"), {"grids": {"一街道": 5, "二街道": 1}, "members_in_service": {"一街道": 2, "二街道": 2},
                          "budget_yuan": {"本级(未分到下级)": 100_000.0, "一街道": 30_000.0}}),
    # 一街道 by community.
    (Area(street="T01-S1"), {"grids": {"红星社区": 3, "光明社区": 2},
                             "members_in_service": {"红星社区": 1, "光明社区": 1},
                             "budget_yuan": {"红星社区": 30_000.0}}),
    # A community is shown as itself; 乙县's only line is kept at county level, outside the community.
    (Area(community="K4"), {"grids": {"幸福社区": 2}, "members_in_service": {"幸福社区": 2}, "budget_yuan": {}}),
    (Area(county="NO-SUCH"), {"grids": {}, "members_in_service": {}, "budget_yuan": {}}),
    (Area(county="T01' OR '1'='1"), {"grids": {}, "members_in_service": {}, "budget_yuan": {}}),
])
def test_queries_read_only_their_area_broken_down_one_level(fixture_engine, area, expected):
    assert by_area(overview.grid_branch_coverage_by_area(fixture_engine, area), "grids") == expected["grids"]
    checkins = overview.member_checkin_rate_by_area(fixture_engine, area, AS_OF)
    assert by_area(checkins, "members_in_service") == expected["members_in_service"]
    funding = overview.funding_execution_by_area(fixture_engine, area, AS_OF)
    assert by_area(funding, "budget_yuan") == expected["budget_yuan"]


def test_meetings_of_a_street_and_a_community_area(fixture_engine):
    # Meetings belong to streets: a street's area and a community's area are shown as the street.
    first, last = overview.last_complete_quarters(AS_OF, 4)
    street = overview.meetings_on_schedule_by_area(fixture_engine, Area(street="T01-S2"), first, last, 1)
    assert by_area(street, "street_quarters_on_schedule") == {"二街道": 2}
    community = overview.meetings_on_schedule_by_area(fixture_engine, Area(community="K4"), first, last, 1)
    assert by_area(community, "street_quarters") == {"三街道": 4}
    county = overview.meetings_on_schedule_by_area(fixture_engine, Area(county="T01"), first, last, 1)
    assert by_area(county, "street_quarters_on_schedule") == {"一街道": 4, "二街道": 2}
    nowhere = overview.meetings_on_schedule_by_area(fixture_engine, Area(county="NO-SUCH"), first, last, 1)
    assert nowhere.empty


def test_cockpit_scores_against_targets_in_the_store(fixture_engine):
    frames = overview.cockpit_by_area(fixture_engine, CITY, ThemeDates.every(AS_OF))
    scores = scored_headlines(frames, targets(fixture_engine), ThemeDates.every(AS_OF)).set_index("key")
    assert scores.loc["member_checkin_rate", "value"] == pytest.approx(4 / 6)
    assert scores.loc["meetings_on_schedule", "value"] == pytest.approx(7 / 12)
    assert scores.loc["two_new_org_coverage", "value"] == pytest.approx(3 / 6)
    assert scores.loc["funding_execution", "value"] == pytest.approx(65_000 / 180_000)
    # Default targets: 70% with amber from 55% for Two New; funding against 序时进度 181/365.
    assert scores.loc["two_new_org_coverage", "status"] == "红"
    assert scores.loc["funding_execution", "target"] == pytest.approx(181 / 365)
    assert scores.loc["funding_execution", "status"] == "红"  # 36.1% < 0.85 * 49.6% = 42.2%


def test_the_cockpit_reads_the_meetings_requirement_from_the_store(migrated_engine):
    fill_with_fixture(migrated_engine)
    key = Setting.setting_key == "meetings_required_per_quarter"
    with migrated_engine.begin() as connection:
        connection.execute(update(Setting).where(key).values(value="2"))
    # Two a quarter (tests above): 甲区 3 of 8 street-quarters, 乙县 0 of 4.
    frame = overview.cockpit_by_area(migrated_engine, CITY, ThemeDates.every(AS_OF))["meetings_on_schedule"]
    assert by_area(frame, "street_quarters_on_schedule") == {"甲区": 3, "乙县": 0}
    with migrated_engine.begin() as connection:
        connection.execute(delete(Setting).where(key))
    # Without the setting the requirement is one a quarter: 6 of 8 and 1 of 4.
    frame = overview.cockpit_by_area(migrated_engine, CITY, ThemeDates.every(AS_OF))["meetings_on_schedule"]
    assert by_area(frame, "street_quarters_on_schedule") == {"甲区": 6, "乙县": 1}


def test_ranking_puts_the_laggard_first(fixture_engine):
    spec = next(h for h in HEADLINES if h.key == "member_checkin_rate")
    frame = overview.member_checkin_rate_by_area(fixture_engine, CITY, AS_OF)
    goal = targets(fixture_engine).set_index("metric_key").loc["member_checkin_rate"]
    ranked = ranked_areas(frame, spec, goal, AS_OF)
    assert ranked["area_name"].tolist() == ["甲区", "乙县"]  # 50% before 100%
    assert ranked["rank"].tolist() == [2, 1]
    assert ranked["status"].tolist() == ["红", "绿"]
    assert ranked["gap"].tolist() == pytest.approx([0.5 - 0.9, 1.0 - 0.9])


def test_rag_status_edges():
    assert rag_status(0.90, 0.90, 0.80) == "绿"
    assert rag_status(0.85, 0.90, 0.80) == "黄"
    assert rag_status(0.80, 0.90, 0.80) == "黄"
    assert rag_status(0.79, 0.90, 0.80) == "红"
    assert rag_status(None, 0.90, 0.80) == "无数据"


def test_store_facts_and_settings(fixture_engine):
    facts = store_facts(fixture_engine)
    assert facts.data_as_of == AS_OF
    assert not facts.is_demo
    assert setting_value(fixture_engine, "meetings_required_per_quarter", "9") == "1"
    assert setting_value(fixture_engine, "no_such_setting", "9") == "9"
    assert set(targets(fixture_engine)["metric_key"]) == {h.key for h in HEADLINES} | {
        "unit_checkin_rate", "monthly_service_rate", "notification_completion"}
