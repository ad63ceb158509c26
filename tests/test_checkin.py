"""双报到 / 双结对 / 双通报 on the hand-built fixture, every backend, as of 2018-06-30 and over the period
2018-04 to 2018-06. Counted by hand from tests/fixture_data.py:
- members checked in: M1 (K1, 03-01), M4 (K3, 2017), M5 (K4, 2016), M10 (K4, 06-30); M2 (K2) only on 07-15;
- services: M1 04-10 04-20 06-05; M4 05-15; M5 04-01 05-01 06-30; M2 07-20 (outside);
- services: M2 06-20 too, before M2's check-in (07-15): never counted;
- units: U1 (甲区, K1) checked in 2016, U2 (乙县, K4) only on 07-10, U3 (甲区, K3) on 06-30 itself;
- claims: M1 on P1 (K1), M4 on P3 (K3), M5 on P4 (K4) by 06-30; M10's on 07-02 is later.
  Nobody claims P2 (K2).
"""

from __future__ import annotations

import datetime as dt

import pytest

from queries import checkin
from queries.area import CITY, Area
from queries.privacy import mask_id_number, mask_name, mask_phone

AS_OF = dt.date(2018, 6, 30)
FIRST = dt.date(2018, 4, 1)


def by_area(frame, *columns):
    values = [frame[c] for c in columns]
    return dict(zip(frame["area_name"], zip(*values) if len(columns) > 1 else values[0]))


def test_unit_checkin_rate(fixture_engine):
    frame = checkin.unit_checkin_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "units", "units_checked_in") == {"甲区": (2, 2), "乙县": (1, 0)}
    earlier = checkin.unit_checkin_by_area(fixture_engine, CITY, dt.date(2018, 6, 29))
    assert by_area(earlier, "units", "units_checked_in") == {"甲区": (2, 1), "乙县": (1, 0)}


def test_posts_claimed(fixture_engine):
    frame = checkin.posts_claimed_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "members_checked_in", "posts_claimed") == {"甲区": (2, 2), "乙县": (2, 1)}
    assert by_area(frame, "claims_per_member") == {"甲区": 1.0, "乙县": 0.5}


def test_monthly_service_rate_by_month(fixture_engine):
    # April: checked in M1 M4 M5, served M1 M5. May: same three, served M4 M5. June: M10 joins, served M1 M5.
    frame = checkin.monthly_service_rate(fixture_engine, CITY, FIRST, AS_OF)
    assert frame["month"].tolist() == ["2018-04", "2018-05", "2018-06"]
    assert frame["members_checked_in"].tolist() == [3, 3, 4]
    assert frame["members_served"].tolist() == [2, 2, 2]


def test_service_before_the_check_in_counts_on_neither_path(fixture_engine):
    # M2 served on 06-20 but checked in only on 07-15. From the summary (a period from a month's first day):
    # June's served are M1 (06-05) and M5 (06-30), not M2. From raw rows (a period from 06-02, which the summary
    # cannot answer): checked in by June's end M1 M4 M5 M10, served from 06-02 M1 (06-05) and M5 (06-30).
    summary = checkin.monthly_service_rate(fixture_engine, CITY, dt.date(2018, 6, 1), AS_OF)
    raw = checkin.monthly_service_rate(fixture_engine, CITY, dt.date(2018, 6, 2), AS_OF)
    for frame in (summary, raw):
        assert (frame["members_checked_in"].tolist(), frame["members_served"].tolist()) == ([4], [2])
    # By area from raw rows: 一街道 holds M1 (served) and, from July, M2.
    street = checkin.service_rate_by_area(fixture_engine, Area(county="T01"), dt.date(2018, 6, 2), AS_OF)
    assert by_area(street, "member_months", "member_months_served") == {"一街道": (1, 1), "二街道": (1, 0)}


def test_service_rate_by_area_over_the_period(fixture_engine):
    # 甲区 (M1, M4): 2 member-months each month, served 1 each month. 乙县 (M5, M10 from June): 1+1+2, served 3.
    frame = checkin.service_rate_by_area(fixture_engine, CITY, FIRST, AS_OF)
    assert by_area(frame, "member_months", "member_months_served") == {"甲区": (6, 3), "乙县": (4, 3)}
    street = checkin.service_rate_by_area(fixture_engine, Area(county="T01"), FIRST, AS_OF)
    assert by_area(street, "member_months", "member_months_served") == {"一街道": (3, 2), "二街道": (3, 1)}


def test_secretary_reverse_checkins(fixture_engine):
    # K1's secretary reported to U1 in 2017 (and to U3 only in August); K3's to U3 on 06-30 itself; K4's to
    # U2 in February.
    frame = checkin.secretary_checkins_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "urban_communities", "communities_reported", "reports") == {"甲区": (3, 2, 2),
                                                                                      "乙县": (1, 1, 1)}
    earlier = checkin.secretary_checkins_by_area(fixture_engine, CITY, dt.date(2018, 6, 29))
    assert by_area(earlier, "communities_reported", "reports") == {"甲区": (1, 1), "乙县": (1, 1)}


