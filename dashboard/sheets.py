"""Tables as files people open in Excel: CSV (UTF-8 with BOM) and .xlsx, never carrying a live formula.

Every text cell goes through `dashboard.text.cell`: a cell a spreadsheet would read as a formula (starting
with = + - @, tab or carriage return) is prefixed with an apostrophe, and invisible control and format
characters are dropped. Pure functions; no Streamlit.
"""

from __future__ import annotations

import io

import pandas as pd

from dashboard.text import cell, sheet_name


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with formula-like text cells neutralised (numbers are left as numbers)."""
    safe = frame.rename(columns=lambda heading: cell(heading) if isinstance(heading, str) else heading)
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(cell)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return safe_cells(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_cells(frame).to_excel(writer, sheet_name=sheet_name(sheet), index=False)
    return buffer.getvalue()
