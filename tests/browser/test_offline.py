"""On an intranet the browser reaches nothing but the dashboard's own host: every request each view makes in a
real browser (page, scripts, fonts, the page icon, the map) goes to the server it was opened from."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.test_screens import VIEWS, pytestmark, server  # noqa: F401  (fixture, skip rule)


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_view_asks_no_host_but_its_own(server, browser, view):  # noqa: F811  (the imported fixture)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    try:
        page.goto(server + VIEWS[view])
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        page.wait_for_load_state("networkidle")
        foreign = {host for host in hosts if host and host != urlsplit(server).netloc}
        assert foreign == set()
    finally:
        page.close()
