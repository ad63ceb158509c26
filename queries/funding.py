"""经费保障: budget lines against disbursements by source, use, area and year, and funding per community and
per Party member. Disbursed figures count payments made by the as-of date against the year's lines."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.schema import (
    FUNDING_SOURCES,
    FUNDING_USES,
    Community,
    County,
    FundingDisbursement,
    FundingLine,
    PartyMember,
    Street,
)
from queries.area import AREA_COLUMNS, Area, area_conditions, by_child, from_communities, grouped, via_community
from queries.frames import frame_of, rate
from queries.overview import for_purpose, funding_execution_by_area


def _in_schema_order(frame: pd.DataFrame, *extra: str) -> pd.DataFrame:
    """Sources and uses in the order the schema lists them (not the database's collation of Chinese)."""
    sources = {v: i for i, v in enumerate(FUNDING_SOURCES)}
    uses = {v: i for i, v in enumerate(FUNDING_USES)}
    order = frame.assign(_s=frame["source"].map(sources), _p=frame["purpose"].map(uses))
    return order.sort_values(["_s", "_p", *extra]).drop(columns=["_s", "_p"]).reset_index(drop=True)


def _paid_by(as_of: dt.date):
    return (select(FundingDisbursement.funding_line_id, func.sum(FundingDisbursement.amount_yuan).label("paid"))
            .where(FundingDisbursement.paid_on <= as_of).group_by(FundingDisbursement.funding_line_id).subquery())


def _lines(area: Area, paid, *columns, purpose: str | None = None):
    return (select(*columns).select_from(FundingLine).join(County, FundingLine.county_id == County.id)
            .outerjoin(Street, FundingLine.street_id == Street.id)
            .outerjoin(Community, FundingLine.community_id == Community.id)
            .outerjoin(paid, paid.c.funding_line_id == FundingLine.id)
            .where(*for_purpose(purpose), *area_conditions(area)))


def funding_by_source_and_use(engine: Engine, area: Area, year: int, as_of: dt.date,
                              purpose: str | None = None) -> pd.DataFrame:
    """The year's budget and the money paid by `as_of`, by source (财政拨付/党费补充/社会筹措) and use (with
    `purpose`, that use only).

    Columns: source, purpose, budget_yuan, disbursed_yuan, execution_rate.
    """
    paid = _paid_by(as_of)
    statement = _lines(area, paid, FundingLine.source, FundingLine.purpose, func.sum(FundingLine.budget_yuan),
                       func.coalesce(func.sum(paid.c.paid), 0), purpose=purpose).where(
        FundingLine.year == year).group_by(FundingLine.source, FundingLine.purpose)
    frame = _in_schema_order(frame_of(engine, statement, ["source", "purpose", "budget_yuan", "disbursed_yuan"]))
    return rate(frame, "disbursed_yuan", "budget_yuan", "execution_rate")


def funding_by_year(engine: Engine, area: Area, as_of: dt.date, purpose: str | None = None) -> pd.DataFrame:
    """Every year's budget and what was paid against it by `as_of` (or by that year's end, for past years);
    with `purpose`, of that use only (阵地建设: the city's ¥100 million a year of 2014-2016 among them).

    Columns: year, budget_yuan, disbursed_yuan, execution_rate.
    """
    frames = []
    with engine.connect() as connection:
        years = connection.execute(select(FundingLine.year).distinct().where(FundingLine.year <= as_of.year)
                                   .order_by(FundingLine.year)).scalars().all()
    for year in years:
        cutoff = min(as_of, dt.date(year, 12, 31))
        frame = funding_by_source_and_use(engine, area, year, cutoff, purpose)
        frames.append({"year": year, "budget_yuan": float(frame["budget_yuan"].sum()),
                       "disbursed_yuan": float(frame["disbursed_yuan"].sum())})
    frame = pd.DataFrame(frames, columns=["year", "budget_yuan", "disbursed_yuan"])
    frame = frame[frame["budget_yuan"] > 0].reset_index(drop=True)
    return rate(frame, "disbursed_yuan", "budget_yuan", "execution_rate")


def funding_flows(engine: Engine, area: Area, year: int, purpose: str | None = None) -> pd.DataFrame:
    """The year's budget from each source to each use (with `purpose`, that one) to each county-level unit, for
    the sankey diagram.

    Columns: source, purpose, county, budget_yuan.
    """
    statement = _lines(area, _paid_by(dt.date(year, 12, 31)), FundingLine.source, FundingLine.purpose, County.name,
                       County.sort_order, func.sum(FundingLine.budget_yuan), purpose=purpose).where(
        FundingLine.year == year).group_by(
        FundingLine.source, FundingLine.purpose, County.name, County.sort_order)
    frame = frame_of(engine, statement, ["source", "purpose", "county", "county_order", "budget_yuan"])
    frame["budget_yuan"] = pd.to_numeric(frame["budget_yuan"]).astype(float)
    return _in_schema_order(frame, "county_order").drop(columns="county_order")


def funding_per_community_and_member(engine: Engine, area: Area, as_of: dt.date,
                                     purpose: str | None = None) -> pd.DataFrame:
    """The year's budget (with `purpose`, of that use) by child area, per urban community and per Party member
    living there.

    Members are all members whose residence lies in the child area. Columns: area_code, area_name,
    budget_yuan, urban_communities, members, per_community_yuan, per_member_yuan.
    """
    budget = funding_execution_by_area(engine, area, as_of, purpose)[AREA_COLUMNS + ["budget_yuan"]]
    communities = frame_of(engine, grouped(area, from_communities(by_child(area, func.count(Community.id)))
                                           .where(Community.is_urban)), AREA_COLUMNS + ["urban_communities"])
    members = frame_of(engine, grouped(area, via_community(
        by_child(area, func.count(PartyMember.id)).select_from(PartyMember), PartyMember.residence_community_id)),
        AREA_COLUMNS + ["members"])
    frame = budget.merge(communities, on=AREA_COLUMNS, how="left").merge(members, on=AREA_COLUMNS, how="left")
    frame = frame.fillna({"urban_communities": 0, "members": 0}).astype({"urban_communities": int, "members": int})
    frame = rate(frame, "budget_yuan", "urban_communities", "per_community_yuan")
    return rate(frame, "budget_yuan", "members", "per_member_yuan")
