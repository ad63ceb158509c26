"""Command line: fill the store with demo data, with a progress bar.

    python -m dashboard.demo                 # the configured store (DANGJIAN_DATABASE_URL or embedded SQLite)
    python -m dashboard.demo --scale 10      # a 10x store for benchmarks
    python -m dashboard.demo --force         # clear the store first, then regenerate
    python -m dashboard.demo --if-empty      # fill a fresh store, leave one that holds data as it is (make run)
"""

from __future__ import annotations

import argparse
import sys
import time

from dashboard.db import describe, make_engine, upgrade_store
from dashboard.demo import DEFAULT_SEED, StoreNotEmpty, clear_store, generate, store_is_empty
from dashboard.new_store import is_marked_real

BAR_WIDTH = 30


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.demo", description="生成演示数据(合成数据)")
    parser.add_argument("--url", help="SQLAlchemy URL of the store (default: the configured store)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--scale", type=float, default=1.0, help="size factor: 10 makes a 10x store")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--force", action="store_true", help="clear all data in the store first")
    chosen.add_argument("--if-empty", action="store_true", help="only fill a store that holds no data yet")
    args = parser.parse_args(argv)

    engine = make_engine(args.url)
    started = time.perf_counter()

    def bar(fraction: float, message: str) -> None:
        filled = int(BAR_WIDTH * fraction)
        elapsed = time.perf_counter() - started
        bar_text = "#" * filled + "." * (BAR_WIDTH - filled)
        sys.stderr.write(f"\r[{bar_text}] {fraction:4.0%} {elapsed:5.1f}s {message}\033[K")
        sys.stderr.flush()

    print(f"数据库:{describe(engine)}", file=sys.stderr)
    upgrade_store(engine)
    if args.if_empty and (not store_is_empty(engine) or is_marked_real(engine)):
        print("数据库已有数据,不生成演示数据。", file=sys.stderr)
        return 0
    if args.force and not store_is_empty(engine):
        clear_store(engine)
    try:
        generate(engine, seed=args.seed, scale=args.scale, progress=bar)
    except StoreNotEmpty as error:
        print(f"\n{error}", file=sys.stderr)
        return 2
    sys.stderr.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
