"""The frame every page shares: title bar, demo-data banner and data-as-of line."""

from __future__ import annotations

import streamlit as st

from dashboard.formatting import chinese_date
from queries.store import StoreFacts

DEMO_BANNER = "演示数据:本系统当前展示的是按公开报告数字校准的合成数据,不是真实党员或组织信息。"


def show_frame(facts: StoreFacts) -> None:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.markdown("### 常德市城市区域化党建驾驶舱")
    right.markdown(f"<div style='text-align:right'>数据截至 {chinese_date(facts.data_as_of)}</div>",
                   unsafe_allow_html=True)
    if facts.is_demo:
        st.warning(DEMO_BANNER, icon=":material/science:")
