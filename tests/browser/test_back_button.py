"""The browser's Back button and the period, in a real browser (Playwright + Debian's chromium against
`streamlit run`, sign-in on), as reported in a trial: a county leader changes the months of a view, goes on,
presses Back, and must find each view with the period it had, never another one.

Found: Back went through links that Streamlit had rewritten after each change of view (the filters, drawn by
each view, were other widgets on each view, so their values were put back into the link one by one, each a
new entry in the browser's history), and a link without `to` set 截止月份 to the first month of the list
(2017-01), the widget's own default: the view showed 2017-01 … 2018-01, a period nobody chose. Now the frame
draws the filters once for every view (dashboard/filters.py), each view gets one entry with its filters in the
link, and a filter missing from a link is at the view's default period."""

from __future__ import annotations

import pytest

from dashboard import accounts
from dashboard.db import make_engine
from tests.browser.conftest import NEEDS_CHROMIUM, PASSWORD, settle, sign_in
from tests.conftest import fill_with_fixture
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM



@pytest.fixture(scope="module")
def county_server(databases):
    """The hand-built fixture (data as of 2018-06-30, months 2017-01 … 2018-06) with a leader of 甲区 (T01)."""
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    accounts.add_user(engine, "leader", PASSWORD, "county_leader", county="T01")
    engine.dispose()
    yield from serving(url, "on")


def months(page) -> tuple[str, str]:
    """起始月份 and 截止月份 as the sidebar shows them."""
    boxes = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']")
    return tuple(boxes.filter(has_text=label).first.locator("input").input_value()
                 for label in ("起始月份", "截止月份"))


def period_line(page) -> str:
    """The breadcrumb's period (甲区 · 2018年1月—2018年6月), which the figures are counted over."""
    return page.locator("[data-testid='stMain']").get_by_text("甲区 ·").first.inner_text()


def choose_month(page, label: str, month: str) -> None:
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text=label).first.click()
    page.keyboard.type(month)  # as a person does in a long list: the list shows only a window of its months
    page.get_by_role("option", name=month, exact=True).click()
    settle(page)


def open_view(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click()
    page.wait_for_timeout(1_000)
    settle(page)


def moved(page, step) -> None:
    step()
    page.wait_for_timeout(1_000)
    settle(page)


def test_back_and_forward_find_each_view_with_its_period(county_server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    try:
        page.goto(county_server + "/")
        sign_in(page, "leader")
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        settle(page)
        open_view(page, "六级体系覆盖")
        assert months(page) == ("2018-04", "2018-06")  # the last three months
        open_view(page, "双报到")
        choose_month(page, "起始月份", "2018-01")
        choose_month(page, "截止月份", "2018-03")
        assert months(page) == ("2018-01", "2018-03") and "2018年1月—2018年3月" in period_line(page)
        open_view(page, "联席会议")
        assert months(page) == ("2018-01", "2018-03")  # the period goes along

        moved(page, page.go_back)  # 双报到, as it was left
        assert "/checkin" in page.url and months(page) == ("2018-01", "2018-03")
        assert "2018年1月—2018年3月" in period_line(page)  # the figures are counted over it
        moved(page, page.go_back)  # 六级体系覆盖, as it was
        assert "/coverage" in page.url and months(page) == ("2018-04", "2018-06")
        assert "2018年4月—2018年6月" in period_line(page)
        moved(page, page.go_forward)
        assert "/checkin" in page.url and months(page) == ("2018-01", "2018-03")

        open_view(page, "总览")  # the cockpit has no filters; the period waits for the next view
        open_view(page, "两新组织")
        assert months(page) == ("2018-01", "2018-03")
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()
