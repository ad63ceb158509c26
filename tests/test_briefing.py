"""The briefing deck opens with python-pptx and its charts hold the figures the queries give (the fixture's
check-in rates: 乙县 2 of 2, 甲区 2 of 4); the workbook has one sheet per table; the cockpit offers both."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.briefing import cockpit_headlines, cockpit_sections
from dashboard.db import ROOT, URL_ENV
from dashboard.deck import briefing_deck, briefing_workbook
from dashboard.text import plain
from queries.area import CITY
from queries.cockpit import scored_headlines
from queries.overview import cockpit_by_area
from queries.store import ThemeDates, targets

AS_OF = dt.date(2018, 6, 30)


def test_the_deck_holds_the_query_figures(fixture_engine):
    frames = cockpit_by_area(fixture_engine, CITY, ThemeDates.every(AS_OF))
    goals = targets(fixture_engine)
    sections = cockpit_sections(frames, goals, ThemeDates.every(AS_OF), "全市", "县级单位")
    headlines = cockpit_headlines(scored_headlines(frames, goals, ThemeDates.every(AS_OF)))
    deck = Presentation(io.BytesIO(briefing_deck("党建工作简报", "全市", "截至2018年6月30日", "2018年6月30日",
                                                 headlines, sections)))
    slides = list(deck.slides)
    assert len(slides) == 2 + 8
    cover = " ".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)
    assert "区域:全市" in cover and "数据截至 2018年6月30日" in cover
    summary = next(shape for shape in slides[1].shapes if shape.has_table).table
    assert [summary.cell(r, 1).text for r in range(1, 9)] == ["62.5%", "66.7%", "75.0%", "58.3%", "50.0%", "36.1%",
                                                              "75.0%", "66.7%"]
    checkin = slides[3]
    chart = next(shape for shape in checkin.shapes if shape.has_chart).chart
    assert list(chart.plots[0].categories) == ["乙县", "甲区"]
    assert list(chart.series[0].values) == [100.0, 50.0]
    words = " ".join(shape.text_frame.text for shape in checkin.shapes if shape.has_text_frame)
    assert "甲区 50.0%,低于全市 16.7 个百分点,列末位" in words
    sheets = openpyxl.load_workbook(io.BytesIO(briefing_workbook(sections))).sheetnames
    assert sheets == ["网格党支部覆盖率", "在职党员报到率", "结对社区覆盖率", "联席会议按期召开率",
                      "两新组织党的组织覆盖率", "经费执行率", "党建联络员配备率", "双向考核覆盖率"]


def test_the_cockpit_shows_findings_and_offers_the_briefing(monkeypatch, fixture_url):
    monkeypatch.setenv(URL_ENV, fixture_url)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels[:2] == ["下载简报(PPT)", "下载全部表格(Excel)"]
    text = " ".join(m.value for m in app.markdown)
    # 3 of 5 in-service members had checked in by the end of May
    assert plain("全市在职党员报到率 66.7%,低于目标 90.0% 23.3 个百分点,较上月上升 6.7 个百分点。") in text
