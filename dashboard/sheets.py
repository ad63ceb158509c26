"""Tables as files people open in Excel: CSV (UTF-8 with BOM) and .xlsx, never carrying a live formula.

Text cells that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return)
are prefixed with an apostrophe. Pure functions; no Streamlit.
"""

from __future__ import annotations

import io

import pandas as pd

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
