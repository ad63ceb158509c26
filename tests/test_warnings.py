"""预警中心, 点名督办 and the 督办通报 on the hand-built fixture (tests/fixture_data.py), every backend.

Counted by hand (as of 2018-06-30; targets of migration 0002/0003/0014; the earlier month-ends for how long):
- City: 乙县 联席会议按期召开率 1/4 (三街道 met only in 2018Q1 of 2017Q3–2018Q2; on 05-31, 2017Q2–2018Q1, 2/4:
  下降), 两新组织 1/2 (N5 joint, N6 none), 经费执行率 0 (L3 unpaid; on 2017-12-31 its 2017 line L4 was paid in
  full: 6 months), 结对社区覆盖率 0 (U2–K4 was in force until 01-31: 5 months), 网格党支部覆盖率 1/2 (G7 of G7 G8;
  G8 was created on 06-10, so on 05-31 1/1: 1 month, 下降); 甲区 在职党员报到率 2/4 (M1 M4 of M1–M4; on 05-31
  M3 had not joined: 2/3), 双向考核 2/3, 网格 4/6, 联络员 2/3, 联席会议 3/4 (05-31: 2/4, 上升), 两新组织 2/4.
  All 落后; undated themes below on every month asked.
- 一街道: 光明社区 双向考核 0, 报到 0 (M2 checks in on 07-15), 两新 0 (N3 an instructor); 红星社区 网格 2/3.
- Lists: U1 has 2 of M1 M2 M3 not checked in; U2's Party organization reported only on 07-10; M10 (U2, 06-30) has
  not served since April; U3–K2 (from 2017-06-01) never held an activity; 三街道 met last on 03-31; N4 has 4
  members and no organization; 乙县's own line L3 has spent nothing (序时进度 181/365).
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from dashboard.accounts import Viewer
from dashboard.db import URL_ENV
from dashboard.notice import gather, main, masked_runner, notice_docx
from queries.area import Area
from queries.checkin import unit_league
from queries.cockpit import ranked_areas
from queries.followup import (
    funding_behind_pace,
    members_not_serving,
    months_window,
    pairings_without_activity,
    streets_without_meeting,
    units_not_checked_in,
    units_with_members_not_checked_in,
)
from queries.overview import cockpit_by_area
from queries.store import ThemeDates, tables_with_rows, targets
from queries.warnings import area_warnings, measured_metrics
from tests.apptest import metrics, table_with
from tests.fixture_data import AS_OF
from tests.test_report_views import open_view

DATES = ThemeDates.every(AS_OF)
WARNINGS = "../pages/warnings.py"
CITY_ROWS = [  # area, metric, months below (7 = every month asked), most severe first
    ("T02", "meetings_on_schedule", 7), ("T01", "member_checkin_rate", 7), ("T01", "assessment_coverage", 7),
    ("T01", "grid_branch_coverage", 7), ("T01", "liaison_staffing", 7), ("T01", "meetings_on_schedule", 7),
    ("T01", "two_new_org_coverage", 7), ("T02", "two_new_org_coverage", 7), ("T02", "funding_execution", 6),
    ("T02", "pairing_coverage", 5), ("T02", "grid_branch_coverage", 1)]


def test_the_city_s_warnings_by_severity(fixture_engine):
    warnings = area_warnings(fixture_engine, Area(), DATES)
    assert list(zip(warnings["area_code"], warnings["metric_key"], warnings["months_below"])) == CITY_ROWS
    assert set(warnings["severity"]) == {"落后"}
    meetings = warnings.set_index(["area_code", "metric_key"])
    assert meetings.loc[("T02", "meetings_on_schedule"), ["value", "previous_value", "trend"]].tolist() == [
        0.25, 0.5, "下降"]
    assert meetings.loc[("T01", "meetings_on_schedule"), ["value", "previous_value", "trend"]].tolist() == [
        0.75, 0.5, "上升"]
    assert meetings.loc[("T02", "grid_branch_coverage"), ["value", "previous_value", "trend"]].tolist() == [
        0.5, 1.0, "下降"]
    checkin = meetings.loc[("T01", "member_checkin_rate")]
    assert (checkin["value"], round(checkin["previous_value"], 4)) == (0.5, round(2 / 3, 4))
    assert checkin["responsible"] == "甲区党(工)委组织部"


def test_a_street_s_communities_and_who_answers(fixture_engine):
    area = Area(county="T01", street="T01-S1")
    warnings = area_warnings(fixture_engine, area, DATES)
    assert sorted(zip(warnings["area_name"], warnings["metric_key"])) == [
        ("光明社区", "assessment_coverage"), ("光明社区", "member_checkin_rate"), ("光明社区", "two_new_org_coverage"),
        ("红星社区", "grid_branch_coverage")]
    assert set(warnings.loc[warnings["area_code"] == "K2", "responsible"]) == {"光明社区党组织书记 韩*记"}
    unmasked = area_warnings(fixture_engine, area, DATES, mask=False)
    assert set(unmasked.loc[unmasked["area_code"] == "K1", "responsible"]) == {"红星社区党组织书记 林书记"}
    streets = area_warnings(fixture_engine, Area(county="T01"), DATES)
    by_street = dict(zip(streets["area_code"], streets["responsible"]))
    assert by_street["T01-S1"] == "一街道党工委(街道党工委书记 李*书;大工委书记 张*记)"
    assert by_street["T01-S2"] == "二街道党工委(大工委书记 周*记)"
    # 二街道's check-in: M3 joined on 06-30 and has not checked in (1/2); on 05-31 M4 alone, checked in.
    row = streets[(streets["area_code"] == "T01-S2") & (streets["metric_key"] == "member_checkin_rate")].iloc[0]
    assert (row["value"], row["months_below"], row["previous_value"], row["trend"]) == (0.5, 1, 1.0, "下降")


@pytest.mark.parametrize("area", [Area(), Area(county="T01"), Area(county="T02"), Area(county="T01", street="T01-S1"),
                                  Area(county="T02", street="T02-S3")], ids=str)
def test_the_warning_centre_lists_what_the_cockpit_ranking_marks(fixture_engine, area):
    """The same areas the cockpit's ranking (pages/overview.py) marks 预警 or 落后, metric by metric."""
    frames = cockpit_by_area(fixture_engine, area, DATES)
    goals = targets(fixture_engine).set_index("metric_key")
    marked = set()
    for spec in measured_metrics(tables_with_rows(fixture_engine)):
        ranked = ranked_areas(frames[spec.key], spec, goals.loc[spec.key], DATES.of(spec.theme))
        marked |= {(spec.key, code, status) for code, status in zip(ranked["area_code"], ranked["status"])
                   if status in ("红", "黄")}
    warnings = area_warnings(fixture_engine, area, DATES)
    assert set(zip(warnings["metric_key"], warnings["area_code"], warnings["status"])) == marked


