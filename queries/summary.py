"""Reading the community × month summary (dashboard/summaries.py builds it): which days it covers.

A query uses the summary when it holds every day the query needs, and otherwise counts raw rows, with the
same definition (tests/test_summaries.py checks that both give the same figures).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, distinct, func, select

from dashboard.schema import CommunityMonth


def summary_covers(engine: Engine, days: list[dt.date]) -> bool:
    """Whether the summary has rows for every one of `days`."""
    wanted = sorted(set(days))
    with engine.connect() as connection:
        found = connection.execute(select(func.count(distinct(CommunityMonth.on_date)))
                                   .where(CommunityMonth.on_date.in_(wanted))).scalar()
    return found == len(wanted)
