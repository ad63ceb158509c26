"""The central city against the rest, on the hand-built fixture, every backend. K1 and K2 (一街道) are in the
central city, K3 (二街道) and K4 (三街道) are not. Counted by hand from tests/fixture_data.py as of 2018-06-30:
- in-service members by residence, joined by then: M1 (K1), M2 (K2) | M3 (K3, joined on 06-30), M4 (K3), M5,
  M10 (K4); checked in: M1 | M4, M5, M10 (M10 on 06-30 itself; M2 only on 07-15);
- of the check-ins, members of city and county organs: M1 (U1) | M5, M10 (U2); M4 works for U3, a company;
- units: U1 (K1, checked in 2016) | U3 (K3, on 06-30), U2 (K4, only on 07-10);
- unit pairings in force: U1-K1, U3-K2 (ending on 06-30) | U3-K3; U2-K4 ended in January.
"""

from __future__ import annotations

import datetime as dt

import pytest

from queries import checkin, zones
from queries.area import CITY, Area
from queries.overview import member_checkin_rate_by_area, pairing_coverage_by_area

AS_OF = dt.date(2018, 6, 30)
COUNTS = ["urban_communities", "members_in_service", "members_checked_in", "checkins", "organ_members_checked_in",
          "units", "units_checked_in", "communities_paired"]


def test_the_central_city_against_the_rest(fixture_engine):
    frame = zones.checkin_by_city_zone(fixture_engine, CITY, AS_OF)
    assert frame["zone"].tolist() == ["中心城区", "县城及其他"]
    assert frame[COUNTS].values.tolist() == [[2, 2, 1, 1, 1, 1, 1, 2], [2, 4, 3, 3, 2, 2, 1, 1]]
    assert frame["checkin_rate"].tolist() == pytest.approx([0.5, 0.75])
    assert frame["pairing_coverage"].tolist() == pytest.approx([1.0, 0.5])


def test_the_zones_sum_to_the_area(fixture_engine):
    frame = zones.checkin_by_city_zone(fixture_engine, CITY, AS_OF)
    members = member_checkin_rate_by_area(fixture_engine, CITY, AS_OF)
    organs = checkin.organ_member_checkins_by_area(fixture_engine, CITY, AS_OF)
    units = checkin.unit_checkin_by_area(fixture_engine, CITY, AS_OF)
    paired = pairing_coverage_by_area(fixture_engine, CITY, AS_OF)
    assert frame[["members_in_service", "members_checked_in"]].sum().tolist() == \
        members[["members_in_service", "members_checked_in"]].sum().tolist()
    assert frame[["checkins", "organ_members_checked_in"]].sum().tolist() == \
        organs[["members_checked_in", "organ_members_checked_in"]].sum().tolist()
    assert frame[["units", "units_checked_in"]].sum().tolist() == units[["units", "units_checked_in"]].sum().tolist()
    assert frame[["urban_communities", "communities_paired"]].sum().tolist() == \
        paired[["urban_communities", "communities_paired"]].sum().tolist()


def test_an_area_without_the_central_city_has_one_row(fixture_engine):
    frame = zones.checkin_by_city_zone(fixture_engine, Area(county="T02"), AS_OF)
    assert frame["zone"].tolist() == ["县城及其他"]
    assert frame[COUNTS].values.tolist() == [[1, 2, 2, 2, 2, 1, 0, 0]]


def test_a_day_the_summary_does_not_hold_counts_the_same_way(fixture_engine):
    """06-29 is no summary day: the raw rows give the same definition (M10 and U3 check in on 06-30)."""
    frame = zones.checkin_by_city_zone(fixture_engine, CITY, dt.date(2018, 6, 29))
    assert frame[["members_in_service", "members_checked_in", "units_checked_in"]].values.tolist() == [
        [2, 1, 1], [3, 2, 0]]  # M3 joins only on 06-30
