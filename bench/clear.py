"""Clearing a demo store for real data: how long `python -m dashboard.imports clear-demo` takes.

    python -m bench.clear [--url URL ...] [--runs 3] [--scale 1]

Each given store (default: a new SQLite file in bench/results/) is filled with the demo at the given scale,
then cleared with the same function the command line calls; this is repeated --runs times and the median
and every run are printed. A server URL must name a database the bench may empty and fill, for example
postgresql+psycopg://postgres@127.0.0.1:5432/bench_clear or mysql+pymysql://root@127.0.0.1:3306/bench_clear
(created when missing). The budget in issue 12: under 10 s at scale 1 on every backend.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dashboard.db import describe, make_engine, upgrade_store
from dashboard.demo import clear_store, generate, store_is_empty
from dashboard.imports.load import clear_demo

RESULTS = Path(__file__).parent / "results"


def create_database(url: str) -> None:
    """Create the server database the URL names, when it does not exist (SQLite files are made on connect)."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return
    admin = create_engine(parsed.set(database="postgres" if backend == "postgresql" else "mysql"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if backend == "postgresql":
            exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                        {"name": parsed.database}).scalar()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{parsed.database}" ENCODING \'UTF8\' TEMPLATE template0'))
        else:
            connection.execute(text(f"CREATE DATABASE IF NOT EXISTS `{parsed.database}` "
                                    "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    admin.dispose()


def clear_once(url: str, scale: float) -> float:
    """Fill the store with the demo, then time clearing it."""
    engine = make_engine(url)
    upgrade_store(engine)
    if not store_is_empty(engine):
        clear_store(engine)
    generate(engine, scale=scale)
    started = time.perf_counter()
    clear_demo(engine, "bench")
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clear", description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", help="a store to fill and clear (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    urls = args.url
    if not urls:
        RESULTS.mkdir(exist_ok=True)
        for stale in RESULTS.glob("clear.sqlite3*"):
            stale.unlink()
        urls = [f"sqlite:///{RESULTS / 'clear.sqlite3'}"]
    print(f"{'store':60s} {'median s':>9s}  runs")
    for url in urls:
        create_database(url)
        runs = [clear_once(url, args.scale) for _ in range(args.runs)]
        shown = ", ".join(f"{run:.2f}" for run in runs)
        print(f"{describe(make_engine(url)):60s} {statistics.median(runs):9.2f}  {shown}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
