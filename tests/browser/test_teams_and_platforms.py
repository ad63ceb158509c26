"""四支队伍 and 阵地建设 in a real browser (Playwright + Debian's chromium against `streamlit run` on the fixture):
each view shows its headline figure and hands over its gap list as a CSV that holds the rows counted in
tests/test_teams.py and tests/test_platforms.py, with names masked; 阵地建设's link opens 经费保障 for 阵地建设."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.db import make_engine
from tests.browser.conftest import NEEDS_CHROMIUM, settle
from tests.conftest import fill_with_fixture
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def server(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    engine.dispose()
    yield from serving(url)


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    yield context.new_page()
    context.close()


def figure(page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    card.wait_for(timeout=60_000)
    return card.locator("[data-testid='stMetricValue']").inner_text()


def open_tab(page, title: str) -> None:
    page.locator("[data-testid='stTab']").filter(has_text=title).first.click()
    settle(page)


def csv_rows(page, key: str, tmp_path) -> list[dict]:
    button = page.locator(f".st-key-{key}_csv button")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as arrived:
        button.click()
    target = tmp_path / arrived.value.suggested_filename
    arrived.value.save_as(target)
    return list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))


def test_the_teams_view_shows_its_figure_and_hands_over_the_gap_list(server, page, tmp_path):
    page.goto(server + "/teams")
    settle(page)
    assert figure(page, "党建联络员配备率") == "75.0%"  # K1 K2 K4 of four
    assert figure(page, "换届进入") == "6 名"
    open_tab(page, "缺口清单")
    rows = csv_rows(page, "gaps_export", tmp_path)
    assert [(r["社区"], r["缺口"]) for r in rows][:2] == [("红星社区", "网格员空缺"), ("光明社区", "两委成员不足")]
    assert len(rows) == 9
    assert rows[0]["社区书记"] == "林*记" and "林书记" not in str(rows)  # masked with sign-in off


def test_the_platforms_view_shows_its_figure_hands_over_its_list_and_links_to_the_money(server, page, tmp_path):
    page.goto(server + "/platforms")
    settle(page)
    assert figure(page, "村级综合服务平台") == "6 个"
    assert figure(page, "社区阵地达标率") == "25.0%"
    open_tab(page, "未达标社区")
    rows = csv_rows(page, "below_export", tmp_path)
    assert [(r["社区"], r["差距"]) for r in rows] == [("光明社区", "缺 2 项"), ("和平社区", "未建服务阵地"),
                                                    ("幸福社区", "未填报达标项数")]
    page.locator("[data-testid='stPageLink'] a").filter(has_text="在经费保障中查看阵地建设经费").first.click()
    settle(page)
    assert figure(page, "阵地建设预算数") == "10万元"  # L1, the one 2018 line for 阵地建设
    assert "use=" in page.url
