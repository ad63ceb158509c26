"""Long tables shown a page at a time: the browser gets at most PAGE_ROWS rows, exports still get all rows."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

PAGE_ROWS = 100


def page_of(frame: pd.DataFrame, key: str, rows: int = PAGE_ROWS) -> tuple[pd.DataFrame, int]:
    """The rows of the page chosen under the table (a pager appears only when there is more than one page)
    and the offset of its first row in `frame`, for mapping a selected row back."""
    pages = max(1, math.ceil(len(frame) / rows))
    if pages == 1:
        return frame, 0
    left, right = st.columns([1, 3])
    number = left.number_input(f"页码(共 {pages} 页)", min_value=1, max_value=pages, value=1, step=1,
                               key=f"{key}_page")
    right.caption(f"共 {len(frame):,} 行,每页 {rows} 行;导出包含全部行。")
    offset = (int(number) - 1) * rows
    return frame.iloc[offset:offset + rows], offset
