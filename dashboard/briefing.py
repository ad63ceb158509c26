"""What goes into a briefing: sections (chart, findings, table) built from the same frames as the views.
Pure: frames in, deck sections out; no Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard.deck import Section
from dashboard.formatting import percent
from queries.changes import area_changes
from queries.cockpit import STATUS_WORDS, effective_target, ranked_areas
from queries.findings import change_findings, rate_findings
from queries.overview import HEADLINES
from queries.store import ThemeDates


def rate_section(title: str, frame: pd.DataFrame, numerator: str, denominator: str, area_name: str,
                 child_name: str, target: float | None, labels: dict[str, str],
                 previous: pd.DataFrame | None = None, previous_label: str = "上月") -> Section:
    """A section of a rate broken down by area: bars in %, findings, and the table with Chinese headings."""
    rows = frame[frame[denominator] > 0]
    rates = rows[numerator] / rows[denominator] * 100
    return Section(
        title=title, categories=rows["area_name"].tolist(), values=rates.round(1).tolist(), unit="%",
        findings=rate_findings(frame, numerator, denominator, title, area_name, child_name, target, previous,
                               previous_label),
        table=frame[[c for c in labels if c in frame.columns]].rename(columns=labels),
    )


def value_section(title: str, frame: pd.DataFrame, category: str, value: str, unit: str, findings: list[str],
                  labels: dict[str, str]) -> Section:
    """A section of a figure that is not a rate (a score in 分): bars of `value` by `category` where it has one,
    the findings given, and the table with Chinese headings."""
    rows = frame[frame[value].notna()]
    return Section(title=title, categories=rows[category].astype(str).tolist(),
                   values=rows[value].astype(float).round(1).tolist(), unit=unit, findings=findings,
                   table=frame[[c for c in labels if c in frame.columns]].rename(columns=labels))


def cockpit_sections(frames: dict[str, pd.DataFrame], goals: pd.DataFrame, dates: ThemeDates, area_name: str,
                     child_name: str, previous: dict[str, pd.DataFrame] | None = None) -> list[Section]:
    """One section per headline metric, its areas ranked as on the cockpit, each as of its theme's date. With
    `previous` (each headline's breakdown at the end of the month before, None where the data does not reach
    back: queries.changes.CockpitHistory.frame), the findings give the change since then and who improved
    and who slipped most."""
    goals = goals.set_index("metric_key")
    sections = []
    for spec in HEADLINES:
        as_of = dates.of(spec.theme)
        target, _ = effective_target(spec, goals.loc[spec.key], as_of)
        ranked = ranked_areas(frames[spec.key], spec, goals.loc[spec.key], as_of)
        ranked = ranked.sort_values("rate", ascending=False)
        labels = {"area_name": child_name, spec.numerator: spec.numerator_label,
                  spec.denominator: spec.denominator_label}
        section = rate_section(spec.title, ranked, spec.numerator, spec.denominator, area_name, child_name, target,
                               labels, (previous or {}).get(spec.key))
        if previous is not None:
            moved = area_changes(frames[spec.key], previous.get(spec.key), spec)
            section.findings += change_findings(moved, spec.title, child_name) if len(moved) > 1 else []
        section.table = section.table.assign(**{f"{spec.title}(%)": (ranked["rate"] * 100).round(1).tolist(),
                                                "状态": ranked["status"].map(STATUS_WORDS).tolist()})
        sections.append(section)
    return sections


def cockpit_headlines(scores: pd.DataFrame, changes: pd.DataFrame | None = None) -> list[tuple[str, str, str]]:
    """(figure, value, target and status) for the deck's summary slide; with `changes` (the frame of
    queries.changes.headline_changes), the change since last month where there is one."""
    moved = {} if changes is None else dict(zip(changes["key"], changes["month_change"]))
    return [(row.title, percent(row.value), f"目标 {percent(row.target)} · {STATUS_WORDS[row.status]}"
             + (f" · 较上月 {moved[row.key]:+.1f}个百分点" if moved.get(row.key) is not None
                and not pd.isna(row.value) and not pd.isna(moved[row.key]) else ""))
            for row in scores.itertuples()]


def breakdown_section(title: str, frame: pd.DataFrame, category: str, value: str, unit: str, findings: list[str],
                      labels: dict[str, str]) -> Section:
    """A section of counts (people, platforms, money) by category: bars in `unit`, the findings, the table."""
    return Section(title=title, categories=[str(c) for c in frame[category]],
                   values=[float(v) for v in frame[value]], unit=unit, findings=findings,
                   table=frame[[c for c in labels if c in frame.columns]].rename(columns=labels))
