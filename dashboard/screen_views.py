"""What each big-screen composition shows (数据大屏): the cockpit and each theme, gathered with the same queries
their views call (through `load`, cached and within the viewer's scope), handed to the pure builders of
dashboard/screen_layout.py. Pages never build SQL; neither does this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.data import derived, load
from dashboard.filters import scope_name
from dashboard.missing import missing_line
from dashboard.screen_layout import Figure, Ranked, Screen, Trend, county_map_html
from queries.area import CITY, LEVEL_NAMES, Area
from queries.cockpit import effective_target, ranked_areas, scored_headlines
from queries.findings import rate_findings
from queries.overview import (
    HEADLINES,
    Headline,
    cockpit_by_area,
    member_checkin_rate_by_area,
    pairing_coverage_by_area,
)
from queries.regions import county_places
from queries.store import StoreFacts, tables_with_rows, targets

SPECS = {spec.key: spec for spec in HEADLINES}
BY_TITLE = {spec.title: spec for spec in HEADLINES}
TREND_MONTHS = 12
# The headline figures that can be counted as of any day, so the cockpit shows their change since last month
# and their monthly trend.
DATED = {"member_checkin_rate": member_checkin_rate_by_area, "pairing_coverage": pairing_coverage_by_area}
DEFAULT_METRIC = "member_checkin_rate"


def month_before(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)


def month_ends(last: dt.date, count: int) -> list[dt.date]:
    """The last day of each of the `count` months up to `last`'s month, the last one being `last` itself."""
    days = [last]
    while len(days) < count:
        days.insert(0, month_before(days[0]))
    return days


def rate_of(frame: pd.DataFrame, spec: Headline) -> float | None:
    total = float(frame[spec.denominator].sum()) if not frame.empty else 0.0
    return float(frame[spec.numerator].sum()) / total if total else None


def ranked_rows(ranked: pd.DataFrame) -> list[Ranked]:
    """The areas best first, each with its rank, rate and status."""
    best_first = ranked.sort_values(["rank", "area_code"])
    top = max(1.0, float(best_first["rate"].max())) if not best_first.empty else 1.0
    return [Ranked(int(row.rank), str(row.area_name), fmt.percent(row.rate), row.rate / top, row.status)
            for row in best_first.itertuples()]


def area_map(home: Area, ranked: pd.DataFrame) -> str:
    """The county map coloured by the ranked figure; none below the city (the rows are then streets)."""
    if not home.is_city:
        return ""
    places = load(county_places)
    return county_map_html(places, dict(zip(ranked["area_code"], ranked["status"])),
                           {code: fmt.percent(rate) for code, rate in zip(ranked["area_code"], ranked["rate"])})


def chosen_metric() -> Headline:
    """The figure the map and the ranking show: ?metric=<title> as on the cockpit, else 在职党员报到率."""
    return BY_TITLE.get(st.query_params.get("metric", ""), SPECS[DEFAULT_METRIC])


def cockpit(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """The cockpit: the headline figures with status and change around the county map of the chosen figure,
    the ranking of the county-level units, the figure's monthly trend, the top warnings and the findings."""
    dates = facts.themes
    scope = active_viewer().scope
    home = CITY.within(scope)
    where, child = scope_name(scope), LEVEL_NAMES[home.child_level]
    frames = load(cockpit_by_area, CITY, dates)
    goals = load(targets)
    present = load(tables_with_rows)
    reasons = {spec.key: missing_line(present, *spec.sources) for spec in HEADLINES}
    scores = scored_headlines(frames, goals, dates)
    previous = {key: load(query, CITY, month_before(dates.of(SPECS[key].theme))) for key, query in DATED.items()}

    figures = []
    for row in scores.itertuples():
        spec = SPECS[row.key]
        if reasons[row.key] or pd.isna(row.value):
            why = "尚未导入数据" if reasons[row.key] else "无可计算的数据"
            figures.append(Figure(row.title, "暂无数据", "无数据", (why,)))
            continue
        lines = [f"目标 {fmt.percent(row.target, 0)}"]
        before = rate_of(previous[row.key], spec) if row.key in previous else None
        if before is not None:
            lines.append(f"较上月 {fmt.points(row.value - before)}")
        else:
            lines.append(f"对目标 {fmt.points(row.value - row.target)}")
        figures.append(Figure(row.title, fmt.percent(row.value), row.status, tuple(lines)))

    spec = chosen_metric()
    goal = goals.set_index("metric_key").loc[spec.key]
    as_of = dates.of(spec.theme)
    ranked = pd.DataFrame() if reasons[spec.key] else ranked_areas(frames[spec.key], spec, goal, as_of)
    target, _ = effective_target(spec, goal, as_of)
    trend_spec = spec if spec.key in DATED else SPECS[DEFAULT_METRIC]
    trend = None
    if not reasons[trend_spec.key]:
        days = month_ends(dates.of(trend_spec.theme), TREND_MONTHS)
        values = [rate_of(load(DATED[trend_spec.key], CITY, day), trend_spec) for day in days]
        trend_target = float(goals.set_index("metric_key").loc[trend_spec.key, "target_value"])
        trend = Trend(f"{trend_spec.title} · 逐月", [f"{day:%Y-%m}" for day in days],
                      [None if v is None else v * 100 for v in values], [fmt.percent(v) for v in values],
                      trend_target * 100)
    findings = []
    for key, frame in frames.items():
        if reasons[key]:
            continue
        spec_k = SPECS[key]
        goal_k = goals.set_index("metric_key").loc[key]
        findings += derived(rate_findings, frame, spec_k.numerator, spec_k.denominator, spec_k.title, where, child,
                            effective_target(spec_k, goal_k, dates.of(spec_k.theme))[0])[:1]
    return Screen(
        title=f"{where}党建驾驶舱", as_of=fmt.chinese_date(facts.data_as_of), figures=figures,
        ranking_title=f"各{child}{spec.title}排名", ranking=ranked_rows(ranked) if not ranked.empty else [],
        map_title=f"{spec.title} · 目标 {fmt.percent(target, 0)}",
        map_svg=area_map(home, ranked) if not ranked.empty else "",
        trend=trend, warnings=lagging(frames, goals, dates, reasons), findings=findings, demo=facts.is_demo,
        position=position)


def lagging(frames: dict[str, pd.DataFrame], goals: pd.DataFrame, dates, reasons: dict[str, str | None],
            count: int = 3) -> list[tuple[str, str]]:
    """The areas furthest below target over all headline figures: (红, 甲区 网格党支部覆盖率 50.0%)."""
    rows = []
    goals = goals.set_index("metric_key")
    for spec in HEADLINES:
        if reasons.get(spec.key):
            continue
        ranked = ranked_areas(frames[spec.key], spec, goals.loc[spec.key], dates.of(spec.theme))
        for row in ranked[ranked["status"] == "红"].itertuples():
            rows.append((row.gap, f"{row.area_name} {spec.title} {fmt.percent(row.rate)}"))
    return [("红", text) for _, text in sorted(rows, key=lambda pair: pair[0])[:count]]


COMPOSITIONS: dict[str, Callable[[StoreFacts, tuple[int, int]], Screen]] = {"pages/overview.py": cockpit}
