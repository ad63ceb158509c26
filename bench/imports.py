"""Import speed: members and 100,000 service records through the same path as the admin page and the CLI.

    python -m bench.imports [--url URL] [--services 100000] [--members 20000]

Builds a fresh store (SQLite in bench/results/ unless --url names an empty database), imports the small
world of tests/import_world.py, then a generated member roster and service-record file as CSV, and prints
seconds and rows per second for the first import, the same file again (every row unchanged), and the
check alone (--dry-run). The budget in issue 5: 100,000 service rows in under 30 s on SQLite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from dashboard.db import make_engine, upgrade_store
from dashboard.demo.names import id_check_digit
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from tests.import_world import FILES, TODAY, seed_counties

RESULTS = Path(__file__).parent / "results"


def member_roster(count: int) -> bytes:
    lines = ["党员编号,姓名,性别,出生日期,公民身份号码,手机号码,入党日期,是否正式党员,是否在职党员,所在党组织编码,"
             "工作单位编码,居住社区编码,居住网格编码"]
    for number in range(count):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=number % 12000)
        first17 = f"430703{born:%Y%m%d}{number // 12000:02d}{1 if number % 2 else 2}"  # unique below 1.2 million
        gender = "男" if number % 2 else "女"
        home = "C01" if number % 3 else "C02"
        id_number = first17 + id_check_digit(first17)
        lines.append(f"B{number:07d},党员{chr(0x4e00 + number % 2000)},{gender},{born},{id_number},"
                     f"139{number:08d},2010-07-01,是,是,O05,U01,{home},")
    return ("\n".join(lines) + "\n").encode()


def service_records(count: int, members: int) -> bytes:
    lines = ["服务记录编号,党员编号,服务社区编码,岗位编码,服务日期,服务类别,服务时长"]
    first = dt.date(2017, 1, 1)
    for number in range(count):
        member = number % members
        home, post, kind = ("C01", "P1", "治安巡逻") if member % 3 else ("C02", "P2", "环境卫生")
        day = first + dt.timedelta(days=number % 540)
        lines.append(f"FWB{number:09d},B{member:07d},{home},{post},{day},{kind},{1 + number % 4}")
    return ("\n".join(lines) + "\n").encode()


def timed(engine, title: str, name: str, content: bytes, dry_run: bool = False) -> tuple[float, object]:
    started = time.perf_counter()
    outcome = import_file(engine, template_named(title), name, content, "bench", source="命令行", today=TODAY,
                          dry_run=dry_run)
    elapsed = time.perf_counter() - started
    if outcome.problems:
        raise SystemExit(f"{name}: {outcome.problems[:3]}")
    return elapsed, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.imports", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty database to fill (default: a new SQLite file in bench/results/)")
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=20_000)
    args = parser.parse_args(argv)
    url = args.url
    if url is None:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / "imports.sqlite3"
        for stale in RESULTS.glob("imports.sqlite3*"):
            stale.unlink()
        url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade_store(engine)
    seed_counties(engine)
    for title, content, _rows in FILES:
        timed(engine, title, f"{title}.csv", content.encode())
    roster = member_roster(args.members)
    services = service_records(args.services, args.members)
    print(f"store: {engine.dialect.name}; files: members {len(roster) / 1e6:.1f} MB, "
          f"services {len(services) / 1e6:.1f} MB")
    print(f"{'import':34s} {'rows':>8s} {'seconds':>8s} {'rows/s':>8s}")
    for label, title, name, content, dry in [
        ("members, first import", "党员", "members.csv", roster, False),
        ("service records, check only", "志愿服务记录", "services.csv", services, True),
        ("service records, first import", "志愿服务记录", "services.csv", services, False),
        ("service records, same file again", "志愿服务记录", "services.csv", services, False),
    ]:
        elapsed, outcome = timed(engine, title, name, content, dry)
        print(f"{label:34s} {outcome.rows:8d} {elapsed:8.2f} {outcome.rows / elapsed:8.0f}"
              f"   (new {outcome.inserted}, updated {outcome.updated}, unchanged {outcome.unchanged})")
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
