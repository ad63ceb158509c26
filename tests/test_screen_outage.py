"""A big screen whose store goes away (a database restart) keeps the figures it showed, with a quiet
数据更新中断 mark and no error box, and shows fresh figures again once the store answers, in the same session
(the screen's own rerun, no reload). The store is reached through the relay of tests/test_store_outage.py,
which the test cuts and restores."""

from __future__ import annotations

import time

import streamlit as st

from dashboard.screen import REFRESHED_AT, RETRY_SECONDS
from tests.test_pages import run_app
from tests.test_screen import shown_html
from tests.test_store_outage import relayed_fixture_store

STALE = "数据更新中断"


def test_a_big_screen_keeps_its_figures_through_a_store_restart(monkeypatch, databases):
    relay, url = relayed_fixture_store(databases, "postgresql")
    try:
        screen = run_app(monkeypatch, url, {"screen": "1", "rotate": "30"})
        before = shown_html(screen)
        assert "62.5%" in before and "66.7%" in before and STALE not in before  # tests/test_pages.py

        relay.cut()
        st.cache_data.clear()
        time.sleep(3.1)  # the data version is asked at most every 3 s (dashboard/data.py)
        screen.run()
        assert not screen.exception, [e.value for e in screen.exception]
        assert screen.error == []  # quiet: no error box on a wall screen
        during = shown_html(screen)
        assert STALE in during and "62.5%" in during and "66.7%" in during and "1 / 9" in during

        relay.restore()
        st.cache_data.clear()
        screen.session_state[REFRESHED_AT] = time.time() - RETRY_SECONDS - 1
        screen.run()
        after = shown_html(screen)
        assert not screen.exception and screen.error == []
        assert STALE not in after and "62.5%" in after and "66.7%" in after
    finally:
        relay.cut()
