"""The headline metrics, each broken down by the level below the area.

Each function returns one row per child area (county-level units for the city, streets for a county,
communities for a street) with the metric's numerator, denominator and rate. The area's figure is the
sum of the rows, since every counted thing lies in exactly one child. The cockpit shows them for the
city; the views show the same functions for the area a user drills into. Definitions are in each
docstring and in docs/METRICS.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, and_, case, distinct, func, or_, select, true

from dashboard.schema import (
    Cadre,
    Community,
    CommunityMonth,
    County,
    FundingDisbursement,
    FundingLine,
    Grid,
    JointMeeting,
    MemberCheckin,
    PartyMember,
    PartyOrg,
    Street,
    TwoNewOrg,
    UnitAssessment,
    UnitCheckin,
    UnitPairing,
)
from queries.area import (
    AREA_COLUMNS,
    Area,
    area_conditions,
    by_child,
    child_columns,
    from_communities,
    grouped,
    via_community,
)
from queries.assessment import assessment_coverage_by_area, assessment_year
from queries.definitions import title
from queries.frames import frame_of, rate
from queries.meetings import meeting_activity_by_street
from queries.store import ThemeDates, setting_value
from queries.summary import summary_covers
from queries.teams import liaison_staffing_by_area

UNASSIGNED = "本级(未分到下级)"


def existed(column, as_of: dt.date | None):
    """The condition that a dated record existed on `as_of`: its date is on or before it, or it has no date
    (an undated record counts as existing since ever). Without `as_of`, every record (the current state)."""
    return or_(column.is_(None), column <= as_of) if as_of is not None else true()


def grid_branch_coverage_by_area(engine: Engine, area: Area, as_of: dt.date | None = None) -> pd.DataFrame:
    """网格党支部覆盖率: grids that have a grid Party branch / all grids (grids lie in urban communities), as of
    `as_of`: grids created by then (grid.created_on), branches founded by then (party_org.founded_on); a record
    without a date counts as existing since ever. Without `as_of`, the store's current state.

    Columns: area_code, area_name, grids, grids_with_branch, grid_branch_coverage.
    """
    branch = select(PartyOrg.grid_id).where(PartyOrg.level == "网格党支部", PartyOrg.grid_id.is_not(None),
                                            existed(PartyOrg.founded_on, as_of))
    statement = grouped(area, via_community(
        by_child(area, func.count(distinct(Grid.id)), func.count(distinct(case((Grid.id.in_(branch), Grid.id)))))
        .select_from(Grid), Grid.community_id).where(existed(Grid.created_on, as_of)))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["grids", "grids_with_branch"])
    return rate(frame, "grids_with_branch", "grids", "grid_branch_coverage")


def member_checkin_rate_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """在职党员报到率: in-service members living in an urban community who have checked in there by `as_of`
    / in-service members living in an urban community (members who joined by `as_of`), by residence.

    Columns: area_code, area_name, members_in_service, members_checked_in, checkin_rate.
    """
    columns = AREA_COLUMNS + ["members_in_service", "members_checked_in"]
    if summary_covers(engine, [as_of]):
        in_service = func.sum(CommunityMonth.members_in_service)
        statement = grouped(area, via_community(
            by_child(area, in_service, func.sum(CommunityMonth.members_checked_in)).select_from(CommunityMonth),
            CommunityMonth.community_id,
        ).where(CommunityMonth.on_date == as_of, Community.is_urban)).having(in_service > 0)
        frame = frame_of(engine, statement, columns).astype({"members_in_service": int, "members_checked_in": int})
    else:
        frame = frame_of(engine, _member_checkins_counted(area, as_of), columns)
    return rate(frame, "members_checked_in", "members_in_service", "checkin_rate")


def _member_checkins_counted(area: Area, as_of: dt.date):
    """The raw form of the check-in rate's counts (for days the summary does not hold)."""
    return grouped(area, via_community(
        by_child(area, func.count(PartyMember.id), func.count(MemberCheckin.id)).select_from(PartyMember),
        PartyMember.residence_community_id,
    ).outerjoin(MemberCheckin, and_(MemberCheckin.member_id == PartyMember.id, MemberCheckin.checked_in_on <= as_of))
     .where(PartyMember.is_in_service, Community.is_urban, PartyMember.joined_on <= as_of))


def pairing_coverage_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """结对社区覆盖率: urban communities with at least one unit pairing in force on `as_of` / urban communities.
    A pairing is in force when it started on or before `as_of` and has not ended before it.

    Columns: area_code, area_name, urban_communities, communities_paired, pairing_coverage.
    """
    in_force = select(UnitPairing.community_id).where(
        UnitPairing.started_on <= as_of,
        or_(UnitPairing.ended_on.is_(None), UnitPairing.ended_on >= as_of),
    )
    statement = grouped(area, from_communities(
        by_child(area, func.count(Community.id), func.count(case((Community.id.in_(in_force), Community.id)))))
        .where(Community.is_urban))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["urban_communities", "communities_paired"])
    return rate(frame, "communities_paired", "urban_communities", "pairing_coverage")


