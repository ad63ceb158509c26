"""预警中心: every area below its amber or red line on any headline metric, and for how long.

The figures are the cockpit's (`queries.overview.cockpit_by_area`, scored by `queries.cockpit.ranked_areas`),
so the warning centre lists exactly the areas the cockpit's ranking marks 预警 or 落后. How long an area has
been below is counted by asking the same function about each earlier month-end (every theme's date moved back
a month at a time): the consecutive month-ends, the current one included, on which the area was below its
amber line. Themes whose records carry no dates (coverage, Two New) are counted as the store holds them.
Thresholds are the `target` table's rows (target_value: below it 预警; amber_floor: below it 落后).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.schema import Cadre, CommitteeMember, Community, County, Street, WorkingCommittee
from queries.area import Area, area_conditions
from queries.checkin import month_end
from queries.cockpit import effective_target, ranked_areas
from queries.frames import frame_of
from queries.overview import HEADLINES, UNASSIGNED, Headline, cockpit_by_area
from queries.privacy import mask_name
from queries.store import ThemeDates, tables_with_rows, targets

HISTORY_MONTHS = 6  # how many earlier month-ends are asked; an area below on all of them is below "7+ months"
WARNING_STATUSES = ("红", "黄")
SEVERITY = {"红": "落后", "黄": "预警"}
COLUMNS = ["metric_key", "metric", "theme", "area_code", "area_name", "value", "target", "amber_floor", "gap",
           "status", "severity", "months_below", "previous_value", "change", "trend", "responsible", "as_of"]


def months_back(day: dt.date, months: int) -> dt.date:
    """The last day of the month `months` before `day`'s month (0: `day` itself)."""
    if months == 0:
        return day
    index = day.year * 12 + day.month - 1 - months
    return month_end(index // 12, index % 12 + 1)


def shifted(dates: ThemeDates, months: int) -> ThemeDates:
    """Every theme's date moved back `months` month-ends."""
    return ThemeDates(**{f.name: months_back(getattr(dates, f.name), months) for f in fields(ThemeDates)})


def dates_until(dates: ThemeDates, last: dt.date) -> ThemeDates:
    """Every theme's date, but none later than `last` (the month a view or notice is about)."""
    return ThemeDates(**{f.name: min(getattr(dates, f.name), last) for f in fields(ThemeDates)})


def measured_metrics(present: frozenset[str]) -> list[Headline]:
    """The headline metrics whose records are in the store (`present`: `tables_with_rows`); the others are
    无数据, never a warning."""
    return [spec for spec in HEADLINES if all(model.__tablename__ in present for model in spec.sources)]


def _scored(frames: dict[str, pd.DataFrame], goals: pd.DataFrame, dates: ThemeDates, spec: Headline) -> pd.DataFrame:
    return ranked_areas(frames[spec.key], spec, goals.loc[spec.key], dates.of(spec.theme)).set_index("area_code")


def area_warnings(engine: Engine, area: Area, dates: ThemeDates, history_months: int = HISTORY_MONTHS,
                  mask: bool = True) -> pd.DataFrame:
    """Every child area (county-level unit, street or community, the level below `area`) whose headline figure
    is below its target (预警, 黄) or its amber floor (落后, 红), on the cockpit's figures as of `dates`.

    months_below: consecutive month-ends, from the current one back, on which the area was below target (at most
    history_months + 1); previous_value, change and trend (上升/下降/持平) compare with the month-end before.
    responsible: who answers for it — for a street its 街道党工委 secretary and the 大工委 secretary, for a
    community its Party organization's secretary, for a county-level unit its Party committee's organization
    department (names masked unless `mask` is False). Most severe first (落后 before 预警, longer below first,
    furthest below first).

    Columns: metric_key, metric, theme, area_code, area_name, value, target, amber_floor, gap, status, severity,
    months_below, previous_value, change, trend, responsible, as_of.
    """
    specs = measured_metrics(tables_with_rows(engine))
    goals = targets(engine).set_index("metric_key")
    now = cockpit_by_area(engine, area, dates)
    warned = {}
    for spec in specs:
        scored = _scored(now, goals, dates, spec)
        warned[spec.key] = scored[scored["status"].isin(WARNING_STATUSES)]
    rows = []
    if any(not frame.empty for frame in warned.values()):
        history = []
        for months in range(1, history_months + 1):
            earlier = shifted(dates, months)
            frames = cockpit_by_area(engine, area, earlier)
            history.append({spec.key: _scored(frames, goals, earlier, spec)
                            for spec in specs if not warned[spec.key].empty})
        people = _responsible(engine, area, mask)
        for spec in specs:
            for code, row in warned[spec.key].iterrows():
                below = 1
                for earlier in history:
                    past = earlier[spec.key]
                    if code in past.index and past.loc[code, "status"] in WARNING_STATUSES:
                        below += 1
                    else:
                        break
                before = history[0][spec.key] if history else None
                previous = float(before.loc[code, "rate"]) if before is not None and code in before.index else None
                change = None if previous is None else float(row["rate"]) - previous
                rows.append({
                    "metric_key": spec.key, "metric": spec.title, "theme": spec.theme, "area_code": code,
                    "area_name": row["area_name"], "value": float(row["rate"]),
                    "target": float(row["rate"] - row["gap"]), "amber_floor": _floor(spec, goals, dates),
                    "gap": float(row["gap"]), "status": row["status"], "severity": SEVERITY[row["status"]],
                    "months_below": below, "previous_value": previous, "change": change, "trend": _trend(change),
                    "responsible": people.get(code, _default_responsible(area, row["area_name"])),
                    "as_of": dates.of(spec.theme)})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame
    frame["order"] = frame["status"].map({"红": 0, "黄": 1})
    frame = frame.sort_values(["order", "months_below", "gap", "metric_key", "area_code"],
                              ascending=[True, False, True, True, True])
    return frame.drop(columns="order").reset_index(drop=True)


def _floor(spec: Headline, goals: pd.DataFrame, dates: ThemeDates) -> float:
    return effective_target(spec, goals.loc[spec.key], dates.of(spec.theme))[1]


def _trend(change: float | None) -> str:
    if change is None:
        return "—"
    if abs(change) < 5e-4:
        return "持平"
    return "上升" if change > 0 else "下降"


def _default_responsible(area: Area, name: str) -> str:
    if name == UNASSIGNED:
        return "本级经费管理单位"
    if area.child_level == "county":
        return f"{name}党(工)委组织部"
    if area.child_level == "street":
        return f"{name}党(工)委"
    return f"{name}党组织"


def _responsible(engine: Engine, area: Area, mask: bool) -> dict[str, str]:
    """Who answers for each child area of `area`, by its code (see `area_warnings`)."""
    shown = mask_name if mask else (lambda name: name)
    if area.child_level == "street":
        seats = frame_of(engine, select(Street.code, Street.name, CommitteeMember.role, CommitteeMember.person_name,
                                        CommitteeMember.title)
                         .join(County, Street.county_id == County.id)
                         .join(WorkingCommittee, WorkingCommittee.street_id == Street.id)
                         .join(CommitteeMember, CommitteeMember.committee_id == WorkingCommittee.id)
                         .where(CommitteeMember.role.in_(["书记", "副书记"]), *area_conditions(area))
                         .order_by(Street.code, CommitteeMember.id),
                         ["code", "street", "role", "person", "title"])
        found = {}
        for code, own in seats.groupby("code", sort=False):
            parts = []
            for role, words in (("副书记", "街道党工委书记"), ("书记", "大工委书记")):
                names = [shown(p) for p in own.loc[own["role"] == role, "person"] if isinstance(p, str)]
                if names:
                    parts.append(f"{words} {'、'.join(names)}")
            street = f"{own['street'].iloc[0]}党工委"
            found[code] = f"{street}({';'.join(parts)})" if parts else street
        return found
    if area.child_level == "community":
        secretaries = frame_of(engine, select(Community.code, Community.name, Cadre.name)
                               .join(Street, Community.street_id == Street.id)
                               .join(County, Community.county_id == County.id)
                               .join(Cadre, Cadre.community_id == Community.id)
                               .where(Cadre.post == "社区党组织书记", *area_conditions(area))
                               .order_by(Community.code, Cadre.code), ["code", "community", "person"])
        return {code: f"{own['community'].iloc[0]}党组织书记 {'、'.join(shown(p) for p in own['person'])}"
                for code, own in secretaries.groupby("code", sort=False)}
    return {}


def warning_summary(warnings: pd.DataFrame) -> pd.DataFrame:
    """How many areas are 落后 and 预警 on each metric (for the notice's headline and the page's cards).

    Columns: metric_key, metric, red, amber.
    """
    if warnings.empty:
        return pd.DataFrame(columns=["metric_key", "metric", "red", "amber"])
    counts = warnings.pivot_table(index=["metric_key", "metric"], columns="status", values="area_code",
                                  aggfunc="count", fill_value=0).reindex(columns=["红", "黄"], fill_value=0)
    return counts.reset_index().rename(columns={"红": "red", "黄": "amber"}).rename_axis(columns=None)
