"""Rebuilding the summary tables from the raw ones, inside the caller's transaction.

`rebuild_summaries(connection)` replaces every row of:
- `community_month`: per community and snapshot day (each month's end in the store's period up to the
  check-in theme's data-as-of day, and that day when it is not a month end; a pairing figure asked for
  another day is counted from the raw rows) the figures that are counts "by that day" (members in
  service and checked in, check-ins, posts claimed, member pairings) or "in that month up to that day"
  (members who served, pairing activities);
- `community_year`: notifications per community and year;
- `checked_in_member`: each checked-in member's work unit and months of service, as a bitmask.
It runs inside the transaction that changed the data (demo generation, an import, clearing the demo), so a
view reading the summaries sees either the old figures or the new ones, never half of a rebuild.
Each figure is one grouped scan of its raw table, whatever the number of snapshot days.

`refresh_summaries(connection, communities)` does the same after a change that touched only some communities
(an import: the communities of its rows): it recounts those communities on every snapshot day, and every other
community only on the days that the change added; with the same rows as a full rebuild (tests/test_summaries.py).
It falls back to the full rebuild when the change may reach further (the summary's first month moved, or service
records of other communities lie between the old and the new last day).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from sqlalchemy import Connection, and_, case, extract, func, select, true

from dashboard.bulk import insert_columns
from dashboard.schema import (
    CheckedInMember,
    Community,
    CommunityMonth,
    CommunityYear,
    MemberCheckin,
    MemberPairing,
    Notification,
    PairingActivity,
    PartyMember,
    PostClaim,
    ServiceActivity,
    StoreMeta,
    VolunteerPost,
)
from queries.checkin import month_end, months_between
from queries.store import facts_of
from queries.summary import FIRST_MONTH_KEY

# The raw tables the summaries are made from: an import into any other table leaves them as they are.
SOURCES = frozenset({"party_member", "member_checkin", "service_activity", "post_claim", "volunteer_post",
                     "member_pairing", "pairing_activity", "notification"})
MASK_MONTHS = 63  # months a signed 64-bit bitmask holds
MONTH_SLOTS = 1 << 20  # member-month keys: member id × MONTH_SLOTS + month
KEY = ["community_id", "on_date"]


def snapshot_days(first_month: dt.date, as_of: dt.date) -> list[dt.date]:
    """Every month's end from `first_month` up to `as_of`, and `as_of` itself when it is not a month end."""
    days = [month_end(y, m) for y, m in months_between(first_month, as_of)]
    return [day for day in days if day < as_of] + [as_of]


def month_index(day: dt.date, first_month: dt.date) -> int:
    """The month of `day` counted from `first_month` (0 for that month)."""
    return (day.year - first_month.year) * 12 + day.month - first_month.month


def _counted_by(condition):
    return func.sum(case((condition, 1), else_=0))


class Communities:
    """Which communities a recount covers: all of them, only `ids`, or all but `ids` (`exclude`)."""

    def __init__(self, ids: set[int] | None = None, exclude: bool = False):
        self.ids, self.exclude = ids, exclude

    def where(self, column):
        if self.ids is None:
            return true()
        return column.not_in(sorted(self.ids)) if self.exclude else column.in_(sorted(self.ids))


EVERY_COMMUNITY = Communities()


def _per_day(connection: Connection, community, condition, days: list[dt.date], scope: Communities, source=None,
             where=()) -> list:
    """Rows of (community_id, count for each day) counting rows for which `condition(day)` holds."""
    statement = select(community, *(_counted_by(condition(day)) for day in days))
    if source is not None:
        statement = statement.select_from(source)
    return connection.execute(statement.where(*where, scope.where(community)).group_by(community)).all()


def _in_month(connection: Connection, community, day_column, days: list[dt.date], scope: Communities) -> list:
    """Rows of (community_id, year, month, rows that month) in the months of `days`, up to the last of them."""
    year, month = extract("year", day_column), extract("month", day_column)
    first = days[0].replace(day=1)
    months = {(day.year, day.month) for day in days}
    rows = connection.execute(select(community, year, month, func.count())
                              .where(day_column >= first, day_column <= days[-1], scope.where(community))
                              .group_by(community, year, month)).all()
    return [row for row in rows if (int(row[1]), int(row[2])) in months]