def meetings_on_schedule_by_area(engine: Engine, area: Area, first: dt.date, last: dt.date,
                                 required_per_quarter: int) -> pd.DataFrame:
    """联席会议按期召开率: street-quarters in which the street's big working committee held at least the
    required number of joint meetings / street-quarters, over the quarters from `first` to `last`; the
    street-by-street figures of the meetings view (`meeting_activity_by_street`), summed by area.
    Meetings belong to streets, so a street's or a community's area is shown as its street.

    Columns: area_code, area_name, street_quarters, street_quarters_on_schedule, on_schedule_rate.
    """
    activity = meeting_activity_by_street(engine, area, first, last, required_per_quarter)
    level = "county" if area.is_city else "street"
    activity = activity.rename(columns={f"{level}_code": "area_code", level: "area_name"})
    frame = (activity.groupby(AREA_COLUMNS, sort=False)
             .agg(street_quarters=("quarters", "sum"), street_quarters_on_schedule=("quarters_on_schedule", "sum"))
             .reset_index())
    return rate(frame, "street_quarters_on_schedule", "street_quarters", "on_schedule_rate")


def two_new_coverage_by_area(engine: Engine, area: Area, as_of: dt.date | None = None) -> pd.DataFrame:
    """两新组织党的组织覆盖率: organizations with their own or a joint Party organization set up by `as_of`
    (two_new_org.organized_on) / all Two New organizations; 党的工作覆盖率 also counts those with Party work
    begun by then: a Party-building instructor sent in (work_covered_on) or the organization set up, whichever
    came first. A coverage without a date counts as there since ever; without `as_of`, the current state.

    Columns: area_code, area_name, two_new_orgs, orgs_covered, org_coverage, work_covered, work_coverage.
    """
    organized = and_(TwoNewOrg.coverage_kind.in_(["单独组建", "联合组建"]), existed(TwoNewOrg.organized_on, as_of))
    if as_of is None:
        worked = TwoNewOrg.coverage_kind != "未覆盖"
    else:  # work begins with the instructor (work_covered_on) or the organization, whichever came first
        worked = or_(organized, and_(TwoNewOrg.coverage_kind != "未覆盖", TwoNewOrg.work_covered_on <= as_of),
                     and_(TwoNewOrg.coverage_kind == "选派党建指导员", TwoNewOrg.work_covered_on.is_(None)))
    statement = grouped(area, via_community(
        by_child(area, func.count(TwoNewOrg.id),
                 func.count(case((organized, TwoNewOrg.id))),
                 func.count(case((worked, TwoNewOrg.id))))
        .select_from(TwoNewOrg), TwoNewOrg.community_id))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["two_new_orgs", "orgs_covered", "work_covered"])
    frame = rate(frame, "orgs_covered", "two_new_orgs", "org_coverage")
    return rate(frame, "work_covered", "two_new_orgs", "work_coverage")


def year_elapsed(as_of: dt.date) -> float:
    """序时进度: the share of `as_of`'s year that has passed by the end of that day."""
    start = dt.date(as_of.year, 1, 1)
    return ((as_of - start).days + 1) / ((dt.date(as_of.year + 1, 1, 1) - start).days)


def funding_execution_by_area(engine: Engine, area: Area, as_of: dt.date, purpose: str | None = None) -> pd.DataFrame:
    """经费执行率: money spent (已支出) by `as_of` against the budget lines of `as_of`'s year / their budget;
    `pace` compares it with 序时进度 (1.0 = on pace with the share of the year elapsed). With `purpose`, the
    lines of that use only (阵地建设 …).

    Lines kept at county (or street) level fall outside a street (or community) area; in a breakdown
    they form the row 本级(未分到下级).
    Columns: area_code, area_name, budget_yuan, disbursed_yuan, execution_rate, pace.
    """
    paid = (select(FundingDisbursement.funding_line_id, func.sum(FundingDisbursement.amount_yuan).label("paid"))
            .where(FundingDisbursement.paid_on <= as_of)
            .group_by(FundingDisbursement.funding_line_id).subquery())
    code, name, order = child_columns(area)
    statement = (
        select(code, name, func.sum(FundingLine.budget_yuan), func.coalesce(func.sum(paid.c.paid), 0))
        .select_from(FundingLine).join(County, FundingLine.county_id == County.id)
        .outerjoin(Street, FundingLine.street_id == Street.id)
        .outerjoin(Community, FundingLine.community_id == Community.id)
        .outerjoin(paid, paid.c.funding_line_id == FundingLine.id)
        .where(FundingLine.year == as_of.year, *for_purpose(purpose), *area_conditions(area))
        .group_by(code, name, order).order_by(order)
    )
    frame = frame_of(engine, statement, AREA_COLUMNS + ["budget_yuan", "disbursed_yuan"])
    frame["area_code"] = frame["area_code"].fillna("")
    frame["area_name"] = frame["area_name"].fillna(UNASSIGNED)
    frame = rate(frame, "disbursed_yuan", "budget_yuan", "execution_rate")
    frame["pace"] = frame["execution_rate"] / year_elapsed(as_of)
    return frame


