"""联席会议 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py:
一街道 met 2017-08-10, 2017-11-20, 2018-01-01 (no attendance recorded), 2018-02-05 (all 4 seats attended),
2018-05-06 (赵委员 absent), 2018-06-30 (no attendance recorded);
二街道 2017-09-01, 2017-09-30, 2018-04-01; 三街道 2017-06-30, 2018-03-31, 2018-07-01. Items: at 2018-02-05
开放活动阵地 (matched, resolved) and 小区停车难 (matched); at 2018-05-06 共建口袋公园 (not matched)."""

from __future__ import annotations

import datetime as dt

import pytest

from queries import meetings, overview
from queries.area import CITY, Area
from tests.fixture_data import AS_OF

H1 = (dt.date(2018, 1, 1), dt.date(2018, 6, 30))


def by_street(frame, *columns):
    return {row["street"]: tuple(row[c] for c in columns) for _, row in frame.iterrows()}


def test_meeting_activity_in_the_first_half_of_2018(fixture_engine):
    frame = meetings.meeting_activity_by_street(fixture_engine, CITY, *H1, 1)
    assert by_street(frame, "meetings_held", "meetings_required", "quarters_on_schedule") == {
        "一街道": (4, 2, 2), "二街道": (1, 2, 1), "三街道": (1, 2, 1)}  # 一街道: 01-01 and 06-30, the edges
    assert by_street(frame, "seats", "attended") == {"一街道": (8, 7), "二街道": (0, 0), "三街道": (0, 0)}
    assert by_street(frame, "items_tabled", "items_matched", "items_resolved")["一街道"] == (3, 2, 1)
    assert by_street(frame, "days_since_last", "overdue") == {
        "一街道": (0, False), "二街道": (90, False), "三街道": (91, False)}
    assert frame.set_index("street").loc["一街道", "attendance_rate"] == pytest.approx(7 / 8)


def test_streets_without_a_meeting_for_a_quarter_are_overdue(fixture_engine):
    frame = meetings.meeting_activity_by_street(fixture_engine, CITY, dt.date(2017, 10, 1), dt.date(2018, 2, 28), 1)
    assert by_street(frame, "meetings_held", "days_since_last", "overdue") == {
        "一街道": (3, 23, False), "二街道": (0, 151, True), "三街道": (0, 243, True)}  # 11-20, 01-01, 02-05
    assert meetings.overdue_after_days(2) == 46


def test_meeting_activity_of_a_county_holds_its_streets_only(fixture_engine):
    frame = meetings.meeting_activity_by_street(fixture_engine, Area(county="T02"), *H1, 1)
    assert frame["street"].tolist() == ["三街道"]


def test_heatmap_counts_every_street_and_month(fixture_engine):
    frame = meetings.meetings_by_street_month(fixture_engine, CITY, *H1)
    assert len(frame) == 18
    held = frame[frame["meetings"] > 0]
    assert list(zip(held["street"], held["month"], held["meetings"])) == [
        ("一街道", "2018-01", 1), ("一街道", "2018-02", 1), ("一街道", "2018-05", 1), ("一街道", "2018-06", 1),
        ("二街道", "2018-04", 1), ("三街道", "2018-03", 1)]


def test_a_street_drill_down(fixture_engine):
    street = Area(county="T01", street="T01-S1")
    committee = meetings.street_committee(fixture_engine, street)
    assert committee["role"].tolist() == ["书记", "副书记", "委员", "委员"]
    assert committee["unit"].tolist()[2:] == ["甲区财政局", "常德某科技有限公司"]
    assert committee["phone"].tolist()[0] == "139****1111"
    assert committee["person"].tolist() == ["张*记", "李*书", "王*员", "赵*员"]  # names masked like detail rows
    held = meetings.street_meetings(fixture_engine, street, *H1)
    assert held["held_on"].tolist() == [dt.date(2018, 1, 1), dt.date(2018, 2, 5), dt.date(2018, 5, 6),
                                        dt.date(2018, 6, 30)]
    assert list(zip(held["seats"], held["attended"], held["items_tabled"], held["items_matched"])) == [
        (0, 0, 0, 0), (4, 4, 2, 2), (4, 3, 1, 0), (0, 0, 0, 0)]
    items = meetings.street_items(fixture_engine, street, *H1)
    assert list(zip(items["title"], items["matched"], items["resolved"])) == [
        ("开放活动阵地", True, True), ("小区停车难", True, False), ("共建口袋公园", False, False)]
    assert meetings.street_items(fixture_engine, Area(street="NO-SUCH"), *H1).empty
    unmasked = meetings.street_committee(fixture_engine, street, mask=False)
    assert (unmasked["phone"].tolist()[0], unmasked["person"].tolist()[0]) == ("13900001111", "张书记")


