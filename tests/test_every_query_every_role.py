"""Every query of `queries/`, for every role with a scope, asked about every area outside that scope, returns
nothing from outside it (issue 18).

The queries are found by introspection (every public function of a `queries` module whose first parameter is
an Engine), so a query is covered the day it is written. Its arguments come from its signature: the area is
the tampered one, passed through `dashboard.data.limited` as the app does, the others from a small table by
parameter name; a parameter the table does not know fails the test, so nothing escapes silently. A query that
reads the store but takes no area must be listed in NOT_SCOPED with the reason.

What "nothing from outside" means, for any kind of result: the answer for a tampered area equals the answer for
an area that does not exist (a code no place has), asked by the same viewer; and no text cell of the answer
names or codes a place outside the scope. So that these checks cannot pass for want of data, a second test
asks each query the same questions with no scope and requires that they do reach the places outside.

Every role is tried on SQLite; on PostgreSQL and MySQL one role (street staff, whose scope leaves the most places
outside), since the scope is applied to the area in Python (`limited`) before any SQL is built: the servers run
each query's SQL on every outside area, and the metric tests check its figures there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
import typing

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal
from sqlalchemy import Engine

import queries
from dashboard.accounts import Viewer
from dashboard.data import limited
from queries.area import Area
from queries.store import ThemeDates
from tests.conftest import BACKENDS
from tests.fixture_data import AS_OF

# The fixture's places (tests/fixture_data.py): county → street → communities and their grids.
PLACES = {
    ("T01", "甲区"): {("T01-S1", "一街道"): {("K1", "红星社区"): ["G1", "G2", "G3"], ("K2", "光明社区"): ["G4", "G5"]},
                    ("T01-S2", "二街道"): {("K3", "和平社区"): ["G6"]}},
    ("T02", "乙县"): {("T02-S3", "三街道"): {("K4", "幸福社区"): ["G7", "G8"]},
                    ("T02-T1", "四镇"): {("V1", "青山村"): []}},
}

VIEWERS = {
    "county_leader": Viewer("乙县领导", "county_leader", Area(county="T02")),
    "street_staff": Viewer("一街道", "street_staff", Area(county="T01", street="T01-S1")),
    "analyst_of_a_street": Viewer("分析员", "analyst", Area(county="T01", street="T01-S2")),
    "display_token": Viewer("大屏:会议室", "display", Area(county="T02", street="T02-S3"), read_only=True),
}

# Queries that read the store but take no area, and why that is no leak.
NOT_SCOPED = {
    "regions.county_places": "the outlines of the county-level units for the map: public geography",
    "store.store_facts": "the store's data-as-of date and demo flag",
    "store.setting_value": "a setting of the application",
    "store.targets": "the targets, the same for every viewer",
    "store.data_version": "a random token that changes with the data (no figures)",
    "store.tables_with_rows": "which kinds of record the store holds at all, to name the template still to import",
    "summary.summary_covers": "whether the summary holds some days (no figures)",
    "summary.months_mask": "which bits of the summary a period uses (no figures)",
    "summary.month_bits": "which bit of the summary each month of a period uses (no figures)",
    "frames.frame_of": "runs a statement a query built (the query applies the scope)",
    "changes.theme_history": "the earliest date of each theme's records, to say whether a comparison reaches back "
                             "(no figures, no places)",
}

# Arguments by parameter name. Lists are run one value at a time.
ARGUMENTS = {
    "as_of": [AS_OF],
    "dates": [ThemeDates.every(AS_OF)],
    "first": [dt.date(2017, 1, 1)],
    "last": [AS_OF],
    "year": [2017, 2018],
    "required_per_quarter": [1],
    "unit_code": ["U1", "U2", "U3"],
    "dimension": ["kind", "location_type", "size_class"],
}


def _queries() -> list[tuple[str, typing.Callable]]:
    found = []
    for module_info in pkgutil.iter_modules(queries.__path__):
        module = importlib.import_module(f"queries.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_") or "__mutmut_" in name:
                continue  # imported, private, or a variant mutation testing (mutmut) put beside the original
            hints = typing.get_type_hints(function)
            first = next(iter(inspect.signature(function).parameters), None)
            if first is not None and hints.get(first) is Engine:
                found.append((f"{module_info.name}.{name}", function))
    return found


QUERIES = _queries()
SCOPED = [(name, function) for name, function in QUERIES if name not in NOT_SCOPED]


def _places(scope: Area, inside: bool) -> tuple[set[str], list[Area]]:
    """Codes and names of the places inside (or outside) the scope, and areas naming those outside."""
    words, areas = set(), []
    for (county, county_name), streets in PLACES.items():
        for (street, street_name), communities in streets.items():
            in_scope = (scope.county in (None, county)) and (scope.street in (None, street))
            if in_scope == inside:
                words |= {street, street_name}
                if not inside:
                    areas.append(Area(county=county, street=street))
                for (community, community_name), grids in communities.items():
                    words |= {community, community_name, *grids}
                    if not inside:
                        areas.append(Area(community=community))
        if (scope.county in (None, county)) == inside:
            words |= {county, county_name}
            if not inside:
                areas.append(Area(county=county))
    return words, areas


def _nowhere(area: Area, scope: Area) -> Area:
    """The area with each code naming a place outside the scope replaced by one that names no place."""
    def kept(code: str | None, own: str | None) -> str | None:
        return code if code is None or code == own else "NO-SUCH"

    return Area(county=kept(area.county, scope.county), street=kept(area.street, scope.street),
                community=kept(area.community, None))


def _calls(name: str, function) -> list[dict]:
    """Every combination of the non-area arguments the table gives for the query's parameters."""
    combinations = [{}]
    for parameter in list(inspect.signature(function).parameters.values())[1:]:
        if parameter.name == "area" or parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.name not in ARGUMENTS:
            pytest.fail(f"{name}: no argument for parameter “{parameter.name}”; add it to ARGUMENTS "
                        "in tests/test_every_query_every_role.py")
        combinations = [{**c, parameter.name: value} for c in combinations for value in ARGUMENTS[parameter.name]]
    return combinations


