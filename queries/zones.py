"""The central city (中心城区) against the county towns and the rest: the check-in and coverage figures of the
area's urban communities split by whether a community lies in the central city (`community.is_central_city`;
the report counts 148 of the 369 urban communities there).

Each figure has the definition of the figure it splits (in-service members by residence, units by the community
they sit in, check-ins by the community checked in to); the two rows sum to the area's figure.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, case, func, or_, select

from dashboard.schema import (
    Community,
    CommunityMonth,
    MemberCheckin,
    PartyMember,
    ResidentUnit,
    UnitCheckin,
    UnitPairing,
)
from queries.area import Area, area_conditions, from_communities, via_community
from queries.frames import frame_of, rate
from queries.summary import summary_covers

CENTRAL, ELSEWHERE = "中心城区", "县城及其他"
ZONE = Community.is_central_city


def _by_zone(engine: Engine, statement, columns: list[str]) -> pd.DataFrame:
    """Run a statement grouped by ZONE (its first column) into a frame keyed by the zone's words."""
    frame = frame_of(engine, statement.group_by(ZONE), ["central", *columns])
    frame["zone"] = [CENTRAL if central else ELSEWHERE for central in frame["central"]]
    return frame.drop(columns="central").set_index("zone")


def _members(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """在职党员报到率's counts by zone (members by residence in an urban community, joined by `as_of`)."""
    if summary_covers(engine, [as_of]):
        return _by_zone(engine, via_community(
            select(ZONE, func.sum(CommunityMonth.members_in_service), func.sum(CommunityMonth.members_checked_in))
            .select_from(CommunityMonth), CommunityMonth.community_id,
        ).where(CommunityMonth.on_date == as_of, Community.is_urban, *area_conditions(area)),
            ["members_in_service", "members_checked_in"])
    return _by_zone(engine, via_community(
        select(ZONE, func.count(PartyMember.id), func.count(MemberCheckin.id)).select_from(PartyMember),
        PartyMember.residence_community_id,
    ).outerjoin(MemberCheckin, and_(MemberCheckin.member_id == PartyMember.id, MemberCheckin.checked_in_on <= as_of))
        .where(PartyMember.is_in_service, Community.is_urban, PartyMember.joined_on <= as_of, *area_conditions(area)),
        ["members_in_service", "members_checked_in"])


def checkin_by_city_zone(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """The area's urban communities in the central city and elsewhere (county towns and the rest), by `as_of`:
    their number; 在职党员报到率 (members_in_service, members_checked_in, checkin_rate); check-ins of members of
    city and county organs and public institutions (organ_members_checked_in, among all check-ins
    checkins); 单位报到率 (units, units_checked_in, unit_checkin_rate); 结对社区覆盖率 (communities_paired,
    pairing_coverage). One row per zone that has urban communities in the area, the central city first.

    Columns: zone, urban_communities, members_in_service, members_checked_in, checkin_rate, checkins,
    organ_members_checked_in, units, units_checked_in, unit_checkin_rate, communities_paired, pairing_coverage.
    """
    in_force = select(UnitPairing.community_id).where(
        UnitPairing.started_on <= as_of, or_(UnitPairing.ended_on.is_(None), UnitPairing.ended_on >= as_of))
    communities = _by_zone(engine, from_communities(
        select(ZONE, func.count(Community.id), func.count(case((Community.id.in_(in_force), Community.id)))),
    ).where(Community.is_urban, *area_conditions(area)), ["urban_communities", "communities_paired"])
    checked_in = select(UnitCheckin.resident_unit_id).where(UnitCheckin.checked_in_on <= as_of)
    units = _by_zone(engine, via_community(
        select(ZONE, func.count(ResidentUnit.id), func.count(case((ResidentUnit.id.in_(checked_in), ResidentUnit.id))))
        .select_from(ResidentUnit), ResidentUnit.community_id,
    ).where(Community.is_urban, *area_conditions(area)), ["units", "units_checked_in"])
    organs = _by_zone(engine, via_community(
        select(ZONE, func.count(MemberCheckin.id), func.count(case((ResidentUnit.is_city_county_organ,
                                                                   MemberCheckin.id))))
        .select_from(MemberCheckin).join(PartyMember, MemberCheckin.member_id == PartyMember.id)
        .outerjoin(ResidentUnit, PartyMember.work_unit_id == ResidentUnit.id), MemberCheckin.community_id,
    ).where(MemberCheckin.checked_in_on <= as_of, Community.is_urban, *area_conditions(area)),
        ["checkins", "organ_members_checked_in"])
    frame = pd.concat([communities, _members(engine, area, as_of), units, organs], axis=1)
    frame = frame.reindex([zone for zone in (CENTRAL, ELSEWHERE) if zone in communities.index])
    counts = ["urban_communities", "communities_paired", "members_in_service", "members_checked_in", "units",
              "units_checked_in", "checkins", "organ_members_checked_in"]
    frame = frame.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int)).rename_axis("zone").reset_index()
    frame = rate(frame, "members_checked_in", "members_in_service", "checkin_rate")
    frame = rate(frame, "units_checked_in", "units", "unit_checkin_rate")
    frame = rate(frame, "communities_paired", "urban_communities", "pairing_coverage")
    return frame[["zone", "urban_communities", "members_in_service", "members_checked_in", "checkin_rate", "checkins",
                  "organ_members_checked_in", "units", "units_checked_in", "unit_checkin_rate", "communities_paired",
                  "pairing_coverage"]]
