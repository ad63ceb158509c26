"""Rebuilding the summary tables from the raw ones, inside the caller's transaction.

`rebuild_summaries(connection)` replaces every row of:
- `community_month`: per community and snapshot day (each month's end in the store's period, and its
  data-as-of day when that is not a month end) the figures that are counts "by that day" (members in
  service and checked in, check-ins, posts claimed, member pairings) or "in that month up to that day"
  (members who served, pairing activities);
- `community_year`: notifications per community and year;
- `checked_in_member`: each checked-in member's work unit and months of service, as a bitmask.
It runs inside the transaction that changed the data (demo generation, an import, clearing the demo), so a
view reading the summaries sees either the old figures or the new ones, never half of a rebuild.
Each figure is one grouped scan of its raw table, whatever the number of snapshot days.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import BigInteger, Connection, Integer, and_, case, cast, distinct, extract, func, literal, select

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

MASK_MONTHS = 63  # months a signed 64-bit bitmask holds
KEY = ["community_id", "on_date"]


def snapshot_days(first_month: dt.date, as_of: dt.date) -> list[dt.date]:
    """Every month's end from `first_month` up to `as_of`, and `as_of` itself when it is not a month end."""
    days = [month_end(y, m) for y, m in months_between(first_month, as_of)]
    return [day for day in days if day < as_of] + [as_of]


def month_index(day: dt.date, first_month: dt.date):
    """The month of `day` counted from `first_month` (0 for that month), in Python."""
    return (day.year - first_month.year) * 12 + day.month - first_month.month


def _counted_by(condition):
    return func.sum(case((condition, 1), else_=0))


def _per_day(connection: Connection, community, condition, days: list[dt.date], source=None, where=()) -> list:
    """Rows of (community_id, count for each day) counting rows for which `condition(day)` holds."""
    statement = select(community, *(_counted_by(condition(day)) for day in days))
    if source is not None:
        statement = statement.select_from(source)
    return connection.execute(statement.where(*where).group_by(community)).all()


def _in_month(connection: Connection, community, day_column, counted, days: list[dt.date], source=None,
              where=()) -> list:
    """Rows of (community_id, year, month, count) over the summary's period."""
    year, month = extract("year", day_column), extract("month", day_column)
    statement = select(community, year, month, counted)
    if source is not None:
        statement = statement.select_from(source)
    first = days[0].replace(day=1)
    return connection.execute(statement.where(day_column >= first, day_column <= days[-1], *where)
                              .group_by(community, year, month)).all()


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


def _community_months(connection: Connection, days: list[dt.date]) -> list[dict]:
    in_service = [PartyMember.is_in_service]
    members = PartyMember.__table__.outerjoin(MemberCheckin.__table__, MemberCheckin.member_id == PartyMember.id)
    claims = PostClaim.__table__.join(VolunteerPost.__table__, PostClaim.post_id == VolunteerPost.id)
    services = ServiceActivity.__table__.join(MemberCheckin.__table__,
                                              MemberCheckin.member_id == ServiceActivity.member_id)
    series = [
        _by_day(_per_day(connection, PartyMember.residence_community_id, lambda d: PartyMember.joined_on <= d,
                         days, where=in_service), days, "members_in_service"),
        _by_day(_per_day(connection, PartyMember.residence_community_id,
                         lambda d: and_(PartyMember.joined_on <= d, MemberCheckin.checked_in_on <= d), days,
                         source=members, where=in_service), days, "members_checked_in"),
        _by_day(_per_day(connection, MemberCheckin.community_id, lambda d: MemberCheckin.checked_in_on <= d, days),
                days, "checkins"),
        _by_day(_per_day(connection, VolunteerPost.community_id, lambda d: PostClaim.claimed_on <= d, days,
                         source=claims), days, "posts_claimed"),
        _by_day(_per_day(connection, MemberPairing.community_id, lambda d: MemberPairing.started_on <= d, days),
                days, "member_pairings"),
        _by_month(_in_month(connection, MemberCheckin.community_id, ServiceActivity.served_on,
                            func.count(distinct(ServiceActivity.member_id)), days, source=services,
                            where=[ServiceActivity.served_on >= MemberCheckin.checked_in_on]), days, "members_served"),
        _by_month(_in_month(connection, PairingActivity.community_id, PairingActivity.held_on, func.count(), days),
                  days, "pairing_activities"),
    ]
    communities = connection.execute(select(Community.id)).scalars().all()
    grid = pd.MultiIndex.from_product([communities, days], names=KEY)
    frame = pd.concat(series, axis=1).reindex(grid).fillna(0).astype(int).reset_index()
    columns = [s.name for s in series]
    return [{"community_id": int(community), "on_date": day, **dict(zip(columns, map(int, values)))}
            for community, day, *values in frame[[*KEY, *columns]].itertuples(index=False)]


def _community_years(connection: Connection) -> None:
    done = and_(Notification.unit_notified_on.is_not(None), Notification.community_notified_on.is_not(None))
    connection.execute(CommunityYear.__table__.insert().from_select(
        ["community_id", "year", "notifications", "notifications_completed"],
        select(Notification.community_id, Notification.year, func.count(), _counted_by(done))
        .group_by(Notification.community_id, Notification.year)))


def _checked_in_members(connection: Connection, first_month: dt.date, as_of: dt.date) -> None:
    """Each checked-in member with the bitmask of the months (from `first_month`) in which they served."""
    index = cast(extract("year", ServiceActivity.served_on) * 12 + extract("month", ServiceActivity.served_on)
                 - (first_month.year * 12 + first_month.month), Integer)
    months = (select(ServiceActivity.member_id.label("member_id"),
                     cast(literal(1), BigInteger).op("<<")(index).label("bit")).distinct()
              .where(ServiceActivity.served_on >= first_month, ServiceActivity.served_on <= as_of).subquery())
    masks = select(months.c.member_id, func.sum(months.c.bit).label("mask")).group_by(months.c.member_id).subquery()
    connection.execute(CheckedInMember.__table__.insert().from_select(
        ["member_id", "community_id", "work_unit_id", "checked_in_on", "served_months"],
        select(MemberCheckin.member_id, MemberCheckin.community_id, PartyMember.work_unit_id,
               MemberCheckin.checked_in_on, func.coalesce(masks.c.mask, 0))
        .select_from(MemberCheckin).join(PartyMember, PartyMember.id == MemberCheckin.member_id)
        .outerjoin(masks, masks.c.member_id == MemberCheckin.member_id)))


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
    days = snapshot_days(facts.first_month, facts.data_as_of)
    rows = _community_months(connection, days)
    if rows:
        connection.execute(CommunityMonth.__table__.insert(), rows)
    if month_index(facts.data_as_of, facts.first_month) < MASK_MONTHS:
        _checked_in_members(connection, facts.first_month, facts.data_as_of)
        connection.execute(meta.insert(), {"meta_key": FIRST_MONTH_KEY, "value": facts.first_month.isoformat(),
                                           "updated_at": None})
    return len(rows)


def summaries_missing(connection: Connection) -> bool:
    """Whether the store has data but no summary rows (a store from before the summaries existed)."""
    has_data = connection.execute(select(MemberCheckin.id).limit(1)).first() is not None
    return has_data and connection.execute(select(CommunityMonth.on_date).limit(1)).first() is None
