"""What checked-in members and pairings do: volunteer service by kind and hours, pairing activities by kind,
and the posts communities offer by category, with those nobody has claimed.

A service counts as the monthly service rate counts it: given by a checked-in member on or after the day of the
check-in, in the area of the community checked in to. A pairing activity belongs to the community where it was
held; a post to the community that offers it.
Services and activities count over a period (its first to its last day); posts and claims by a day (`as_of`):
a post has no date of its own, so every post of the area counts, claimed or not by then.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, distinct, func, select

from dashboard.schema import (
    PAIRING_ACTIVITY_KINDS,
    POST_CATEGORIES,
    SERVICE_KINDS,
    Community,
    MemberCheckin,
    PairingActivity,
    PostClaim,
    ServiceActivity,
    Street,
    VolunteerPost,
)
from queries.area import Area, area_conditions, via_community
from queries.frames import frame_of, rate


def _every(frame: pd.DataFrame, key: str, values: tuple[str, ...], counts: list[str]) -> pd.DataFrame:
    """The frame with one row per value of `key`, in the schema's order, zeros where nothing was counted."""
    every = frame.set_index(key).reindex(list(values)).rename_axis(key).reset_index()
    return every.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int))


def service_by_kind(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """志愿服务 by kind from `first` to `last` by members checked in to communities of the area (services on or
    after their check-in): services given, hours served, members who served (each counted once per kind),
    hours per service. Every kind, zeros included.

    Columns: kind, services, hours, members_served, hours_per_service.
    """
    statement = via_community(
        select(ServiceActivity.kind, func.count(ServiceActivity.id), func.sum(ServiceActivity.hours),
               func.count(distinct(ServiceActivity.member_id))).select_from(ServiceActivity)
        .join(MemberCheckin, MemberCheckin.member_id == ServiceActivity.member_id), MemberCheckin.community_id,
    ).where(ServiceActivity.served_on >= first, ServiceActivity.served_on <= last,
            ServiceActivity.served_on >= MemberCheckin.checked_in_on, *area_conditions(area)).group_by(
        ServiceActivity.kind)
    frame = frame_of(engine, statement, ["kind", "services", "hours", "members_served"])
    frame["hours"] = pd.to_numeric(frame["hours"]).astype(float)
    frame = _every(frame, "kind", SERVICE_KINDS, ["services", "members_served"]).fillna({"hours": 0.0})
    return rate(frame, "hours", "services", "hours_per_service")


def pairing_activities_by_kind(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """结对活动 by kind (联户帮带, 卫生保洁 ...) held from `first` to `last` in the communities of the area: those
    of unit pairings, of member pairings, and all. Every kind, zeros included.

    Columns: kind, unit_pairing_activities, member_pairing_activities, activities.
    """
    statement = via_community(
        select(PairingActivity.kind, func.count(PairingActivity.unit_pairing_id),
               func.count(PairingActivity.member_pairing_id), func.count(PairingActivity.id))
        .select_from(PairingActivity), PairingActivity.community_id,
    ).where(PairingActivity.held_on >= first, PairingActivity.held_on <= last,
            *area_conditions(area)).group_by(PairingActivity.kind)
    counts = ["unit_pairing_activities", "member_pairing_activities", "activities"]
    return _every(frame_of(engine, statement, ["kind", *counts]), "kind", PAIRING_ACTIVITY_KINDS, counts)


def _claims_by(as_of: dt.date):
    """Claims made by the end of `as_of`, per post."""
    return (select(PostClaim.post_id, func.count(PostClaim.id).label("claims"))
            .where(PostClaim.claimed_on <= as_of).group_by(PostClaim.post_id).subquery())


def posts_by_category(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """认领岗位 by category: the posts the communities of the area offer, those claimed by at least one member
    by `as_of`, the claims made by then, the posts nobody had claimed (posts_unclaimed), and claimed_share =
    posts claimed / posts. Every category, zeros included.

    Columns: category, posts, posts_claimed, claims, posts_unclaimed, claimed_share.
    """
    claims = _claims_by(as_of)
    statement = via_community(
        select(VolunteerPost.category, func.count(VolunteerPost.id), func.count(claims.c.post_id),
               func.coalesce(func.sum(claims.c.claims), 0))
        .select_from(VolunteerPost).outerjoin(claims, claims.c.post_id == VolunteerPost.id),
        VolunteerPost.community_id,
    ).where(*area_conditions(area)).group_by(VolunteerPost.category)
    frame = frame_of(engine, statement, ["category", "posts", "posts_claimed", "claims"])
    frame["claims"] = pd.to_numeric(frame["claims"])
    frame = _every(frame, "category", POST_CATEGORIES, ["posts", "posts_claimed", "claims"])
    frame["posts_unclaimed"] = frame["posts"] - frame["posts_claimed"]
    return rate(frame, "posts_claimed", "posts", "claimed_share")


def unclaimed_posts(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """The posts of the area's communities that nobody had claimed by `as_of`, by street and community: the
    gap list a street hands to its communities.

    Columns: street, community, post_code, post, category.
    """
    claimed = select(PostClaim.post_id).where(PostClaim.claimed_on <= as_of)
    statement = via_community(
        select(Street.name, Community.name, VolunteerPost.code, VolunteerPost.name, VolunteerPost.category)
        .select_from(VolunteerPost), VolunteerPost.community_id,
    ).where(VolunteerPost.id.not_in(claimed), *area_conditions(area)).order_by(
        Street.code, Community.code, VolunteerPost.code)
    return frame_of(engine, statement, ["street", "community", "post_code", "post", "category"])
