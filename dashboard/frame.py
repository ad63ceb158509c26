"""The frame every page shares: title bar, demo-data and sign-in banners, data-as-of line, who is signed in."""

from __future__ import annotations

import streamlit as st

from dashboard.accounts import Viewer
from dashboard.auth import sign_out
from dashboard.data import engine
from dashboard.filters import scope_name
from dashboard.formatting import chinese_date, is_level, points
from dashboard.text import plain
from queries.cockpit import STATUS_WORDS
from queries.store import StoreFacts

BADGE_COLOURS = {"绿": "green", "黄": "orange", "红": "red", "无数据": "gray"}
DEMO_BANNER = "演示数据:本系统当前展示的是按公开报告数字校准的合成数据,不是真实党员或组织信息。"
THEMES_DIFFER = "各专题的数据截至日期不同(以各自记录的最晚日期为准),各视图、图表和指标卡片注明了各自的日期。"
OPEN_BANNER = "未启用登录:打开本页的任何人都能看到全部区域的数据。"
# Figure cards on office screens (1366×768) and phones (390×844): a label, figure or delta that does not fit its
# card wraps instead of being cut with an ellipsis (8,347… or -1.9个百分点(对…), and figures shrink a little with
# the window; less empty space above the title.
FIT_CSS = """<style>
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *, [data-testid="stMetricValue"],
[data-testid="stMetricValue"] *, [data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere; min-width: 0;}
[data-testid="stMetricValue"] {font-size: clamp(1.5rem, 1rem + 1.1vw, 2.25rem) !important; line-height: 1.25;}
[data-testid="stMetricDelta"] {height: auto !important;}
.block-container {padding-top: 2.5rem !important;}
</style>"""


def gap_metric(label: str, value: str, gap: float | None, against: str) -> None:
    """A rate's card: its figure and its difference in percentage points (对目标, 较上月); a difference that rounds
    to nothing gets no arrow (Streamlit draws an unsigned difference as a rise)."""
    delta = None if gap is None else f"{points(gap)}({against})"
    st.metric(label, value, delta=delta, delta_arrow="off" if gap is not None and is_level(gap) else "auto")


def status_badge(status: str) -> None:
    """达标/预警/落后/无数据 in green, amber, red or grey."""
    st.badge(STATUS_WORDS[status], color=BADGE_COLOURS[status])


def show_frame(facts: StoreFacts, viewer: Viewer, sign_in_on: bool) -> None:
    st.html(FIT_CSS)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.markdown("### 常德市城市区域化党建驾驶舱")
    right.markdown(f"<div style='text-align:right'>数据截至 {chinese_date(facts.data_as_of)}</div>",
                   unsafe_allow_html=True, help=THEMES_DIFFER if facts.themes_differ else None)
    if facts.is_demo:
        st.warning(DEMO_BANNER + ("" if sign_in_on else "演示模式未启用登录。"), icon=":material/science:")
    elif not sign_in_on and not viewer.read_only:
        st.warning(OPEN_BANNER, icon=":material/lock_open:")
    with st.sidebar:
        if viewer.read_only:
            st.caption(f"{plain(viewer.username)} · 只读")
        elif viewer.username:
            st.caption(f"{plain(viewer.username)}({viewer.label},{plain(scope_name(viewer.scope))})")
            st.button("退出登录", key="sign_out", icon=":material/logout:", on_click=sign_out, args=(engine(),))
