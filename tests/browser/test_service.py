"""Running as a service, in a real browser against real `streamlit run` processes on one PostgreSQL store:
two processes show a change made elsewhere within seconds, and a store that stops answering under a live
server gives words, not a traceback, then comes back by itself."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.db import make_engine
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from tests.browser.conftest import NEEDS_CHROMIUM
from tests.conftest import fill_with_fixture
from tests.live_server import free_port, start_server
from tests.test_data_version import CHECKIN_OF_M3
from tests.test_store_outage import relayed_fixture_store

pytestmark = NEEDS_CHROMIUM

RATE = "在职党员报到率"


def figure(page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label)
    card.first.wait_for(timeout=60_000)
    return card.first.locator("[data-testid='stMetricValue']").inner_text()


def stop(process) -> None:
    process.terminate()
    process.wait(timeout=20)


def test_two_processes_show_an_import_made_elsewhere(databases, browser):
    url = databases.new("postgresql")
    engine = make_engine(url)
    fill_with_fixture(engine)
    servers = [(port, start_server(url, port)) for port in (free_port(), free_port())]
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        before = []
        for port, _process in servers:
            page.goto(f"http://127.0.0.1:{port}/")
            before.append(figure(page, RATE))
        assert before[0] == before[1]

        done = import_file(engine, template_named("党员报到"), "报到.csv", CHECKIN_OF_M3, "tester",
                           today=dt.date(2018, 7, 1))
        assert done.committed, [p.message for p in done.problems]
        after = []
        for port, _process in servers:
            page.wait_for_timeout(3_500)  # the version is read at most every 3 s per process
            page.goto(f"http://127.0.0.1:{port}/")
            after.append(figure(page, RATE))
        assert after[0] == after[1] != before[0]
    finally:
        page.close()
        engine.dispose()
        for _port, process in servers:
            stop(process)


@pytest.mark.parametrize("server_backend", ["postgresql", "mysql"])
def test_a_live_server_outlives_its_database(databases, browser, server_backend):
    relay, url = relayed_fixture_store(databases, server_backend)
    port = free_port()
    process = start_server(url, port)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        shown = figure(page, RATE)

        relay.cut()
        page.goto(f"http://127.0.0.1:{port}/funding")  # a view not yet cached
        page.get_by_text("无法连接数据库").first.wait_for(timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0

        relay.restore()
        page.goto(f"http://127.0.0.1:{port}/")
        assert figure(page, RATE) == shown
        page.goto(f"http://127.0.0.1:{port}/funding")
        page.locator("[data-testid='stMetric']").first.wait_for(timeout=60_000)
        assert page.get_by_text("无法连接数据库").count() == 0
    finally:
        page.close()
        relay.cut()
        stop(process)