def _ask(engine: Engine, viewer: Viewer | None, function, area: Area, others: dict):
    if viewer is None:
        return function(engine, area=area, **others)
    args, kwargs = limited(viewer, function, (area,), others)
    return function(engine, *args, **kwargs)


def _texts(result) -> set[str]:
    """Every text value in the result (frames, dicts of frames, dicts, sequences, dataclasses of them)."""
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return _texts(vars(result))
    if isinstance(result, pd.DataFrame):
        return {value for column in result.columns for value in result[column].tolist() if isinstance(value, str)}
    if isinstance(result, dict):
        return set().union(*(_texts(v) for v in result.values()), {k for k in result if isinstance(k, str)})
    if isinstance(result, list | tuple):
        return set().union(*(_texts(v) for v in result)) if result else set()
    return {result} if isinstance(result, str) else set()


def _assert_same(result, expected, what: str) -> None:
    if isinstance(expected, pd.DataFrame):
        assert_frame_equal(result.reset_index(drop=True), expected.reset_index(drop=True), obj=what)
    elif dataclasses.is_dataclass(expected) and not isinstance(expected, type):
        _assert_same(vars(result), vars(expected), what)
    elif isinstance(expected, dict):
        assert result.keys() == expected.keys(), what
        for key in expected:
            _assert_same(result[key], expected[key], f"{what}[{key}]")
    else:
        assert result == expected, what


def test_every_query_is_either_scoped_or_listed_with_a_reason():
    names = {name for name, _f in QUERIES}
    assert set(NOT_SCOPED) <= names, set(NOT_SCOPED) - names  # a listed query that no longer exists
    for name, function in SCOPED:
        assert "area" in inspect.signature(function).parameters, (
            f"{name} reads the store but takes no area: scope it or list it in NOT_SCOPED with the reason")
    assert len(SCOPED) >= 40  # the introspection found the queries (there were 41 when this was written)


SERVER_ROLE = "street_staff"
ROLES_BY_BACKEND = [(role, backend) for backend in BACKENDS for role in VIEWERS
                    if backend == "sqlite" or role == SERVER_ROLE]


@pytest.mark.parametrize(("role", "backend"), ROLES_BY_BACKEND, ids=[f"{r}-{b}" for r, b in ROLES_BY_BACKEND])
@pytest.mark.parametrize(("name", "function"), SCOPED, ids=[name for name, _f in SCOPED])
def test_nothing_outside_the_scope_comes_back(fixture_engine, name, function, role):
    viewer = VIEWERS[role]
    outside_words, outside_areas = _places(viewer.scope, inside=False)
    for others in _calls(name, function):
        nowhere_answers = {}  # several outside areas become the same nowhere (a county and its streets)
        for area in outside_areas:
            what = f"{name}({area}, {others}) for {role}"
            result = _ask(fixture_engine, viewer, function, area, others)
            leaked = _texts(result) & outside_words
            assert not leaked, f"{what} shows places outside the scope: {sorted(leaked)}"
            nowhere = _nowhere(area, viewer.scope)
            if nowhere not in nowhere_answers:
                nowhere_answers[nowhere] = _ask(fixture_engine, viewer, function, nowhere, others)
            _assert_same(result, nowhere_answers[nowhere], what)


@pytest.mark.parametrize(("name", "function"), SCOPED, ids=[name for name, _f in SCOPED])
def test_without_a_scope_the_same_questions_do_reach_outside(fixture_engine, name, function):
    """The scope test has teeth: asked with no scope, some question about a place outside some viewer's scope
    gets an answer that names such a place or differs from nowhere's (the fixture holds data the query shows)."""
    for viewer in VIEWERS.values():
        words, outside_areas = _places(viewer.scope, inside=False)
        for others in _calls(name, function):
            for area in outside_areas:
                result = _ask(fixture_engine, None, function, area, others)
                if _texts(result) & words:
                    return
                try:
                    _assert_same(result, _ask(fixture_engine, None, function, _nowhere(area, viewer.scope), others),
                                 "")
                except AssertionError:
                    return
    pytest.fail(f"{name}: no question about a place outside a scope gets an answer different from nowhere's; "
                "add fixture rows it can show, or the scope test proves nothing for it")
