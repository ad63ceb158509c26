"""Downloads of exactly the rows a view shows, as CSV (UTF-8 with BOM, opens in Excel) and as .xlsx.

Text cells that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return)
are prefixed with an apostrophe, so an export never runs anything when opened. A read-only display cannot
export; rows about individual members (detail=True) export only for roles allowed to; every download is
recorded in the audit log when it is made.
"""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from dashboard.accounts import audit
from dashboard.auth import active_viewer
from dashboard.data import engine

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with formula-like text cells neutralised (numbers are left as numbers)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_safe)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return safe_cells(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_cells(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()


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
