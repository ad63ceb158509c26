"""点名督办: the name lists a supervision office sends out, each counted as the view that shows its figure.

- resident units whose in-service members have not checked in (在职党员报到率's members, by work unit);
- resident units whose Party organization has not reported to its community (单位报到率's units);
- members checked in but not serving for N months (the check-in view's 单位服务排行 `unit_league`, per member);
- unit pairings in force for a year with no pairing activity in that year;
- streets whose 大工委 has not met this quarter (`meeting_activity_by_street`);
- Two New organizations that should have a Party organization and do not (`organizations_that_should_organize`);
- budget holders (communities, and the streets' and county-level units' own lines) behind 序时进度
  (`funding_execution_by_area`'s rate against `year_elapsed`).

Each list is scoped by the area like every query; people's names and phones are masked unless `mask` is False.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, func, or_, select

from dashboard.schema import (
    Community,
    County,
    FundingDisbursement,
    FundingLine,
    MemberCheckin,
    PairingActivity,
    PartyMember,
    PartyOrg,
    ResidentUnit,
    ServiceActivity,
    Street,
    UnitCheckin,
    UnitPairing,
)
from queries.area import Area, area_conditions, via_community
from queries.checkin import month_end
from queries.frames import frame_of, rate
from queries.meetings import committee_compliance_by_street, meeting_activity_by_street
from queries.overview import year_elapsed
from queries.privacy import mask_name, mask_phone
from queries.store import setting_value

PLACE = ["county", "street", "community"]
NOT_SERVING_MONTHS = 3


def _unit_org():
    """The name of each resident unit's Party organization (单位党组织)."""
    return (select(PartyOrg.resident_unit_id, func.min(PartyOrg.name).label("org"))
            .where(PartyOrg.resident_unit_id.is_not(None)).group_by(PartyOrg.resident_unit_id).subquery())