def test_the_follow_up_lists(fixture_engine):
    city = Area()
    units = units_with_members_not_checked_in(fixture_engine, city, AS_OF)
    assert units[["unit_code", "members_in_service", "members_checked_in", "members_missing"]].values.tolist() == [
        ["U1", 3, 1, 2]]
    assert units["party_org"].tolist() == ["中共甲区财政局支部委员会"]
    assert units_not_checked_in(fixture_engine, city, AS_OF)[["community", "unit_code"]].values.tolist() == [
        ["幸福社区", "U2"]]
    idle = members_not_serving(fixture_engine, city, AS_OF)
    assert idle[["member", "phone", "unit", "community"]].values.tolist() == [
        ["冯*", "138****0000", "乙县教育局", "幸福社区"]]
    assert members_not_serving(fixture_engine, city, AS_OF, mask=False)["member"].tolist() == ["冯二"]
    pairings = pairings_without_activity(fixture_engine, city, AS_OF)
    assert pairings[["community", "unit_code", "last_activity_on"]].values.tolist() == [["光明社区", "U3", None]]
    streets = streets_without_meeting(fixture_engine, city, AS_OF)
    assert streets[["street", "days_since_last", "secretary"]].values.tolist() == [["三街道", 91, "吴*记"]]
    funding = funding_behind_pace(fixture_engine, city, AS_OF)
    assert funding[["holder", "level", "budget_yuan", "disbursed_yuan"]].values.tolist() == [
        ["乙县", "县级单位本级", 50000.0, 0.0]]
    assert round(funding["pace_target"].iloc[0], 4) == round(181 / 365, 4)
    for query in (units_with_members_not_checked_in, units_not_checked_in, members_not_serving,
                  pairings_without_activity, funding_behind_pace):
        assert query(fixture_engine, Area(county="T02", street="T02-T1"), AS_OF).empty, query.__name__  # 四镇


