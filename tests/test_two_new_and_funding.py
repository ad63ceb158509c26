"""两新组织 and 经费保障 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py:
N1 (K1, 测试大厦, 5 members, 单独组建), N2 (K1, 测试大厦, 联合组建), N3 (K2, 社会组织, 选派党建指导员),
N4 (K3, 测试园区, large and stable, 400 employees, 4 members, 未覆盖), N5 (K4, 联合组建), N6 (K4, 10 employees,
未覆盖). Funding 2018: L1 甲区 财政拨付·阵地建设 100,000 (paid 20,000 + 30,000 by 06-30), L2 甲区 K1 财政拨付·
党组织活动经费 30,000 (15,000), L3 乙县 党费补充·教育培训 50,000 (none); 2017: L4 乙县 社会筹措·阵地建设 80,000
(all paid), L5 甲区 财政拨付·阵地建设 90,000 (45,000)."""

from __future__ import annotations

import datetime as dt

import pytest

from queries import funding, two_new
from queries.area import CITY, Area

AS_OF = dt.date(2018, 6, 30)


def rows(frame, *columns):
    return [tuple(row) for row in frame[list(columns)].itertuples(index=False)]


def test_two_new_by_kind_location_and_size(fixture_engine):
    kind = two_new.two_new_by_dimension(fixture_engine, CITY, "kind")
    assert rows(kind, "value", "orgs", "orgs_covered", "work_covered") == [("非公企业", 5, 3, 3), ("社会组织", 1, 0, 1)]
    place = two_new.two_new_by_dimension(fixture_engine, CITY, "location_type")
    assert rows(place, "value", "orgs", "orgs_covered", "work_covered") == [
        ("商务楼宇", 2, 2, 2), ("园区", 1, 0, 0), ("其他", 3, 1, 2)]
    size = two_new.two_new_by_dimension(fixture_engine, CITY, "size_class")
    assert rows(size, "value", "orgs", "orgs_covered") == [("大型", 1, 0), ("小型", 4, 3), ("微型", 1, 0)]
    county = two_new.two_new_by_dimension(fixture_engine, Area(county="T02"), "kind")
    assert rows(county, "value", "orgs", "joint", "uncovered") == [("非公企业", 2, 1, 1)]


def test_two_new_sites_and_what_they_miss(fixture_engine):
    sites = two_new.two_new_sites(fixture_engine, CITY)
    assert rows(sites, "site", "orgs", "fully_covered", "missing") == [
        ("测试大厦", 2, True, "无"), ("测试园区", 1, False, "1个未覆盖")]


def test_two_new_gap_lists(fixture_engine):
    gaps = two_new.organizations_that_should_organize(fixture_engine, CITY)
    assert rows(gaps, "org_code", "party_members", "site") == [("N4", 4, "测试园区")]
    assert two_new.large_stable_without_organization(fixture_engine, CITY)["org_code"].tolist() == ["N4"]
    assert two_new.organizations_that_should_organize(fixture_engine, Area(county="T02")).empty


def test_funding_by_source_and_use(fixture_engine):
    frame = funding.funding_by_source_and_use(fixture_engine, CITY, 2018, AS_OF)
    assert rows(frame, "source", "purpose", "budget_yuan", "disbursed_yuan") == [
        ("财政拨付", "阵地建设", 100_000.0, 50_000.0), ("财政拨付", "党组织活动经费", 30_000.0, 15_000.0),
        ("党费补充", "教育培训", 50_000.0, 0.0)]


def test_funding_year_on_year(fixture_engine):
    frame = funding.funding_by_year(fixture_engine, CITY, AS_OF)
    assert rows(frame, "year", "budget_yuan", "disbursed_yuan") == [(2017, 170_000.0, 125_000.0),
                                                                     (2018, 180_000.0, 65_000.0)]
    county = funding.funding_by_year(fixture_engine, Area(county="T01"), AS_OF)
    assert county["execution_rate"].tolist() == pytest.approx([0.5, 0.5])


def test_funding_flows(fixture_engine):
    assert rows(funding.funding_flows(fixture_engine, CITY, 2018), "source", "purpose", "county", "budget_yuan") == [
        ("财政拨付", "阵地建设", "甲区", 100_000.0), ("财政拨付", "党组织活动经费", "甲区", 30_000.0),
        ("党费补充", "教育培训", "乙县", 50_000.0)]


def test_funding_per_community_and_member(fixture_engine):
    # 甲区: 3 urban communities, 8 members live there (K1: M1 M8; K2: M2 M11 M12 M13; K3: M3 M4).
    # 乙县: 1 urban community, 5 members (K4: M5 M6 M9 M10; 青山村: M7).
    frame = funding.funding_per_community_and_member(fixture_engine, CITY, AS_OF).set_index("area_name")
    assert frame["urban_communities"].to_dict() == {"甲区": 3, "乙县": 1}
    assert frame["members"].to_dict() == {"甲区": 8, "乙县": 5}
    assert frame["per_community_yuan"].to_dict() == pytest.approx({"甲区": 130_000 / 3, "乙县": 50_000.0})
    assert frame["per_member_yuan"].to_dict() == pytest.approx({"甲区": 16_250.0, "乙县": 10_000.0})