def units_with_members_not_checked_in(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Resident units whose in-service members living in an urban community of the area (and members by
    `as_of`) have not all checked in there by `as_of`: 在职党员报到率's members, grouped by work unit. Most
    missing first.

    Columns: unit_code, unit, kind, party_org, members_in_service, members_checked_in, members_missing.
    """
    org = _unit_org()
    statement = via_community(
        select(ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind, org.c.org, func.count(PartyMember.id),
               func.count(MemberCheckin.id)).select_from(PartyMember)
        .join(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id)
        .outerjoin(org, org.c.resident_unit_id == ResidentUnit.id), PartyMember.residence_community_id,
    ).outerjoin(MemberCheckin, and_(MemberCheckin.member_id == PartyMember.id, MemberCheckin.checked_in_on <= as_of)
                ).where(PartyMember.is_in_service, Community.is_urban, PartyMember.joined_on <= as_of,
                        *area_conditions(area)).group_by(ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind,
                                                         org.c.org)
    frame = frame_of(engine, statement, ["unit_code", "unit", "kind", "party_org", "members_in_service",
                                         "members_checked_in"])
    frame = frame.astype({"members_in_service": int, "members_checked_in": int})
    frame["members_missing"] = frame["members_in_service"] - frame["members_checked_in"]
    frame = frame[frame["members_missing"] > 0]
    return frame.sort_values(["members_missing", "unit_code"], ascending=[False, True]).reset_index(drop=True)


def units_not_checked_in(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Resident units sitting in an urban community of the area whose Party organization had not reported
    (checked in) to a community by `as_of`: 单位报到率's units not counted as checked in.

    Columns: county, street, community, unit_code, unit, kind, party_org.
    """
    org = _unit_org()
    checked = select(UnitCheckin.resident_unit_id).where(UnitCheckin.checked_in_on <= as_of)
    statement = via_community(
        select(County.name, Street.name, Community.name, ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind,
               org.c.org).select_from(ResidentUnit).outerjoin(org, org.c.resident_unit_id == ResidentUnit.id),
        ResidentUnit.community_id,
    ).where(Community.is_urban, ResidentUnit.id.not_in(checked), *area_conditions(area)).order_by(
        County.sort_order, Street.code, Community.code, ResidentUnit.code)
    return frame_of(engine, statement, [*PLACE, "unit_code", "unit", "kind", "party_org"])


def months_window(as_of: dt.date, months: int) -> dt.date:
    """The first day of the `months` calendar months ending with `as_of`'s month."""
    index = as_of.year * 12 + as_of.month - months
    return dt.date(index // 12, index % 12 + 1, 1)


def members_not_serving(engine: Engine, area: Area, as_of: dt.date, months: int = NOT_SERVING_MONTHS,
                        mask: bool = True) -> pd.DataFrame:
    """In-service members checked in to a community of the area by `as_of` who have not served once in the
    `months` calendar months ending with `as_of`'s month (the check-in view's members not serving, unit by unit
    in `unit_league` over the same months). Longest without service first (never served first).

    Columns: member, phone, unit, county, street, community, checked_in_on, last_served_on.
    """
    first = months_window(as_of, months)
    served = select(ServiceActivity.member_id).where(ServiceActivity.served_on >= first,
                                                      ServiceActivity.served_on <= as_of)
    last_served = (select(ServiceActivity.member_id, func.max(ServiceActivity.served_on).label("last_on"))
                   .where(ServiceActivity.served_on <= as_of).group_by(ServiceActivity.member_id).subquery())
    statement = via_community(
        select(PartyMember.name, PartyMember.phone, ResidentUnit.name, County.name, Street.name, Community.name,
               MemberCheckin.checked_in_on, last_served.c.last_on)
        .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id)
        .join(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id)
        .outerjoin(last_served, last_served.c.member_id == MemberCheckin.member_id), MemberCheckin.community_id,
    ).where(MemberCheckin.checked_in_on <= as_of, MemberCheckin.member_id.not_in(served),
            *area_conditions(area)).order_by(
        last_served.c.last_on.is_not(None), last_served.c.last_on, County.sort_order, Street.code, Community.code,
        PartyMember.code)
    frame = frame_of(engine, statement, ["member", "phone", "unit", *PLACE, "checked_in_on", "last_served_on"])
    if mask:
        frame["member"] = frame["member"].map(mask_name)
        frame["phone"] = frame["phone"].map(mask_phone)
    return frame


def pairings_without_activity(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Unit pairings (双结对) in force on `as_of` that started at least a year before it and held no pairing
    activity in the year up to `as_of` (the 365 days ending with it), by the community's area.

    Columns: county, street, community, unit_code, unit, started_on, last_activity_on.
    """
    year_ago = as_of - dt.timedelta(days=365)
    latest = (select(PairingActivity.unit_pairing_id, func.max(PairingActivity.held_on).label("last_on"))
              .where(PairingActivity.unit_pairing_id.is_not(None), PairingActivity.held_on <= as_of)
              .group_by(PairingActivity.unit_pairing_id).subquery())
    statement = via_community(
        select(County.name, Street.name, Community.name, ResidentUnit.code, ResidentUnit.name, UnitPairing.started_on,
               latest.c.last_on).select_from(UnitPairing)
        .join(ResidentUnit, UnitPairing.resident_unit_id == ResidentUnit.id)
        .outerjoin(latest, latest.c.unit_pairing_id == UnitPairing.id), UnitPairing.community_id,
    ).where(UnitPairing.started_on <= year_ago, or_(UnitPairing.ended_on.is_(None), UnitPairing.ended_on >= as_of),
            or_(latest.c.last_on.is_(None), latest.c.last_on <= year_ago), *area_conditions(area)).order_by(
        County.sort_order, Street.code, Community.code, ResidentUnit.code)
    return frame_of(engine, statement, [*PLACE, "unit_code", "unit", "started_on", "last_activity_on"])


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def streets_without_meeting(engine: Engine, area: Area, as_of: dt.date, mask: bool = True) -> pd.DataFrame:
    """Streets of the area whose 大工委 held no joint meeting in `as_of`'s quarter up to `as_of` (the meetings
    view's `meeting_activity_by_street` over that quarter), with the last meeting, the days since, and the
    大工委 secretary to call (masked unless `mask` is False).

    Columns: county, street_code, street, meetings_held, last_meeting_on, days_since_last, secretary.
    """
    required = int(setting_value(engine, "meetings_required_per_quarter", "1"))
    activity = meeting_activity_by_street(engine, area, quarter_start(as_of), as_of, required)
    idle = activity[activity["meetings_held"] == 0]
    secretaries = committee_compliance_by_street(engine, area, mask=mask).set_index("street_code")["secretary"]
    frame = idle[["county", "street_code", "street", "meetings_held", "last_meeting_on", "days_since_last"]].copy()
    frame["secretary"] = [secretaries.get(code) for code in frame["street_code"]]
    return frame.reset_index(drop=True)


def funding_behind_pace(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Holders of `as_of`'s year's budget lines in the area whose money spent by `as_of` is below 序时进度 (the
    share of the year elapsed): a community for its own lines, a street or county-level unit for the lines it
    keeps (本级), as the funding view counts 经费执行率. Furthest behind first.

    Columns: county, street, community, holder, level, budget_yuan, disbursed_yuan, execution_rate, pace_target,
    gap.
    """
    paid = (select(FundingDisbursement.funding_line_id, func.sum(FundingDisbursement.amount_yuan).label("paid"))
            .where(FundingDisbursement.paid_on <= as_of).group_by(FundingDisbursement.funding_line_id).subquery())
    statement = (
        select(County.name, Street.name, Community.name, func.sum(FundingLine.budget_yuan),
               func.coalesce(func.sum(paid.c.paid), 0))
        .select_from(FundingLine).join(County, FundingLine.county_id == County.id)
        .outerjoin(Street, FundingLine.street_id == Street.id)
        .outerjoin(Community, FundingLine.community_id == Community.id)
        .outerjoin(paid, paid.c.funding_line_id == FundingLine.id)
        .where(FundingLine.year == as_of.year, *area_conditions(area))
        .group_by(County.name, County.sort_order, Street.name, Street.code, Community.name, Community.code)
        .order_by(County.sort_order, Street.code, Community.code))
    frame = frame_of(engine, statement, [*PLACE, "budget_yuan", "disbursed_yuan"])
    frame["budget_yuan"] = pd.to_numeric(frame["budget_yuan"]).astype(float)
    frame["disbursed_yuan"] = pd.to_numeric(frame["disbursed_yuan"]).astype(float)
    frame = rate(frame, "disbursed_yuan", "budget_yuan", "execution_rate")
    frame["pace_target"] = year_elapsed(as_of)
    frame["gap"] = frame["execution_rate"] - frame["pace_target"]
    frame = frame[frame["budget_yuan"] > 0]
    frame = frame[frame["gap"] < -1e-9].copy()
    frame["level"] = [("社区" if isinstance(k, str) else "街道本级" if isinstance(s, str) else "县级单位本级")
                      for s, k in zip(frame["street"], frame["community"])]
    frame["holder"] = [next(n for n in (k, s, c) if isinstance(n, str))
                       for c, s, k in zip(frame["county"], frame["street"], frame["community"])]
    for column in ("street", "community"):
        frame[column] = [n if isinstance(n, str) else None for n in frame[column]]
    columns = [*PLACE, "holder", "level", "budget_yuan", "disbursed_yuan", "execution_rate", "pace_target", "gap"]
    return frame.sort_values(["gap", "holder"])[columns].reset_index(drop=True)


def quarter_end(day: dt.date) -> dt.date:
    start = quarter_start(day)
    return month_end(start.year, start.month + 2)


# One line per list: key, title (its words on screen and in the notice), what to rectify.
LISTS = [
    ("units_members", "在职党员未全部报到的驻区单位", "督促单位在职党员到居住地社区报到"),
    ("units_unreported", "单位党组织未到社区报到的驻区单位", "单位党组织到所在社区报到"),
    ("members_idle", "已报到未服务的在职党员", "认领岗位并参加志愿服务"),
    ("pairings_idle", "结对满一年未开展活动的结对", "开展结对共建活动"),
    ("streets_idle", "本季度未召开联席会议的街道", "召开大工委联席会议"),
    ("two_new_gap", "应建未建党组织的两新组织", "单独组建或联合组建党组织"),
    ("funding_behind", "经费支出低于序时进度的单位", "加快经费执行"),
]
