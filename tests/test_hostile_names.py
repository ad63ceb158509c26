"""Hostile names (tests/hostile.py) planted in the fixture are shown as inert text on every view (AppTest:
every markdown-read text, every plotly figure, the map's tooltip) and in every kind of file (CSV, Excel,
the briefing deck and workbook). The real browser sees the same in tests/browser/test_hostile_browser.py."""

from __future__ import annotations

import io
import json
import re

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.deck import Section, briefing_deck, briefing_workbook
from dashboard.sheets import csv_bytes, xlsx_bytes
from dashboard.text import file_name, plain, sheet_name, visible
from tests.apptest import APP
from tests.fixture_data import build_fixture
from tests.hostile import ACTIVE, BIDI, DIRECTIVES, FORMULA, HTML, LINK, LONG, MARKDOWN, SCRIPT, plant_hostile_names

VIEWS = ["../pages/coverage.py", "../pages/checkin.py", "../pages/assessment.py", "../pages/meetings.py",
         "../pages/two_new.py", "../pages/teams.py", "../pages/platforms.py", "../pages/funding.py"]
AREAS = {"city": {}, "甲区": {"county": LINK}, "乙县": {"county": "乙县"},
         "一街道": {"county": LINK, "street": MARKDOWN + HTML}}
SHOWN = {"甲区": LINK, "一街道": MARKDOWN + HTML}  # in every view's breadcrumb
GALLERY = [LINK, HTML, MARKDOWN, SCRIPT, DIRECTIVES, BIDI, FORMULA, LONG]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    build_fixture(engine)
    plant_hostile_names(engine)
    engine.dispose()
    return url


def markdown_texts(app: AppTest) -> list[str]:
    """Every text of the run that Streamlit reads as markdown."""
    texts = [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success")
             for e in getattr(app, kind)]
    texts += [b.label for b in app.button] + [m.label for m in app.metric] + [t.label for t in app.tabs]
    return texts


def plotly_texts(app: AppTest) -> list[str]:
    return [element.proto.spec for element in app.get("plotly_chart")]


@pytest.mark.parametrize(("view", "area"), [(None, "city")] + [(v, a) for v in VIEWS for a in AREAS])
def test_every_view_shows_hostile_names_as_text(monkeypatch, hostile_store, view, area):
    monkeypatch.setenv(URL_ENV, hostile_store)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    if view:
        app.switch_page(view)
        app.query_params.update(AREAS[area])
        app.run()
    assert not app.exception, [e.value for e in app.exception]
    shown = markdown_texts(app)
    read = [re.sub(r"\\.", "\0", text, flags=re.S) for text in shown]  # what is left once escapes are read
    assert [(piece, text[:120]) for text in read for piece in ACTIVE if piece in text] == []
    figures = plotly_texts(app)
    assert [piece for spec in figures for piece in ("<a href", "<b>粗", "<img", "\u202e") if piece in spec] == []
    for deck in app.get("deck_gl_json_chart"):
        tooltip = json.loads(deck.proto.tooltip)
        assert "html" not in tooltip and "{name}" in tooltip["text"]
    if view and area in SHOWN:  # the hostile name is on screen, escaped (breadcrumb, heading line, findings)
        assert any(plain(SHOWN[area]) in text for text in shown)
    if view == "../pages/meetings.py" and area == "city":
        assert any("&lt;a href=" in spec for spec in figures)  # the streets' names in the heatmap, as entities


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame({"名称": GALLERY, "数": range(len(GALLERY))})


def test_csv_and_excel_hold_hostile_names_as_plain_text():
    back = pd.read_csv(io.BytesIO(csv_bytes(hostile_frame())), encoding="utf-8-sig")
    assert back["名称"].tolist() == [visible(n) if not n.startswith("=") else "'" + n for n in GALLERY]
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(hostile_frame(), "甲" + LINK)))
    sheet = book.active
    assert sheet.title == sheet_name("甲" + LINK) and not set(sheet.title) & set("[]:*?/\\")
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" and c.hyperlink is None for c in cells)
    assert [c.value for c in cells if isinstance(c.value, str)] == back["名称"].tolist()


def test_the_briefing_holds_hostile_names_as_plain_text():
    section = Section("网格党支部覆盖率", [visible(n) for n in GALLERY], [50.0] * len(GALLERY), "%",
                      findings=[f"{LINK}低于目标", BIDI], table=hostile_frame())
    deck = Presentation(io.BytesIO(briefing_deck("简报" + HTML, MARKDOWN, "2018年", "2018年6月30日",
                                                 [(FORMULA, "1%", SCRIPT)], [section])))
    texts, links = [], []
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                texts.append(frame.text)
                links += [run.hyperlink.address for p in frame.paragraphs for run in p.runs if run.hyperlink.address]
    assert links == []
    assert "简报" + HTML in texts and MARKDOWN in "\n".join(texts) and FORMULA in texts
    assert not any("\u202e" in text or "\u200b" in text for text in texts)
    book = openpyxl.load_workbook(io.BytesIO(briefing_workbook([section])))
    assert all(c.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)


def test_file_names_of_hostile_areas_are_usable():
    names = [file_name(f"两新组织覆盖_{n}", "csv") for n in GALLERY]
    assert all(len(n) <= 84 and not set(n) & set('/\\:*?"<>|') and "\u202e" not in n for n in names)
    assert file_name("../../etc/passwd", "csv") == "etc_passwd.csv"
