"""四支队伍 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py (GB1 and
`_teams_world`), as of 2018-06-30:
K1 红星社区 (G1 G2 G3): secretary GB2; 两委 GB2-GB6 = 5; full-time GB7; liaison GB1 (30, 本科); grid workers GB8 (G1),
   GB9 (G2); G3 has none; the volunteer GB10.
K2 光明社区 (G4 G5): secretary GB11; 两委 GB11-GB13 = 3 (GB17 has no post and does not count); no full-time
   worker; liaison GB16 (45, 高中: does not fit); grid workers GB14 (G4), GB15 (G5).
K3 和平社区 (G6): no secretary; 两委 GB18 = 1; full-time GB19; no liaison; grid worker GB20 has no grid; G6 has none.
K4 幸福社区 (G7 G8): secretary GB21 (came in at the election, a returnee); 两委 GB21-GB25 = 5; full-time GB26, GB27;
   liaison GB29 (25 on the as-of day, 研究生); grid worker GB28 (G7); G8 has none.
V1 青山村 (a village): GB30 came in at the election (致富带头人); villages are not judged on the norms.
"""

from __future__ import annotations

import pytest

from queries import overview, teams
from queries.area import CITY, Area
from queries.store import ThemeDates
from tests.fixture_data import AS_OF


def rows(frame, key: str, *columns):
    return {row[key]: tuple(row[c] for c in columns) for _, row in frame.iterrows()}


def test_staffing_of_the_city_by_county(fixture_engine):
    frame = teams.staffing_by_area(fixture_engine, CITY)
    assert frame["area_name"].tolist() == ["甲区", "乙县"]
    assert rows(frame, "area_name", "urban_communities", "with_secretary", "committees_short",
                "committee_members_short", "with_staff", "with_liaison", "grids", "grids_with_worker") == {
        # K3 lacks a secretary; K2 two members short, K3 four; K2 no staff, K3 no liaison; G3 and G6
        "甲区": (3, 2, 2, 6, 2, 2, 6, 4),
        "乙县": (1, 1, 0, 0, 1, 1, 2, 1)}  # G8
    assert rows(frame, "area_name", "secretaries", "committee_members", "staff", "liaisons", "grid_workers") == {
        "甲区": (2, 9, 2, 2, 5), "乙县": (1, 5, 2, 1, 1)}
    assert rows(frame, "area_name", "secretary_vacancies", "staff_vacancies", "liaison_vacancies",
                "grids_without_worker", "vacancies") == {"甲区": (1, 1, 1, 2, 11), "乙县": (0, 0, 0, 1, 1)}
    assert frame["liaison_staffing"].tolist() == pytest.approx([2 / 3, 1.0])
    assert frame["grid_worker_staffing"].tolist() == pytest.approx([4 / 6, 1 / 2])


def test_staffing_of_a_street_and_a_community(fixture_engine):
    street = teams.staffing_by_area(fixture_engine, Area(county="T01", street="T01-S1"))
    assert rows(street, "area_name", "with_secretary", "committee_members_short", "with_staff", "with_liaison",
                "grids_without_worker") == {"红星社区": (1, 0, 1, 1, 1), "光明社区": (1, 2, 0, 1, 0)}
    assert teams.staffing_by_area(fixture_engine, Area(community="K3"))[
        ["area_name", "vacancies"]].values.tolist() == [["和平社区", 7]]  # secretary, 4 members, liaison, G6
    assert teams.staffing_by_area(fixture_engine, Area(county="T02", street="T02-T1")).empty  # a town's village


def test_liaison_staffing_is_the_cockpit_figure(fixture_engine):
    frame = teams.liaison_staffing_by_area(fixture_engine, CITY)
    assert frame.values.tolist() == [["T01", "甲区", 3, 2, pytest.approx(2 / 3)], ["T02", "乙县", 1, 1, 1.0]]
    scores = overview.cockpit_by_area(fixture_engine, CITY, ThemeDates.every(AS_OF))["liaison_staffing"]
    assert overview.headline(scores, "with_liaison", "urban_communities") == 0.75  # K1, K2, K4 of four


def test_the_gap_list_names_each_gap_and_the_secretary_to_call(fixture_engine):
    gaps = teams.staffing_gaps(fixture_engine, CITY, AS_OF)
    assert list(zip(gaps["community"], gaps["gap"], gaps["grid_code"].fillna(""))) == [
        ("红星社区", "网格员空缺", "G3"),
        ("光明社区", "两委成员不足", ""), ("光明社区", "社区专职工作者空缺", ""),
        ("光明社区", "党建联络员不符合“30岁左右、大专以上”", ""),
        ("和平社区", "社区党组织书记空缺", ""), ("和平社区", "两委成员不足", ""), ("和平社区", "党建联络员空缺", ""),
        ("和平社区", "网格员空缺", "G6"),
        ("幸福社区", "网格员空缺", "G8")]
    assert gaps["detail"].fillna("").tolist()[1:4] == ["现有 3 名(含书记),应不少于 5 名", "", "45 岁,高中"]
    assert gaps["person"].fillna("").tolist()[3] == "曾*络"  # masked
    assert gaps["contact"].fillna("").tolist() == ["林*记", "韩*记", "韩*记", "韩*记", "", "", "", "", "潘*记"]
    assert gaps["contact_phone"].tolist()[0] == "139****0002"
    unmasked = teams.staffing_gaps(fixture_engine, Area(county="T01", street="T01-S1"), AS_OF, mask=False)
    assert unmasked["contact"].tolist() == ["林书记", "韩书记", "韩书记", "韩书记"]
    assert unmasked["person"].fillna("").tolist()[3] == "曾联络"