def _by_day(rows: list, days: list[dt.date], name: str) -> pd.Series:
    """Rows of (community_id, one count per day) as a series indexed by (community_id, on_date)."""
    if not rows:
        return pd.Series([], index=pd.MultiIndex.from_tuples([], names=KEY), name=name, dtype=int)
    wide = pd.DataFrame([[c, *(int(v or 0) for v in sums)] for c, *sums in rows],
                        columns=["community_id", *days]).set_index("community_id")
    series = wide.stack()
    series.index.names = KEY
    return series.rename(name)


def _by_month(rows: list, days: list[dt.date], name: str) -> pd.Series:
    """Rows of (community_id, year, month, count) put on that month's snapshot day."""
    day_of_month = {(day.year, day.month): day for day in days}
    index = pd.MultiIndex.from_tuples([(c, day_of_month[(int(y), int(m))]) for c, y, m, _n in rows], names=KEY)
    return pd.Series([int(n) for *_key, n in rows], index=index, name=name, dtype=int)


def _community_months(connection: Connection, first_month: dt.date, days: list[dt.date],
                      scope: Communities = EVERY_COMMUNITY, members: bool = True) -> list[dict]:
    """The community-month rows of the communities in `scope` on `days`; with `members`, their checked-in
    members' rows are written too (their service months since `first_month`)."""
    in_service = [PartyMember.is_in_service]
    checked_members = MemberCheckin.__table__.join(PartyMember.__table__, MemberCheckin.member_id == PartyMember.id)
    claims = PostClaim.__table__.join(VolunteerPost.__table__, PostClaim.post_id == VolunteerPost.id)
    series = [
        _by_day(_per_day(connection, PartyMember.residence_community_id, lambda d: PartyMember.joined_on <= d,
                         days, scope, where=in_service), days, "members_in_service"),
        _by_day(_per_day(connection, PartyMember.residence_community_id,
                         lambda d: and_(PartyMember.joined_on <= d, MemberCheckin.checked_in_on <= d), days, scope,
                         source=checked_members, where=in_service), days, "members_checked_in"),
        _by_day(_per_day(connection, MemberCheckin.community_id, lambda d: MemberCheckin.checked_in_on <= d, days,
                         scope), days, "checkins"),
        _by_day(_per_day(connection, VolunteerPost.community_id, lambda d: PostClaim.claimed_on <= d, days, scope,
                         source=claims), days, "posts_claimed"),
        _by_day(_per_day(connection, MemberPairing.community_id, lambda d: MemberPairing.started_on <= d, days,
                         scope), days, "member_pairings"),
        _served_months(connection, first_month, days, scope, members),
        _by_month(_in_month(connection, PairingActivity.community_id, PairingActivity.held_on, days, scope), days,
                  "pairing_activities"),
    ]
    communities = connection.execute(select(Community.id).where(scope.where(Community.id))).scalars().all()
    grid = pd.MultiIndex.from_product([communities, days], names=KEY)
    frame = pd.concat(series, axis=1).reindex(grid).fillna(0).astype(int).reset_index()
    columns = [s.name for s in series]
    return [{"community_id": int(community), "on_date": day, **dict(zip(columns, map(int, values)))}
            for community, day, *values in frame[[*KEY, *columns]].itertuples(index=False)]


def _community_years(connection: Connection, scope: Communities = EVERY_COMMUNITY) -> None:
    done = and_(Notification.unit_notified_on.is_not(None), Notification.community_notified_on.is_not(None))
    connection.execute(CommunityYear.__table__.insert().from_select(
        ["community_id", "year", "notifications", "notifications_completed"],
        select(Notification.community_id, Notification.year, func.count(), _counted_by(done))
        .where(scope.where(Notification.community_id))
        .group_by(Notification.community_id, Notification.year)))


def _driver_rows(connection: Connection, statement) -> list[tuple]:
    """All rows of a statement as the database driver returns them (plain tuples, dates as the driver
    gives them), skipping SQLAlchemy's per-row processing: for reading millions of rows. The statement's
    values are dates this module computed, rendered inline."""
    sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


