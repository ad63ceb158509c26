"""Entry point: `streamlit run dashboard/app.py`. Page config, the shared frame, navigation; nothing else."""

from __future__ import annotations

import streamlit as st

from dashboard.data import StoreUnavailable, ensure_store, load
from dashboard.frame import show_frame
from dashboard.navigation import PAGES, page_file
from queries.store import store_facts

st.set_page_config(page_title="常德市城市区域化党建驾驶舱", page_icon=":material/flag:", layout="wide")
try:
    ensure_store()
except StoreUnavailable as problem:
    st.error(str(problem), icon=":material/cloud_off:")
    st.stop()
show_frame(load(store_facts))
pages = [st.Page(page_file(p), title=p.title, icon=p.icon, default=p.default) for p in PAGES]
st.navigation(pages).run()
