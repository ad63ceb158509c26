"""A real browser (Playwright + Debian's chromium against `streamlit run` with sign-in on, on the hand-built
fixture): a figure's 口径 link, under a cockpit card or a chart, lands on its definition on the 指标口径 page, in
the same signed-in session (a markdown link would open a new tab that has to sign in again); and a link to a
definition's anchor scrolls to it (with sign-in off: a new session that signs in lands on the cockpit)."""

from __future__ import annotations

import pytest

from dashboard import accounts
from dashboard.db import make_engine
from tests.browser.conftest import NEEDS_CHROMIUM, PASSWORD, settle, sign_in
from tests.browser.test_screens import MISSING_GLYPHS
from tests.conftest import fill_with_fixture
from tests.live_server import serving

IN_VIEW = """(id) => { const box = document.getElementById(id).getBoundingClientRect();
                        return box.top >= 0 && box.bottom <= window.innerHeight; }"""

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def store(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    accounts.add_user(engine, "leader", PASSWORD, "city_leader")
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def server(store):
    yield from serving(store, "on")


@pytest.fixture(scope="module")
def open_server(store):
    yield from serving(store, "off")


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def cockpit(page, server):
    page.goto(server + "/")
    sign_in(page, "leader")
    page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
    settle(page)
    return page


def landed_on(page, key: str, title: str) -> None:
    """The 指标口径 page, opened on `key`: its definition first, in view, in the signed-in session."""
    page.get_by_role("heading", name="指标口径").wait_for(timeout=60_000)
    settle(page)
    assert f"/definitions?key={key}" in page.url
    headings = page.locator("[data-testid='stMain'] h3").all_inner_texts()
    assert headings[1:3] == ["指标口径", title], headings[:3]  # after the frame's title
    assert page.evaluate(IN_VIEW, key)
    assert page.get_by_label("用户名").count() == 0  # still signed in: no sign-in form
    assert page.locator("[data-testid='stSidebar']").get_by_text("leader").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.evaluate(MISSING_GLYPHS) == []


def test_a_cockpit_cards_link_lands_on_its_definition(cockpit):
    page = cockpit
    card = page.locator("[data-testid='stVerticalBlock']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text="在职党员报到率")).last
    card.get_by_role("link", name="口径").click()
    landed_on(page, "member_checkin_rate", "在职党员报到率")
    definition = page.locator("[data-testid='stMain']").inner_text()
    assert "已到居住地城市社区报到的在职党员数" in definition and "目标 90.0%,预警线 80.0%" in definition


def test_a_chart_captions_link_lands_on_its_definition(cockpit):
    page = cockpit
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="两新组织").first.click()
    page.get_by_role("heading", name="两新组织", exact=True).wait_for(timeout=60_000)
    settle(page)
    link = page.get_by_role("link", name="口径:两新组织党的工作覆盖率").first
    link.scroll_into_view_if_needed()
    link.click()
    landed_on(page, "two_new_work_coverage", "两新组织党的工作覆盖率")


def test_a_link_to_a_definitions_anchor_scrolls_to_it(page, open_server):
    """A link to /definitions#key (in a mail, a document) opens the page scrolled to that definition."""
    page.goto(open_server + "/definitions#funding_execution")
    page.get_by_role("heading", name="经费执行率").wait_for(timeout=60_000)
    settle(page)
    page.wait_for_function(IN_VIEW, arg="funding_execution", timeout=10_000)
    assert not page.evaluate(IN_VIEW, "community_org_coverage")  # the first definition: scrolled past it
