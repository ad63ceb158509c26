"""Benchmark: every page under AppTest, cold (caches cleared, new session) and warm (rerun), at 1x and 10x,
on SQLite and on the local PostgreSQL, with where the cold time goes.

    .venv/bin/python -m bench.pages                                  # everything: sqlite+postgresql, 1x+10x
    .venv/bin/python -m bench.pages --backends sqlite --scales 1     # quick
    .venv/bin/python -m bench.pages --pages checkin --url postgresql+psycopg://postgres@127.0.0.1:5432/mine

Stores are built once and reused: SQLite files under bench/results/ (git-ignored) and databases
dj_bench_x1, dj_bench_x10 on the server of DANGJIAN_BENCH_POSTGRES_URL (default the local
postgresql+psycopg://postgres@127.0.0.1:5432/test). A 10x store takes minutes to build.

During each cold run the time is split into: SQL (in the database, from SQLAlchemy cursor events), charts
(building plotly figures and pydeck maps: dashboard/charts.py, dashboard/maps.py), sending (Streamlit
turning tables, charts and figures into messages: st.dataframe, st.plotly_chart, st.pydeck_chart,
st.metric) and the rest (Python in the page and the queries: pandas, filters, findings). Prints medians
of --repeat runs, the ratios page/SQL and 10x/1x, and checks the budgets of issue 8, naming the page and
the part that takes the time where one is not met.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import logging
import os
import statistics
import sys
import time
from dataclasses import dataclass, field

import streamlit as st
from sqlalchemy import create_engine, event, make_url, text
from streamlit.logger import set_log_level
from streamlit.testing.v1 import AppTest

from dashboard import charts, maps
from dashboard.auth import SIGN_IN_ENV
from dashboard.data import _engine_for, clear_caches
from dashboard.db import ROOT, URL_ENV, make_engine, upgrade_store
from dashboard.demo import generate, store_is_empty
from dashboard.summaries import rebuild_summaries, summaries_missing

RESULTS = ROOT / "bench" / "results"
APP = str(ROOT / "dashboard" / "app.py")
PAGES = {"overview": None, "coverage": "../pages/coverage.py", "checkin": "../pages/checkin.py",
         "assessment": "../pages/assessment.py", "meetings": "../pages/meetings.py", "two_new": "../pages/two_new.py",
         "funding": "../pages/funding.py"}
POSTGRES_SERVER = os.environ.get("DANGJIAN_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# (scale, backend) -> (cold, warm) seconds per page, from issue 8
BUDGETS = {(1.0, "sqlite"): (0.4, 0.15), (10.0, "postgresql"): (1.5, 0.3)}
PARTS = ("sql", "charts", "sending")


def _postgres_url(scale: float) -> str:
    name = f"dj_bench_x{scale:g}".replace(".", "_")
    admin = create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first():
            connection.execute(text(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"))
    admin.dispose()
    return make_url(POSTGRES_SERVER).set(database=name).render_as_string(hide_password=False)


def store_for(scale: float, url: str | None, backend: str = "sqlite") -> str:
    """A filled store with its summaries: the given URL, or one per backend and scale, built when empty."""
    if url is None and backend == "sqlite":
        RESULTS.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{RESULTS / f'bench_x{scale:g}.sqlite3'}"
    elif url is None:
        url = _postgres_url(scale)
    engine = make_engine(url)
    upgrade_store(engine)
    if store_is_empty(engine):
        print(f"  building the {scale:g}x store on {engine.dialect.name} ...", flush=True)
        started = time.perf_counter()
        generate(engine, scale=scale)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    with engine.connect() as connection:
        missing = summaries_missing(connection)
    if missing:
        with engine.begin() as connection:
            started = time.perf_counter()
            rebuild_summaries(connection)
            print(f"  summaries rebuilt in {time.perf_counter() - started:.1f} s", flush=True)
    engine.dispose()
    return url


@dataclass
class Clock:
    """Time spent in each part while switched on."""

    spent: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PARTS, 0.0))
    statements: int = 0
    on: bool = False
    depth: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))

    def reset(self) -> None:
        self.spent, self.statements, self.on = dict.fromkeys(PARTS, 0.0), 0, True

    def timed(self, part: str, function):
        """`function` with its (outermost) calls added to `part`."""
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            self.depth[part] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.depth[part] -= 1
                if self.on and self.depth[part] == 0:
                    self.spent[part] += time.perf_counter() - started
        return wrapper

    def watch_sql(self, engine) -> None:
        def before(conn, cursor, statement, parameters, context, executemany):
            conn.info["bench_started"] = time.perf_counter()

        def after(conn, cursor, statement, parameters, context, executemany):
            if self.on:
                self.spent["sql"] += time.perf_counter() - conn.info.pop("bench_started", time.perf_counter())
                self.statements += 1
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)

    def watch_rendering(self) -> None:
        for module in (charts, maps):
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ == module.__name__:
                    setattr(module, name, self.timed("charts", function))
        for name in ("dataframe", "plotly_chart", "pydeck_chart", "metric"):
            setattr(st, name, self.timed("sending", getattr(st, name)))


def open_page(page: str | None) -> AppTest:
    """A new session on `page`, not yet run there (switching pages needs one run of the entry first)."""
    app = AppTest.from_file(APP, default_timeout=900)
    if page:
        app.run()
        app.switch_page(page)
    return app


@dataclass
class Timing:
    scale: float
    backend: str
    page: str
    cold: float
    warm: float
    parts: dict[str, float]
    statements: int

    @property
    def other(self) -> float:
        return max(0.0, self.cold - sum(self.parts.values()))


def time_page(scale: float, backend: str, name: str, clock: Clock, repeat: int) -> Timing:
    page = PAGES[name]
    open_page(page).run()  # imports, schema check and first-run work, paid once per process
    cold, warm, parts, statements = [], [], {part: [] for part in PARTS}, 0
    for _ in range(repeat):
        app = open_page(page)
        clear_caches()
        clock.reset()
        started = time.perf_counter()
        app.run()
        cold.append(time.perf_counter() - started)
        clock.on = False
        for part in PARTS:
            parts[part].append(clock.spent[part])
        statements = clock.statements
        if app.exception:
            raise RuntimeError(app.exception[0].value)
        started = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - started)
    return Timing(scale, backend, name, statistics.median(cold), statistics.median(warm),
                  {part: statistics.median(values) for part, values in parts.items()}, statements)


def report(timings: list[Timing]) -> None:
    print()
    print(f"{'scale':>6} {'backend':>10} {'page':>9} {'cold':>7} {'warm':>7} {'SQL':>7} {'charts':>7} {'sending':>7} "
          f"{'other':>7} {'stmts':>5} {'cold/SQL':>8}")
    for t in timings:
        sql = t.parts["sql"]
        print(f"{t.scale:>5g}x {t.backend:>10} {t.page:>9} {t.cold:>6.3f}s {t.warm:>6.3f}s {sql:>6.3f}s "
              f"{t.parts['charts']:>6.3f}s {t.parts['sending']:>6.3f}s {t.other:>6.3f}s {t.statements:>5} "
              f"{t.cold / sql if sql else float('nan'):>8.1f}")
    by_key = {(t.scale, t.backend, t.page): t for t in timings}
    for t in timings:
        base = by_key.get((1.0, t.backend, t.page))
        if t.scale != 1 and base:
            print(f"{t.backend} {t.page}: {t.scale:g}x / 1x cold {t.cold / base.cold:.1f}x, "
                  f"SQL {t.parts['sql'] / base.parts['sql'] if base.parts['sql'] else float('nan'):.1f}x")
    for (scale, backend), (cold_budget, warm_budget) in BUDGETS.items():
        checked = [t for t in timings if (t.scale, t.backend) == (scale, backend)]
        if not checked:
            continue
        over = [t for t in checked if t.cold > cold_budget or t.warm > warm_budget]
        print(f"budget {scale:g}x {backend} (cold <= {cold_budget} s, warm <= {warm_budget} s): "
              f"{'within on every page' if not over else f'OVER on {len(over)} of {len(checked)} pages'}")
        for t in over:
            parts = {**t.parts, "other": t.other}
            biggest = max(parts, key=parts.get)
            print(f"  {t.page}: cold {t.cold:.2f} s, warm {t.warm:.2f} s; most of the cold time is {biggest} "
                  f"({parts[biggest]:.2f} s: " + ", ".join(f"{k} {v:.2f}" for k, v in parts.items()) + ")")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="benchmark this store instead (one scale: the scale it was built at)")
    args = parser.parse_args(argv)
    if args.url and len(args.scales) != 1:
        parser.error("--url takes one --scales value")
    os.environ[SIGN_IN_ENV] = "off"
    set_log_level(logging.ERROR)  # AppTest's "no runtime" notices
    clock = Clock()
    clock.watch_rendering()
    timings = []
    stores = [(scale, None, backend) for backend in args.backends for scale in args.scales]
    if args.url:
        stores = [(args.scales[0], args.url, make_engine(args.url).dialect.name)]
    for scale, url, backend in stores:
        url = store_for(scale, url, backend)
        os.environ[URL_ENV] = url
        clock.watch_sql(_engine_for(url))
        for name in args.pages:
            print(f"{scale:g}x {backend} {name} ...", flush=True)
            timings.append(time_page(scale, backend, name, clock, args.repeat))
    report(timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
