"""One street's monthly service file imported into a city-scale store: the summary refresh of the touched
communities against the full rebuild (issue 17's budget: under 5 s at 10× on SQLite and PostgreSQL).

    python -m bench.street_month [--scale 10] [--url URL] [--runs 3]

Builds the demo store once at the scale (SQLite in bench/results/, kept; or --url, an empty database), then for
each run copies it, makes the copy a department's store (the demo mark and its recorded date removed, so that
imports are allowed and the dates come from the records) and imports the services of one street's checked-in
members in the month after the store's data, once with the refresh (the import's own path) and once forcing
the full rebuild. Prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import time
from pathlib import Path

from sqlalchemy import Engine, delete, func, select

from dashboard import summaries
from dashboard.db import make_engine
from dashboard.demo import generate
from dashboard.imports import load
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from dashboard.schema import Community, MemberCheckin, PartyMember, ServiceActivity, StoreMeta, Street, VolunteerPost
from queries.store import facts_of

RESULTS = Path(__file__).parent / "results"


def street_month_file(engine: Engine) -> tuple[bytes, str, int]:
    """Two services of every checked-in member of the street with most of them, in the month after the data."""
    with engine.connect() as connection:
        as_of = facts_of(connection).as_of("checkin")
        street, name = connection.execute(
            select(Street.id, Street.name).join(Community, Community.street_id == Street.id)
            .join(MemberCheckin, MemberCheckin.community_id == Community.id)
            .group_by(Street.id, Street.name).order_by(func.count().desc()).limit(1)).one()
        members = connection.execute(
            select(PartyMember.code, Community.code, func.min(VolunteerPost.code))
            .join(MemberCheckin, MemberCheckin.member_id == PartyMember.id)
            .join(Community, Community.id == MemberCheckin.community_id)
            .join(VolunteerPost, VolunteerPost.community_id == Community.id)
            .where(Community.street_id == street)
            .group_by(PartyMember.code, Community.code)).all()
    month = as_of.replace(day=28) + dt.timedelta(days=4)
    lines = ["服务记录编号,党员编号,服务社区编码,岗位编码,服务日期,服务类别,服务时长"]
    for number, (member, community, post) in enumerate(members):
        for day in (5, 20):
            lines.append(f"BM{number:07d}{day},{member},{community},{post},{month.replace(day=day)},治安巡逻,2")
    return ("\n".join(lines) + "\n").encode(), name, len(lines) - 1


def department_copy(source: Path, target: Path) -> Engine:
    shutil.copyfile(source, target)
    engine = make_engine(f"sqlite:///{target}")
    with engine.begin() as connection:
        connection.execute(delete(StoreMeta).where(StoreMeta.meta_key.in_(["is_demo", "data_as_of"])))
        summaries.rebuild_summaries(connection)  # the summaries of the store as a department's (record dates)
    return engine


def timed_import(engine: Engine, content: bytes, full: bool) -> float:
    refresh = load.refresh_summaries
    if full:
        load.refresh_summaries = lambda connection, _touched: summaries.rebuild_summaries(connection)
    try:
        started = time.perf_counter()
        outcome = import_file(engine, template_named("志愿服务记录"), "street_month.csv", content, "bench",
                              source="命令行")
        elapsed = time.perf_counter() - started
    finally:
        load.refresh_summaries = refresh
    if not outcome.committed:
        raise SystemExit(f"import refused: {outcome.problems[:3]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.street_month", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    source = RESULTS / f"street_month_x{args.scale:g}.sqlite3"
    if not source.exists():
        print(f"building the {args.scale:g}× demo store in {source} (once) …", flush=True)
        generate(make_engine(f"sqlite:///{source}"), scale=args.scale)
    times: dict[bool, list[float]] = {False: [], True: []}
    for run in range(args.runs):
        for full in (False, True):
            engine = department_copy(source, RESULTS / "street_month_work.sqlite3")
            if run == 0 and not full:
                content, street, rows = street_month_file(engine)
                with engine.connect() as connection:
                    services = connection.execute(select(func.count()).select_from(ServiceActivity)).scalar()
                print(f"store {args.scale:g}× ({services:,} service records); file: {rows:,} services of {street}")
            times[full].append(timed_import(engine, content, full))
            engine.dispose()
    short, whole = statistics.median(times[False]), statistics.median(times[True])
    print(f"import with the refresh of the street's communities: median {short:.2f} s of {args.runs}")
    print(f"import with the full rebuild:                        median {whole:.2f} s of {args.runs}")
    print(f"ratio full / refresh: {whole / short:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
