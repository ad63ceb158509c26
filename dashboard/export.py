"""Download buttons: a table as CSV or Excel (exactly the rows shown, see dashboard/sheets.py), and a view's
briefing as a PowerPoint deck and an Excel workbook (dashboard/deck.py); and the findings under 要点.

The file is made only when it is clicked, by Streamlit in another thread that knows no session: so
everything it needs is taken here, in the run that knows the viewer — the rows the viewer may see (already
limited to their area and masked by `dashboard.data.load`), who they are, where from, and a check that
their account or token still holds at the moment of the click. Each delivered file is recorded in the audit
log (who, view, table, rows, area, file, address); a refused one too. A read-only display cannot download;
rows about individual members (detail=True) export only for roles allowed to. The tables' own toolbar
download is switched off (client.disableDataExport, set in dashboard/app.py), so these are the only way out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.accounts import Viewer, audit
from dashboard.auth import active_viewer, client_address, download_check
from dashboard.data import engine
from dashboard.deck import Section, briefing_deck, briefing_workbook
from dashboard.sheets import csv_bytes, xlsx_bytes
from dashboard.text import file_name, plain
from queries.area import Area

VIEW, AREA = "export_view", "export_area"  # session state: the view this run shows, and its area
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def note_view(title: str) -> None:
    """Remember which view this run shows, for the audit rows of its downloads (the entry script, each run)."""
    st.session_state[VIEW] = title
    st.session_state.pop(AREA, None)


def note_area(area: Area) -> None:
    """Remember which area the view's filters select (dashboard/filters.py, each run)."""
    st.session_state[AREA] = area


@dataclass(frozen=True)
class Grant:
    """What a download made later needs from this run: who, from where, in which view and area, and whether
    they may still download at the click."""

    viewer: Viewer
    address: str
    view: str
    area: str
    still_allowed: Callable[[], bool]


def _area_codes(area: Area) -> str:
    codes = [c for c in (area.county, area.street, area.community) if c]
    return "/".join(codes) or "全市"


def current_grant() -> Grant:
    """The grant of this run's viewer, in the area the view shows (their whole scope where it has no filters)."""
    viewer = active_viewer()
    shown = st.session_state.get(AREA, Area()).within(viewer.scope)
    return Grant(viewer=viewer, address=client_address(), view=st.session_state.get(VIEW, ""),
                 area=_area_codes(shown), still_allowed=download_check(engine()))


def delivered(grant: Grant, what: str, name: str, build: Callable[[], bytes]) -> Callable[[], bytes]:
    """The callable a download button runs at the click: checks the grant, builds the file, audits it."""
    store = engine()
    who = grant.viewer.username or None
    detail = f"视图 {grant.view} · {what} · 区域 {grant.area} · 文件 {name}"

    def deliver() -> bytes:
        if not grant.still_allowed():
            audit(store, who, "export_refused", detail + " · 原因:登录已失效或权限已变更", grant.address)
            raise PermissionError("登录已失效或权限已变更,请刷新页面。")
        data = build()
        audit(store, who, "export", detail, grant.address)
        return data

    return deliver


def export_buttons(frame: pd.DataFrame, labels: dict[str, str], stem: str, key: str, detail: bool = False) -> None:
    """CSV and Excel download buttons for `frame`'s columns in `labels`, headed with their Chinese labels."""
    viewer = active_viewer()
    if not viewer.exports:
        return
    if detail and not viewer.exports_details:
        st.caption("明细数据的导出仅限分析员账号。")
        return
    table = frame[list(labels)].rename(columns=labels)
    grant = current_grant()
    what = f"表格 {stem} · {len(table)} 行"
    csv_name, xlsx_name = file_name(stem, "csv"), file_name(stem, "xlsx")
    row = st.container(horizontal=True)
    row.download_button("下载 CSV", data=delivered(grant, what, csv_name, lambda: csv_bytes(table)),
                        file_name=csv_name, mime="text/csv", key=f"{key}_csv", icon=":material/download:",
                        on_click="ignore")
    row.download_button("下载 Excel", data=delivered(grant, what, xlsx_name, lambda: xlsx_bytes(table, stem)),
                        file_name=xlsx_name, mime=XLSX, key=f"{key}_xlsx", icon=":material/download:",
                        on_click="ignore")


def briefing_buttons(title: str, area_text: str, period_text: str, as_of_text: str,
                     headlines: list[tuple[str, str, str]], sections: list[Section], key: str) -> None:
    """Download the current view as a briefing deck (.pptx) and its tables as a workbook (.xlsx)."""
    if not active_viewer().exports:
        return
    stem = f"{title}_{area_text}_{period_text}"
    grant = current_grant()
    rows = sum(len(s.table) for s in sections if s.table is not None)
    deck_name, book_name = file_name(stem, "pptx"), file_name(stem, "xlsx")
    row = st.container(horizontal=True)
    row.download_button(
        "下载简报(PPT)", key=f"{key}_pptx", icon=":material/slideshow:", on_click="ignore", file_name=deck_name,
        mime=PPTX, data=delivered(grant, f"简报 {title} · {len(sections)} 页图表 · {rows} 行", deck_name,
                                  lambda: briefing_deck(title, area_text, period_text, as_of_text, headlines,
                                                        sections)))
    row.download_button(
        "下载全部表格(Excel)", key=f"{key}_workbook", icon=":material/table_view:", on_click="ignore",
        file_name=book_name, mime=XLSX,
        data=delivered(grant, f"全部表格 {title} · {len(sections)} 张表 · {rows} 行", book_name,
                       lambda: briefing_workbook(sections)))


def show_findings(sentences: list[str]) -> None:
    """The findings as a short list under 要点 (plain text: they carry names from the store)."""
    with st.container(border=True):
        st.markdown("**要点**")
        for sentence in sentences:
            st.markdown(f"- {plain(sentence)}")
