"""Change on every figure: each cockpit headline now, at the end of the previous month (较上月) and in the
same month last year (同比), and the child areas that improved and slipped most.

Each theme is measured at its own date (queries.store.ThemeDates) shifted back: check-ins at the check-in
date's previous month-end, meetings at the meetings' and so on, so no theme cuts another. A past figure is
given only where the theme's data reaches back to that day (it has a dated record on or before it); where it
does not, it is None, never 0: an undated record counts as existing since ever, so a store without dates would
otherwise show "no change". Changes are in percentage points (个百分点).

`theme_history` and `cockpit_history` read the store (through queries.overview); the rest is pure pandas.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, fields

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.schema import Cadre, Grid, PartyOrg, TwoNewOrg
from queries.area import Area
from queries.overview import HEADLINES, Headline, cockpit_by_area, headline
from queries.store import THEME_RECORDS, ThemeDates

# The dated records of each theme, for whether its data reaches back to a day: the dated records of the
# store's themes, and for coverage and Two New the dates coverage began (migration 0016).
THEME_HISTORY = {
    "coverage": [Grid.created_on, PartyOrg.founded_on, Cadre.appointed_on],
    "two_new": [TwoNewOrg.organized_on, TwoNewOrg.work_covered_on],
    **THEME_RECORDS,
}


@dataclass(frozen=True)
class Comparison:
    """One comparison: its key, the words the cards and findings use, and the day it compares with."""

    key: str
    label: str  # 较上月 / 同比
    period: str  # 上月 / 上年同期

    def day(self, as_of: dt.date) -> dt.date:
        return month_end_before(as_of) if self.key == "month" else year_before(as_of)


MONTH = Comparison("month", "较上月", "上月")
YEAR = Comparison("year", "同比", "上年同期")
COMPARISONS = (MONTH, YEAR)


def month_end_before(day: dt.date) -> dt.date:
    """The last day of the month before `day`'s."""
    return day.replace(day=1) - dt.timedelta(days=1)


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier; a month's last day gives that month's last day (2016-02-29 → 2015-02-28)."""
    last = calendar.monthrange(day.year - 1, day.month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return dt.date(day.year - 1, day.month, last)
    return dt.date(day.year - 1, day.month, min(day.day, last))


def shifted(dates: ThemeDates, comparison: Comparison) -> ThemeDates:
    """Every theme's date shifted back by the comparison (each from its own date)."""
    return ThemeDates(**{f.name: comparison.day(getattr(dates, f.name)) for f in fields(ThemeDates)})


def theme_history(engine: Engine) -> dict[str, dt.date | None]:
    """The earliest dated record of each theme (THEME_HISTORY), None where it has none."""
    earliest = {}
    with engine.connect() as connection:
        for theme, columns in THEME_HISTORY.items():
            days = [connection.execute(select(func.min(column))).scalar() for column in columns]
            days = [pd.Timestamp(d).date() for d in days if d is not None]
            earliest[theme] = min(days) if days else None
    return earliest


@dataclass(frozen=True)
class CockpitHistory:
    """The cockpit's frames (queries.overview.cockpit_by_area) at each comparison's dates, and how far each
    theme's data reaches back."""

    dates: ThemeDates
    past: dict[str, dict[str, pd.DataFrame]]  # comparison key → headline key → frame
    earliest: dict[str, dt.date | None]

    def reaches(self, theme: str, day: dt.date) -> bool:
        """Whether the theme's data reaches back to `day`."""
        first = self.earliest.get(theme)
        return first is not None and first <= day

    def frame(self, spec: Headline, comparison: Comparison) -> pd.DataFrame | None:
        """The headline's breakdown at the comparison's date, None where the data does not reach back."""
        day = comparison.day(self.dates.of(spec.theme))
        return self.past[comparison.key][spec.key] if self.reaches(spec.theme, day) else None


def cockpit_history(engine: Engine, area: Area, dates: ThemeDates) -> CockpitHistory:
    """The cockpit's breakdowns at the end of the previous month and a year before, each theme at its own
    date shifted back."""
    return CockpitHistory(dates=dates, earliest=theme_history(engine),
                          past={c.key: cockpit_by_area(engine, area, shifted(dates, c)) for c in COMPARISONS})


def _points(value: float | None, past: float | None) -> float | None:
    return None if value is None or past is None else (value - past) * 100


def headline_changes(frames: dict[str, pd.DataFrame], history: CockpitHistory) -> pd.DataFrame:
    """One row per headline (queries.overview.HEADLINES): key, title, as_of, value; for each comparison
    (month, year) its date (month_as_of, year_as_of), the value then (month_value, year_value; None where the
    data does not reach back) and the change in percentage points (month_change, year_change; None likewise)."""
    rows = []
    for spec in HEADLINES:
        as_of = history.dates.of(spec.theme)
        value = headline(frames[spec.key], spec.numerator, spec.denominator)
        row = {"key": spec.key, "title": spec.title, "as_of": as_of, "value": value}
        for comparison in COMPARISONS:
            past_frame = history.frame(spec, comparison)
            past = None if past_frame is None else headline(past_frame, spec.numerator, spec.denominator)
            row |= {f"{comparison.key}_as_of": comparison.day(as_of), f"{comparison.key}_value": past,
                    f"{comparison.key}_change": _points(value, past)}
        rows.append(row)
    table = pd.DataFrame(rows)
    for column in (f"{c.key}_{v}" for c in COMPARISONS for v in ("value", "change")):  # None stays None
        table[column] = pd.Series([row[column] for row in rows], dtype=object)
    return table


def area_changes(now: pd.DataFrame, past: pd.DataFrame | None, spec: Headline) -> pd.DataFrame:
    """The child areas of one headline with a figure now: area_code, area_name, rate, previous_rate and
    change (percentage points; NaN where the area had no figure then or the data does not reach back)."""
    rows = now[now[spec.denominator] > 0][["area_code", "area_name"]].copy()
    rows["rate"] = (now[spec.numerator] / now[spec.denominator])[rows.index].astype(float)
    if past is None or past.empty:
        rows["previous_rate"] = float("nan")
    else:
        before = past[past[spec.denominator] > 0]
        before = pd.Series((before[spec.numerator] / before[spec.denominator]).astype(float).values,
                           index=before["area_code"].values)
        rows["previous_rate"] = rows["area_code"].map(before).astype(float)
    rows["change"] = (rows["rate"] - rows["previous_rate"]) * 100
    return rows.reset_index(drop=True)


def movers(changes: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """The child area that improved most (largest rise) and the one that slipped most (largest fall), each
    None where no area rose (or fell); ties go to the first by name."""
    known = changes[changes["change"].notna()]
    rose = known[known["change"] > 1e-9].sort_values(["change", "area_name"], ascending=[False, True])
    fell = known[known["change"] < -1e-9].sort_values(["change", "area_name"], ascending=[True, True])
    return (rose.iloc[0] if not rose.empty else None), (fell.iloc[0] if not fell.empty else None)
