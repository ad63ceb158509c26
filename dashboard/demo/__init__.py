"""The deterministic demo data generator (演示数据), calibrated to DOMAIN.md's reference table.

`generate(engine)` fills an empty store for all of 常德市, monthly from 2017-01 through 2018-06, in one
transaction: a failure leaves the store as it was. The same seed and scale always give the same store.
`scale` multiplies people, units and events (members, check-ins, activities, Two New organizations);
the geography stays the real one. The reference figures hold at scale 1.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import Engine, func, select

from dashboard.bulk import Progress, refresh_statistics, reset_id_sequences
from dashboard.clearing import delete_rows
from dashboard.data_version import bump_data_version
from dashboard.db import upgrade_store
from dashboard.demo.cadres import generate_cadres
from dashboard.demo.checkins import generate_checkins
from dashboard.demo.context import AS_OF, MONTHS, DemoContext
from dashboard.demo.funding import generate_funding
from dashboard.demo.geography import generate_geography
from dashboard.demo.meetings import generate_meetings
from dashboard.demo.members import generate_members
from dashboard.demo.organizations import generate_party_orgs, generate_units
from dashboard.demo.pairing import generate_pairings
from dashboard.demo.two_new import generate_two_new
from dashboard.schema import Base, County, PartyMember, StoreMeta
from dashboard.summaries import rebuild_summaries

DEFAULT_SEED = 20180630
KEPT_TABLES = {"target", "setting", "app_user", "sign_in_throttle", "display_token", "audit_log", "import_run"}

STEPS = [
    ("行政区划与网格", generate_geography, 0.04),
    ("驻区单位", generate_units, 0.02),
    ("党组织", generate_party_orgs, 0.06),
    ("党员", generate_members, 0.30),
    ("双报到与志愿服务", generate_checkins, 0.36),
    ("双结对与双通报", generate_pairings, 0.10),
    ("大工委与联席会议", generate_meetings, 0.04),
    ("两新组织", generate_two_new, 0.03),
    ("经费保障与服务平台", generate_funding, 0.03),
    ("四支队伍", generate_cadres, 0.02),
]


class StoreNotEmpty(RuntimeError):
    """The store already holds data; the generator never mixes demo data into it."""


def data_tables():
    """The tables that hold data (demo or imported), parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in KEPT_TABLES]


def store_is_empty(engine: Engine) -> bool:
    """True when the store holds no regions and no members (a fresh store)."""
    with engine.connect() as connection:
        return not connection.execute(select(func.count()).select_from(County)).scalar() and \
            not connection.execute(select(func.count()).select_from(PartyMember)).scalar()


def clear_store(engine: Engine) -> None:
    """Delete all data rows (targets, settings, accounts and the audit log stay), in one transaction."""
    delete_rows(engine, data_tables(), then=bump_data_version)


# The share of the progress bar the generation steps fill (their weights add up to 1); the summaries and the
# statistics fill the rest, so that the bar never steps back.
GENERATING = 0.9


def generate(engine: Engine, seed: int = DEFAULT_SEED, scale: float = 1.0,
             progress: Progress | None = None) -> None:
    """Create the schema if needed and fill the empty store with demo data."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    report = progress or (lambda _fraction, _message: None)
    upgrade_store(engine)
    if not store_is_empty(engine):
        raise StoreNotEmpty("数据库中已有数据;如需重新生成演示数据,请先清空(--force)。")
    done = 0.0
    with engine.begin() as connection:
        ctx = DemoContext(rng=np.random.default_rng(seed), scale=scale, connection=connection)
        for label, step, weight in STEPS:
            report(GENERATING * done, f"正在生成:{label}")
            step(ctx)
            done += weight
        reset_id_sequences(connection, data_tables())
        meta = {
            "is_demo": "1",
            "data_as_of": AS_OF.isoformat(),
            "period_start": str(MONTHS[0]),
            "period_end": str(MONTHS[-1]),
            "demo_seed": str(seed),
            "demo_scale": f"{scale:g}",
        }
        connection.execute(StoreMeta.__table__.delete())
        connection.execute(StoreMeta.__table__.insert(),
                           [{"meta_key": k, "value": v, "updated_at": None} for k, v in meta.items()])
        report(GENERATING, "正在汇总")
        rebuild_summaries(connection)
        bump_data_version(connection)
    report(0.99, "正在更新统计信息")
    with engine.begin() as connection:
        refresh_statistics(connection, data_tables())
    report(1.0, "演示数据生成完成")