def test_members_not_serving_are_the_check_in_view_s(fixture_engine):
    """Per unit, the same members the check-in view's league (unit_league) counts as not serving."""
    for as_of, months in [(AS_OF, 3), (AS_OF, 1), (AS_OF.replace(month=5, day=31), 2)]:
        league = unit_league(fixture_engine, Area(), months_window(as_of, months), as_of)
        idle = members_not_serving(fixture_engine, Area(), as_of, months)
        counted = idle["unit"].value_counts().to_dict()
        assert {u: n for u, n in zip(league["unit"], league["members_not_served"]) if n} == counted


def _document(data: bytes) -> tuple[Document, str]:
    document = Document(io.BytesIO(data))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    return document, text


def _check_notice(data: bytes) -> None:
    document, text = _document(data)
    headings = [p.text for p in document.paragraphs if p.text[:2] in ("一、", "二、", "三、", "四、")]
    assert headings == ["一、总体情况", "二、预警和落后情况", "三、点名督办事项", "四、整改要求"]
    assert document.paragraphs[0].text == "关于甲区城市基层党建重点工作推进情况的督办通报"
    page = document.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)  # A4, as 公文 are printed
    title_fonts = document.paragraphs[0].runs[0]._element.rPr.rFonts
    assert title_fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    first_heading = next(p for p in document.paragraphs if p.text == "一、总体情况")
    assert first_heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert document.paragraphs[2].runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    warnings, *lists = document.tables
    assert len(warnings.rows) == 1 + 9  # 甲区's streets: 一街道 4, 二街道 5
    assert [c.text for c in warnings.rows[1].cells][1:4] == ["二街道", "网格党支部覆盖率", "0.0%"]
    rows = {tuple(c.text for c in t.rows[1].cells) for t in lists}
    assert ("1", "甲区财政局", "县直机关", "中共甲区财政局支部委员会", "3", "1", "2") in rows
    assert ("1", "甲区", "一街道", "光明社区", "常德某科技有限公司", "2017-06-01", "—") in rows
    assert ("1", "甲区", "二街道", "和平社区", "测试组织N4", "非公企业", "4", "未覆盖") in rows
    assert len(lists) == 3
    assert "整改时限:2018年7月31日前" in text
    assert "周书记" not in text and "周*记" in text  # names masked
    assert "乙县" not in text and "三街道" not in text


def test_the_notice_holds_the_lists(fixture_engine):
    notice = gather(masked_runner(fixture_engine), Area(county="T01"), DATES, "甲区", AS_OF)
    _check_notice(notice_docx(notice))


