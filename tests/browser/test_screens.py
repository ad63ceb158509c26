"""A real browser: Playwright driving Debian's chromium against `streamlit run` on 127.0.0.1, on the hand-built
fixture. Every view, normal and big-screen, at 1920×1080 and 1366×768: no Streamlit exception box, no missing
glyph (a Chinese character drawn exactly like a code point no font has), and a screenshot in
test-screenshots/; each view's headline figures, read from the page, equal the hand counts; and every request
the page makes (scripts, fonts, the page icon, the map) goes to the server it was opened from, as on an intranet.
Waits are on what the test expects (the script's run finished, the fonts loaded), never fixed sleeps. Needs
/usr/bin/chromium and fonts-noto-cjk (.ci/run installs both); skipped without them, except under CI."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from dashboard.db import ROOT
from tests.browser.conftest import NEEDS_CHROMIUM
from tests.browser.screen_checks import MORE_SIZES, check_cards, check_composition
from tests.conftest import fill_with_fixture
from tests.live_server import serving

SHOTS = ROOT / "test-screenshots"
VIEWS = {"overview": "/", "coverage": "/coverage", "checkin": "/checkin", "assessment": "/assessment",
         "meetings": "/meetings", "two_new": "/two_new", "teams": "/teams", "platforms": "/platforms",
         "funding": "/funding"}
SIZES = [(1920, 1080), (1366, 768)]
SCREEN = "screen=1&embed=true&embed_options=dark_theme&rotate=0"  # rotation would turn the page mid-test
FINISHED = """() => document.querySelector("[data-test-script-state]")?.getAttribute("data-test-script-state")
                === "notRunning" && (document.querySelectorAll("[data-testid='stMetric']").length > 0
                                     || document.querySelector(".bs-root") !== null)"""  # a big screen's composition
SHOWN_METRICS = """() => Object.fromEntries([...document.querySelectorAll("[data-testid='stMetric']")].map((m) => [
  m.querySelector("[data-testid='stMetricLabel']").innerText.trim(),
  m.querySelector("[data-testid='stMetricValue']").innerText.trim()]))"""
ALL_METRICS_DRAWN = """(n) => [...document.querySelectorAll("[data-testid='stMetricValue']")]
                                .filter((v) => v.innerText.trim()).length >= n"""
# Each view's headline figures for a link, as a person reads them; counted by hand in the tests named.
HEADLINES = {
    "overview": ("/", {  # tests/test_queries.py: 5/8 grids, 4/6 members, 3/4 communities, 7/12, 3/6, 65k/180k;
        # tests/test_teams.py: 3/4 communities with a liaison officer; tests/test_assessment.py: 2/3 check-ins scored
        "网格党支部覆盖率": "62.5%", "在职党员报到率": "66.7%", "结对社区覆盖率": "75.0%",
        "联席会议按期召开率": "58.3%", "两新组织党的组织覆盖率": "50.0%", "经费执行率": "36.1%",
        "党建联络员配备率": "75.0%", "双向考核覆盖率": "66.7%",
        "已报到在职党员": "4 名", "市县行政事业单位党员报到": "3 名", "认领岗位": "3 个", "结对单位": "2 个",
        "党员结对": "2 名"}),  # the report's totals: tests/test_report_views.py
    "coverage": ("/coverage", {  # tests/test_coverage.py (the upper three levels are structure, not rates)
        "社区党组织覆盖率": "100.0%", "网格党支部覆盖率": "62.5%", "党小组覆盖率": "50.0%"}),
    "checkin": ("/checkin?from=2018-04&to=2018-06", {  # tests/test_checkin.py
        "单位报到率": "66.7%", "在职党员报到率": "66.7%", "认领岗位": "3", "月度服务率": "60.0%",
        "社区书记反向报到率": "75.0%", "结对社区覆盖率": "75.0%", "结对单位": "2", "党员结对": "2", "结对活动": "4",
        "2017年双通报完成率": "66.7%", "市县行政事业单位党员报到": "3 名"}),
    "assessment": ("/assessment?from=2018-04&to=2018-06", {  # tests/test_assessment.py
        "2017年双向考核覆盖率": "66.7%", "平均得分": "72.0 分", "优秀等次": "1 个", "较差等次": "1 个",
        "未考核单位": "1 个"}),
    "meetings": ("/meetings?from=2018-01&to=2018-06", {  # tests/test_meetings.py
        "按期召开率": "66.7%", "实际召开次数": "6", "成员单位出席率": "87.5%", "对接率": "66.7%", "办结率": "33.3%",
        "超期未开会街道": "0 个", "结转未办结议题": "3 个", "最久未办结议题": "365 天", "大工委设置合规街道": "1 / 3"}),
    "two_new": ("/two_new", {  # tests/test_two_new_and_funding.py
        "两新组织数": "6", "党的组织覆盖率": "50.0%", "党的工作覆盖率": "66.7%", "应建未建": "1 个",
        "规模较大企业未建党组织": "1 个"}),
    "teams": ("/teams", {  # tests/test_teams.py
        "党建联络员配备率": "75.0%", "网格员配备率": "62.5%", "书记空缺": "1 个",
        "2017年换届进入": "6 名", "2017年选聘": "6 名"}),
    "platforms": ("/platforms", {  # tests/test_platforms.py
        "村级综合服务平台": "6 个", "街道阵地": "2 个", "社区阵地达标率": "25.0%",
        "开放共享率": "75.0%", "阵地建设经费": "27万元"}),
    "funding": ("/funding?from=2018-01&to=2018-06", {  # tests/test_two_new_and_funding.py
        "2018年预算数": "18万元", "已支出数": "6.5万元", "执行率": "36.1%", "社区平均预算": "4.5万元",
        "党员人均预算": "1.38万元"}),
}
# The cockpit cards' change lines (tests/test_changes.py: grid branches +5.36 since May, +12.5 in a year), and
# the text of the cards that one line holds (label, value, gap to target), which must not be cut at any size.
CHANGE_LINE = "较上月 +5.4个百分点 · 同比 +12.5个百分点"
CUT_CARD_TEXT = """() => [...document.querySelectorAll(
  "[data-testid='stMetricLabel'] p, [data-testid='stMetricValue'], [data-testid='stMetricDelta'] div")]
  .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.innerText)"""
MISSING_GLYPHS = """() => {
  const chars = [...new Set((document.body.innerText.match(/[\\u4e00-\\u9fff]/g) || []))];
  const canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 40;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  ctx.font = '32px ' + getComputedStyle(document.querySelector('[data-testid="stMarkdownContainer"]')
                                         || document.body).fontFamily;
  const draw = (c) => { ctx.clearRect(0, 0, 40, 40); ctx.fillText(c, 2, 32);
                        return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(','); };
  const nothing = draw('\\u{10FFFD}');
  return chars.filter((c) => draw(c) === nothing);
}"""

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def server(databases):
    url = databases.filled_once("sqlite", "fixture", fill_with_fixture)  # only read
    yield from serving(url)


def settled(page) -> None:
    """Wait until the app's script has finished its run with figures on the page and the fonts are loaded."""
    page.wait_for_function(FINISHED, timeout=60_000)
    page.evaluate("document.fonts.ready.then(() => true)")


