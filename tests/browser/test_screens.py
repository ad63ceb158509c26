"""A real browser: Playwright driving Debian's chromium against `streamlit run` on 127.0.0.1, on the hand-built
fixture. Every view, normal and big-screen, at 1920×1080 and 1366×768: no Streamlit exception box, no missing
glyph (a Chinese character drawn exactly like a code point no font has), and a screenshot in
test-screenshots/. Needs /usr/bin/chromium and fonts-noto-cjk (.ci/run installs both); skipped without
them, except under CI."""

from __future__ import annotations

import os
import shutil

import pytest

from dashboard.db import ROOT
from tests.conftest import fill_with_fixture
from tests.live_server import free_port, start_server

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-screenshots"
VIEWS = {"overview": "/", "coverage": "/coverage", "checkin": "/checkin", "meetings": "/meetings",
         "two_new": "/two_new", "funding": "/funding"}
SIZES = [(1920, 1080), (1366, 768)]
SCREEN = "screen=1&embed=true&embed_options=dark_theme"
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

pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and not (shutil.which(CHROMIUM) and shutil.which("fc-list")),
    reason="chromium not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def server(databases):
    url = databases.filled_once("sqlite", "fixture", fill_with_fixture)  # only read
    port = free_port()
    process = start_server(url, port)
    base = f"http://127.0.0.1:{port}"
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("mode", ["normal", "screen"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_renders_in_a_real_browser(server, browser, view, mode, size):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        link = server + VIEWS[view] + ("?" + SCREEN if mode == "screen" else "")
        page.goto(link)
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        page.wait_for_timeout(1_000)
        page.screenshot(path=str(SHOTS / f"{view}_{mode}_{size[0]}x{size[1]}.png"), full_page=True)
        exceptions = [box.inner_text()[:300] for box in page.locator("[data-testid='stException']").all()]
        assert exceptions == []
        assert page.evaluate(MISSING_GLYPHS) == []
        if mode == "screen":
            assert not page.locator("[data-testid='stSidebar']").is_visible()
            assert page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor") == \
                "rgb(14, 17, 23)"  # the dark theme of .streamlit/config.toml
    finally:
        page.close()
