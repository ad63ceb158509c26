"""Captions that answer "how is this counted?": each figure's caption carries a link to its metric's definition
on the 指标口径 page (pages/definitions.py), which opens with that definition first.

The link is a page link (`?key=grid_branch_coverage`), not a markdown link: Streamlit opens markdown links in a new tab,
a new session that would have to sign in again. On the big screen page links are hidden (dashboard/screen.py).
"""

from __future__ import annotations

import streamlit as st

from dashboard.navigation import DEFINITIONS, page_file
from queries.definitions import metric

METRIC_PARAM = "key"  # the link parameter naming the definition to show first (the cockpit binds "metric")
ICON = ":material/help_outline:"


def definition_link(key: str, label: str | None = None) -> None:
    """A link to the definition of the metric `key` (labelled 口径, or `label`)."""
    st.page_link(page_file(DEFINITIONS), label=label or "口径", icon=ICON, query_params={METRIC_PARAM: key},
                 help=f"{metric(key).title}怎么算:分子、分母、统计时点、目标和预警线")


def figure_caption(text: str, *keys: str) -> None:
    """A figure's caption (markdown as st.caption reads it: text from the store already through `plain`) followed
    by links to the definitions of the metrics `keys` it shows."""
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    with row:
        if text:
            st.caption(text)
        for key in keys:
            definition_link(key, f"口径:{metric(key).title}" if len(keys) > 1 or not text else None)
