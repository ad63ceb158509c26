"""Hostile names (tests/hostile.py) in a real browser: drilled into the hostile county and street, the
coverage and meetings views show every name as the characters it is: no link, no bold or code from data, no
image, no emoji or icon from a shortcode, nothing in the charts' SVG that plotly read as markup; and the
CSV downloaded there holds the names as text (formulas neutralised)."""

from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from dashboard.db import make_engine
from tests.browser.conftest import NEEDS_CHROMIUM, settle
from tests.conftest import fill_with_fixture
from tests.hostile import DIRECTIVES, HTML, LINK, MARKDOWN, plant_hostile_names
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def hostile_server(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    plant_hostile_names(engine)
    engine.dispose()
    yield from serving(url)


@pytest.mark.parametrize("view", ["coverage", "meetings"])
def test_hostile_names_are_inert_in_a_real_browser(hostile_server, browser, view, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{hostile_server}/{view}?" + urllib.parse.urlencode({"county": LINK, "street": MARKDOWN + HTML}))
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        settle(page)
        page.wait_for_timeout(1_000)
        main = page.locator("[data-testid='stMain']")
        links = main.evaluate("m => [...m.querySelectorAll('a[href]')].map(a => a.href)")
        assert [href for href in links if not href.startswith(hostile_server)] == []
        assert main.evaluate("m => m.querySelectorAll('img, code, em').length") == 0
        bold = main.evaluate("m => [...m.querySelectorAll('strong, b')].map(b => b.textContent)")
        assert not [text for text in bold if text in ("粗体", "粗")]
        text = main.inner_text().replace("\u2060", "")  # the word joiner that keeps bare addresses from linking
        assert "[点我](https://evil.example/x)" in text and "<img src=x onerror=alert(1)>" in text
        assert "😄" not in text
        if view == "coverage":  # 红星社区 renamed to Streamlit's directives, in the findings
            assert DIRECTIVES in text
        assert main.evaluate("m => m.querySelectorAll('svg a').length") == 0
        ticks = main.evaluate("m => [...m.querySelectorAll('svg text')].map(t => t.textContent).join('|')")
        assert "<a href='https://evil.example/y'>链接</a>" in ticks.replace("\u2060", "")
        button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text="下载 CSV").first
        with page.expect_download(timeout=60_000) as arrived:
            button.click()
        target = tmp_path / arrived.value.suggested_filename
        arrived.value.save_as(target)
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
        assert len(rows) > 1 and not [c for row in rows for c in row if c[:1] in ("=", "+", "@")]
    finally:
        context.close()