def for_purpose(purpose: str | None) -> list:
    """The condition keeping the funding lines of one use (none: every use)."""
    return [] if purpose is None else [FundingLine.purpose == purpose]


def headline(frame: pd.DataFrame, numerator: str, denominator: str) -> float | None:
    """The area's figure from a breakdown: the summed numerator over the summed denominator."""
    total = float(frame[denominator].sum()) if not frame.empty else 0.0
    return float(frame[numerator].sum()) / total if total else None


def last_complete_quarters(as_of: dt.date, count: int) -> tuple[dt.date, dt.date]:
    """First and last day of the `count` calendar quarters that have ended by `as_of`."""
    quarter = (as_of.month - 1) // 3 + 1
    year = as_of.year
    quarter_end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
    if as_of < quarter_end:
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    last = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
    first_index = year * 4 + quarter - 1 - (count - 1)
    first = dt.date(first_index // 4, 3 * (first_index % 4) + 1, 1)
    return first, last


@dataclass(frozen=True)
class Headline:
    """One cockpit figure: which breakdown, which columns, what the figure counts."""

    key: str
    theme: str  # the ThemeDates field it is measured as of
    title: str
    numerator: str
    denominator: str
    numerator_label: str
    denominator_label: str
    counted: str
    sources: tuple = ()  # the tables it is counted from (schema classes): without rows in one, no figure
    paced: bool = False


HEADLINES = [
    Headline("grid_branch_coverage", "coverage", title("grid_branch_coverage"), "grids_with_branch", "grids",
             "已建党支部网格数", "网格数", "个网格", (Grid, PartyOrg)),
    Headline("member_checkin_rate", "checkin", title("member_checkin_rate"), "members_checked_in",
             "members_in_service",
             "已报到在职党员", "应报到在职党员", "名在职党员", (PartyMember, MemberCheckin)),
    Headline("pairing_coverage", "pairing", title("pairing_coverage"), "communities_paired", "urban_communities",
             "有结对单位的社区", "城市社区数", "个城市社区", (Community, UnitPairing)),
    Headline("meetings_on_schedule", "meetings", title("meetings_on_schedule"), "street_quarters_on_schedule",
             "street_quarters",
             "按期召开(街道·季度)", "应召开(街道·季度)", "个街道·季度", (Street, JointMeeting)),
    Headline("two_new_org_coverage", "two_new", title("two_new_org_coverage"), "orgs_covered", "two_new_orgs",
             "已建党组织的两新组织", "两新组织数", "个两新组织", (TwoNewOrg,)),
    Headline("funding_execution", "funding", title("funding_execution"), "disbursed_yuan", "budget_yuan",
             "已支出数(元)", "预算数(元)", "元预算", (FundingLine, FundingDisbursement), paced=True),
    Headline("liaison_staffing", "coverage", title("liaison_staffing"), "with_liaison", "urban_communities",
             "配备党建联络员的社区", "城市社区数", "个城市社区", (Community, Cadre)),
    Headline("assessment_coverage", "checkin", title("assessment_coverage"), "units_assessed", "units_due",
             "已考核报到单位", "应考核报到单位", "个报到单位", (UnitCheckin, UnitAssessment)),
]
MEETING_QUARTERS = 4


def cockpit_by_area(engine: Engine, area: Area, dates: ThemeDates) -> dict[str, pd.DataFrame]:
    """The headline metrics broken down below the area, keyed by Headline.key, each as of its theme's
    date (`dates`): a department's meetings may run later than its check-ins, and neither cuts the other.
    Coverage (grid branches, liaison officers) is counted as of `dates.coverage`, Two New as of `dates.two_new`.

    Meetings are judged over the last four quarters complete by their date, funding over that date's year so far,
    双向考核 on the latest round due by the check-in date (the year before, unless it is 31 December).
    """
    required = int(setting_value(engine, "meetings_required_per_quarter", "1"))
    first, last = last_complete_quarters(dates.meetings, MEETING_QUARTERS)
    return {
        "grid_branch_coverage": grid_branch_coverage_by_area(engine, area, dates.coverage),
        "member_checkin_rate": member_checkin_rate_by_area(engine, area, dates.checkin),
        "pairing_coverage": pairing_coverage_by_area(engine, area, dates.pairing),
        "meetings_on_schedule": meetings_on_schedule_by_area(engine, area, first, last, required),
        "two_new_org_coverage": two_new_coverage_by_area(engine, area, dates.two_new),
        "funding_execution": funding_execution_by_area(engine, area, dates.funding),
        "liaison_staffing": liaison_staffing_by_area(engine, area, dates.coverage),
        "assessment_coverage": assessment_coverage_by_area(engine, area, assessment_year(dates.checkin)),
    }
