"""Benchmark: the home page (总览) under AppTest, cold and cached, against its raw queries, at 1x and 10x.

    .venv/bin/python -m bench.home_page                       # SQLite stores at 1x and 10x (built once)
    .venv/bin/python -m bench.home_page --scales 1 --repeat 7
    .venv/bin/python -m bench.home_page --url postgresql+psycopg://postgres@127.0.0.1/dj_bench --scales 1

Stores are built under bench/results/ (git-ignored) and reused on later runs; a --url store is filled
when empty. Prints medians (seconds) and the ratio page / raw queries. Budget at 1x on SQLite:
cached run under 0.3 s, cold under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.db import ROOT, URL_ENV, make_engine, upgrade_store
from dashboard.demo import generate, store_is_empty
from queries.area import CITY
from queries.overview import cockpit_by_area
from queries.store import store_facts, targets

RESULTS = ROOT / "bench" / "results"
APP = str(ROOT / "dashboard" / "app.py")
BUDGET = {"cold": 1.5, "cached": 0.3}


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


def time_raw_queries(url: str, repeat: int) -> list[float]:
    """The queries the home page runs, straight on the store (no Streamlit, no cache)."""
    engine = make_engine(url)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        as_of = store_facts(engine).data_as_of
        cockpit_by_area(engine, CITY, as_of)
        targets(engine)
        times.append(time.perf_counter() - started)
    engine.dispose()
    return times


def time_page(url: str, repeat: int) -> tuple[list[float], list[float]]:
    """Cold runs (caches cleared, new session) and cached reruns of the home page under AppTest."""
    os.environ[URL_ENV] = url
    warm_up = AppTest.from_file(APP, default_timeout=600)
    warm_up.run()  # imports and the one-time schema check, paid once per process
    cold, cached = [], []
    for _ in range(repeat):
        st.cache_data.clear()
        app = AppTest.from_file(APP, default_timeout=600)
        started = time.perf_counter()
        app.run()
        cold.append(time.perf_counter() - started)
        if app.exception:
            raise RuntimeError(app.exception[0].value)
        started = time.perf_counter()
        app.run()
        cached.append(time.perf_counter() - started)
    return cold, cached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.home_page")
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="benchmark this store instead of SQLite files (one scale only)")
    args = parser.parse_args(argv)
    if args.url and len(args.scales) != 1:
        parser.error("--url takes one --scales value")

    rows = []
    for scale in args.scales:
        print(f"scale {scale:g}x", flush=True)
        url = store_for(scale, args.url)
        raw = statistics.median(time_raw_queries(url, args.repeat))
        cold, cached = (statistics.median(t) for t in time_page(url, args.repeat))
        rows.append((scale, make_engine(url).dialect.name, raw, cold, cached))

    print()
    print(f"{'scale':>6} {'backend':>10} {'raw queries':>12} {'page cold':>10} {'page cached':>12} "
          f"{'cold/raw':>9} {'cached/raw':>11}")
    for scale, backend, raw, cold, cached in rows:
        print(f"{scale:>5g}x {backend:>10} {raw:>11.3f}s {cold:>9.3f}s {cached:>11.3f}s "
              f"{cold / raw:>9.2f} {cached / raw:>11.3f}")
    if len(rows) > 1:
        base = rows[0]
        for scale, _backend, raw, cold, cached in rows[1:]:
            print(f"{scale:g}x / {base[0]:g}x: raw {raw / base[2]:.1f}x, cold {cold / base[3]:.1f}x, "
                  f"cached {cached / base[4]:.1f}x")
    for scale, backend, _raw, cold, cached in rows:
        if scale == 1 and backend == "sqlite":
            verdict = "within" if cold < BUDGET["cold"] and cached < BUDGET["cached"] else "OVER"
            print(f"budget at 1x on SQLite (cold < {BUDGET['cold']} s, cached < {BUDGET['cached']} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
