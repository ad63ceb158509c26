"""双向考核 (two-way assessment): each year every community scores the resident units that checked in to it
on their part in joint building (共驻共建), and the units are ranked on it for 述职评议 and 评先评优.

A score's area is the community that gave it. A round is scored at its year's end, so the year a period
shows is the latest whose round is due by the period's end (`assessment_year`, the rule of 双通报). The units
that should be scored in a year are the unit check-ins to an urban community made by that year's end, one
per unit and community (the pair a score is given for). A unit's supporting figures count its in-service
members living in the area (the whole city for the city). Definitions are in docs/METRICS.md.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from sqlalchemy import BigInteger, Engine, and_, bindparam, case, distinct, extract, func, select

from dashboard.schema import (
    CheckedInMember,
    Community,
    County,
    MemberCheckin,
    Notification,
    PartyMember,
    ResidentUnit,
    ServiceActivity,
    Street,
    UnitAssessment,
    UnitCheckin,
)
from queries.area import AREA_COLUMNS, Area, area_conditions, by_child, grouped, via_community
from queries.checkin import month_end, notification_year
from queries.frames import frame_of, rate
from queries.summary import month_bits

# The score bands a leader uses, best first: (column, name, lowest score of the band). Scores are 0-100.
BANDS = (("excellent", "优秀", 90), ("good", "良好", 80), ("fair", "一般", 60), ("poor", "较差", 0))
BAND_COLUMNS = [column for column, _name, _floor in BANDS]
BAND_NAMES = {column: name for column, name, _floor in BANDS}


def assessment_year(as_of: dt.date) -> int:
    """The latest year whose round of 双向考核 is due by `as_of`: scores are given at the year's end, as the
    双通报 are (`queries.checkin.notification_year`), so before 31 December it is the year before."""
    return notification_year(as_of)


def score_band(score: float | None) -> str | None:
    """优秀 (90 and above), 良好 (80 to under 90), 一般 (60 to under 80), 较差 (under 60); None without a score."""
    if score is None or pd.isna(score):
        return None
    return next(name for _column, name, floor in BANDS if score >= floor)


def rounded_score(score: float) -> float:
    """A score to one decimal as scores are read, halves rounded up (四舍五入: 85.25 → 85.3), where a float's
    own rounding would give 85.2."""
    return float(Decimal(repr(float(score))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _band_counts() -> list:
    """COUNT of the scores in each band, in BANDS order."""
    counts, upper = [], None
    for _column, _name, floor in BANDS:
        condition = UnitAssessment.score >= floor if upper is None else and_(UnitAssessment.score >= floor,
                                                                              UnitAssessment.score < upper)
        counts.append(func.count(case((condition, UnitAssessment.id))))
        upper = floor
    return counts


def _due(year: int) -> list:
    """Unit check-ins that should be scored in `year`: made to an urban community by the year's end."""
    return [UnitCheckin.checked_in_on <= _year_end(year), Community.is_urban]


def _pair_scored(year: int):
    """The join condition of a unit check-in and the score of `year` given for the same unit and community."""
    return and_(UnitAssessment.resident_unit_id == UnitCheckin.resident_unit_id,
                UnitAssessment.community_id == UnitCheckin.community_id, UnitAssessment.year == year)


def assessment_coverage_by_area(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """双向考核覆盖率: unit check-ins to an urban community of the area made by the end of `year` for which
    the community has given that unit its score of `year` / those check-ins (one per unit and community).

    Columns: area_code, area_name, units_due, units_assessed, assessment_coverage.
    """
    statement = grouped(area, via_community(
        by_child(area, func.count(UnitCheckin.id), func.count(UnitAssessment.id)).select_from(UnitCheckin),
        UnitCheckin.community_id,
    ).outerjoin(UnitAssessment, _pair_scored(year)).where(*_due(year)))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["units_due", "units_assessed"])
    return rate(frame, "units_assessed", "units_due", "assessment_coverage")


