"""双报到: units and in-service members check in, members claim posts and serve every month."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.demo.context import AS_OF, MONTHS, DemoContext, random_dates
from dashboard.schema import POST_CATEGORIES

ORGAN_MEMBERS_CHECKED_IN = 47_137
OTHER_CHECKIN_SHARE = 0.68
SECOND_POST_SHARE = 0.21
UNIT_CHECKIN_SHARE = 0.93


def weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """k distinct positions drawn with probability proportional to weight (Efraimidis-Spirakis)."""
    keys = np.log(rng.random(len(weights))) / weights
    return np.sort(np.argsort(-keys)[:k])


def generate_checkins(ctx: DemoContext) -> None:
    rng = ctx.rng
    members = ctx.frames["party_member"]
    units = ctx.frames["resident_unit"]
    counties = ctx.frames["county"]
    propensity = pd.Series(rng.uniform(0.74, 0.98, len(counties)), index=counties["id"])
    ctx.frames["county_propensity"] = propensity.rename("propensity").reset_index()

    service = members[members["group"] == "service"]
    organ_units = set(units.loc[units["is_city_county_organ"], "id"].tolist())
    is_organ = service["work_unit_id"].isin(organ_units).to_numpy()
    weights = propensity.reindex(service["county_id"]).to_numpy()
    organ_positions = np.flatnonzero(is_organ)
    chosen = organ_positions[weighted_sample(rng, weights[organ_positions],
                                             min(ctx.count(ORGAN_MEMBERS_CHECKED_IN), len(organ_positions)))]
    others = np.flatnonzero(~is_organ)
    others = others[rng.random(len(others)) < OTHER_CHECKIN_SHARE * weights[others]]
    checked = service.iloc[np.sort(np.concatenate([chosen, others]))]

    n = len(checked)
    early = rng.random(n) < 0.55
    dates = np.where(early, random_dates(rng, dt.date(2015, 6, 1), dt.date(2016, 12, 31), n),
                     random_dates(rng, dt.date(2017, 1, 1), AS_OF, n))
    checkins = ctx.write("member_checkin", {
        "id": np.arange(1, n + 1),
        "member_id": checked["id"].to_numpy(),
        "community_id": checked["residence_community_id"].to_numpy(),
        "checked_in_on": dates,
    })
    checkins["work_unit_id"] = checked["work_unit_id"].to_numpy()
    checkins["county_id"] = checked["county_id"].to_numpy()

    sits = rng.random(len(units)) < UNIT_CHECKIN_SHARE
    ctx.write("unit_checkin", {
        "id": np.arange(1, int(sits.sum()) + 1),
        "resident_unit_id": units["id"].to_numpy()[sits],
        "community_id": units["community_id"].to_numpy()[sits],
        "checked_in_on": random_dates(rng, dt.date(2015, 3, 1), AS_OF, int(sits.sum())),
    })
    _secretary_checkins(ctx)
    _posts_and_claims(ctx)
    _service(ctx)


def _secretary_checkins(ctx: DemoContext) -> None:
    """Most community secretaries report to one to three units sitting in their street."""
    rng = ctx.rng
    communities = ctx.frames["community"].query("is_urban")
    units = ctx.units_with_place()
    by_street = units.groupby("street_id")["id"].apply(np.array)
    rows = {"community_id": [], "resident_unit_id": [], "checked_in_on": []}
    for c in communities.itertuples():
        if rng.random() > 0.9 or c.street_id not in by_street.index:
            continue
        options = by_street[c.street_id]
        for unit in rng.choice(options, size=min(len(options), int(rng.integers(1, 4))), replace=False):
            rows["community_id"].append(c.id)
            rows["resident_unit_id"].append(int(unit))
            rows["checked_in_on"].append(random_dates(rng, dt.date(2016, 1, 1), AS_OF, 1)[0].item())
    ctx.write("secretary_checkin", {"id": np.arange(1, len(rows["community_id"]) + 1), **rows})


def _posts_and_claims(ctx: DemoContext) -> None:
    rng = ctx.rng
    communities = ctx.frames["community"].query("is_urban")
    per = rng.integers(14, 25, len(communities))
    post_community = np.repeat(communities["id"].to_numpy(), per)
    number = np.concatenate([np.arange(1, k + 1) for k in per])
    category = rng.choice(POST_CATEGORIES, size=len(post_community))
    posts = ctx.write("volunteer_post", {
        "id": np.arange(1, len(post_community) + 1),
        "code": [f"GW{c:05d}{n:03d}" for c, n in zip(post_community.tolist(), number.tolist())],
        "name": [f"{k}岗{n}" for k, n in zip(category.tolist(), number.tolist())],
        "category": category,
        "community_id": post_community,
    })

    checkins = ctx.frames["member_checkin"]
    first = np.cumsum(np.concatenate([[0], per[:-1]]))
    start = pd.Series(first, index=communities["id"].to_numpy())
    count = pd.Series(per, index=communities["id"].to_numpy())
    c = checkins["community_id"].to_numpy()
    base, size = start.reindex(c).to_numpy(), count.reindex(c).to_numpy()
    first_pick = rng.integers(0, size)
    second_pick = (first_pick + rng.integers(1, size)) % size
    has_second = rng.random(len(c)) < SECOND_POST_SHARE
    member = np.concatenate([checkins["member_id"].to_numpy(), checkins["member_id"].to_numpy()[has_second]])
    post_pos = np.concatenate([base + first_pick, (base + second_pick)[has_second]])
    checked_on = checkins["checked_in_on"].to_numpy().astype("datetime64[D]")
    claimed = np.concatenate([checked_on, checked_on[has_second]]) + rng.integers(0, 31, len(member)).astype(
        "timedelta64[D]")
    claimed = np.minimum(claimed, np.datetime64(AS_OF, "D"))
    ctx.write("post_claim", {
        "id": np.arange(1, len(member) + 1),
        "member_id": member,
        "post_id": posts["id"].to_numpy()[post_pos],
        "claimed_on": claimed,
    })
    checkins["post_id"] = posts["id"].to_numpy()[base + first_pick]
    checkins["post_category"] = posts["category"].to_numpy()[base + first_pick]


def _service(ctx: DemoContext) -> None:
    """Each month, each checked-in member serves once (sometimes twice) with their own propensity."""
    rng = ctx.rng
    checkins = ctx.frames["member_checkin"]
    propensity = ctx.frames["county_propensity"].set_index("id")["propensity"]
    units = ctx.frames["resident_unit"]
    unit_factor = pd.Series(rng.uniform(0.8, 1.15, len(units)), index=units["id"].to_numpy())
    n = len(checkins)
    mean = np.clip(propensity.reindex(checkins["county_id"]).to_numpy() * 0.95
                   * unit_factor.reindex(checkins["work_unit_id"]).to_numpy(), 0.05, 0.98)
    member_rate = rng.beta(mean * 12, (1 - mean) * 12)
    member_rate[rng.random(n) < 0.04] = 0.0

    month_start = MONTHS.to_timestamp().to_numpy().astype("datetime64[D]")
    month_end = (MONTHS + 1).to_timestamp().to_numpy().astype("datetime64[D]") - np.timedelta64(1, "D")
    checked_on = checkins["checked_in_on"].to_numpy().astype("datetime64[D]")
    eligible = checked_on[:, None] <= month_end[None, :]
    served = eligible & (rng.random((n, len(MONTHS))) < member_rate[:, None])
    times = served.astype(int) + (served & (rng.random(served.shape) < 0.1))
    who, month = np.nonzero(times)
    repeat = times[who, month]
    who, month = np.repeat(who, repeat), np.repeat(month, repeat)
    days_in_month = (month_end - month_start).astype(int) + 1
    served_on = np.maximum(month_start[month] + (rng.random(len(who)) * days_in_month[month]).astype(
        "timedelta64[D]"), checked_on[who])
    ctx.write("service_activity", {
        "id": np.arange(1, len(who) + 1),
        "code": [f"FW{i:010d}" for i in range(1, len(who) + 1)],
        "member_id": checkins["member_id"].to_numpy()[who],
        "community_id": checkins["community_id"].to_numpy()[who],
        "post_id": checkins["post_id"].to_numpy()[who],
        "served_on": served_on,
        "kind": checkins["post_category"].to_numpy()[who],
        "hours": rng.choice([1.0, 1.5, 2.0, 2.5, 3.0, 4.0], size=len(who)),
    })
