"""Benchmark: every page under AppTest, cold (caches cleared, new session) and warm (rerun), with the time its
SQL took in the database (measured by SQLAlchemy cursor events during the cold run), at 1x and 10x.

    .venv/bin/python -m bench.pages                              # all pages, SQLite stores at 1x and 10x
    .venv/bin/python -m bench.pages --pages overview --scales 1  # the home page only
    .venv/bin/python -m bench.pages --url postgresql+psycopg://postgres@127.0.0.1:5432/dj_bench --scales 1

Stores are built under bench/results/ (git-ignored) and reused; a --url store is filled when empty. Prints
medians of --repeat runs and the ratios page/SQL and 10x/1x. Budget for the home page at 1x on SQLite:
cold under 1.5 s, warm under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import streamlit as st
from sqlalchemy import event
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.data import _engine_for
from dashboard.db import ROOT, URL_ENV, make_engine, upgrade_store
from dashboard.demo import generate, store_is_empty

RESULTS = ROOT / "bench" / "results"
APP = str(ROOT / "dashboard" / "app.py")
PAGES = {"overview": None, "coverage": "../pages/coverage.py", "checkin": "../pages/checkin.py",
         "meetings": "../pages/meetings.py", "two_new": "../pages/two_new.py", "funding": "../pages/funding.py"}
BUDGET = {"cold": 1.5, "warm": 0.3}


def store_for(scale: float, url: str | None) -> str:
    """A filled store: the given URL, or a SQLite file per scale under bench/results."""
    if url is None:
        RESULTS.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{RESULTS / f'bench_x{scale:g}.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    if store_is_empty(engine):
        print(f"  building the {scale:g}x store ...", flush=True)
        started = time.perf_counter()
        generate(engine, scale=scale)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    engine.dispose()
    return url


class SqlClock:
    """Adds up the time the store spends on each statement while it is switched on."""

    def __init__(self, engine) -> None:
        self.total, self.statements, self.on = 0.0, 0, False
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["bench_started"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.on:
            self.total += time.perf_counter() - conn.info.pop("bench_started", time.perf_counter())
            self.statements += 1


def open_page(page: str | None) -> AppTest:
    """A new session on `page`, not yet run there (switching pages needs one run of the entry first)."""
    app = AppTest.from_file(APP, default_timeout=600)
    if page:
        app.run()
        app.switch_page(page)
    return app


def time_page(page: str | None, clock: SqlClock, repeat: int) -> tuple[float, float, float, int]:
    """Medians of cold run, warm rerun and SQL time during the cold run; statements per cold run."""
    open_page(page).run()  # imports, schema check and first-run work, paid once per process
    cold, warm, sql, statements = [], [], [], 0
    for _ in range(repeat):
        app = open_page(page)
        st.cache_data.clear()
        clock.total, clock.statements, clock.on = 0.0, 0, True
        started = time.perf_counter()
        app.run()
        cold.append(time.perf_counter() - started)
        clock.on = False
        sql.append(clock.total)
        statements = clock.statements
        if app.exception:
            raise RuntimeError(app.exception[0].value)
        started = time.perf_counter()
        app.run()
        warm.append(time.perf_counter() - started)
    return statistics.median(cold), statistics.median(warm), statistics.median(sql), statements


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="benchmark this store instead of SQLite files (one scale only)")
    args = parser.parse_args(argv)
    if args.url and len(args.scales) != 1:
        parser.error("--url takes one --scales value")
    os.environ[SIGN_IN_ENV] = "off"

    rows = []
    for scale in args.scales:
        url = store_for(scale, args.url)
        os.environ[URL_ENV] = url
        clock = SqlClock(_engine_for(url))
        backend = make_engine(url).dialect.name
        for name in args.pages:
            print(f"{scale:g}x {name} ...", flush=True)
            rows.append((scale, backend, name, *time_page(PAGES[name], clock, args.repeat)))

    print()
    print(f"{'scale':>6} {'backend':>10} {'page':>9} {'cold':>8} {'warm':>8} {'SQL':>8} {'stmts':>6} "
          f"{'cold/SQL':>9}")
    for scale, backend, name, cold, warm, sql, statements in rows:
        print(f"{scale:>5g}x {backend:>10} {name:>9} {cold:>7.3f}s {warm:>7.3f}s {sql:>7.3f}s {statements:>6} "
              f"{cold / sql if sql else float('nan'):>9.2f}")
    by_key = {(r[0], r[2]): r for r in rows}
    for scale, _backend, name, cold, _warm, _sql, _n in rows:
        if scale != args.scales[0] and (args.scales[0], name) in by_key:
            base = by_key[(args.scales[0], name)]
            print(f"{name}: {scale:g}x / {args.scales[0]:g}x cold {cold / base[3]:.1f}x")
    for scale, backend, name, cold, warm, _sql, _n in rows:
        if scale == 1 and backend == "sqlite" and name == "overview":
            verdict = "within" if cold < BUDGET["cold"] and warm < BUDGET["warm"] else "OVER"
            print(f"home page budget at 1x on SQLite (cold < {BUDGET['cold']} s, warm < {BUDGET['warm']} s): "
                  f"{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