def test_pairings_and_their_activities(fixture_engine):
    # Unit pairings in force: U1-K1, U3-K3, U3-K2 (ends on 06-30 itself); U1-K2 starts in September, U2-K4
    # ended in January.
    # Member pairings started: M1-M8 (K1), M5-M9 (K4); M10-M9 starts in August.
    # Activities April-June: U1-K1 twice, U3-K3 once, M1-M8 once; M5-M9's was in December 2017.
    frame = checkin.pairing_by_area(fixture_engine, CITY, AS_OF, FIRST)
    assert by_area(frame, "unit_pairings", "member_pairings", "activities") == {"甲区": (3, 1, 4), "乙县": (0, 1, 0)}
    assert by_area(frame, "activities_per_pair") == pytest.approx({"甲区": 4 / 4, "乙县": 0.0})
    assert checkin.pairing_totals(fixture_engine, CITY, AS_OF) == {
        "units_paired": 2, "organ_units_paired": 1, "members_paired": 2}
    assert checkin.pairing_totals(fixture_engine, Area(county="T02"), AS_OF) == {
        "units_paired": 0, "organ_units_paired": 0, "members_paired": 1}


def test_notification_completion(fixture_engine):
    # 2017: U1-K1 both sides, U3-K3 both sides (in January 2018), U2-K4 only the unit. 2016: U1-K1 neither.
    assert checkin.notification_year(AS_OF) == 2017
    assert checkin.notification_year(dt.date(2018, 12, 31)) == 2018
    frame = checkin.notification_completion_by_area(fixture_engine, CITY, 2017)
    assert by_area(frame, "notifications", "completed") == {"甲区": (2, 2), "乙县": (1, 0)}
    assert by_area(checkin.notification_completion_by_area(fixture_engine, CITY, 2016),
                   "notifications", "completed") == {"甲区": (1, 0)}


def test_unit_league_puts_units_whose_members_do_not_serve_first(fixture_engine):
    # U2: M5 served, M10 did not. U1: M1 served. U3: M4 served.
    frame = checkin.unit_league(fixture_engine, CITY, FIRST, AS_OF)
    assert frame["unit"].tolist() == ["乙县教育局", "甲区财政局", "常德某科技有限公司"]
    assert frame["members_checked_in"].tolist() == [2, 1, 1]
    assert frame["members_not_served"].tolist() == [1, 0, 0]


def test_unit_member_details_are_masked(fixture_engine):
    frame = checkin.unit_member_details(fixture_engine, CITY, "U2", FIRST, AS_OF)
    assert frame["member"].tolist() == ["冯*", "钱*"]  # M10 never served, M5 three times
    assert frame["phone"].tolist() == ["138****0000", "138****0000"]
    assert frame["services"].tolist() == [0, 3]
    assert frame["community"].tolist() == ["幸福社区", "幸福社区"]
    assert checkin.unit_member_details(fixture_engine, Area(county="T01"), "U2", FIRST, AS_OF).empty


def test_masking():
    assert (mask_name("张三明"), mask_name("李四"), mask_name("欧阳娜娜"), mask_name("王")) == \
        ("张*明", "李*", "欧**娜", "王")
    assert mask_phone("13812341234") == "138****1234"
    assert mask_id_number("430702198001024731") == "4307**********4731"
    # Found by the partial-store test: a committee member without a phone came out of the frame as NaN, and
    # masking it raised TypeError on the meetings view of that street.
    assert [mask(float("nan")) for mask in (mask_name, mask_phone, mask_id_number)] == [None, None, None]
    assert [mask(None) for mask in (mask_name, mask_phone, mask_id_number)] == [None, None, None]


def test_members_checked_in_from_city_and_county_organs(fixture_engine):
    # By 06-30: M1 (U1, an organ; K1) and M4 (U3, a company; K3) in 甲区, M5 and M10 (U2, an organ; K4) in 乙县.
    frame = checkin.organ_member_checkins_by_area(fixture_engine, CITY, AS_OF)
    assert by_area(frame, "members_checked_in", "organ_members_checked_in") == {"甲区": (2, 1), "乙县": (2, 2)}
    assert by_area(frame, "organ_share") == {"甲区": 0.5, "乙县": 1.0}
    earlier = checkin.organ_member_checkins_by_area(fixture_engine, CITY, dt.date(2018, 6, 29))  # M10 on 06-30
    assert by_area(earlier, "members_checked_in", "organ_members_checked_in") == {"甲区": (2, 1), "乙县": (1, 1)}
    street = checkin.organ_member_checkins_by_area(fixture_engine, Area(county="T01", street="T01-S1"), AS_OF)
    assert by_area(street, "members_checked_in", "organ_members_checked_in") == {"红星社区": (1, 1)}
