"""The cockpit's headline figures, scored the one way the cockpit (pages/overview.py) and its big-screen
composition (dashboard/screen_views.py) both show them: each figure with its target and status, and a figure
whose records are not imported yet shown as no figure (无数据) with the template to import, never as 0%."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data import load
from dashboard.missing import missing_line
from queries.area import CITY
from queries.cockpit import scored_headlines
from queries.overview import HEADLINES, cockpit_by_area
from queries.store import ThemeDates, tables_with_rows, targets


@dataclass(frozen=True)
class CockpitScores:
    frames: dict[str, pd.DataFrame]  # each figure by area (cockpit_by_area)
    goals: pd.DataFrame  # the targets table
    present: frozenset  # the kinds of record the store holds
    reasons: dict[str, str | None]  # per figure: what to import first, or None when its records are there
    scores: pd.DataFrame  # scored_headlines, with value None and status 无数据 where a reason stands


def cockpit_scores(dates: ThemeDates) -> CockpitScores:
    frames = load(cockpit_by_area, CITY, dates)
    goals = load(targets)
    present = load(tables_with_rows)
    reasons = {spec.key: missing_line(present, *spec.sources) for spec in HEADLINES}
    scores = scored_headlines(frames, goals, dates)
    unfounded = scores["key"].map(reasons).notna()
    scores.loc[unfounded, "value"] = None
    scores.loc[unfounded, "status"] = "无数据"
    return CockpitScores(frames, goals, present, reasons, scores)