def _columns(rows: list[tuple], count: int) -> list[list]:
    """Rows as columns (list comprehensions: zip(*rows) is slow for millions of rows)."""
    return [[row[i] for row in rows] for i in range(count)]


def _served_months(connection: Connection, first_month: dt.date, days: list[dt.date],
                   scope: Communities = EVERY_COMMUNITY, members: bool = True) -> pd.Series:
    """Members served per community and month of `days`, and (with `members`) each checked-in member's months
    of service since `first_month` (written to `checked_in_member`), from one pass over the service records,
    for the members checked in to the communities of `scope`.

    The records are read once as (member, day) and reduced with numpy and pandas to member-months with the
    month's last service day: a checked-in member counts as served in a month when that day is on or after
    the check-in (the definition of the monthly service rate); the bitmask has every month with any service
    (the unit league's "served in the period"). This is several times faster than the database's DISTINCT or
    GROUP BY over the records on SQLite, and the same code on every backend.
    """
    checked_member, community, work_unit, checked_text = _columns(_driver_rows(connection, (
        select(MemberCheckin.member_id, MemberCheckin.community_id, PartyMember.work_unit_id,
               MemberCheckin.checked_in_on)
        .join(PartyMember, PartyMember.id == MemberCheckin.member_id).where(scope.where(MemberCheckin.community_id))
        .order_by(MemberCheckin.member_id))), 4)
    since = first_month if members else days[0].replace(day=1)
    served = select(ServiceActivity.member_id, ServiceActivity.served_on).where(
        ServiceActivity.served_on >= since, ServiceActivity.served_on <= days[-1])
    if scope.ids is not None:
        served = served.where(ServiceActivity.member_id.in_(
            select(MemberCheckin.member_id).where(scope.where(MemberCheckin.community_id))))
    served_member, served_text = _columns(_driver_rows(connection, served), 2)
    base = np.datetime64(first_month, "M")
    served_on = np.array(served_text, dtype="datetime64[D]")
    key = np.array(served_member, dtype=np.int64) * MONTH_SLOTS + (served_on.astype("datetime64[M]") - base).astype(
        np.int64)
    order = np.lexsort((served_on, key))
    key, served_on = key[order], served_on[order]
    last = np.ones(len(key), dtype=bool)
    last[:-1] = key[1:] != key[:-1]  # the last record of each member-month, in day order
    member, month = np.divmod(key[last], MONTH_SLOTS)
    last_day = served_on[last]

    checked_member = np.array(checked_member, dtype=np.int64)
    community = np.array(community, dtype=np.int64)
    if len(checked_member):
        position = np.searchsorted(checked_member, member).clip(max=len(checked_member) - 1)
        known = checked_member[position] == member  # the member-month's member has checked in
    else:
        position, known = np.zeros(len(member), dtype=np.int64), np.zeros(len(member), dtype=bool)
    checked_on = np.array(checked_text, dtype="datetime64[D]")
    after = known.copy()
    after[known] = last_day[known] >= checked_on[position[known]]
    pairs, counts = np.unique(community[position[after]] * MONTH_SLOTS + month[after], return_counts=True)
    day_of_month = {month_index(day, first_month): day for day in days}
    kept = [(int(c), day_of_month[int(m)], int(n)) for (c, m), n in zip(zip(*np.divmod(pairs, MONTH_SLOTS)), counts)
            if int(m) in day_of_month]
    index = pd.MultiIndex.from_tuples([(c, day) for c, day, _n in kept], names=KEY)

    if members and month_index(days[-1], first_month) < MASK_MONTHS:
        starts = np.flatnonzero(np.r_[True, member[1:] != member[:-1]]) if len(member) else np.array([], int)
        mask_of_member = np.zeros(len(checked_member), dtype=np.int64)
        if len(starts):
            masks = np.bitwise_or.reduceat(np.left_shift(np.int64(1), month), starts)  # member-months are sorted
            found = known[starts]
            mask_of_member[position[starts][found]] = masks[found]
        insert_columns(connection, CheckedInMember.__table__, {
            "member_id": checked_member, "community_id": community, "work_unit_id": work_unit,
            "checked_in_on": checked_text, "served_months": mask_of_member})
        if scope.ids is None:
            connection.execute(StoreMeta.__table__.insert(), {
                "meta_key": FIRST_MONTH_KEY, "value": first_month.isoformat(), "updated_at": None})
    return pd.Series([n for _c, _day, n in kept], index=index, name="members_served", dtype=int)


