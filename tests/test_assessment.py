"""双向考核 on the hand-built fixture, every backend. Counted by hand from tests/fixture_data.py:
- unit check-ins: U1 (甲区财政局) to K1 2016-05-01, to K2 2017-03-01, to K3 2017-12-31 (the year's last day);
  U3 to K3 2018-06-30; U2 (乙县教育局) to K4 2018-07-10. So due in 2016: U1-K1; in 2017: U1-K1, U1-K2 (一街道)
  and U1-K3 (二街道), all in 甲区; in 2018 also U3-K3 and U2-K4 (乙县);
- scores: 2016 U1-K1 82.0, U2-K4 70.0; 2017 U1-K1 90.0, U1-K3 80.0, U3-K3 58.0, U2-K4 60.0 (U3 and U2 had not
  checked in by the end of 2017: their scores count, but not for coverage); 2018 U1-K1 95.0;
- the units' in-service members: U1 M1 (K1, checked in 2018-03-01), M2 (K2, 2018-07-15), M3 (K3, joined on
  2018-06-30); U2 M5 (K4, 2016), M10 (K4, 2018-06-30), M6 (joined 2018-08-01), M7 (lives in the village V1);
  U3 M4 (K3, 2017-05-01);
- services of 2017: M5 03-10, 03-20, 11-05; M4 04-20 (before its check-in), 05-01 (its check-in day), 12-31;
- 双通报 of 2017: U1-K1 both sides, U2-K4 only the unit, U3-K3 both sides; one member reported each.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from sqlalchemy import delete, insert, select, update

from dashboard import formatting as fmt
from dashboard.briefing import rate_section, value_section
from dashboard.db import upgrade_store
from dashboard.deck import briefing_deck, briefing_workbook
from dashboard.schema import Community, MemberCheckin, PartyMember, ServiceActivity, Target
from dashboard.summaries import rebuild_summaries
from queries import assessment
from queries.area import CITY, Area
from queries.cockpit import scored_headlines
from queries.findings import lowest_unit_findings, score_findings
from queries.overview import cockpit_by_area
from queries.store import ThemeDates, targets
from tests.conftest import fill_with_fixture
from tests.test_summaries import raw

AS_OF = dt.date(2018, 6, 30)
JIA, YI = Area(county="T01"), Area(county="T02")


def by_area(frame, *columns):
    return {row["area_name"]: tuple(row[c] for c in columns) for _, row in frame.iterrows()}


def test_the_year_assessed_is_the_latest_round_due():
    assert assessment.assessment_year(AS_OF) == 2017
    assert assessment.assessment_year(dt.date(2018, 12, 30)) == 2017
    assert assessment.assessment_year(dt.date(2018, 12, 31)) == 2018


def test_score_bands_at_their_edges():
    assert [assessment.score_band(s) for s in (100, 90.0, 89.9, 80.0, 79.9, 60.0, 59.9, 0)] == [
        "优秀", "优秀", "良好", "良好", "一般", "一般", "较差", "较差"]
    assert assessment.score_band(None) is None and assessment.score_band(float("nan")) is None


def test_scores_are_read_to_one_decimal_halves_up():
    assert [assessment.rounded_score(v) for v in (85.25, 72.35, 76.6333, 58.0, 99.95)] == [85.3, 72.4, 76.6, 58.0,
                                                                                          100.0]
    assert (fmt.score(85.25), fmt.score(None), fmt.score(float("nan"))) == ("85.3 分", "—", "—")


def test_coverage_counts_the_check_ins_due_by_the_year_end(fixture_engine):
    city = assessment.assessment_coverage_by_area(fixture_engine, CITY, 2017)
    assert by_area(city, "units_due", "units_assessed") == {"甲区": (3, 2)}  # U1-K2 not scored
    assert city["assessment_coverage"].tolist() == pytest.approx([2 / 3])
    county = assessment.assessment_coverage_by_area(fixture_engine, JIA, 2017)
    assert by_area(county, "units_due", "units_assessed") == {"一街道": (2, 1), "二街道": (1, 1)}
    street = assessment.assessment_coverage_by_area(fixture_engine, Area(county="T01", street="T01-S1"), 2017)
    assert by_area(street, "units_due", "units_assessed") == {"红星社区": (1, 1), "光明社区": (1, 0)}
    later = assessment.assessment_coverage_by_area(fixture_engine, CITY, 2018)
    assert by_area(later, "units_due", "units_assessed") == {"甲区": (4, 1), "乙县": (1, 0)}  # only U1-K1's 95.0
    earlier = assessment.assessment_coverage_by_area(fixture_engine, CITY, 2016)
    assert by_area(earlier, "units_due", "units_assessed") == {"甲区": (1, 1)}
    assert assessment.assessment_coverage_by_area(fixture_engine, Area(county="NO-SUCH"), 2017).empty


def test_scores_by_band_and_their_average(fixture_engine):
    city = assessment.score_bands_by_area(fixture_engine, CITY, 2017)
    assert by_area(city, "assessments", "excellent", "good", "fair", "poor") == {
        "甲区": (3, 1, 1, 0, 1), "乙县": (1, 0, 0, 1, 0)}  # 90.0 80.0 58.0; 60.0
    assert by_area(city, "average_score") == {"甲区": (pytest.approx(76.0),), "乙县": (pytest.approx(60.0),)}
    county = assessment.score_bands_by_area(fixture_engine, JIA, 2017)
    assert by_area(county, "assessments", "average_score") == {"一街道": (1, pytest.approx(90.0)),
                                                              "二街道": (2, pytest.approx(69.0))}
    community = assessment.score_bands_by_area(fixture_engine, Area(community="K4"), 2016)
    assert by_area(community, "assessments", "fair") == {"幸福社区": (1, 1)}  # U2's 70.0 of 2016


def test_the_trend_runs_from_the_first_year_scored_to_the_year_asked(fixture_engine):
    trend = assessment.score_trend(fixture_engine, CITY, 2017)
    assert trend["year"].tolist() == [2016, 2017]  # 2018's score is not due yet
    assert trend["assessments"].tolist() == [2, 4]
    assert trend["average_score"].tolist() == pytest.approx([76.0, 72.0])  # (82 + 70) / 2; 288 / 4
    assert trend[["excellent", "good", "fair", "poor"]].to_numpy().tolist() == [[0, 1, 1, 0], [1, 1, 1, 1]]
    assert (trend["units_due"].tolist(), trend["units_assessed"].tolist()) == ([1, 3], [1, 2])
    with_2018 = assessment.score_trend(fixture_engine, CITY, 2018)
    assert with_2018.iloc[-1][["year", "assessments", "units_due", "units_assessed"]].tolist() == [2018, 1, 5, 1]
    yi = assessment.score_trend(fixture_engine, YI, 2017)
    assert (yi["assessments"].tolist(), yi["units_due"].tolist()) == ([1, 1], [0, 0])  # U2 not checked in yet
    assert yi["assessment_coverage"].isna().all()
    assert assessment.score_trend(fixture_engine, Area(county="NO-SUCH"), 2017).empty


def test_the_league_table_with_what_explains_each_score(fixture_engine):
    league = assessment.unit_scores(fixture_engine, CITY, 2017).set_index("unit_code")
    assert league.index.tolist() == ["U1", "U2", "U3"]
    assert league["rank"].tolist() == [1, 2, 3]
    assert league["score"].tolist() == pytest.approx([85.0, 60.0, 58.0])  # U1: (90 + 80) / 2
    assert league["band"].tolist() == ["良好", "一般", "较差"]
    assert league.loc["U1", ["streets", "communities"]].tolist() == ["一街道、二街道", "红星社区、和平社区"]
    assert league["previous_score"].tolist()[:2] == pytest.approx([82.0, 70.0])
    assert league["score_change"].tolist()[:2] == pytest.approx([3.0, -10.0])
    assert pd.isna(league.loc["U3", "previous_score"]) and pd.isna(league.loc["U3", "score_change"])
    assert league[["members_in_service", "members_checked_in"]].to_numpy().tolist() == [[2, 0], [2, 1], [1, 1]]
    assert league[["member_months", "member_months_served"]].to_numpy().tolist() == [[0, 0], [12, 2], [8, 2]]
    assert pd.isna(league.loc["U1", "service_rate"])  # none of U1's members had checked in by the end of 2017
    assert league["service_rate"].tolist()[1:] == pytest.approx([2 / 12, 2 / 8])
    assert league[["notifications", "notifications_completed", "members_reported"]].to_numpy().tolist() == [
        [1, 1, 1], [1, 0, 1], [1, 1, 1]]


def test_the_league_table_of_smaller_areas(fixture_engine):
    jia = assessment.unit_scores(fixture_engine, JIA, 2017)
    assert jia["unit_code"].tolist() == ["U1", "U3"]  # U2 was scored by 乙县's K4
    street = assessment.unit_scores(fixture_engine, Area(county="T01", street="T01-S1"), 2017)
    assert street[["unit_code", "score", "members_in_service", "members_checked_in"]].to_numpy().tolist() == [
        ["U1", 90.0, 2, 0]]  # scored by K1 only; M1 and M2 live in 一街道
    second = assessment.unit_scores(fixture_engine, Area(county="T01", street="T01-S2"), 2017).set_index("unit_code")
    assert second["score"].tolist() == pytest.approx([80.0, 58.0])
    assert second.loc["U1", "members_in_service"] == 0 and pd.isna(second.loc["U1", "checkin_rate"])  # M3: 2018
    ties = assessment.unit_scores(fixture_engine, Area(community="K3"), 2017)
    assert ties["rank"].tolist() == [1, 2]
    assert assessment.unit_scores(fixture_engine, Area(county="NO-SUCH"), 2017).empty


def test_units_not_yet_assessed(fixture_engine):
    pending = assessment.units_not_assessed(fixture_engine, CITY, 2017)
    assert pending[["unit_code", "county", "street", "community", "checked_in_on"]].to_numpy().tolist() == [
        ["U1", "甲区", "一街道", "光明社区", dt.date(2017, 3, 1)]]
    assert assessment.units_not_assessed(fixture_engine, Area(county="T01", street="T01-S2"), 2017).empty
    later = assessment.units_not_assessed(fixture_engine, CITY, 2018)
    assert list(zip(later["unit_code"], later["community"])) == [
        ("U1", "光明社区"), ("U1", "和平社区"), ("U3", "和平社区"), ("U2", "幸福社区")]


def test_the_cockpit_judges_coverage_against_its_target(fixture_engine):
    frames = cockpit_by_area(fixture_engine, CITY, ThemeDates.every(AS_OF))
    scores = scored_headlines(frames, targets(fixture_engine), ThemeDates.every(AS_OF)).set_index("key")
    assert scores.loc["assessment_coverage", ["numerator", "denominator"]].tolist() == [2, 3]
    assert scores.loc["assessment_coverage", "value"] == pytest.approx(2 / 3)
    assert scores.loc["assessment_coverage", ["target", "amber_floor", "status"]].tolist() == [1.0, 0.9, "红"]


def test_findings_say_the_average_the_bands_and_why_the_lowest_unit_scored_low(fixture_engine):
    bands = assessment.score_bands_by_area(fixture_engine, CITY, 2017)
    trend = assessment.score_trend(fixture_engine, CITY, 2017)
    assert score_findings(bands, trend, 2017, "全市", "县级单位") == [
        "全市2017年度双向考核 4 个结果,平均 72.0 分,较上年下降 4.0 分;优秀 1 个、良好 1 个、一般 1 个、较差 1 个。",
        "甲区平均得分最高,76.0 分;乙县最低,60.0 分。"]
    league = assessment.unit_scores(fixture_engine, CITY, 2017)
    assert lowest_unit_findings(league, 2017) == [
        "得分最低的单位是常德某科技有限公司(58.0 分,较差):在职党员报到率 100.0%,月度服务率 25.0%,"
        "2017年双通报双方已通报 1 / 1 对。"]
    nowhere = assessment.score_bands_by_area(fixture_engine, Area(county="NO-SUCH"), 2017)
    assert score_findings(nowhere, trend.iloc[0:0], 2017, "丙县", "街道") == ["丙县没有2017年度的双向考核结果。"]
    assert lowest_unit_findings(league.iloc[0:0], 2017) == []


def test_a_store_migrated_from_before_gets_the_target(empty_engine):
    upgrade_store(empty_engine, "0011")
    with empty_engine.connect() as connection:
        keys = set(connection.execute(select(Target.metric_key)).scalars())
    assert "assessment_coverage" not in keys
    upgrade_store(empty_engine)
    with empty_engine.connect() as connection:
        row = connection.execute(select(Target.target_value, Target.amber_floor, Target.label)
                                 .where(Target.metric_key == "assessment_coverage")).one()
    assert tuple(row) == (1.0, 0.9, "双向考核覆盖率")


def test_the_briefing_holds_the_scores(fixture_engine):
    """The view's slides: coverage by county, the counties' average scores, the lowest units' scores."""
    bands = assessment.score_bands_by_area(fixture_engine, CITY, 2017)
    league = assessment.unit_scores(fixture_engine, CITY, 2017)
    sections = [
        rate_section("2017年双向考核覆盖率", assessment.assessment_coverage_by_area(fixture_engine, CITY, 2017),
                     "units_assessed", "units_due", "全市", "县级单位", 1.0, {"area_name": "县级单位"}),
        value_section("2017年度各县级单位平均得分", bands, "area_name", "average_score", "分", ["一句"],
                      {"area_name": "县级单位", "average_score": "平均得分"}),
        value_section("单位得分最低的单位", league.sort_values("score").head(2), "unit", "score", "分", [],
                      {"unit": "驻区单位", "score": "单位得分"}),
    ]
    deck = Presentation(io.BytesIO(briefing_deck("双向考核简报", "全市", "2017年度", "2018年6月30日", [], sections)))
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert [list(chart.plots[0].categories) for chart in charts] == [
        ["甲区"], ["甲区", "乙县"], ["常德某科技有限公司", "乙县教育局"]]
    assert [list(chart.series[0].values) for chart in charts] == [[66.7], [76.0, 60.0], [58.0, 60.0]]
    book = openpyxl.load_workbook(io.BytesIO(briefing_workbook(sections)))
    assert book.sheetnames == ["2017年双向考核覆盖率", "2017年度各县级单位平均得分", "单位得分最低的单位"]
    assert [c.value for c in book["单位得分最低的单位"]["A"]] == ["驻区单位", "常德某科技有限公司", "乙县教育局"]


