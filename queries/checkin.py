"""双报到, 双结对, 双通报: check-ins of units and members, posts, monthly service, pairings, notifications.

An in-service member's area is the community they checked in to (where they live); a unit's area is the
community it sits in. Figures "by `as_of`" count what had happened by the end of that day; figures over a
period count what happened between its first and last day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import BigInteger, Engine, and_, bindparam, case, distinct, extract, func, or_, select

from dashboard.schema import (
    CheckedInMember,
    Community,
    CommunityMonth,
    CommunityYear,
    MemberCheckin,
    MemberPairing,
    PairingActivity,
    PartyMember,
    PostClaim,
    ResidentUnit,
    SecretaryCheckin,
    ServiceActivity,
    Street,
    UnitCheckin,
    UnitPairing,
    VolunteerPost,
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
from queries.frames import frame_of, rate
from queries.privacy import mask_name, mask_phone
from queries.summary import months_mask, summary_covers


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The calendar months (year, month) from the one holding `first` to the one holding `last`."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def unit_checkin_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """单位报到率: resident units sitting in an urban community of the area that had checked in by `as_of`
    / those units.

    Columns: area_code, area_name, units, units_checked_in, unit_checkin_rate.
    """
    checked = select(UnitCheckin.resident_unit_id).where(UnitCheckin.checked_in_on <= as_of)
    statement = grouped(area, via_community(
        by_child(area, func.count(ResidentUnit.id),
                 func.count(case((ResidentUnit.id.in_(checked), ResidentUnit.id)))).select_from(ResidentUnit),
        ResidentUnit.community_id,
    ).where(Community.is_urban))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["units", "units_checked_in"])
    return rate(frame, "units_checked_in", "units", "unit_checkin_rate")


def organ_member_checkins_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """市县行政事业单位党员报到: in-service members checked in to a community of the area by `as_of`, and those
    of them whose work unit is a city or county organ or public institution (市县行政事业单位: the unit is
    marked is_city_county_organ); organ_share = the second / the first.

    Columns: area_code, area_name, members_checked_in, organ_members_checked_in, organ_share.
    """
    statement = grouped(area, via_community(
        by_child(area, func.count(MemberCheckin.id),
                 func.count(case((ResidentUnit.is_city_county_organ, MemberCheckin.id))))
        .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id)
        .outerjoin(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id), MemberCheckin.community_id,
    ).where(MemberCheckin.checked_in_on <= as_of))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["members_checked_in", "organ_members_checked_in"])
    return rate(frame, "organ_members_checked_in", "members_checked_in", "organ_share")


def posts_claimed_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """认领岗位: posts claimed by `as_of` (by the post's community) and per member checked in by then.

    Columns: area_code, area_name, members_checked_in, posts_claimed, claims_per_member.
    """
    if summary_covers(engine, [as_of]):
        checked_in, claimed = func.sum(CommunityMonth.checkins), func.sum(CommunityMonth.posts_claimed)
        frame = frame_of(engine, grouped(area, via_community(
            by_child(area, checked_in, claimed).select_from(CommunityMonth), CommunityMonth.community_id,
        ).where(CommunityMonth.on_date == as_of)).having(checked_in + claimed > 0),
            AREA_COLUMNS + ["members_checked_in", "posts_claimed"])
    else:
        checked = frame_of(engine, grouped(area, via_community(
            by_child(area, func.count(MemberCheckin.id)).select_from(MemberCheckin), MemberCheckin.community_id,
        ).where(MemberCheckin.checked_in_on <= as_of)), AREA_COLUMNS + ["members_checked_in"])
        claimed = frame_of(engine, grouped(area, via_community(
            by_child(area, func.count(PostClaim.id)).select_from(PostClaim)
            .join(VolunteerPost, PostClaim.post_id == VolunteerPost.id), VolunteerPost.community_id,
        ).where(PostClaim.claimed_on <= as_of)), AREA_COLUMNS + ["posts_claimed"])
        frame = checked.merge(claimed, on=AREA_COLUMNS, how="outer")
    frame = frame.fillna({"members_checked_in": 0, "posts_claimed": 0})
    frame = frame.astype({"members_checked_in": int, "posts_claimed": int})
    return rate(frame, "posts_claimed", "members_checked_in", "claims_per_member")


def _served_months(area: Area, first: dt.date, last: dt.date, by_area: bool):
    """Distinct (member, year, month) of service in the period by members checked in within the area."""
    year, month = extract("year", ServiceActivity.served_on), extract("month", ServiceActivity.served_on)
    columns = [ServiceActivity.member_id.label("member_id"), year.label("y"), month.label("m")]
    if by_area:
        code, name, _ = child_columns(area)
        columns = [code.label("area_code"), name.label("area_name"), *columns]
    return via_community(
        select(*columns).distinct().select_from(ServiceActivity)
        .join(MemberCheckin, MemberCheckin.member_id == ServiceActivity.member_id), MemberCheckin.community_id,
    ).where(ServiceActivity.served_on >= first, ServiceActivity.served_on <= last,
            ServiceActivity.served_on >= MemberCheckin.checked_in_on, *area_conditions(area)).subquery()


def _checkins_by_month(engine: Engine, area: Area, last: dt.date, by_area: bool) -> pd.DataFrame:
    """Check-ins in the area counted by the month they happened (and child area), up to `last`."""
    year, month = extract("year", MemberCheckin.checked_in_on), extract("month", MemberCheckin.checked_in_on)
    code, name, _ = child_columns(area)
    keys = [code, name] if by_area else []
    statement = via_community(select(*keys, year, month, func.count(MemberCheckin.id)).select_from(MemberCheckin),
                              MemberCheckin.community_id).where(
        MemberCheckin.checked_in_on <= last, *area_conditions(area)).group_by(*keys, year, month)
    frame = frame_of(engine, statement, (AREA_COLUMNS if by_area else []) + ["year", "month", "checkins"])
    return frame.astype({"year": int, "month": int, "checkins": int})


def _eligible(checkins: pd.DataFrame, months: list[tuple[int, int]]) -> pd.Series:
    """For each check-in count row, the months of the period by whose end the check-ins had happened."""
    keys = checkins["year"] * 12 + checkins["month"]
    return sum((keys <= y * 12 + m).astype(int) for y, m in months)


def _snapshot_days(months: list[tuple[int, int]], last: dt.date) -> list[dt.date]:
    """The summary day of each month of a period: its last day, or `last` in the period's final month."""
    return [min(month_end(y, m), last) for y, m in months]


def _snapshots(engine: Engine, area: Area, first: dt.date, last: dt.date, by_area: bool) -> pd.DataFrame | None:
    """Check-ins by each month's end and members served in each month, from the summary, per snapshot day
    (and child area); None when the summary does not hold the period (the caller then counts raw rows)."""
    days = _snapshot_days(months_between(first, last), last)
    if first.day != 1 or not summary_covers(engine, days):
        return None
    code, name, _ = child_columns(area)
    keys = [code, name] if by_area else []
    statement = via_community(
        select(*keys, CommunityMonth.on_date, func.sum(CommunityMonth.checkins),
               func.sum(CommunityMonth.members_served)).select_from(CommunityMonth), CommunityMonth.community_id,
    ).where(CommunityMonth.on_date.in_(days), *area_conditions(area)).group_by(*keys, CommunityMonth.on_date)
    frame = frame_of(engine, statement, (AREA_COLUMNS if by_area else []) + ["on_date", "checkins", "members_served"])
    return frame.astype({"checkins": int, "members_served": int})


def monthly_service_rate(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """月度服务率 by month: members checked in (by the month's end) who served at least once that month
    / members checked in by the month's end, for each month from `first` to `last`.

    Columns: month (YYYY-MM), members_checked_in, members_served, service_rate.
    """
    months = months_between(first, last)
    snapshots = _snapshots(engine, area, first, last, by_area=False)
    if snapshots is not None:
        by_day = snapshots.set_index("on_date")
        days = _snapshot_days(months, last)
        checked = [int(by_day["checkins"].get(day, 0)) for day in days]
        served = {key: int(by_day["members_served"].get(day, 0)) for key, day in zip(months, days)}
    else:
        checkins = _checkins_by_month(engine, area, last, by_area=False)
        keys = checkins["year"] * 12 + checkins["month"]
        checked = [int(checkins.loc[keys <= y * 12 + m, "checkins"].sum()) for y, m in months]
        served_months = _served_months(area, first, last, by_area=False)
        served = frame_of(engine, select(served_months.c.y, served_months.c.m, func.count())
                          .group_by(served_months.c.y, served_months.c.m), ["year", "month", "members_served"])
        served = {(int(y), int(m)): int(n) for y, m, n in served.itertuples(index=False)}
    frame = pd.DataFrame({
        "month": [f"{y}-{m:02d}" for y, m in months],
        "members_checked_in": checked,
        "members_served": [served.get(key, 0) for key in months],
    })
    return rate(frame, "members_served", "members_checked_in", "service_rate")


def service_rate_by_area(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """月度服务率 over the period by child area: member-months served / member-months checked in, summing
    over the months from `first` to `last` (a member counts in a month once checked in by its end).

    Columns: area_code, area_name, member_months, member_months_served, service_rate.
    """
    months = months_between(first, last)
    snapshots = _snapshots(engine, area, first, last, by_area=True)
    if snapshots is not None:
        frame = snapshots.groupby(AREA_COLUMNS, as_index=False)[["checkins", "members_served"]].sum().rename(
            columns={"checkins": "member_months", "members_served": "member_months_served"})
        frame = frame[frame["member_months"] > 0]
    else:
        checkins = _checkins_by_month(engine, area, last, by_area=True)
        checkins["member_months"] = checkins["checkins"] * _eligible(checkins, months)
        eligible = checkins.groupby(AREA_COLUMNS, as_index=False)["member_months"].sum()
        served_months = _served_months(area, first, last, by_area=True)
        served = frame_of(engine, select(served_months.c.area_code, served_months.c.area_name, func.count())
                          .group_by(served_months.c.area_code, served_months.c.area_name),
                          AREA_COLUMNS + ["member_months_served"])
        frame = eligible.merge(served, on=AREA_COLUMNS, how="left").fillna({"member_months_served": 0})
    frame = frame.astype({"member_months": int, "member_months_served": int}).sort_values("area_code")
    return rate(frame.reset_index(drop=True), "member_months_served", "member_months", "service_rate")


def secretary_checkins_by_area(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """社区书记反向报到: urban communities whose secretary had reported to at least one resident unit by
    `as_of`, and the number of such reports.

    Columns: area_code, area_name, urban_communities, communities_reported, reports, reported_share.
    """
    reports = (select(SecretaryCheckin.community_id, func.count(SecretaryCheckin.id).label("reports"))
               .where(SecretaryCheckin.checked_in_on <= as_of).group_by(SecretaryCheckin.community_id).subquery())
    statement = grouped(area, from_communities(
        by_child(area, func.count(Community.id), func.count(reports.c.community_id),
                 func.coalesce(func.sum(reports.c.reports), 0)),
    ).outerjoin(reports, reports.c.community_id == Community.id).where(Community.is_urban))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["urban_communities", "communities_reported", "reports"])
    frame["reports"] = pd.to_numeric(frame["reports"]).astype(int)
    return rate(frame, "communities_reported", "urban_communities", "reported_share")


def _unit_pairing_in_force(as_of: dt.date):
    return and_(UnitPairing.started_on <= as_of, or_(UnitPairing.ended_on.is_(None), UnitPairing.ended_on >= as_of))


def pairing_by_area(engine: Engine, area: Area, as_of: dt.date, first: dt.date) -> pd.DataFrame:
    """双结对 by child area: unit pairings in force on `as_of`, member pairings started by `as_of`, and their
    activities held from `first` to `as_of`; activities per pair = activities / (unit + member pairings).

    Columns: area_code, area_name, unit_pairings, member_pairings, pairs, activities, activities_per_pair.
    """
    units = frame_of(engine, grouped(area, via_community(
        by_child(area, func.count(UnitPairing.id)).select_from(UnitPairing), UnitPairing.community_id,
    ).where(_unit_pairing_in_force(as_of))), AREA_COLUMNS + ["unit_pairings"])
    days = _snapshot_days(months_between(first, as_of), as_of)
    if first.day == 1 and summary_covers(engine, days):
        pairings = func.sum(case((CommunityMonth.on_date == as_of, CommunityMonth.member_pairings), else_=0))
        activities = func.sum(CommunityMonth.pairing_activities)
        both = frame_of(engine, grouped(area, via_community(
            by_child(area, pairings, activities).select_from(CommunityMonth), CommunityMonth.community_id,
        ).where(CommunityMonth.on_date.in_(days))), AREA_COLUMNS + ["member_pairings", "activities"])
        both = both.astype({"member_pairings": int, "activities": int})
        members = both.loc[both["member_pairings"] > 0, AREA_COLUMNS + ["member_pairings"]]
        activities = both.loc[both["activities"] > 0, AREA_COLUMNS + ["activities"]]
    else:
        members = frame_of(engine, grouped(area, via_community(
            by_child(area, func.count(MemberPairing.id)).select_from(MemberPairing), MemberPairing.community_id,
        ).where(MemberPairing.started_on <= as_of)), AREA_COLUMNS + ["member_pairings"])
        activities = frame_of(engine, grouped(area, via_community(
            by_child(area, func.count(PairingActivity.id)).select_from(PairingActivity),
            PairingActivity.community_id,
        ).where(PairingActivity.held_on >= first, PairingActivity.held_on <= as_of)), AREA_COLUMNS + ["activities"])
    frame = units.merge(members, on=AREA_COLUMNS, how="outer").merge(activities, on=AREA_COLUMNS, how="outer")
    counts = ["unit_pairings", "member_pairings", "activities"]
    frame = frame.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int))
    frame["pairs"] = frame["unit_pairings"] + frame["member_pairings"]
    return rate(frame.sort_values("area_code").reset_index(drop=True), "activities", "pairs", "activities_per_pair")


def pairing_totals(engine: Engine, area: Area, as_of: dt.date) -> dict[str, int]:
    """双结对 headline counts for the whole area (distinct, so not sums of a breakdown):
    units_paired (resident units with a pairing in force on `as_of` with a community of the area),
    organ_units_paired (those that are city or county organs and institutions), members_paired (agency
    members with a pairing started by `as_of` in the area)."""
    units = via_community(
        select(func.count(distinct(UnitPairing.resident_unit_id)),
               func.count(distinct(case((ResidentUnit.is_city_county_organ, UnitPairing.resident_unit_id)))))
        .select_from(UnitPairing).join(ResidentUnit, UnitPairing.resident_unit_id == ResidentUnit.id),
        UnitPairing.community_id,
    ).where(_unit_pairing_in_force(as_of), *area_conditions(area))
    members = via_community(
        select(func.count(distinct(MemberPairing.agency_member_id))).select_from(MemberPairing),
        MemberPairing.community_id,
    ).where(MemberPairing.started_on <= as_of, *area_conditions(area))
    with engine.connect() as connection:
        units_paired, organ_units_paired = connection.execute(units).one()
        members_paired = connection.execute(members).scalar()
    return {"units_paired": int(units_paired), "organ_units_paired": int(organ_units_paired or 0),
            "members_paired": int(members_paired)}


def notification_year(as_of: dt.date) -> int:
    """The latest year whose 双通报 round is due by `as_of` (notifications are made at the year's end)."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def notification_completion_by_area(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """双通报完成率: unit-community notifications of `year` in which both sides have notified the other
    / all notifications of `year` (by the community's area).

    Columns: area_code, area_name, notifications, completed, completion_rate.
    """
    statement = grouped(area, via_community(
        by_child(area, func.sum(CommunityYear.notifications), func.sum(CommunityYear.notifications_completed))
        .select_from(CommunityYear), CommunityYear.community_id,
    ).where(CommunityYear.year == year))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["notifications", "completed"])
    frame = frame.astype({"notifications": int, "completed": int})
    return rate(frame, "completed", "notifications", "completion_rate")


def _served_members(first: dt.date, last: dt.date):
    return select(ServiceActivity.member_id).where(ServiceActivity.served_on >= first,
                                                   ServiceActivity.served_on <= last)


def unit_league(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Resident units by their members checked in to communities of the area by `last`, and how many of
    them served at least once from `first` to `last`; most members not serving first.

    Columns: unit_code, unit, kind, members_checked_in, members_served, members_not_served, served_share.
    """
    mask = months_mask(engine, first, last)
    if mask is not None:
        served = CheckedInMember.served_months.op("&")(bindparam("months", mask, BigInteger)) != 0
        by_unit = via_community(  # grouped on the unit's id, then named: grouping on text sorts far more
            select(CheckedInMember.work_unit_id, func.count().label("checked"),
                   func.count(case((served, CheckedInMember.member_id))).label("served"))
            .select_from(CheckedInMember), CheckedInMember.community_id,
        ).where(CheckedInMember.checked_in_on <= last, CheckedInMember.work_unit_id.is_not(None),
                *area_conditions(area)).group_by(CheckedInMember.work_unit_id).subquery()
        statement = (select(ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind, by_unit.c.checked,
                            by_unit.c.served).select_from(by_unit)
                     .join(ResidentUnit, ResidentUnit.id == by_unit.c.work_unit_id))
        frame = frame_of(engine, statement, ["unit_code", "unit", "kind", "members_checked_in", "members_served"])
    else:
        statement = via_community(
            select(ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind, func.count(MemberCheckin.id),
                   func.count(case((MemberCheckin.member_id.in_(_served_members(first, last)), MemberCheckin.id))))
            .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id)
            .join(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id), MemberCheckin.community_id,
        ).where(MemberCheckin.checked_in_on <= last, *area_conditions(area)).group_by(
            ResidentUnit.code, ResidentUnit.name, ResidentUnit.kind)
        frame = frame_of(engine, statement, ["unit_code", "unit", "kind", "members_checked_in", "members_served"])
    frame["members_not_served"] = frame["members_checked_in"] - frame["members_served"]
    frame = rate(frame, "members_served", "members_checked_in", "served_share")
    return frame.sort_values(["members_not_served", "unit_code"], ascending=[False, True]).reset_index(drop=True)


def unit_member_details(engine: Engine, area: Area, unit_code: str, first: dt.date, last: dt.date,
                        mask: bool = True) -> pd.DataFrame:
    """A unit's members checked in to communities of the area by `last`: where, since when, and their
    services from `first` to `last`, fewest services first. Names and phones are masked unless `mask` is
    False (for roles that need them).

    Columns: member, phone, street, community, checked_in_on, services, last_served_on.
    """
    services = (select(ServiceActivity.member_id, func.count(ServiceActivity.id).label("services"),
                       func.max(ServiceActivity.served_on).label("last_served_on"))
                .where(ServiceActivity.served_on >= first, ServiceActivity.served_on <= last)
                .group_by(ServiceActivity.member_id).subquery())
    statement = via_community(
        select(PartyMember.name, PartyMember.phone, Street.name, Community.name, MemberCheckin.checked_in_on,
               func.coalesce(services.c.services, 0), services.c.last_served_on)
        .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id)
        .join(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id)
        .outerjoin(services, services.c.member_id == MemberCheckin.member_id), MemberCheckin.community_id,
    ).where(ResidentUnit.code == unit_code, MemberCheckin.checked_in_on <= last, *area_conditions(area)).order_by(
        func.coalesce(services.c.services, 0), Street.code, Community.code, PartyMember.code)
    frame = frame_of(engine, statement, ["member", "phone", "street", "community", "checked_in_on", "services",
                                         "last_served_on"])
    if mask:
        frame["member"] = frame["member"].map(mask_name)
        frame["phone"] = frame["phone"].map(mask_phone)
    frame["services"] = pd.to_numeric(frame["services"]).astype(int)
    return frame
