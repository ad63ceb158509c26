"""Big-screen mode for on-site meetings (数据大屏): each view's own composition on one 16:9 screen
(dashboard/screen_views.py, dashboard/screen_layout.py), no Streamlit chrome, dark, one clock, the data-as-of
date and which screen of how many is showing. It turns to the next view every N seconds (setting
screen_rotate_seconds, or ?rotate=N in the link) and reruns every M seconds (screen_refresh_seconds) without
reloading the page, picking up new figures once their cache (QUERY_TTL) has expired; it can be paused. Open it
with the link SCREEN_LINK (the cockpit offers it). Streamlit reconnects by itself after a network blip, and the
timers go on from the session's clock. When the store stops answering, the screen keeps the last figures it
showed with a quiet 数据更新中断 mark, tries again every RETRY_SECONDS and recovers by itself, without a reload.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import streamlit as st
from sqlalchemy.exc import InterfaceError, OperationalError

from dashboard.data import StoreOutage, load
from dashboard.screen_layout import CSS as LAYOUT_CSS
from dashboard.screen_layout import Screen, screen_html
from queries.store import setting_value

SCREEN, ROTATE = "screen", "rotate"  # link parameters
SHOWN_AT, REFRESHED_AT, PAUSED = "screen_shown_at", "screen_refreshed_at", "screen_paused"  # session state
SHOWN = "screen_shown"  # session state: the last composition shown, kept for an outage
TICK_SECONDS = 1
RETRY_SECONDS = 10  # while the store does not answer
SCREEN_LINK = "?screen=1&embed=true&embed_options=dark_theme"
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer {display: none !important;}
.block-container {max-width: 100% !important;}
</style>
"""


def is_screen() -> bool:
    return st.query_params.get(SCREEN) == "1"


def rotate_seconds() -> int:
    """From the link (?rotate=N) if given, else the store's setting; 0 turns rotation off."""
    given = st.query_params.get(ROTATE, "")
    if given.isdigit():
        return int(given)
    return int(load(setting_value, "screen_rotate_seconds", "30"))


def next_index(current: int, count: int) -> int:
    return (current + 1) % count if count else 0


def due(since: float | None, now: float, every: int) -> bool:
    """Whether `every` seconds have passed since `since` (never when `every` is 0)."""
    return every > 0 and since is not None and now - since >= every


def show_screen(compose, facts, pages: list, current_index: int) -> None:
    """One big-screen run: the composition of the current view (`compose(facts, (n, N))`), kept for an outage,
    then the clock and the timers."""
    st.html(CSS + LAYOUT_CSS)
    shown = compose(facts, (current_index + 1, len(pages)))
    st.session_state[SHOWN] = shown
    st.html(screen_html(shown))
    screen_frame(pages, current_index, *screen_timers())


def screen_timers() -> tuple[int, int]:
    """Seconds between turns (0: no rotation) and between refreshes."""
    return rotate_seconds(), int(load(setting_value, "screen_refresh_seconds", "300"))


@contextmanager
def outage_kept() -> Iterator[None]:
    """Inside it, a store that stops answering leaves the last composition on the screen with a quiet
    数据更新中断 mark, and the run tries again every RETRY_SECONDS; the rotation waits meanwhile."""
    try:
        yield
    except (StoreOutage, OperationalError, InterfaceError):
        shown: Screen | None = st.session_state.get(SHOWN)
        st.html(CSS + LAYOUT_CSS)
        if shown is None:  # nothing shown yet: say so, quietly, on the same dark screen
            shown = Screen(title="常德市城市区域化党建驾驶舱", as_of="—", figures=[], ranking_title="", ranking=[])
        st.html(screen_html(replace(shown, stale=True)))
        screen_frame([], 0, 0, RETRY_SECONDS)


def screen_frame(pages: list, current_index: int, every: int, refresh: int) -> None:
    """The clock and the pause button, and the timers that rotate (every `every` s) and refresh (`refresh` s)."""
    now = time.time()
    st.session_state.setdefault(SHOWN_AT, now)
    st.session_state.setdefault(REFRESHED_AT, now)

    @st.fragment(run_every=TICK_SECONDS)
    def clock_and_timers() -> None:
        moment = time.time()
        paused = st.session_state.get(PAUSED, False)
        st.html(f"<div class='bs-clock'>{dt.datetime.now():%Y年%m月%d日 %H:%M:%S}"
                + (" · 轮播已暂停" if paused else "") + "</div>")
        st.button("继续轮播" if paused else "暂停轮播", key="screen_pause",
                  on_click=lambda: st.session_state.update({PAUSED: not paused}))
        if not paused and due(st.session_state.get(SHOWN_AT), moment, every) and len(pages) > 1:
            st.session_state[SHOWN_AT] = moment
            st.switch_page(pages[next_index(current_index, len(pages))],
                           query_params={SCREEN: "1", **({ROTATE: str(every)} if ROTATE in st.query_params else {})})
        elif due(st.session_state.get(REFRESHED_AT), moment, refresh):
            st.session_state[REFRESHED_AT] = moment
            st.rerun(scope="app")  # figures are fetched anew once their cache (QUERY_TTL) has expired

    clock_and_timers()
