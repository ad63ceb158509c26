"""六级体系覆盖 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py:
甲区 (一街道: K1 G1-G3, K2 G4 G5; 二街道: K3 G6) and 乙县 (三街道: K4 G7 G8); branches on G1 G2 G4 G5 G7;
compounds B1 B2 (G1), B3 (G4), B4 (G7), groups on B1 and B4; a county committee for 甲区 only and a
street working committee for 一街道 only."""

from __future__ import annotations

import pytest

from queries import coverage
from queries.area import CITY, Area


def levels(frame):
    return {row.level: (row.units, row.units_covered) for row in frame.itertuples()}


def test_coverage_by_level_for_the_city(fixture_engine):
    assert levels(coverage.coverage_by_level(fixture_engine, CITY)) == {
        "市委": (1, 1), "区县(市)委": (2, 1), "街道党工委": (3, 1), "社区党组织": (4, 4),
        "网格党支部": (8, 5), "小区(楼栋)党小组": (4, 2),
    }


def test_coverage_by_level_for_a_county(fixture_engine):
    assert levels(coverage.coverage_by_level(fixture_engine, Area(county="T01"))) == {
        "区县(市)委": (1, 1), "街道党工委": (2, 1), "社区党组织": (3, 3), "网格党支部": (6, 4),
        "小区(楼栋)党小组": (3, 1),
    }


def test_coverage_of_an_area_that_does_not_exist_is_empty(fixture_engine):
    assert coverage.coverage_by_level(fixture_engine, Area(county="NO-SUCH")).empty


def test_group_coverage_by_area(fixture_engine):
    frame = coverage.group_coverage_by_area(fixture_engine, CITY)
    assert dict(zip(frame["area_name"], zip(frame["compounds"], frame["compounds_with_group"]))) == {
        "甲区": (3, 1), "乙县": (1, 1)}


def test_grid_tree_of_a_street(fixture_engine):
    tree = coverage.grid_coverage_tree(fixture_engine, Area(street="T01-S1"))
    assert tree["grid"].tolist() == ["红星社区G1网格", "红星社区G2网格", "红星社区G3网格",
                                     "光明社区G4网格", "光明社区G5网格"]
    assert tree["has_branch"].tolist() == [True, True, False, True, True]
    assert tree["compounds"].tolist() == [2, 0, 0, 1, 0]
    assert tree["compounds_with_group"].tolist() == [1, 0, 0, 0, 0]


def test_community_org_forms(fixture_engine):
    frame = coverage.community_org_forms(fixture_engine, CITY)
    assert list(zip(frame["form"], frame["organizations"])) == [("党委", 1), ("党总支", 1), ("党支部", 2)]


def test_community_form_check_against_the_membership_rule(fixture_engine):
    # K1 党总支 with M8 only; K2 党支部 with M11 M12 (G4) and M13 (G5); K3 党支部 with none; K4 党委 with M9.
    frame = coverage.community_form_check(fixture_engine, CITY).set_index("community")
    assert frame["members"].to_dict() == {"红星社区": 1, "光明社区": 3, "和平社区": 0, "幸福社区": 1}
    assert frame["expected_form"].to_dict() == {"红星社区": "不足3名正式党员", "光明社区": "党支部",
                                                "和平社区": "不足3名正式党员", "幸福社区": "不足3名正式党员"}
    assert frame["matches"].to_dict() == {"红星社区": False, "光明社区": True, "和平社区": False, "幸福社区": False}


@pytest.mark.parametrize(("members", "form"), [(0, "不足3名正式党员"), (2, "不足3名正式党员"), (3, "党支部"),
                                               (49, "党支部"),
                                               (50, "党总支"), (99, "党总支"), (100, "党委")])
def test_membership_rule_edges(members, form):
    assert coverage.expected_form(members) == form


def test_gap_lists(fixture_engine):
    grids = coverage.grids_without_branch(fixture_engine, CITY)
    assert list(zip(grids["community"], grids["grid_code"])) == [
        ("红星社区", "G3"), ("和平社区", "G6"), ("幸福社区", "G8")]
    assert grids["street"].tolist() == ["一街道", "二街道", "三街道"]
    compounds = coverage.compounds_without_group(fixture_engine, CITY)
    assert list(zip(compounds["compound_code"], compounds["grid"])) == [
        ("B2", "红星社区G1网格"), ("B3", "光明社区G4网格")]
    assert coverage.grids_without_branch(fixture_engine, Area(community="K4"))["grid_code"].tolist() == ["G8"]


def test_coverage_levels_start_at_the_area(fixture_engine):
    # 一街道 has its working committee; K1 K2 their organizations; G1 G2 G4 G5 of G1-G5; B1 of B1-B3.
    assert levels(coverage.coverage_by_level(fixture_engine, Area(street="T01-S1"))) == {
        "街道党工委": (1, 1), "社区党组织": (2, 2), "网格党支部": (5, 4), "小区(楼栋)党小组": (3, 1)}
    assert levels(coverage.coverage_by_level(fixture_engine, Area(community="K4"))) == {
        "社区党组织": (1, 1), "网格党支部": (2, 1), "小区(楼栋)党小组": (1, 1)}


def test_community_org_coverage_by_area(fixture_engine):
    # Urban communities K1 K2 (一街道), K3 (二街道), K4 (三街道), each with its community organization; the
    # village V1 (四镇) is not urban and makes no row.
    city = coverage.community_org_coverage_by_area(fixture_engine, CITY)
    assert dict(zip(city["area_name"], zip(city["urban_communities"], city["communities_with_org"]))) == {
        "甲区": (3, 3), "乙县": (1, 1)}
    county = coverage.community_org_coverage_by_area(fixture_engine, Area(county="T02"))
    assert county[["area_name", "urban_communities", "community_org_coverage"]].values.tolist() == [["三街道", 1, 1.0]]
