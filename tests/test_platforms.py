"""阵地建设 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py
(`_platform_world`): platforms of 一街道 (新建 2016, 6 of 6 items, shared), 三街道 (改扩建 2017, 5, not shared),
K1 红星社区 (改扩建 2016, 10, shared), K2 光明社区 (新建 2018, 8, sharing not reported), K4 幸福社区 (改扩建 2017,
items not reported, shared), the village V1 青山村 (新建 2018, neither reported); K3 和平社区 and 二街道 have none.
Money for 阵地建设: L5 2017 ¥90,000 (甲区, paid 45,000), L4 2017 ¥80,000 (乙县, paid 80,000), L1 2018 ¥100,000
(甲区, paid 20,000 + 30,000 by 2018-06-30, 10,000 after)."""

from __future__ import annotations

import pytest

from queries import funding, overview, platforms
from queries.area import CITY, Area
from tests.fixture_data import AS_OF


def values(frame, *columns) -> list[list]:
    return frame[list(columns)].values.tolist()


def test_platforms_of_the_city_by_county(fixture_engine):
    frame = platforms.platforms_by_area(fixture_engine, CITY)
    assert values(frame, "area_name", "platforms", "street_platforms", "community_platforms", "village_platforms",
                  "new_built", "extended") == [["甲区", 3, 1, 2, 0, 2, 1], ["乙县", 3, 1, 1, 1, 1, 2]]
    assert values(frame, "area_name", "shared", "sharing_reported", "urban_communities", "urban_with_platform",
                  "urban_meeting_standard") == [["甲区", 2, 2, 3, 2, 1], ["乙县", 1, 2, 1, 1, 0]]
    assert frame["standard_rate"].tolist() == pytest.approx([1 / 3, 0.0])
    assert frame["shared_rate"].tolist() == pytest.approx([1.0, 0.5])


def test_a_street_platform_is_the_street_level_row_of_its_communities(fixture_engine):
    county = platforms.platforms_by_area(fixture_engine, Area(county="T01"))
    assert values(county, "area_name", "platforms", "urban_communities", "urban_meeting_standard") == [
        ["一街道", 3, 2, 1], ["二街道", 0, 1, 0]]  # 二街道: K3, no platform at all
    street = platforms.platforms_by_area(fixture_engine, Area(county="T01", street="T01-S1"))
    assert values(street, "area_code", "area_name", "platforms", "street_platforms", "urban_communities") == [
        ["K1", "红星社区", 1, 0, 1], ["K2", "光明社区", 1, 0, 1], ["", "街道本级", 1, 1, 0]]
    community = platforms.platforms_by_area(fixture_engine, Area(community="K1"))
    assert values(community, "area_name", "platforms", "street_platforms") == [["红星社区", 1, 0]]


def test_platforms_by_kind_and_year(fixture_engine):
    kinds = platforms.platforms_by_kind(fixture_engine, CITY)
    assert values(kinds, "place", "platforms", "items_reported", "meeting_standard", "shared", "sharing_reported") == [
        ["街道", 2, 2, 1, 1, 2], ["社区", 3, 2, 1, 2, 2], ["村", 1, 0, 0, 0, 0]]
    assert kinds["label"].tolist() == ["街道(一所一校四中心)", "社区(一站一园一场七室)", "村级综合服务平台"]
    assert kinds["shared_rate"].isna().tolist() == [False, False, True]
    years = platforms.platforms_by_year(fixture_engine, CITY)
    assert values(years, "year", "new_built", "extended", "platforms") == [
        [2016, 1, 1, 2], [2017, 0, 2, 2], [2018, 2, 0, 2]]
    assert values(platforms.platforms_by_year(fixture_engine, Area(county="T02")), "year", "platforms") == [
        [2017, 2], [2018, 1]]


def test_communities_below_the_standard(fixture_engine):
    below = platforms.communities_below_standard(fixture_engine, CITY)
    assert values(below, "community", "gap") == [["光明社区", "缺 2 项"], ["和平社区", "未建服务阵地"],
                                                 ["幸福社区", "未填报达标项数"]]
    assert platforms.communities_below_standard(fixture_engine, Area(community="K1")).empty


def test_money_for_positions_by_year_and_in_the_funding_view(fixture_engine):
    yearly = funding.funding_by_year(fixture_engine, CITY, AS_OF, purpose="阵地建设")
    assert values(yearly, "year", "budget_yuan", "disbursed_yuan") == [[2017, 170_000.0, 125_000.0],
                                                                      [2018, 100_000.0, 50_000.0]]
    by_area = overview.funding_execution_by_area(fixture_engine, CITY, AS_OF, purpose="阵地建设")
    assert values(by_area, "area_name", "budget_yuan", "disbursed_yuan") == [["甲区", 100_000.0, 50_000.0]]
    uses = funding.funding_by_source_and_use(fixture_engine, CITY, 2017, AS_OF, purpose="阵地建设")
    assert values(uses, "source", "budget_yuan") == [["财政拨付", 90_000.0], ["社会筹措", 80_000.0]]
    assert funding.funding_flows(fixture_engine, CITY, 2018, purpose="教育培训")["county"].tolist() == ["乙县"]  # L3
    per = funding.funding_per_community_and_member(fixture_engine, CITY, AS_OF, purpose="党组织活动经费")
    assert values(per, "area_name", "budget_yuan", "urban_communities") == [["甲区", 30_000.0, 3]]  # L2
