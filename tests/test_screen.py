"""Big-screen mode under AppTest: no chrome, a clock and the data-as-of date, rotation on elapsed time, pause."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import ROOT, URL_ENV
from dashboard.screen import PAUSED, SHOWN_AT, due, next_index

APP = str(ROOT / "dashboard" / "app.py")


def test_rotation_logic():
    assert [next_index(i, 6) for i in range(6)] == [1, 2, 3, 4, 5, 0]
    assert due(100.0, 130.0, 30) and not due(100.0, 129.9, 30)
    assert not due(100.0, 1e9, 0)  # rotation off
    assert not due(None, 130.0, 30)


@pytest.fixture
def screen(monkeypatch, fixture_url) -> AppTest:
    monkeypatch.setenv(URL_ENV, fixture_url)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update({"screen": "1", "rotate": "30"})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def headings(app: AppTest) -> list[str]:
    """The page's headings, and the title of a big-screen composition as `## title`."""
    composed = [h.value.split("data-screen='")[1].split("'")[0] for h in app.get("html") if "data-screen=" in h.value]
    return [m.value for m in app.markdown if m.value.startswith("### ") or m.value.startswith("#### ")] + [
        f"## {title}" for title in composed]


def shown_html(app: AppTest) -> str:
    return "".join(h.value for h in app.get("html"))


def test_big_screen_shows_clock_and_as_of_without_chrome(screen):
    html = shown_html(screen)
    assert html.count("数据截至 2018年6月30日") == 1 and html.count("class='bs-clock'") == 1  # one of each
    assert "display: none" in html
    assert "## 全市党建驾驶舱" in headings(screen)
    assert "1 / 9" in html  # which screen of how many
    assert "62.5%" in html and "66.7%" in html  # 网格党支部覆盖率, 在职党员报到率 (tests/test_pages.py)
    assert screen.markdown.len == 0 and screen.warning.len == 0  # no banner, no link to itself


def test_big_screen_rotates_on_elapsed_time_and_can_pause(screen):
    screen.run()
    assert "## 全市党建驾驶舱" in headings(screen)  # 30 s have not passed
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "## 全市 · 六级体系覆盖" in headings(screen)
    screen.button(key="screen_pause").click().run()
    assert screen.session_state[PAUSED] is True
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "## 全市 · 六级体系覆盖" in headings(screen)  # paused: stays


def test_big_screen_rotation_passes_over_the_definitions(screen):
    """指标口径 is a page to read, not a figure for the room: the rotation goes from 经费保障 back to 总览."""
    screen.switch_page("../pages/funding.py")
    screen.query_params.update({"screen": "1", "rotate": "30"})
    screen.run()
    assert "## 全市 · 经费保障" in headings(screen)
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "## 全市党建驾驶舱" in headings(screen)


def test_a_county_display_token_shows_every_composition_for_its_county(monkeypatch, databases):
    """A county's unattended screen: every composition runs within the county (乙县), its streets ranked in the
    centre (no city map), and nothing of the other county."""
    from dashboard import accounts
    from dashboard.db import make_engine
    from dashboard.screen_views import COMPOSITIONS
    from tests.conftest import fill_with_fixture

    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    token = accounts.create_display_token(engine, "会议室", county="T02")
    engine.dispose()
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.delenv(SIGN_IN_ENV, raising=False)
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update({"screen": "1", "rotate": "0", "token": token})
    app.run()
    for path in COMPOSITIONS:
        app.switch_page(f"../{path}")
        app.query_params.update({"screen": "1", "rotate": "0"})
        app.run()
        assert not app.exception, (path, [e.value for e in app.exception])
        html = shown_html(app)
        assert "data-screen='乙县" in html and "class='bs-map-frame'" not in html and "甲区" not in html, path
        assert "各街道" in html or "排名" not in html, path