def score_bands_by_area(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Scores of `year` given by the communities of the area: how many, their average (the sum over the
    count, so an area's average is its scores' average, not an average of averages) and how many fall in
    each band (BANDS). Every score counts, also one given to a unit that had not checked in.

    Columns: area_code, area_name, assessments, score_total, average_score, excellent, good, fair, poor.
    """
    statement = grouped(area, via_community(
        by_child(area, func.count(UnitAssessment.id), func.sum(UnitAssessment.score), *_band_counts())
        .select_from(UnitAssessment), UnitAssessment.community_id,
    ).where(UnitAssessment.year == year))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["assessments", "score_total", *BAND_COLUMNS])
    frame = frame.astype(dict.fromkeys(["assessments", *BAND_COLUMNS], int))
    return rate(frame, "score_total", "assessments", "average_score")


def score_trend(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """双向考核 year on year in the area, from the first year scored there up to `year` (a year between
    without scores shows 0): scores, their average and bands (as `score_bands_by_area`), and the coverage
    of each year (as `assessment_coverage_by_area`). Empty when the area has no score up to `year`.

    Columns: year, assessments, score_total, average_score, excellent, good, fair, poor, units_due,
    units_assessed, assessment_coverage.
    """
    scores = frame_of(engine, via_community(
        select(UnitAssessment.year, func.count(UnitAssessment.id), func.sum(UnitAssessment.score), *_band_counts())
        .select_from(UnitAssessment), UnitAssessment.community_id,
    ).where(UnitAssessment.year <= year, *area_conditions(area)).group_by(UnitAssessment.year),
        ["year", "assessments", "score_total", *BAND_COLUMNS])
    years = list(range(int(scores["year"].min()), year + 1)) if len(scores) else []
    checkin_year = extract("year", UnitCheckin.checked_in_on)
    checked = frame_of(engine, via_community(
        select(checkin_year, func.count(UnitCheckin.id)).select_from(UnitCheckin), UnitCheckin.community_id,
    ).where(*_due(year), *area_conditions(area)).group_by(checkin_year), ["checked_in_year", "checkins"])
    scored = frame_of(engine, via_community(
        select(UnitAssessment.year, checkin_year, func.count(UnitAssessment.id)).select_from(UnitAssessment)
        .join(UnitCheckin, and_(UnitCheckin.resident_unit_id == UnitAssessment.resident_unit_id,
                                UnitCheckin.community_id == UnitAssessment.community_id)),
        UnitAssessment.community_id,
    ).where(UnitAssessment.year <= year, *_due(year), *area_conditions(area))
        .group_by(UnitAssessment.year, checkin_year), ["year", "checked_in_year", "scores"])
    frame = pd.DataFrame({"year": years}).merge(scores.astype({"year": int}), on="year", how="left")
    counts = ["assessments", *BAND_COLUMNS]
    frame = frame.fillna(dict.fromkeys([*counts, "score_total"], 0)).astype(dict.fromkeys(counts, int))
    frame["score_total"] = pd.to_numeric(frame["score_total"])
    checked_years = checked["checked_in_year"].astype(int)
    frame["units_due"] = [int(checked.loc[checked_years <= y, "checkins"].sum()) for y in years]
    scored_years, scored_checkins = scored["year"].astype(int), scored["checked_in_year"].astype(int)
    frame["units_assessed"] = [int(scored.loc[(scored_years == y) & (scored_checkins <= y), "scores"].sum())
                               for y in years]
    frame = rate(frame, "score_total", "assessments", "average_score")
    return rate(frame, "units_assessed", "units_due", "assessment_coverage")


def _unit_scores(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Each score of `year` given in the area, with its unit and the community (and street) that gave it."""
    return frame_of(engine, via_community(
        select(ResidentUnit.id, ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind, Street.name, Community.name,
               UnitAssessment.score)
        .select_from(UnitAssessment).join(ResidentUnit, UnitAssessment.resident_unit_id == ResidentUnit.id),
        UnitAssessment.community_id,
    ).where(UnitAssessment.year == year, *area_conditions(area)).order_by(Street.code, Community.code),
        ["unit_id", "unit_code", "unit", "kind", "street", "community", "score"])


def _members_checked_in(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Per work unit: in-service members living in an urban community of the area who had joined by the end of
    `year`, and those of them who had checked in by then (the 在职党员报到率 of queries.overview)."""
    end = _year_end(year)
    statement = via_community(
        select(PartyMember.work_unit_id, func.count(PartyMember.id), func.count(MemberCheckin.id))
        .select_from(PartyMember)
        .outerjoin(MemberCheckin, and_(MemberCheckin.member_id == PartyMember.id, MemberCheckin.checked_in_on <= end)),
        PartyMember.residence_community_id,
    ).where(PartyMember.is_in_service, PartyMember.work_unit_id.is_not(None), PartyMember.joined_on <= end,
            Community.is_urban, *area_conditions(area)).group_by(PartyMember.work_unit_id)
    return frame_of(engine, statement, ["unit_id", "members_in_service", "members_checked_in"])


def _months_of(year: int) -> list[tuple[dt.date, dt.date]]:
    """The first and last day of each month of `year`."""
    return [(dt.date(year, month, 1), month_end(year, month)) for month in range(1, 13)]


def _months_checked_in(checked_in_on, year: int):
    """SUM of the months of `year` by whose end a member had checked in (on `checked_in_on`)."""
    return func.sum(sum(case((checked_in_on <= last, 1), else_=0) for _first, last in _months_of(year)))


def _member_months(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Per work unit: the 月度服务率 of `year` of its members checked in to communities of the area, as in
    queries.checkin: a member counts in each month of the year by whose end they had checked in, and as
    served in a month with a service on or after their check-in. Read from the summary `checked_in_member`
    when it holds the year (a month after the check-in month is served when its bit is set; the check-in
    month itself is looked up in the services, on or after the check-in day), else counted from raw rows."""
    bits = month_bits(engine, dt.date(year, 1, 1), _year_end(year))
    if bits is None:
        return _member_months_counted(engine, area, year)
    later = [and_(CheckedInMember.checked_in_on < first,
                  CheckedInMember.served_months.op("&")(bindparam(f"month_{index}", bit, BigInteger)) != 0)
             for index, ((first, _last), bit) in enumerate(zip(_months_of(year), bits))]
    summary = frame_of(engine, via_community(
        select(CheckedInMember.work_unit_id, _months_checked_in(CheckedInMember.checked_in_on, year),
               func.sum(sum(case((served, 1), else_=0) for served in later))).select_from(CheckedInMember),
        CheckedInMember.community_id,
    ).where(CheckedInMember.checked_in_on <= _year_end(year), CheckedInMember.work_unit_id.is_not(None),
            *area_conditions(area)).group_by(CheckedInMember.work_unit_id),
        ["unit_id", "member_months", "served_later"])
    same_month = frame_of(engine, via_community(
        select(PartyMember.work_unit_id, func.count(distinct(MemberCheckin.member_id))).select_from(MemberCheckin)
        .join(PartyMember, MemberCheckin.member_id == PartyMember.id)
        .join(ServiceActivity, ServiceActivity.member_id == MemberCheckin.member_id), MemberCheckin.community_id,
    ).where(MemberCheckin.checked_in_on >= dt.date(year, 1, 1), MemberCheckin.checked_in_on <= _year_end(year),
            ServiceActivity.served_on >= MemberCheckin.checked_in_on, ServiceActivity.served_on <= _year_end(year),
            extract("month", ServiceActivity.served_on) == extract("month", MemberCheckin.checked_in_on),
            PartyMember.work_unit_id.is_not(None), *area_conditions(area)).group_by(PartyMember.work_unit_id),
        ["unit_id", "served_in_check_in_month"])
    frame = summary.merge(same_month, on="unit_id", how="left").fillna({"served_in_check_in_month": 0})
    frame["member_months_served"] = (pd.to_numeric(frame["served_later"])
                                     + pd.to_numeric(frame["served_in_check_in_month"])).astype(int)
    return frame[["unit_id", "member_months", "member_months_served"]]


def _member_months_counted(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """`_member_months` counted from the raw check-ins and services (for a year the summary does not hold)."""
    end = _year_end(year)
    eligible = frame_of(engine, via_community(
        select(PartyMember.work_unit_id, _months_checked_in(MemberCheckin.checked_in_on, year))
        .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id),
        MemberCheckin.community_id,
    ).where(MemberCheckin.checked_in_on <= end, PartyMember.work_unit_id.is_not(None), *area_conditions(area))
        .group_by(PartyMember.work_unit_id), ["unit_id", "member_months"])
    served_month = extract("month", ServiceActivity.served_on)
    member_months = (select(ServiceActivity.member_id.label("member_id"), served_month.label("month"),
                            func.max(ServiceActivity.served_on).label("last_served_on"))
                     .where(ServiceActivity.served_on >= dt.date(year, 1, 1), ServiceActivity.served_on <= end)
                     .group_by(ServiceActivity.member_id, served_month).subquery())
    served = via_community(  # a member-month is served when its last service is on or after the check-in
        select(PartyMember.work_unit_id, func.count()).select_from(member_months)
        .join(MemberCheckin, MemberCheckin.member_id == member_months.c.member_id)
        .join(PartyMember, MemberCheckin.member_id == PartyMember.id), MemberCheckin.community_id,
    ).where(member_months.c.last_served_on >= MemberCheckin.checked_in_on, PartyMember.work_unit_id.is_not(None),
            *area_conditions(area)).group_by(PartyMember.work_unit_id)
    return eligible.merge(frame_of(engine, served, ["unit_id", "member_months_served"]), on="unit_id", how="left")


def _notifications(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Per unit: the 双通报 of `year` with communities of the area, those both sides made, members reported."""
    done = and_(Notification.unit_notified_on.is_not(None), Notification.community_notified_on.is_not(None))
    statement = via_community(
        select(Notification.resident_unit_id, func.count(Notification.id), func.count(case((done, Notification.id))),
               func.sum(Notification.members_reported)).select_from(Notification), Notification.community_id,
    ).where(Notification.year == year, *area_conditions(area)).group_by(Notification.resident_unit_id)
    return frame_of(engine, statement, ["unit_id", "notifications", "notifications_completed", "members_reported"])


LEAGUE_COLUMNS = ["rank", "unit_code", "unit", "kind", "streets", "communities", "score", "band", "previous_score",
                  "score_change", "members_in_service", "members_checked_in", "checkin_rate", "member_months",
                  "member_months_served", "service_rate", "notifications", "notifications_completed",
                  "members_reported"]


def unit_scores(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """The league table of `year`: each resident unit scored by communities of the area, ranked by its score
    (the average of its scores there, to one decimal, halves up; 1 = best, equal scores share a rank), with
    its band, its score of the year before (same area) and the figures that explain it: its in-service
    members' 在职党员报到率 by the year's end, their 月度服务率 over the year, and its 双通报 of the year (made
    by both sides; members reported by the unit and community to each other, the community's word on them
    for their annual review).

    Columns: rank, unit_code, unit, kind, streets, communities, score, band, previous_score, score_change,
    members_in_service, members_checked_in, checkin_rate, member_months, member_months_served, service_rate,
    notifications, notifications_completed, members_reported.
    """
    rows = _unit_scores(engine, area, year)
    rows["score"] = pd.to_numeric(rows["score"]).astype(float)
    units = rows.groupby(["unit_id", "unit_code", "unit", "kind"], as_index=False, sort=False)["score"].mean()
    for column, joined in (("street", "streets"), ("community", "communities")):  # who scored it, by code
        places: dict[int, dict[str, None]] = {}
        for unit, name in zip(rows["unit_id"], rows[column]):
            places.setdefault(unit, {})[name] = None
        units[joined] = ["、".join(places[unit]) for unit in units["unit_id"]]
    before = _unit_scores(engine, area, year - 1)
    previous = (before.assign(score=pd.to_numeric(before["score"]).astype(float)).groupby("unit_id")["score"].mean()
                .rename("previous_score"))
    frame = (units.merge(previous, left_on="unit_id", right_index=True, how="left")
             .merge(_members_checked_in(engine, area, year), on="unit_id", how="left")
             .merge(_member_months(engine, area, year), on="unit_id", how="left")
             .merge(_notifications(engine, area, year), on="unit_id", how="left"))
    counts = ["members_in_service", "members_checked_in", "member_months", "member_months_served", "notifications",
              "notifications_completed", "members_reported"]
    frame = frame.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int))
    for column in ("score", "previous_score"):
        frame[column] = [rounded_score(v) if pd.notna(v) else v for v in frame[column]]
    frame["band"] = frame["score"].map(score_band)
    change = frame["score"] - frame["previous_score"]
    frame["score_change"] = [rounded_score(v) if pd.notna(v) else v for v in change]
    frame = rate(frame, "members_checked_in", "members_in_service", "checkin_rate")
    frame = rate(frame, "member_months_served", "member_months", "service_rate")
    frame = frame.sort_values(["score", "unit_code"], ascending=[False, True]).reset_index(drop=True)
    frame["rank"] = frame["score"].rank(ascending=False, method="min").astype(int)
    return frame[LEAGUE_COLUMNS]


def units_not_assessed(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Unit check-ins that should be scored in `year` (to an urban community of the area, by the year's end)
    but have no score of `year` from that community yet, by place.

    Columns: unit_code, unit, kind, county, street, community, checked_in_on.
    """
    statement = via_community(
        select(ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind, County.name, Street.name, Community.name,
               UnitCheckin.checked_in_on)
        .select_from(UnitCheckin).join(ResidentUnit, UnitCheckin.resident_unit_id == ResidentUnit.id),
        UnitCheckin.community_id,
    ).outerjoin(UnitAssessment, _pair_scored(year)).where(
        UnitAssessment.id.is_(None), *_due(year), *area_conditions(area),
    ).order_by(County.sort_order, Street.code, Community.code, ResidentUnit.code)
    return frame_of(engine, statement, ["unit_code", "unit", "kind", "county", "street", "community",
                                        "checked_in_on"])
