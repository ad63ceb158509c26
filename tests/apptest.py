"""What the AppTest-based tests share: the entry script and readers of what a run shows."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.db import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def metrics(app: AppTest) -> dict[str, str]:
    """The figures shown, by label."""
    return {m.label: m.value for m in app.metric}


def structure(app: AppTest) -> dict[str, str]:
    """The six levels as the coverage view draws them: level → organizations built (the boxes above the rates)."""
    boxes = [m.value for m in app.markdown if m.value.startswith("**") and "已建 **" in m.value]
    return {box.split("**")[1]: box.split("**")[3] for box in boxes}


def table_with(app: AppTest, column: str):
    """The first table on the page that has a column headed `column`."""
    for frame in app.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with column {column}")
