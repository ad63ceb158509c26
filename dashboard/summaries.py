"""Rebuilding the summary tables from the raw ones, inside the caller's transaction.

`rebuild_summaries(connection)` replaces every row of `community_month`: for each community and each
snapshot day (every month's end in the store's period, and its data-as-of day when that is not a month end)
the in-service members, those checked in, the check-ins and the members who served that month. It runs
inside the transaction that changed the data (demo generation, an import, clearing the demo), so a view
reading the summary sees either the old figures or the new ones, never half of a rebuild.
Pure SQLAlchemy; a handful of grouped scans whatever the number of snapshot days.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, and_, case, distinct, extract, func, select

from dashboard.schema import Community, CommunityMonth, MemberCheckin, PartyMember, ServiceActivity
from queries.checkin import month_end, months_between
from queries.store import facts_of


def snapshot_days(first_month: dt.date, as_of: dt.date) -> list[dt.date]:
    """Every month's end from `first_month` up to `as_of`, and `as_of` itself when it is not a month end."""
    days = [month_end(y, m) for y, m in months_between(first_month, as_of)]
    return [day for day in days if day < as_of] + [as_of]


def _counted_by(condition) -> object:
    return func.sum(case((condition, 1), else_=0))


def rebuild_summaries(connection: Connection) -> int:
    """Replace the summary rows from the raw tables; returns the number of rows written."""
    table = CommunityMonth.__table__
    connection.execute(table.delete())
    facts = facts_of(connection)
    if facts.data_as_of is None or facts.first_month is None:
        return 0
    days = snapshot_days(facts.first_month, facts.data_as_of)
    communities = connection.execute(select(Community.id)).scalars().all()
    if not communities:
        return 0
    members = connection.execute(
        select(PartyMember.residence_community_id,
               *(_counted_by(PartyMember.joined_on <= day) for day in days),
               *(_counted_by(and_(PartyMember.joined_on <= day, MemberCheckin.checked_in_on <= day)) for day in days))
        .outerjoin(MemberCheckin, MemberCheckin.member_id == PartyMember.id).where(PartyMember.is_in_service)
        .group_by(PartyMember.residence_community_id)).all()
    checkins = connection.execute(
        select(MemberCheckin.community_id, *(_counted_by(MemberCheckin.checked_in_on <= day) for day in days))
        .group_by(MemberCheckin.community_id)).all()
    year, month = extract("year", ServiceActivity.served_on), extract("month", ServiceActivity.served_on)
    served = connection.execute(
        select(MemberCheckin.community_id, year, month, func.count(distinct(ServiceActivity.member_id)))
        .select_from(ServiceActivity).join(MemberCheckin, MemberCheckin.member_id == ServiceActivity.member_id)
        .where(ServiceActivity.served_on >= facts.first_month, ServiceActivity.served_on <= facts.data_as_of,
               ServiceActivity.served_on >= MemberCheckin.checked_in_on)
        .group_by(MemberCheckin.community_id, year, month)).all()

    grid = pd.MultiIndex.from_product([communities, days], names=["community_id", "on_date"])
    width = len(days)
    frame = pd.concat([
        _by_day([(c, *sums[:width]) for c, *sums in members], days, "members_in_service"),
        _by_day([(c, *sums[width:]) for c, *sums in members], days, "members_checked_in"),
        _by_day(checkins, days, "checkins"),
        _served_by_day(served, days),
    ], axis=1).reindex(grid).fillna(0).astype(int).reset_index()
    columns = ["members_in_service", "members_checked_in", "checkins", "members_served"]
    rows = [{"community_id": int(community), "on_date": day, **dict(zip(columns, map(int, values)))}
            for community, day, *values in frame[["community_id", "on_date", *columns]].itertuples(index=False)]
    connection.execute(table.insert(), rows)
    return len(rows)


def _by_day(rows: list, days: list[dt.date], name: str) -> pd.Series:
    """Rows of (community_id, one sum per snapshot day) as a series indexed by (community_id, on_date)."""
    if not rows:
        return _empty(name)
    wide = pd.DataFrame([[c, *(int(v or 0) for v in sums)] for c, *sums in rows],
                        columns=["community_id", *days]).set_index("community_id")
    series = wide.stack()
    series.index.names = ["community_id", "on_date"]
    return series.rename(name)


def _served_by_day(rows: list, days: list[dt.date]) -> pd.Series:
    """Members served per (community, year, month), put on that month's snapshot day."""
    if not rows:
        return _empty("members_served")
    day_of_month = {(day.year, day.month): day for day in days}
    index = pd.MultiIndex.from_tuples([(c, day_of_month[(int(y), int(m))]) for c, y, m, _n in rows],
                                      names=["community_id", "on_date"])
    return pd.Series([int(n) for *_key, n in rows], index=index, name="members_served", dtype=int)


def _empty(name: str) -> pd.Series:
    index = pd.MultiIndex.from_tuples([], names=["community_id", "on_date"])
    return pd.Series([], index=index, name=name, dtype=int)


def summaries_missing(connection: Connection) -> bool:
    """Whether the store has data but no summary rows (a store from before the summaries existed)."""
    has_data = connection.execute(select(MemberCheckin.id).limit(1)).first() is not None
    return has_data and connection.execute(select(CommunityMonth.on_date).limit(1)).first() is None
