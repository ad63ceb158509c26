"""The report's figures as a person reads them in a real browser (Playwright driving Debian's chromium against
`streamlit run` on the hand-built fixture): the members checked in from 市县行政事业单位 — 47,137 on the demo
store, 3 of 4 on the fixture (M1, M5, M10 of M1 M4 M5 M10; tests/test_checkin.py) — on the cockpit and on the
双报到 view, written out in full; and on the 联席会议 view the 大工委 check (tests/test_meetings.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import NEEDS_CHROMIUM
from tests.browser.test_screens import SHOWN_METRICS, settled
from tests.conftest import fill_with_fixture
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def server(databases):
    url = databases.filled_once("sqlite", "fixture", fill_with_fixture)  # only read
    yield from serving(url)


def read(browser, link: str) -> tuple[dict[str, str], str]:
    """The figures (label → value) and the whole text of the page at `link`, once its run has finished."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    try:
        page.goto(link)
        settled(page)
        return page.evaluate(SHOWN_METRICS), page.inner_text("body")
    finally:
        page.close()


def test_the_cockpit_quotes_the_members_from_city_and_county_organs(server, browser):
    figures, text = read(browser, server + "/")
    assert (figures["已报到在职党员"], figures["市县行政事业单位党员报到"]) == ("4 名", "3 名")
    assert "占已报到在职党员 75.0%" in text


def test_the_checkin_view_shows_them_and_the_central_city(server, browser):
    figures, text = read(browser, server + "/checkin?from=2018-04&to=2018-06")
    assert figures["市县行政事业单位党员报到"] == "3 名"
    assert "占已报到在职党员 75.0%(共 4 名)" in text
    assert "中心城区 2 个城市社区在职党员报到率 50.0%,低于县城及其他(2 个社区,75.0%) 25.0 个百分点。" in text


def test_the_meetings_view_names_the_streets_whose_committee_falls_short(server, browser):
    figures, text = read(browser, server + "/meetings?from=2018-01&to=2018-06")
    assert (figures["大工委设置合规街道"], figures["结转未办结议题"]) == ("1 / 3", "3 个")
    assert "2 / 3 个街道不符合" in text
    assert "书记不是县级领导干部:三街道(1 个)。" in text  # 要点