def test_a_notice_for_a_role_without_member_details_counts_them_and_says_where_they_are(fixture_engine):
    """乙县: M10 (冯二, U2) has not served since April, 1 member; without details the notice counts him, prints no
    row and says that the list is exported by analysts; with details his row is there, masked."""
    area = Area(county="T02")
    counted = gather(masked_runner(fixture_engine), area, DATES, "乙县", AS_OF, details=False)
    _, text = _document(notice_docx(counted))
    assert "(三)已报到未服务的在职党员:1 项。" in text
    assert "此项名单涉及党员个人信息,本通报只列数量;名单由分析员账号在“预警中心”页导出。" in text
    assert "冯" not in text
    full = gather(masked_runner(fixture_engine), area, DATES, "乙县", AS_OF)
    _, text = _document(notice_docx(full))
    assert "冯*" in text and "此项名单涉及党员个人信息" not in text


def test_the_command_line_writes_the_notice(fixture_url, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(URL_ENV, fixture_url)
    out = tmp_path / "督办通报.docx"
    assert main(["--area", "甲区", "--month", "2018-06", "--out", str(out)]) == 0
    _check_notice(out.read_bytes())
    assert "预警和落后 9 项" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="找不到区域"):
        main(["--area", "无此区", "--month", "2018-06", "--out", str(out)])


def test_the_warning_centre_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, WARNINGS, {"from": "2018-04", "to": "2018-06"})
    assert metrics(app) == {  # the cockpit's figures (tests/test_pages.py)
        "网格党支部覆盖率": "62.5%", "在职党员报到率": "66.7%", "结对社区覆盖率": "75.0%",
        "联席会议按期召开率": "58.3%", "两新组织党的组织覆盖率": "50.0%", "经费执行率": "36.1%",
        "党建联络员配备率": "75.0%", "双向考核覆盖率": "66.7%"}
    assert "**落后 11 项 · 预警 0 项 · 涉及县级单位 2 个**" in [m.value for m in app.markdown]
    table = table_with(app, "责任单位(人)")
    assert table["县级单位"].tolist() == ["乙县"] + ["甲区"] * 6 + ["乙县"] * 4  # as CITY_ROWS
    assert table["查看"].iloc[0].startswith("./meetings?county=")
    assert table_with(app, "未报到")["驻区单位"].tolist() == ["甲区财政局"]
    assert any(b.label == "下载督办通报(Word)" for b in app.get("download_button"))
    assert app.multiselect(key="warn_metric").proto.select_all == 0  # no bulk action labelled "Select all"
    app.multiselect(key="warn_metric").set_value(["在职党员报到率", "结对社区覆盖率"]).run()
    assert table_with(app, "责任单位(人)")["指标"].tolist() == ["在职党员报到率", "结对社区覆盖率"]
    app.selectbox(key="warn_months").set_value("6个月").run()
    assert table_with(app, "责任单位(人)")["指标"].tolist() == ["在职党员报到率"]


def test_street_staff_see_their_street_only(monkeypatch, fixture_url):
    staff = Viewer("一街道", "street_staff", Area(county="T01", street="T01-S1"))
    app = open_view(monkeypatch, fixture_url, WARNINGS, {"from": "2018-04", "to": "2018-06"}, viewer=staff)
    table = table_with(app, "责任单位(人)")
    assert set(table["社区"]) == {"红星社区", "光明社区"}
    assert "光明社区党组织书记 韩书记" in set(table["责任单位(人)"])  # street staff see names
    assert table["查看"].iloc[0].startswith("./assessment?county=%E7%94%B2%E5%8C%BA&street=%E4%B8%80%E8%A1%97%E9%81%93"
                                          "&community=%E5%85%89%E6%98%8E%E7%A4%BE%E5%8C%BA")  # 甲区 一街道 光明社区
    assert table_with(app, "结对单位")["社区"].tolist() == ["光明社区"]
    shown = {str(v) for frame in app.dataframe for v in frame.value.to_numpy().ravel()}
    assert not shown & {"乙县", "三街道", "幸福社区", "二街道", "和平社区", "乙县教育局"}