def test_profile_by_role_with_ages_on_the_as_of_day(fixture_engine):
    profile = teams.team_profile(fixture_engine, CITY, AS_OF).set_index("role")
    assert profile.index.tolist() == ["社区党组织书记", "两委成员", "社区专职工作者", "网格员", "党建联络员",
                                      "党员志愿者", "社区干部(职务未填)"]
    assert profile["people"].tolist() == [3, 12, 4, 6, 3, 1, 1]
    # secretaries 48, 49, 46; grid workers 25, 43 (GB9's birthday is the as-of day), 23 (GB14's is the day
    # after), 28, 29, 26; liaison officers 30, 45, 25
    assert profile.loc["社区党组织书记", "average_age"] == pytest.approx(143 / 3)
    assert profile.loc["网格员", ["age_to_35", "age_36_45", "age_46_55", "age_56_up"]].tolist() == [5, 1, 0, 0]
    assert profile.loc["两委成员", ["age_to_35", "age_36_45"]].tolist() == [8, 4]  # GB4 is 32, not 33
    assert profile.loc["党建联络员", "average_age"] == pytest.approx(100 / 3)
    assert profile.loc["两委成员", ["edu_1", "edu_3", "edu_4", "college"]].tolist() == [4, 5, 3, 8]  # 高中 大专 本科
    assert profile.loc["网格员", ["edu_1", "edu_2", "edu_3", "college"]].tolist() == [1, 1, 4, 4]
    assert profile.loc["党建联络员", "college_rate"] == pytest.approx(2 / 3)
    assert profile.loc["党员志愿者", "age_56_up"] == 1
    assert teams.team_profile(fixture_engine, Area(community="K3"), AS_OF)["people"].tolist() == [1, 1, 1]


def test_entrants_by_background_and_hires_by_role(fixture_engine):
    entrants = teams.election_entrants(fixture_engine, CITY)
    assert entrants.values.tolist() == [[2017, "致富带头人", 2], [2017, "返乡人员", 2], [2017, "大中专毕业生", 1],
                                        [2017, "退伍军人", 1]]  # GB5 GB30, GB12 GB21, GB18, GB6
    hired = teams.hires(fixture_engine, CITY)
    assert hired.values.tolist() == [[2016, "社区专职工作者", 1], [2016, "网格员", 1], [2017, "社区专职工作者", 3],
                                     [2017, "网格员", 3], [2017, "党建联络员", 3]]
    by_county = teams.entries_by_area(fixture_engine, CITY, 2017)
    assert by_county[["area_name", "entrants", "bg_0", "bg_1", "bg_2", "bg_3", "hired_staff", "hired_grid_workers",
                      "hired"]].values.tolist() == [["甲区", 4, 1, 1, 1, 1, 2, 2, 4], ["乙县", 2, 1, 1, 0, 0, 1, 1, 2]]
    by_street = teams.entries_by_area(fixture_engine, Area(county="T02"), 2017)
    assert by_street[["area_name", "entrants", "hired"]].values.tolist() == [["三街道", 1, 2], ["四镇", 1, 0]]
    assert teams.entries_by_area(fixture_engine, CITY, 2016)["hired"].tolist() == [1, 1]  # GB20 (甲区), GB27 (乙县)


def test_the_roster_of_a_community_masked_and_not(fixture_engine):
    roster = teams.cadre_roster(fixture_engine, Area(community="K2"), AS_OF)
    assert roster["role"].tolist() == ["社区党组织书记", "两委成员", "两委成员", "网格员", "网格员", "党建联络员",
                                       "社区干部(职务未填)"]
    assert roster["person"].tolist()[:2] == ["韩*记", "冯*乡"]
    assert roster["grid"].fillna("").tolist()[3:5] == ["光明社区G4网格", "光明社区G5网格"]
    assert roster["age"].tolist()[3] == 23  # GB14 turns 24 the day after
    assert teams.cadre_roster(fixture_engine, Area(community="K2"), AS_OF, mask=False)["person"].tolist()[0] == "韩书记"
    assert len(teams.cadre_roster(fixture_engine, CITY, AS_OF)) == 30
