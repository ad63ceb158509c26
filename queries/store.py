"""What the store says about itself: demo or real data, the data-as-of dates, targets and settings."""

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
    Notification,
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
DEFAULT_MONTHS = 3  # the period the views show first: the last three months
# The dated records of each theme: a theme is measured as of the latest of its own dates. 六级体系覆盖 and
# 两新组织 are measured as of the store-wide date: their dates (founded, created, organized, appointed; migration
# 0016) say when coverage began, not how far the data runs, and an undated record counts as there since ever.
THEME_RECORDS = {
    "checkin": [MemberCheckin.checked_in_on, ServiceActivity.served_on, UnitCheckin.checked_in_on,
                SecretaryCheckin.checked_in_on, PostClaim.claimed_on],
    "pairing": [UnitPairing.started_on, MemberPairing.started_on, PairingActivity.held_on,
                Notification.unit_notified_on, Notification.community_notified_on],
    "meetings": [JointMeeting.held_on],
    "funding": [FundingDisbursement.paid_on],
}
# Tables that are the app's own, not data a department imports.
NOT_DATA = {"target", "setting", "store_meta", "app_user", "sign_in_throttle", "display_token", "audit_log",
            "import_run", "community_month", "community_year", "checked_in_member"}


@dataclass(frozen=True)
class ThemeDates:
    """The date each theme is measured as of (数据截至): coverage, check-in and service, pairing and 双通报,
    joint meetings, Two New organizations, funding."""

    coverage: dt.date
    checkin: dt.date
    pairing: dt.date
    meetings: dt.date
    two_new: dt.date
    funding: dt.date

    @classmethod
    def every(cls, day: dt.date) -> ThemeDates:
        """Every theme as of one day (the demo's recorded date)."""
        return cls(day, day, day, day, day, day)

    def of(self, theme: str) -> dt.date:
        return getattr(self, theme)


@dataclass(frozen=True)
class StoreFacts:
    is_demo: bool
    data_as_of: dt.date | None  # the store-wide date: the latest of the themes' dates
    first_month: dt.date | None = None
    themes: ThemeDates | None = None

    def as_of(self, theme: str) -> dt.date | None:
        """The date `theme` (a field of ThemeDates) is measured as of; None only when nothing is imported."""
        return self.themes.of(theme) if self.themes else self.data_as_of

    @property
    def themes_differ(self) -> bool:
        """Whether some theme is measured as of an earlier date than the store-wide one."""
        return self.themes is not None and self.themes != ThemeDates.every(self.data_as_of)


def store_facts(engine: Engine) -> StoreFacts:
    """Whether the store holds demo data, the dates its data runs to and the first month it covers.

    Each theme is measured as of the latest date of its own records (THEME_RECORDS): a department's meetings
    may run later than its check-ins, and neither must cut the other. The store-wide date is the latest of
    them; a theme without dated records (coverage, Two New, or one not imported yet) is as of that date; a
    store without any dated record is dated by the day of its last import. The date the demo generator
    recorded wins for every theme. The first month is the 18th before the earliest theme's date (that month
    counted): every theme's last 18 months can be chosen, the cockpit's four quarters of meetings included.
    None only when nothing has been imported.
    """
    with engine.connect() as connection:
        return facts_of(connection)


def facts_of(connection: Connection) -> StoreFacts:
    """`store_facts` read through an open connection (inside a transaction that is changing the store)."""
    meta = dict(connection.execute(select(StoreMeta.meta_key, StoreMeta.value)).all())
    recorded = dt.date.fromisoformat(meta["data_as_of"]) if meta.get("data_as_of") else None
    if recorded is not None:
        latest = dict.fromkeys(THEME_RECORDS, recorded)
    else:
        latest = {theme: _latest(connection, columns) for theme, columns in THEME_RECORDS.items()}
    dated = [day for day in latest.values() if day is not None]
    if dated:
        as_of = max(dated)
    elif meta.get("last_import_at"):
        as_of = dt.datetime.fromisoformat(meta["last_import_at"]).date()
    else:
        as_of = None
    first = None
    if meta.get("period_start"):
        first = dt.date.fromisoformat(meta["period_start"] + "-01")
    elif as_of is not None:
        index = _month_index(min(dated, default=as_of)) - HISTORY_MONTHS + 1
        first = dt.date(index // 12, index % 12 + 1, 1)
    themes = None
    if as_of is not None:
        themes = ThemeDates(coverage=as_of, two_new=as_of, **{t: latest[t] or as_of for t in THEME_RECORDS})
    return StoreFacts(is_demo=meta.get("is_demo") == "1", data_as_of=as_of, first_month=first, themes=themes)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _latest(connection: Connection, columns: list) -> dt.date | None:
    """The latest date among `columns` (None when they hold none)."""
    dates = [connection.execute(select(func.max(column))).scalar() for column in columns]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def data_version(engine: Engine) -> str | None:
    """The store's data version (dashboard/data_version.py): it changes whenever the data does."""
    with engine.connect() as connection:
        return connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "data_version")).scalar()


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
