"""Reading the summary tables (dashboard/summaries.py builds them): which days and months they hold.

A query uses the summaries when they hold what it needs, and otherwise counts raw rows with the same
definition (tests/test_summaries.py checks that both give the same figures on every backend).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, distinct, func, select

from dashboard.schema import CommunityMonth, StoreMeta

FIRST_MONTH_KEY = "summary_first_month"


def summary_covers(engine: Engine, days: list[dt.date]) -> bool:
    """Whether `community_month` has rows for every one of `days`."""
    wanted = sorted(set(days))
    with engine.connect() as connection:
        found = connection.execute(select(func.count(distinct(CommunityMonth.on_date)))
                                   .where(CommunityMonth.on_date.in_(wanted))).scalar()
    return found == len(wanted)


def month_bits(engine: Engine, first: dt.date, last: dt.date) -> list[int] | None:
    """The `checked_in_member.served_months` bit of each month from `first` to `last`, or None when the summary
    does not hold that period (first must be a month's first day, last a summary day)."""
    with engine.connect() as connection:
        base = connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == FIRST_MONTH_KEY)).scalar()
    if base is None or first.day != 1 or not summary_covers(engine, [last]):
        return None
    start = dt.date.fromisoformat(base)
    low = (first.year - start.year) * 12 + first.month - start.month
    high = (last.year - start.year) * 12 + last.month - start.month
    if low < 0 or high < low:
        return None
    return [1 << bit for bit in range(low, high + 1)]


def months_mask(engine: Engine, first: dt.date, last: dt.date) -> int | None:
    """The `checked_in_member.served_months` bits of the months from `first` to `last` together, or None when
    the summary does not hold that period (see `month_bits`)."""
    bits = month_bits(engine, first, last)
    return None if bits is None else sum(bits)