def rebuild_summaries(connection: Connection) -> int:
    """Replace every summary row from the raw tables; returns the number of community-month rows."""
    for model in (CommunityMonth, CommunityYear, CheckedInMember):
        connection.execute(model.__table__.delete())
    meta = StoreMeta.__table__
    connection.execute(meta.delete().where(meta.c.meta_key == FIRST_MONTH_KEY))
    facts = facts_of(connection)
    _community_years(connection)
    if facts.data_as_of is None or facts.first_month is None:
        return 0
    rows = _community_months(connection, facts.first_month, snapshot_days(facts.first_month, facts.as_of("checkin")))
    if rows:
        connection.execute(CommunityMonth.__table__.insert(), rows)
    return len(rows)


def refresh_summaries(connection: Connection, communities: set[int] | None) -> None:
    """Bring the summaries up to date after a change that touched only `communities` (None: any, which
    rebuilds everything). Same rows as `rebuild_summaries`, at the cost of the touched communities and of the
    snapshot days the change added or removed."""
    facts = facts_of(connection)
    meta = StoreMeta.__table__
    stored_first = connection.execute(select(meta.c.value).where(meta.c.meta_key == FIRST_MONTH_KEY)).scalar()
    if (communities is None or facts.data_as_of is None or facts.first_month is None
            or stored_first != facts.first_month.isoformat()):
        rebuild_summaries(connection)
        return
    first = facts.first_month
    days = snapshot_days(first, facts.as_of("checkin"))
    held = sorted(_as_date(day) for day in connection.execute(select(CommunityMonth.on_date).distinct()).scalars())
    if month_index(days[-1], first) >= MASK_MONTHS or not held or _services_between(
            connection, held[-1], days[-1], communities):
        rebuild_summaries(connection)
        return
    removed, added = sorted(set(held) - set(days)), [day for day in days if day not in set(held)]
    touched = Communities(set(communities))
    table = CommunityMonth.__table__
    if removed:
        connection.execute(table.delete().where(table.c.on_date.in_(removed)))
    connection.execute(table.delete().where(touched.where(table.c.community_id)))
    connection.execute(CommunityYear.__table__.delete().where(touched.where(CommunityYear.community_id)))
    connection.execute(CheckedInMember.__table__.delete().where(touched.where(CheckedInMember.community_id)))
    _community_years(connection, touched)
    rows = _community_months(connection, first, days, touched) if communities else []
    if added:
        rows += _community_months(connection, first, added, Communities(set(communities), exclude=True),
                                  members=False)
    if rows:
        connection.execute(table.insert(), rows)


def _as_date(day) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


def _services_between(connection: Connection, old_last: dt.date, new_last: dt.date, communities: set[int]) -> bool:
    """Whether members checked in outside `communities` served between the old and the new last snapshot day
    (their months of service would change: only a full rebuild recounts them)."""
    if old_last == new_last:
        return False
    low, high = sorted((old_last, new_last))
    others = select(MemberCheckin.member_id).where(Communities(set(communities), exclude=True).where(
        MemberCheckin.community_id))
    return connection.execute(select(ServiceActivity.id).where(
        ServiceActivity.served_on > low, ServiceActivity.served_on <= high,
        ServiceActivity.member_id.in_(others)).limit(1)).first() is not None


def summaries_missing(connection: Connection) -> bool:
    """Whether the store has data but no summary rows (a store from before the summaries existed)."""
    has_data = connection.execute(select(MemberCheckin.id).limit(1)).first() is not None
    return has_data and connection.execute(select(CommunityMonth.on_date).limit(1)).first() is None