def shown_metrics(page, expected: dict) -> dict:
    """The figures the page shows, label to value, once as many cards as expected are drawn (or 20 s passed)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:  # on a slow machine the row's first cards may be drawn after the run has ended (seen on CI)
        page.wait_for_function(ALL_METRICS_DRAWN, arg=len(expected), timeout=20_000)
    except PlaywrightTimeout:
        pass  # the comparison in the test says which figures are missing
    return page.evaluate(SHOWN_METRICS)


def check_drawn(page, shot: str) -> None:
    """No exception box, no missing glyph, and a screenshot kept; on the normal cockpit, the
    cards' change lines shown and no card text cut."""
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
    exceptions = [box.inner_text()[:300] for box in page.locator("[data-testid='stException']").all()]
    assert exceptions == []
    assert page.evaluate(MISSING_GLYPHS) == []
    if shot.startswith("overview_normal"):  # the big screen has its own cards (tests/browser/screen_checks.py)
        assert page.get_by_text(CHANGE_LINE, exact=True).first.is_visible()
        assert page.evaluate(CUT_CARD_TEXT) == []


@pytest.mark.parametrize("mode", ["normal", "screen"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_renders_in_a_real_browser(server, browser, view, mode):
    """Each view is opened once per mode at the first size and looked at again after the window is resized
    to the others, as a person moving the window between screens would (one load per view and mode keeps the
    file within the suite's time). In normal mode the figures read off the page equal the hand counts and no
    figure card is cut (also at 390×844, a phone); in big-screen mode the view's composition fits one readable
    screen at each size (also 3840×2160) and the cockpit's figures equal the hand counts
    (tests/browser/screen_checks.py)."""
    SHOTS.mkdir(exist_ok=True)
    (width, height), *other_sizes = SIZES
    page = browser.new_page(viewport={"width": width, "height": height})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    try:
        link, expected = HEADLINES[view]
        if mode == "screen":
            link = VIEWS[view] + "?" + SCREEN
        page.goto(server + link)
        settled(page)
        position = f"{list(VIEWS).index(view) + 1} / {len(VIEWS)}"  # which screen of how many
        if mode == "normal":
            assert shown_metrics(page, expected) == expected
            check_cards(page, view, width, height)
        else:
            cards = check_composition(page, view, position, width, height)["cards"]
            if view == "overview":  # the headline figures (the report's totals are not on the big screen)
                headline = dict(list(expected.items())[:8])
                assert {label: cards.get(label) for label in headline} == headline
        check_drawn(page, f"{view}_{mode}_{width}x{height}")
        if mode == "screen":
            assert not page.locator("[data-testid='stSidebar']").is_visible()
            assert page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor") == \
                "rgb(14, 17, 23)"  # the dark theme of .streamlit/config.toml
        for width, height in other_sizes + MORE_SIZES[mode]:
            page.set_viewport_size({"width": width, "height": height})
            if mode == "normal":
                check_cards(page, view, width, height)
            else:
                page.wait_for_timeout(250)  # the layout follows the window, without a new run
                check_composition(page, view, position, width, height)
            check_drawn(page, f"{view}_{mode}_{width}x{height}")
        page.wait_for_load_state("networkidle")
        assert {host for host in hosts if host} == {urlsplit(server).netloc}  # an intranet has no other host
    finally:
        page.close()
