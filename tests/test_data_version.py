"""Several app processes on one store show the same figures: every change of the data moves the store's data
version in its own transaction, and a process that sees the version move forgets its cached results."""

from __future__ import annotations

import datetime as dt

import pytest
import streamlit as st

from dashboard import data
from dashboard.db import make_engine
from dashboard.demo import clear_store
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from queries.store import data_version
from tests.fixture_data import build_fixture
from tests.test_pages import run_app

# M3 (in service, in 一街道) has not checked in: this one-row file checks M3 in (tests/fixture_data.py).
CHECKIN_OF_M3 = "党员编号,报到社区编码,报到日期\nM3,K3,2018-06-01\n".encode()


@pytest.fixture
def fixture_store(databases, backend) -> str:
    url = databases.migrated(backend)
    engine = make_engine(url)
    build_fixture(engine)
    engine.dispose()
    return url


def test_an_import_moves_the_version_and_a_refused_one_does_not(fixture_store):
    engine = make_engine(fixture_store)
    before = data_version(engine)
    refused = import_file(engine, template_named("党员报到"), "报到.csv",
                          "党员编号,报到社区编码,报到日期\nM3,不存在的社区,2018-06-01\n".encode(), "tester")
    assert refused.problems and data_version(engine) == before
    done = import_file(engine, template_named("党员报到"), "报到.csv", CHECKIN_OF_M3, "tester",
                       today=dt.date(2018, 7, 1))
    assert done.committed, [p.message for p in done.problems]
    after = data_version(engine)
    assert after is not None and after != before
    clear_store(engine)
    assert data_version(engine) not in (None, after)
    engine.dispose()


def test_a_process_shows_a_change_made_elsewhere(monkeypatch, fixture_store):
    monkeypatch.setattr(data, "VERSION_CHECK_SECONDS", 0.0)
    shown = run_app(monkeypatch, fixture_store)
    before = {m.label: m.value for m in shown.metric}["在职党员报到率"]

    engine = make_engine(fixture_store)  # the command line, or another app process, imports a file
    done = import_file(engine, template_named("党员报到"), "报到.csv", CHECKIN_OF_M3, "tester",
                       today=dt.date(2018, 7, 1))
    engine.dispose()
    assert done.committed, [p.message for p in done.problems]

    again = {m.label: m.value for m in run_app(monkeypatch, fixture_store).metric}["在职党员报到率"]
    st.cache_data.clear()
    fresh = {m.label: m.value for m in run_app(monkeypatch, fixture_store).metric}["在职党员报到率"]
    assert again == fresh != before
