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
    return [m.value for m in app.markdown if m.value.startswith("### ") or m.value.startswith("#### ")]


def test_big_screen_shows_clock_and_as_of_without_chrome(screen):
    assert any("数据截至 2018年6月30日" in m.value and "年" in m.value.split("·")[0] for m in screen.markdown)
    assert any("display: none" in h.value for h in screen.get("html"))
    assert "#### 全市核心指标" in headings(screen)
    assert not any("大屏模式" in m.value for m in screen.markdown)  # no link to itself


def test_big_screen_rotates_on_elapsed_time_and_can_pause(screen):
    screen.run()
    assert "#### 全市核心指标" in headings(screen)  # 30 s have not passed
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "### 六级体系覆盖" in headings(screen)
    screen.button(key="screen_pause").click().run()
    assert screen.session_state[PAUSED] is True
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "### 六级体系覆盖" in headings(screen)  # paused: stays


def test_big_screen_rotation_passes_over_the_definitions(screen):
    """指标口径 is a page to read, not a figure for the room: the rotation goes from 经费保障 back to 总览."""
    screen.switch_page("../pages/funding.py")
    screen.query_params.update({"screen": "1", "rotate": "30"})
    screen.run()
    assert "### 经费保障" in headings(screen)
    screen.session_state[SHOWN_AT] = time.time() - 31
    screen.run()
    assert "#### 全市核心指标" in headings(screen)