def test_a_service_before_the_check_in_day_in_the_check_in_month_is_not_counted(migrated_engine):
    """M4 checks in on 2017-05-10 instead and serves on 2017-05-03 too: the summary marks May as a month with
    service, but May counts as served only with a service on or after the 10th (none); December's counts.
    Both ways: 8 member-months (May to December), 1 served."""
    fill_with_fixture(migrated_engine)
    with migrated_engine.begin() as connection:
        member = connection.execute(select(PartyMember.id).where(PartyMember.code == "M4")).scalar()
        k3 = connection.execute(select(Community.id).where(Community.code == "K3")).scalar()
        connection.execute(update(MemberCheckin).where(MemberCheckin.member_id == member)
                           .values(checked_in_on=dt.date(2017, 5, 10)))
        connection.execute(delete(ServiceActivity).where(ServiceActivity.member_id == member,
                                                         ServiceActivity.served_on == dt.date(2017, 5, 1)))
        connection.execute(insert(ServiceActivity).values(code="FW-M4-20170503", member_id=member, community_id=k3,
                                                          served_on=dt.date(2017, 5, 3), kind="治安巡逻", hours=2))
        rebuild_summaries(connection)
    with pytest.MonkeyPatch.context() as patch:
        counted = raw(patch, assessment.unit_scores, migrated_engine, CITY, 2017)
    for league in (assessment.unit_scores(migrated_engine, CITY, 2017), counted):
        row = league.set_index("unit_code").loc["U3"]
        assert (row["member_months"], row["member_months_served"]) == (8, 1)
