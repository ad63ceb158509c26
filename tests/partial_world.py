"""Part of the import world (tests/import_world.py), as a department loads its data in pieces.

A `Plan` says what to leave out: whole templates, single rows, every row of the other county, every
activity outside one month; it can add a street and an urban community with nothing in them. `load_plan`
imports what is left, file by file in the templates' order, through the importer itself: a file the importer
refuses (a row names something left out) is imported again without the rows it names, so the store ends up
exactly as the importer accepts a department's partial files, and every later template still gets its try.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import Engine

from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from dashboard.imports.values import BadValue, date
from tests.import_world import COUNTIES, FILES, TODAY, seed_counties

TITLES = [title for title, _text, _rows in FILES]
ROWS = {title: list(csv.reader(io.StringIO(text))) for title, text, _rows in FILES}
ROW_KEYS = [(title, index) for title in TITLES for index in range(len(ROWS[title]) - 1)]
# What each county's own rows are recognised by: its name and code, and the codes of its streets and villages.
COUNTY_MARKS = {"T01": {"T01", "甲区", "S01", "C01", "C02"}, "T02": {"T02", "乙县", "S02", "C03"}}
# The columns that date an event; "one month only" keeps the events of that month and everything undated.
EVENT_DATES = {"报到日期", "认领日期", "服务日期", "结对日期", "召开日期", "支出日期", "活动日期", "考核日期"}
EMPTY_STREET = ["S09", "九街道", "街道", "甲区"]
EMPTY_COMMUNITY = ["C09", "九社区", "社区", "是", "是", "S01", ""]


@dataclass(frozen=True)
class Plan:
    left_out: frozenset[str] = frozenset()  # template titles not imported at all
    dropped: frozenset[tuple[str, int]] = frozenset()  # (title, index of the data row)
    county: str | None = None  # keep the rows of this county only
    month: str | None = None  # "2018-06": keep only the events of this month
    empty_street: bool = False  # add 九街道 to 甲区, with nothing in it
    empty_community: bool = False  # add 九社区 (urban) to 一街道, with nothing in it

    def rows(self, title: str) -> list[list[str]]:
        """The data rows of `title` that this plan keeps (the header not included)."""
        header, *data = ROWS[title]
        kept = [row for index, row in enumerate(data) if (title, index) not in self.dropped]
        if self.county:
            others = set().union(*(marks for code, marks in COUNTY_MARKS.items() if code != self.county))
            kept = [row for row in kept if not others & {cell.strip() for cell in row}]
        if self.month:
            events = [i for i, name in enumerate(header) if name in EVENT_DATES]
            kept = [row for row in kept if all(_month(row[i]) in (None, self.month) for i in events)]
        if title == "街道乡镇" and self.empty_street and self.county in (None, "T01"):
            kept.append(EMPTY_STREET)
        if title == "社区村" and self.empty_community and self.county in (None, "T01"):
            kept.append(EMPTY_COMMUNITY)
        return kept


def _month(cell: str) -> str | None:
    try:
        return date(cell).strftime("%Y-%m") if cell.strip() else None
    except BadValue:
        return None


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode()


def load_plan(engine: Engine, plan: Plan) -> dict[str, int]:
    """Seed the two county-level units and import what the plan keeps; returns the rows imported per title."""
    seed_counties(engine)
    imported = {}
    for title in TITLES:
        if title in plan.left_out:
            continue
        header, rows = ROWS[title][0], plan.rows(title)
        while rows:
            outcome = import_file(engine, template_named(title), f"{title}.csv", _csv(header, rows), "tester",
                                  today=TODAY)
            if outcome.committed:
                imported[title] = len(rows)
                break
            refused = {problem.row for problem in outcome.problems}
            if None in refused:
                raise AssertionError(f"{title}: the whole file was refused: {outcome.problems}")
            rows = [row for number, row in enumerate(rows, start=2) if number not in refused]
    return imported


__all__ = ["COUNTIES", "Plan", "ROW_KEYS", "TITLES", "load_plan"]
