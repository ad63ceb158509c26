"""Big-screen mode for on-site meetings: full width, no sidebar or Streamlit chrome, dark, large type, a clock
and the data-as-of date. It turns to the next view every N seconds (setting screen_rotate_seconds, or
?rotate=N in the link) and reruns every M seconds (screen_refresh_seconds) without reloading the page,
picking up new figures once their cache (QUERY_TTL) has expired; it can be paused. Open it with the link
SCREEN_LINK (the cockpit offers it). Streamlit reconnects by itself after a network blip, and the timers go
on from the session's clock.
"""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from dashboard.data import load
from dashboard.formatting import chinese_date
from queries.store import setting_value

SCREEN, ROTATE = "screen", "rotate"  # link parameters
SHOWN_AT, REFRESHED_AT, PAUSED = "screen_shown_at", "screen_refreshed_at", "screen_paused"  # session state
TICK_SECONDS = 1
SCREEN_LINK = "?screen=1&embed=true&embed_options=dark_theme"
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer {display: none !important;}
.block-container {max-width: 100% !important; padding: 1.2rem 2.4rem !important;}
html, body, [data-testid="stAppViewContainer"] {font-size: 22px;}
[data-testid="stMetricValue"] {font-size: 3.2rem !important;}
[data-testid="stMetricLabel"] p {font-size: 1.4rem !important;}
[data-testid="stCaptionContainer"] {font-size: 1.05rem !important;}
.stDownloadButton, [data-testid="stPageLink"] {display: none !important;}
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


def screen_frame(as_of: dt.date | None, pages: list, current_index: int) -> None:
    """The big-screen chrome: styles, clock, data-as-of, pause; and the timers that rotate and refresh."""
    st.html(CSS)
    now = time.time()
    st.session_state.setdefault(SHOWN_AT, now)
    st.session_state.setdefault(REFRESHED_AT, now)
    every = rotate_seconds()
    refresh = int(load(setting_value, "screen_refresh_seconds", "300"))

    @st.fragment(run_every=TICK_SECONDS)
    def clock_and_timers() -> None:
        moment = time.time()
        paused = st.session_state.get(PAUSED, False)
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"**{dt.datetime.now():%Y年%m月%d日 %H:%M:%S}** · 数据截至 {chinese_date(as_of)}"
                      + (" · 轮播已暂停" if paused else ""))
        right.button("继续轮播" if paused else "暂停轮播", key="screen_pause",
                     on_click=lambda: st.session_state.update({PAUSED: not paused}))
        if not paused and due(st.session_state.get(SHOWN_AT), moment, every) and len(pages) > 1:
            st.session_state[SHOWN_AT] = moment
            st.switch_page(pages[next_index(current_index, len(pages))],
                           query_params={SCREEN: "1", **({ROTATE: str(every)} if ROTATE in st.query_params else {})})
        elif due(st.session_state.get(REFRESHED_AT), moment, refresh):
            st.session_state[REFRESHED_AT] = moment
            st.rerun(scope="app")  # figures are fetched anew once their cache (QUERY_TTL) has expired

    clock_and_timers()
