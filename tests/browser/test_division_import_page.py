"""A department's first two steps, in a real browser (Playwright + Debian's chromium against `streamlit run`): a
store made like `make init-store` (the 15 county-level units, nothing else), then the administrator uploads the
statistics bureau's division table of 常德 as it is on the page 数据导入, reads the check, confirms, and finds
the streets in the coverage view."""

from __future__ import annotations

import pytest

from dashboard import accounts
from dashboard.db import make_engine
from dashboard.divisions import DIVISIONS_CSV
from dashboard.new_store import init_store
from tests.browser.conftest import NEEDS_CHROMIUM, PASSWORD, settle, sign_in
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM

# The streets of 武陵区 in the table (15), as people say them (启明街道办事处 → 启明街道).
WULING_STREETS = {"启明街道", "府坪街道", "穿紫河街道", "白马湖街道", "丹阳街道", "南坪街道", "芙蓉街道", "东江街道",
                  "长庚街道", "德山街道", "樟木桥街道", "永安街道", "柳叶湖街道", "七里桥街道", "芷兰街道"}


@pytest.fixture(scope="module")
def new_store_server(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    init_store(engine)
    accounts.add_user(engine, "admin", PASSWORD, "admin")
    engine.dispose()
    yield from serving(url, "on")


def choose(page, label: str, option: str) -> None:
    page.locator("[data-testid='stSelectbox']").filter(has_text=label).first.click()
    page.get_by_role("option", name=option).first.click()
    settle(page)


def open_view(page, title: str, heading: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click()
    page.get_by_text(heading).first.wait_for(timeout=60_000)
    settle(page)


def table_cells(page, key: str) -> list[str]:
    """The cells of a table: the grid draws on a canvas and keeps an accessible (hidden) table of its cells."""
    frame = page.locator(f".st-key-{key} [data-testid='stDataFrame']")
    frame.scroll_into_view_if_needed()
    frame.locator("td").first.wait_for(state="attached", timeout=30_000)
    return frame.locator("td").all_text_contents()


def test_the_division_table_uploaded_on_the_page_shows_its_streets(new_store_server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    try:
        page.goto(new_store_server + "/")
        sign_in(page, "admin")
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="数据导入").first.wait_for(timeout=60_000)
        settle(page)
        # all thirteen pages in sight, under their headings: none hidden behind "View more"
        links = page.locator("[data-testid='stSidebarNav'] a:visible").all_inner_texts()
        assert [link.split("\n")[-1].strip() for link in links] == [
            "总览", "预警中心", "六级体系覆盖", "双报到·双结对", "双向考核", "联席会议", "两新组织", "四支队伍",
            "阵地建设", "经费保障", "指标口径", "账号与日志", "数据导入"]
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        assert nav.index("驾驶舱") < nav.index("总览") < nav.index("专题分析") < nav.index("六级体系覆盖")
        assert nav.index("经费保障") < nav.index("口径与管理") < nav.index("指标口径")
        open_view(page, "数据导入", "导入模板")
        choose(page, "导入模板", "0. 行政区划")
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(DIVISIONS_CSV))
        checked = page.locator("[data-testid='stAlert']").filter(has_text="预检通过")
        checked.first.wait_for(timeout=60_000)
        assert "新增 2446 行" in checked.first.inner_text()
        page.get_by_role("button", name="确认导入").click()
        done = page.locator("[data-testid='stAlert']").filter(has_text="已导入")
        done.first.wait_for(timeout=60_000)
        assert "新增 2446 行" in done.first.inner_text()
        settle(page)

        open_view(page, "六级体系覆盖", "是组织架构")
        choose(page, "县级单位", "武陵区")
        assert page.get_by_text("应建 15 个:每个街道一个").count() == 1  # 街道党工委: 15 streets, none organized
        # the table is redrawn after the choice: wait for its streets, as a person waits for them to appear
        page.locator(".st-key-coverage_table td").filter(has_text="启明街道").first.wait_for(state="attached",
                                                                                       timeout=30_000)
        listed = [cell for cell in table_cells(page, "coverage_table") if cell.endswith("街道")]
        assert listed[:3] == ["启明街道", "府坪街道", "穿紫河街道"] and set(listed) <= WULING_STREETS  # by code
        page.locator("[data-testid='stSelectbox']").filter(has_text="街道").first.click()
        assert set(page.get_by_role("option").all_inner_texts()) == WULING_STREETS | {"全部街道"}
        page.keyboard.press("Escape")
        choose(page, "街道", "启明街道")
        assert "启明街道" in page.locator("[data-testid='stMain']").inner_text()
        assert page.locator("[data-testid='stException']").count() == 0
    finally:
        page.close()