def test_a_leader_s_rule_moves_the_lines(databases):
    """A rule (metric, level, threshold) is a row of the target table: 两新组织's 落后 line at 40% turns 甲区's and
    乙县's 50% from 落后 into 预警; a floor above the target is refused; the change is audited."""
    from dashboard.accounts import AccountError, audit_entries
    from dashboard.db import make_engine
    from dashboard.thresholds import set_threshold
    from tests.conftest import fill_with_fixture

    engine = make_engine(databases.new("sqlite"))
    fill_with_fixture(engine)
    set_threshold(engine, "two_new_org_coverage", "落后", 0.4, by="leader")
    warnings = area_warnings(engine, Area(), DATES)
    two_new = warnings[warnings["metric_key"] == "two_new_org_coverage"]
    assert two_new[["area_code", "severity"]].values.tolist() == [["T01", "预警"], ["T02", "预警"]]
    with pytest.raises(AccountError):
        set_threshold(engine, "two_new_org_coverage", "落后", 0.8)
    assert audit_entries(engine, event="threshold_set")["detail"].tolist() == ["两新组织党的组织覆盖率 · 落后线 40.0%"]
    engine.dispose()


def test_the_briefing_deck_s_closing_slides(fixture_engine):
    """The notice as the deck's last slides (words, with the warnings' table for the workbook)."""
    from pptx import Presentation

    from dashboard.deck import briefing_deck
    from dashboard.notice import closing_sections, headline_cells

    notice = gather(masked_runner(fixture_engine), Area(county="T01"), DATES, "甲区", AS_OF)
    sections = closing_sections(notice)
    assert [s.title for s in sections] == ["督办:预警和落后单位", "督办:点名督办名单",
                                           "督办:整改要求(整改时限 2018年7月31日)"]
    assert sections[0].findings[0].startswith("1. 二街道 · 网格党支部覆盖率 0.0%(目标 100.0%,落后,连续7个月及以上)")
    assert sections[1].findings[0] == "在职党员未全部报到的驻区单位:1 项(甲区财政局)"
    assert len(sections[2].findings) == 4 and len(sections[0].table) == 9
    deck = Presentation(io.BytesIO(briefing_deck("督办简报", "甲区", "2018年6月", "2018年6月30日",
                                                 headline_cells(notice), sections)))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert "督办:点名督办名单" in texts and "周书记" not in "\n".join(texts)


def test_the_filters_come_from_the_link(monkeypatch, fixture_url):
    link = {"from": "2018-04", "to": "2018-06", "warn_months": "6个月",
            "warn_metric": ["在职党员报到率", "经费执行率", "结对社区覆盖率"]}
    app = open_view(monkeypatch, fixture_url, WARNINGS, link)
    table = table_with(app, "责任单位(人)")
    assert table[["县级单位", "指标", "连续低于目标(月)"]].values.tolist() == [["甲区", "在职党员报到率", "7及以上"],
                                                                       ["乙县", "经费执行率", "6"]]


@pytest.mark.slow  # city-scale generation takes minutes: outside the quick tier
@pytest.mark.parametrize("area", [Area(), Area(county="430702")], ids=["全市", "武陵区"])
def test_on_the_demo_store_the_warning_centre_lists_what_the_views_mark(databases, backend, area):
    from dashboard.db import make_engine
    from dashboard.demo import generate
    from queries.store import store_facts

    engine = make_engine(databases.filled_once(backend, "demo", generate))
    dates = store_facts(engine).themes
    frames = cockpit_by_area(engine, area, dates)
    goals = targets(engine).set_index("metric_key")
    marked = set()
    for spec in measured_metrics(tables_with_rows(engine)):
        ranked = ranked_areas(frames[spec.key], spec, goals.loc[spec.key], dates.of(spec.theme))
        marked |= {(spec.key, code) for code, status in zip(ranked["area_code"], ranked["status"])
                   if status in ("红", "黄")}
    warnings = area_warnings(engine, area, dates)
    assert marked and set(zip(warnings["metric_key"], warnings["area_code"])) == marked
    engine.dispose()