def test_a_street_that_has_never_met_by_the_period_is_overdue_not_an_error(fixture_engine):
    # 2017Q1: none of the fixture's meetings (all in 2018) had been held yet
    frame = meetings.meeting_activity_by_street(fixture_engine, Area(county="T02"), dt.date(2017, 1, 1),
                                                dt.date(2017, 3, 31), 1)
    assert frame["street"].tolist() == ["三街道"] and frame["overdue"].tolist() == [True]
    assert frame["days_since_last"].isna().tolist() == [True] and frame["last_meeting_on"].tolist() == [None]


def street_quarters(frame) -> dict[str, tuple[int, int]]:
    return by_street(frame, "quarters_on_schedule", "quarters")


def test_one_definition_of_street_quarters_for_the_cockpit_and_the_view(fixture_engine):
    """Issue 12: the cockpit counted 144 street-quarters and the view 72 on the demo. The cockpit judged the last
    four complete quarters; the view the quarters its period touched, a quarter still running or only partly
    selected included, judged on the selected months' meetings only. Now a street-quarter counts when the period
    touches the quarter and the quarter has ended by the period's last day, and it is judged on all its meetings;
    the cockpit's four quarters are such a period, so the same period gives the same figure."""
    cockpit = overview.meetings_on_schedule_by_area(fixture_engine, CITY, *overview.last_complete_quarters(AS_OF, 4), 1)
    view = meetings.meeting_activity_by_street(fixture_engine, CITY, dt.date(2017, 7, 1), dt.date(2018, 6, 30), 1)
    # By hand, 2017Q3-2018Q2: 一街道 met in all four; 二街道 in Q3 (09-01, 09-30) and Q2 (04-01); 三街道 in 2018Q1
    # (03-31) only: 7 of 12 street-quarters, in both.
    assert street_quarters(view) == {"一街道": (4, 4), "二街道": (2, 4), "三街道": (1, 4)}
    assert (cockpit["street_quarters_on_schedule"].sum(), cockpit["street_quarters"].sum()) == (7, 12)


def test_a_quarter_only_partly_in_the_period_is_judged_on_all_its_meetings(fixture_engine):
    # May-June 2018 touches 2018Q2 (ended 06-30): 一街道 met 05-06 and 06-30, 二街道 on 04-01 (before the period,
    # in the quarter: on schedule), 三街道 not at all in Q2 (03-31 is Q1, 07-01 Q3). 2 of 3 (it was 1 of 3).
    frame = meetings.meeting_activity_by_street(fixture_engine, CITY, dt.date(2018, 5, 1), dt.date(2018, 6, 30), 1)
    assert street_quarters(frame) == {"一街道": (1, 1), "二街道": (1, 1), "三街道": (0, 1)}
    assert by_street(frame, "meetings_held") == {"一街道": (2,), "二街道": (0,), "三街道": (0,)}  # in the period


def test_a_quarter_still_running_is_not_yet_counted(fixture_engine):
    # April to mid-August 2018 touches Q2 (ended) and Q3 (running on 08-15): Q2 only; 三街道's 07-01 meeting is
    # in the period's meetings but its quarter is not judged yet. 应召开次数 still counts both quarters touched.
    frame = meetings.meeting_activity_by_street(fixture_engine, CITY, dt.date(2018, 4, 1), dt.date(2018, 8, 15), 1)
    assert street_quarters(frame) == {"一街道": (1, 1), "二街道": (1, 1), "三街道": (0, 1)}
    assert by_street(frame, "meetings_held", "meetings_required") == {
        "一街道": (2, 2), "二街道": (1, 2), "三街道": (1, 2)}
    # A period inside one running quarter judges none.
    assert street_quarters(meetings.meeting_activity_by_street(
        fixture_engine, CITY, dt.date(2018, 4, 1), dt.date(2018, 5, 31), 1)) == {
        "一街道": (0, 0), "二街道": (0, 0), "三街道": (0, 0)}
    assert meetings.judged_quarters(dt.date(2018, 2, 1), dt.date(2018, 4, 12)) == [(2018, 1)]
