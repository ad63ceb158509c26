"""Download buttons: a table as CSV or Excel (exactly the rows shown, see dashboard/sheets.py), and a view's
briefing as a PowerPoint deck and an Excel workbook (dashboard/deck.py). A read-only display cannot download;
rows about individual members (detail=True) export only for roles allowed to; every download is recorded in
the audit log when it is made.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.accounts import audit
from dashboard.auth import active_viewer
from dashboard.data import engine
from dashboard.deck import Section, briefing_deck, briefing_workbook
from dashboard.sheets import csv_bytes, xlsx_bytes


def _recorded(data: bytes, file_name: str, rows: int) -> bytes:
    viewer = active_viewer()
    audit(engine(), viewer.username or None, "export", f"{file_name}({rows} 行)")
    return data


def export_buttons(frame: pd.DataFrame, labels: dict[str, str], stem: str, key: str, detail: bool = False) -> None:
    """CSV and Excel download buttons for `frame`'s columns in `labels`, headed with their Chinese labels."""
    viewer = active_viewer()
    if not viewer.exports:
        return
    if detail and not viewer.exports_details:
        st.caption("明细数据的导出仅限分析员账号。")
        return
    table = frame[list(labels)].rename(columns=labels)
    row = st.container(horizontal=True)
    row.download_button("下载 CSV", data=lambda: _recorded(csv_bytes(table), f"{stem}.csv", len(table)),
                        file_name=f"{stem}.csv", mime="text/csv",
                        key=f"{key}_csv", icon=":material/download:", on_click="ignore")
    row.download_button("下载 Excel", data=lambda: _recorded(xlsx_bytes(table, stem), f"{stem}.xlsx", len(table)),
                        file_name=f"{stem}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"{key}_xlsx", icon=":material/download:", on_click="ignore")


def briefing_buttons(title: str, area_text: str, period_text: str, as_of_text: str,
                     headlines: list[tuple[str, str, str]], sections: list[Section], key: str) -> None:
    """Download the current view as a briefing deck (.pptx) and its tables as a workbook (.xlsx)."""
    if not active_viewer().exports:
        return
    stem = f"{title}_{area_text}_{period_text}"
    row = st.container(horizontal=True)
    row.download_button("下载简报(PPT)", key=f"{key}_pptx", icon=":material/slideshow:", on_click="ignore",
                        data=lambda: _recorded(briefing_deck(title, area_text, period_text, as_of_text, headlines,
                                                             sections), f"{stem}.pptx", len(sections)),
                        file_name=f"{stem}.pptx",
                        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
    row.download_button("下载全部表格(Excel)", key=f"{key}_workbook", icon=":material/table_view:",
                        on_click="ignore",
                        data=lambda: _recorded(briefing_workbook(sections), f"{stem}.xlsx", len(sections)),
                        file_name=f"{stem}.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def show_findings(sentences: list[str]) -> None:
    """The findings as a short list under 要点."""
    with st.container(border=True):
        st.markdown("**要点**")
        for sentence in sentences:
            st.markdown(f"- {sentence}")
