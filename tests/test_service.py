"""Service by kind and hours, pairing activities by kind, posts by category and those nobody claimed, on the
hand-built fixture, every backend. Counted by hand from tests/fixture_data.py, 2018-04-01 to 2018-06-30:
- services of checked-in members on or after their check-in: M1 (K1) 04-10 治安巡逻 2.0 h, 04-20 环境卫生 1.5 h,
  06-05 治安巡逻 3.0 h; M4 (K3) 05-15 文明劝导 2.0 h; M5 (K4) 04-01 关爱帮扶 2.5 h, 05-01 关爱帮扶 2.0 h, 06-30
  治安巡逻 2.0 h; M2's 06-20 治安巡逻 came before M2's check-in (07-15) and 07-20 after the period: neither counts;
- pairing activities: 04-02 联户帮带 and 05-02 卫生保洁 (U1-K1), 06-01 医疗义诊 (U3-K3), 04-15 联户帮带 (M1-M8);
  2017-12-01 走访慰问 (M5-M9) is before the period;
- posts: P1 治安巡逻 (K1, claimed 2018-03-05), P2 文明劝导 (K2, never claimed), P3 环境卫生 (K3, claimed 2017),
  P4 关爱帮扶 (K4, claimed 2016 and again 07-02).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.schema import SERVICE_KINDS
from queries import service
from queries.area import CITY, Area

AS_OF = dt.date(2018, 6, 30)
Q2 = (dt.date(2018, 4, 1), AS_OF)


def rows(frame, key, *columns):
    return {row[key]: tuple(row[c] for c in columns) for _, row in frame.iterrows()}


def test_service_by_kind_and_hours(fixture_engine):
    frame = service.service_by_kind(fixture_engine, CITY, *Q2)
    assert frame["kind"].tolist() == list(SERVICE_KINDS)  # every kind, in the schema's order
    assert SERVICE_KINDS[:4] == ("治安巡逻", "环境卫生", "文明劝导", "关爱帮扶")
    assert rows(frame, "kind", "services", "hours", "members_served") == {
        "治安巡逻": (3, 7.0, 2), "环境卫生": (1, 1.5, 1), "文明劝导": (1, 2.0, 1), "关爱帮扶": (2, 4.5, 1),
        "政策宣传": (0, 0.0, 0), "矛盾调解": (0, 0.0, 0), "文体活动": (0, 0.0, 0)}
    assert frame.set_index("kind").loc["治安巡逻", "hours_per_service"] == pytest.approx(7 / 3)
    assert frame.set_index("kind")["hours_per_service"].isna().sum() == 3  # no service: no average, not 0


def test_service_of_a_county_and_on_the_period_edges(fixture_engine):
    county = service.service_by_kind(fixture_engine, Area(county="T02"), *Q2)  # M5 in K4
    assert rows(county, "kind", "services", "hours")["关爱帮扶"] == (2, 4.5)
    assert rows(county, "kind", "services", "hours")["治安巡逻"] == (1, 2.0)  # 06-30, the last day
    june = service.service_by_kind(fixture_engine, CITY, dt.date(2018, 6, 30), dt.date(2018, 6, 30))
    assert june["services"].sum() == 1  # M5's 06-30 only


def test_pairing_activities_by_kind(fixture_engine):
    frame = service.pairing_activities_by_kind(fixture_engine, CITY, *Q2)
    assert rows(frame, "kind", "unit_pairing_activities", "member_pairing_activities", "activities") == {
        "联户帮带": (1, 1, 2), "卫生保洁": (1, 0, 1), "捐资助学": (0, 0, 0), "医疗义诊": (1, 0, 1),
        "走访慰问": (0, 0, 0)}
    whole = service.pairing_activities_by_kind(fixture_engine, Area(county="T02"), dt.date(2017, 1, 1), AS_OF)
    assert rows(whole, "kind", "activities")["走访慰问"] == (1,)


def test_posts_by_category_and_those_nobody_claimed(fixture_engine):
    frame = service.posts_by_category(fixture_engine, CITY, AS_OF)
    assert rows(frame, "category", "posts", "posts_claimed", "claims", "posts_unclaimed")["文明劝导"] == (1, 0, 0, 1)
    assert frame[["posts", "posts_claimed", "claims", "posts_unclaimed"]].sum().tolist() == [4, 3, 3, 1]
    assert rows(frame, "category", "claimed_share")["治安巡逻"] == (1.0,)
    gaps = service.unclaimed_posts(fixture_engine, CITY, AS_OF)
    assert gaps.values.tolist() == [["一街道", "光明社区", "P2", "文明劝导岗1", "文明劝导"]]


def test_a_post_is_unclaimed_until_the_day_of_its_first_claim(fixture_engine):
    before = service.unclaimed_posts(fixture_engine, CITY, dt.date(2018, 3, 4))
    assert before["post_code"].tolist() == ["P1", "P2"]  # M1 claimed P1 on 03-05
    assert service.unclaimed_posts(fixture_engine, CITY, dt.date(2018, 3, 5))["post_code"].tolist() == ["P2"]
    county = service.posts_by_category(fixture_engine, Area(county="T02"), AS_OF)
    assert rows(county, "category", "posts", "claims")["关爱帮扶"] == (1, 1)  # M10's claim of 07-02 is later
    assert service.unclaimed_posts(fixture_engine, Area(county="T02"), AS_OF).empty
