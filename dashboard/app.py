"""Entry point: `streamlit run dashboard/app.py`. Page config, the store, who is looking, the shared frame,
navigation; nothing else."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.auth import resolve_viewer, sign_in_required
from dashboard.data import OUTAGE_RAISES, StoreUnavailable, engine, ensure_store, keep_fresh, load, store_guard
from dashboard.export import note_view
from dashboard.filters import frame_filters
from dashboard.frame import show_frame
from dashboard.navigation import PAGES, by_section, page_file
from dashboard.screen import CSS as SCREEN_CSS
from dashboard.screen import is_screen, outage_kept, screen_frame, screen_timers, show_screen
from dashboard.screen_views import COMPOSITIONS
from queries.store import store_facts

# The icon is a file of our own: a material or emoji page icon makes the browser fetch it from a font CDN,
# which an intranet cannot reach.
PAGE_ICON = Path(__file__).resolve().parent / "assets" / "flag.png"
st.set_page_config(page_title="常德市城市区域化党建驾驶舱", page_icon=str(PAGE_ICON), layout="wide")
if not st.get_option("client.disableDataExport"):  # no table's own download: every file goes through export.py
    st.set_option("client.disableDataExport", True)
    st.rerun()  # the browser learns the option at the start of a run
try:
    ensure_store()
except StoreUnavailable as problem:
    st.error(str(problem), icon=":material/cloud_off:")
    st.stop()
screen = is_screen()
st.session_state[OUTAGE_RAISES] = screen  # a big screen keeps its last figures when the store is away
with outage_kept() if screen else store_guard():
    keep_fresh()
    facts = load(store_facts)
    viewer = resolve_viewer(facts, engine())
    if not screen:
        show_frame(facts, viewer, sign_in_on=sign_in_required(facts))
    specs = [spec for spec in PAGES if viewer.administers or not spec.admin_only]
    pages = [st.Page(page_file(spec), title=spec.title, icon=spec.icon, default=spec.default) for spec in specs]
    # Every page listed, under its heading: a collapsed list would hide 数据导入 behind "View more".
    current = st.navigation(by_section(specs, pages), position="hidden" if screen else "sidebar", expanded=True)
    spec = next(spec for spec in specs if spec.title == current.title)
    if screen:
        views = [page for page, one in zip(pages, specs) if not one.admin_only and one.rotates]
        titles = [page.title for page in views]
        index = titles.index(current.title) if current.title in titles else 0
        if spec.path in COMPOSITIONS:  # the view's own composition for the room (数据大屏)
            note_view(current.title)
            show_screen(COMPOSITIONS[spec.path], facts, views, index)
            st.stop()
        st.html(SCREEN_CSS)  # a page without a composition (指标口径, administration): the page, without chrome
        if spec.rotates:
            screen_frame(views, index, *screen_timers())
    if spec.filtered:
        frame_filters(viewer.scope)
    note_view(current.title)
    current.run()
