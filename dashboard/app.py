"""Entry point: `streamlit run dashboard/app.py`. Page config, the store, who is looking, the shared frame,
navigation; nothing else."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.auth import resolve_viewer, sign_in_required
from dashboard.data import StoreUnavailable, engine, ensure_store, keep_fresh, load, store_guard
from dashboard.export import note_view
from dashboard.filters import frame_filters
from dashboard.frame import show_frame
from dashboard.navigation import PAGES, page_file
from dashboard.screen import is_screen, screen_frame
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
with store_guard():
    keep_fresh()
    facts = load(store_facts)
    viewer = resolve_viewer(facts, engine())
    show_frame(facts, viewer, sign_in_on=sign_in_required(facts))
    specs = [spec for spec in PAGES if viewer.administers or not spec.admin_only]
    pages = [st.Page(page_file(spec), title=spec.title, icon=spec.icon, default=spec.default) for spec in specs]
    screen = is_screen()
    current = st.navigation(pages, position="hidden" if screen else "sidebar")
    if screen:
        views = [page for page, spec in zip(pages, specs) if not spec.admin_only and spec.rotates]
        titles = [page.title for page in views]
        screen_frame(facts.data_as_of, views, titles.index(current.title) if current.title in titles else 0)
    if next(spec for spec in specs if spec.title == current.title).filtered:
        frame_filters(viewer.scope)
    note_view(current.title)
    current.run()
