"""What the store says about itself: demo or real data, the data-as-of date, targets and settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, func, select

from dashboard.schema import (
    Base,
    FundingDisbursement,
    JointMeeting,
    MemberCheckin,
    MemberPairing,
    PairingActivity,
    PostClaim,
    SecretaryCheckin,
    ServiceActivity,
    Setting,
    StoreMeta,
    Target,
    UnitCheckin,
    UnitPairing,
)

HISTORY_MONTHS = 18
# Dates of events other than check-ins and services: what dates a store that holds none of those two.
OTHER_EVENT_DATES = [UnitCheckin.checked_in_on, SecretaryCheckin.checked_in_on, PostClaim.claimed_on,
                     UnitPairing.started_on, MemberPairing.started_on, PairingActivity.held_on,
                     JointMeeting.held_on, FundingDisbursement.paid_on]
# Tables that are the app's own, not data a department imports.
NOT_DATA = {"target", "setting", "store_meta", "app_user", "sign_in_throttle", "display_token", "audit_log",
            "import_run", "community_month", "community_year", "checked_in_member"}


@dataclass(frozen=True)
class StoreFacts:
    is_demo: bool
    data_as_of: dt.date | None
    first_month: dt.date | None = None


def store_facts(engine: Engine) -> StoreFacts:
    """Whether the store holds demo data, the date its data runs to and the first month it covers.

    The dates are the ones recorded by the demo generator; a store without them falls back to its latest
    check-in or service date; a store without either (a department's first files: geography, organizations,
    meetings …) to its latest other event (unit check-in, claim, pairing, meeting, payment), and a store with
    no dated event at all to the day of its last import. The first month is then 18 months before.
    None only when nothing has been imported.
    """
    with engine.connect() as connection:
        return facts_of(connection)


def facts_of(connection: Connection) -> StoreFacts:
    """`store_facts` read through an open connection (inside a transaction that is changing the store)."""
    meta = dict(connection.execute(select(StoreMeta.meta_key, StoreMeta.value)).all())
    as_of = dt.date.fromisoformat(meta["data_as_of"]) if meta.get("data_as_of") else None
    if as_of is None:
        latest = [connection.execute(select(func.max(ServiceActivity.served_on))).scalar(),
                  connection.execute(select(func.max(MemberCheckin.checked_in_on))).scalar()]
        latest = [d for d in latest if d is not None]
        as_of = max(latest) if latest else _latest_other_event(connection, meta.get("last_import_at"))
    first = None
    if meta.get("period_start"):
        first = dt.date.fromisoformat(meta["period_start"] + "-01")
    elif as_of is not None:
        index = as_of.year * 12 + as_of.month - HISTORY_MONTHS
        first = dt.date(index // 12, index % 12 + 1, 1)
    return StoreFacts(is_demo=meta.get("is_demo") == "1", data_as_of=as_of, first_month=first)


def data_version(engine: Engine) -> str | None:
    """The store's data version (dashboard/data_version.py): it changes whenever the data does."""
    with engine.connect() as connection:
        return connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "data_version")).scalar()


def _latest_other_event(connection: Connection, last_import_at: str | None) -> dt.date | None:
    dates = [connection.execute(select(func.max(column))).scalar() for column in OTHER_EVENT_DATES]
    dates = [d for d in dates if d is not None]
    if dates:
        return max(dates)
    return dt.datetime.fromisoformat(last_import_at).date() if last_import_at else None


def tables_with_rows(engine: Engine) -> frozenset[str]:
    """The data tables holding at least one row: what has been imported (or generated) so far, by table name.
    Views use it to say which import a missing section needs, rather than showing nothing or zeros."""
    found = set()
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name not in NOT_DATA and connection.execute(select(1).select_from(table).limit(1)).first():
                found.add(table.name)
    return frozenset(found)


def targets(engine: Engine) -> pd.DataFrame:
    """Targets by metric: metric_key, label, target_value, amber_floor, note (rates as fractions)."""
    with engine.connect() as connection:
        rows = connection.execute(select(Target.metric_key, Target.label, Target.target_value,
                                         Target.amber_floor, Target.note).order_by(Target.metric_key)).all()
    return pd.DataFrame(rows, columns=["metric_key", "label", "target_value", "amber_floor", "note"])


def setting_value(engine: Engine, key: str, default: str) -> str:
    """A setting from the store, or the default where the store has none."""
    with engine.connect() as connection:
        value = connection.execute(select(Setting.value).where(Setting.setting_key == key)).scalar()
    return default if value is None else value


def rag_status(value: float | None, target: float, amber_floor: float) -> str:
    """红/黄/绿: green at or above target, amber at or above the floor, red below; 无数据 without a value."""
    if value is None or pd.isna(value):
        return "无数据"
    if value >= target - 1e-9:
        return "绿"
    if value >= amber_floor - 1e-9:
        return "黄"
    return "红"
