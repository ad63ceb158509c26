"""Scoring the cockpit: headline figures against their targets, and areas ranked by each metric.

Pure pandas over the frames of `queries.overview` and the targets table; no SQL of its own.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from queries.overview import HEADLINES, Headline, headline, year_elapsed
from queries.store import ThemeDates, rag_status

STATUS_WORDS = {"绿": "达标", "黄": "预警", "红": "落后", "无数据": "无数据"}


def effective_target(spec: Headline, goal: pd.Series, as_of: dt.date) -> tuple[float, float]:
    """Target and amber floor for `as_of`: paced metrics (funding) scale them by 序时进度."""
    scale = year_elapsed(as_of) if spec.paced else 1.0
    return float(goal["target_value"]) * scale, float(goal["amber_floor"]) * scale


def scored_headlines(frames: dict[str, pd.DataFrame], goals: pd.DataFrame, dates: ThemeDates) -> pd.DataFrame:
    """One row per headline: key, title, numerator, denominator, value, target, amber_floor, status, and the
    date it is measured as of (`as_of`, its theme's date in `dates`)."""
    goals = goals.set_index("metric_key")
    rows = []
    for spec in HEADLINES:
        frame = frames[spec.key]
        as_of = dates.of(spec.theme)
        target, amber = effective_target(spec, goals.loc[spec.key], as_of)
        value = headline(frame, spec.numerator, spec.denominator)
        rows.append({
            "key": spec.key, "title": spec.title, "as_of": as_of,
            "numerator": float(frame[spec.numerator].sum()), "denominator": float(frame[spec.denominator].sum()),
            "value": value, "target": target, "amber_floor": amber, "status": rag_status(value, target, amber),
        })
    return pd.DataFrame(rows)


def ranked_areas(frame: pd.DataFrame, spec: Headline, goal: pd.Series, as_of: dt.date) -> pd.DataFrame:
    """The child areas of one metric, worst first: rank (1 = best), rate, gap to target, status."""
    target, amber = effective_target(spec, goal, as_of)
    ranked = frame[frame[spec.denominator] > 0].copy()
    ranked["rate"] = ranked[spec.numerator] / ranked[spec.denominator]
    ranked["gap"] = ranked["rate"] - target
    ranked["status"] = [rag_status(v, target, amber) for v in ranked["rate"]]
    ranked["rank"] = ranked["rate"].rank(ascending=False, method="min").astype(int)
    return ranked.sort_values(["rate", "area_code"]).reset_index(drop=True)
