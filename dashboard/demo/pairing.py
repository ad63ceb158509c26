"""双结对, 双通报, 双向考核: unit and member pairings with their activities, yearly notifications, scores."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.demo.context import AS_OF, DemoContext, random_dates
from dashboard.schema import PAIRING_ACTIVITY_KINDS

ORGAN_UNITS_PAIRED = 836
OTHER_UNITS_PAIRED = 60
AGENCY_MEMBERS_PAIRED = 21_400
NOTIFICATION_YEARS = (2016, 2017)
# 双向考核: (year, drift of that year's scores, share of communities that have not finished the round)
ASSESSMENT_ROUNDS = ((2016, -1.5, 0.01), (2017, 0.0, 0.04))
ASSESSMENT_BASE, ASSESSMENT_SPREAD, ASSESSMENT_NOISE = 54.0, 40.0, 4.0
ASSESSMENT_BARELY_SHARE = 0.02  # units that barely take part in joint building
ASSESSMENT_LEFT_OUT_SHARE = 0.015  # units a community left out of a finished round


def generate_pairings(ctx: DemoContext) -> None:
    _unit_pairings(ctx)
    _member_pairings(ctx)
    _pairing_activities(ctx)
    _notifications(ctx)
    _assessments(ctx)


def _unit_pairings(ctx: DemoContext) -> None:
    """Units pair with one or two urban communities of their county, favouring communities still unpaired."""
    rng = ctx.rng
    communities = ctx.frames["community"].query("is_urban")
    units = ctx.units_with_place()
    organ = units[units["is_city_county_organ"]]
    other = units[~units["is_city_county_organ"]]
    chosen = pd.concat([
        organ.iloc[np.sort(rng.choice(len(organ), min(len(organ), ctx.count(ORGAN_UNITS_PAIRED)), replace=False))],
        other.iloc[np.sort(rng.choice(len(other), min(len(other), ctx.count(OTHER_UNITS_PAIRED)), replace=False))],
    ])
    paired_count = pd.Series(0, index=communities["id"].to_numpy())
    rows = {"resident_unit_id": [], "community_id": [], "started_on": []}
    for u in chosen.itertuples():
        local = communities[communities["county_id"] == u.county_id]["id"].to_numpy()
        taken: set[int] = set()
        for _ in range(1 if rng.random() < 0.78 else 2):
            weights = np.where(paired_count.reindex(local).to_numpy() == 0, 1.6, 1.0)
            community = int(local[rng.choice(len(local), p=weights / weights.sum())])
            if community in taken:
                continue
            taken.add(community)
            paired_count[community] += 1
            rows["resident_unit_id"].append(u.id)
            rows["community_id"].append(community)
            rows["started_on"].append(random_dates(rng, dt.date(2015, 1, 1), AS_OF, 1)[0].item())
    n = len(rows["community_id"])
    ctx.write("unit_pairing", {"id": np.arange(1, n + 1), **rows, "ended_on": [None] * n})


def _member_pairings(ctx: DemoContext) -> None:
    """Checked-in organ members pair with a resident member of the community they checked in to."""
    rng = ctx.rng
    checkins = ctx.frames["member_checkin"]
    units = ctx.frames["resident_unit"]
    organ_units = set(units.loc[units["is_city_county_organ"], "id"].tolist())
    agency = checkins[checkins["work_unit_id"].isin(organ_units)]
    agency = agency.iloc[np.sort(rng.choice(len(agency), min(len(agency), ctx.count(AGENCY_MEMBERS_PAIRED)),
                                            replace=False))]
    members = ctx.frames["party_member"]
    residents = members[members["group"] == "resident"].groupby("residence_community_id")["id"].apply(np.array)
    partner = np.array([rng.choice(residents[c]) for c in agency["community_id"].tolist()])
    started = np.maximum(random_dates(rng, dt.date(2016, 1, 1), AS_OF, len(agency)),
                         agency["checked_in_on"].to_numpy().astype("datetime64[D]"))
    ctx.write("member_pairing", {
        "id": np.arange(1, len(agency) + 1),
        "agency_member_id": agency["member_id"].to_numpy(),
        "resident_member_id": partner,
        "community_id": agency["community_id"].to_numpy(),
        "started_on": started,
    })


def _pairing_activities(ctx: DemoContext) -> None:
    rng = ctx.rng
    parts = []
    for table, column, mean in (("unit_pairing", "unit_pairing_id", 6.0), ("member_pairing", "member_pairing_id", 3.0)):
        pairs = ctx.frames[table]
        k = rng.poisson(mean, len(pairs))
        who = np.repeat(np.arange(len(pairs)), k)
        start = np.maximum(pairs["started_on"].to_numpy().astype("datetime64[D]")[who],
                           np.datetime64("2017-01-01", "D"))
        span = (np.datetime64(AS_OF, "D") - start).astype(int) + 1
        held = start + (rng.random(len(who)) * span).astype(int).astype("timedelta64[D]")
        ids = pairs["id"].to_numpy()[who].tolist()
        parts.append({
            "unit_pairing_id": ids if column == "unit_pairing_id" else [None] * len(who),
            "member_pairing_id": ids if column == "member_pairing_id" else [None] * len(who),
            "community_id": pairs["community_id"].to_numpy()[who].tolist(),
            "held_on": held.tolist(),
            "kind": rng.choice(PAIRING_ACTIVITY_KINDS, size=len(who)).tolist(),
        })
    merged = {k: parts[0][k] + parts[1][k] for k in parts[0]}
    ids = np.arange(1, len(merged["kind"]) + 1)
    ctx.write("pairing_activity", {"id": ids, "code": [f"HD{i:010d}" for i in ids.tolist()], **merged})


def _notifications(ctx: DemoContext) -> None:
    """Each year each unit and each community where its members checked in notify each other."""
    rng = ctx.rng
    checkins = ctx.frames["member_checkin"]
    propensity = ctx.frames["county_propensity"].set_index("id")["propensity"]
    rows = {k: [] for k in ("resident_unit_id", "community_id", "year", "unit_notified_on",
                            "community_notified_on", "members_reported")}
    for year in NOTIFICATION_YEARS:
        year_end = np.datetime64(f"{year}-12-31", "D")
        active = checkins[checkins["checked_in_on"].to_numpy().astype("datetime64[D]") <= year_end]
        pairs = active.groupby(["work_unit_id", "community_id", "county_id"]).size().reset_index(name="members")
        p = propensity.reindex(pairs["county_id"]).to_numpy()
        unit_done = rng.random(len(pairs)) < np.clip(p + 0.04, 0, 0.995)
        community_done = rng.random(len(pairs)) < np.clip(p + 0.06, 0, 0.995)
        when = random_dates(rng, dt.date(year, 12, 1), dt.date(year + 1, 1, 31), len(pairs))
        rows["resident_unit_id"] += pairs["work_unit_id"].astype(int).tolist()
        rows["community_id"] += pairs["community_id"].tolist()
        rows["year"] += [year] * len(pairs)
        rows["unit_notified_on"] += [d if ok else None for d, ok in zip(when.tolist(), unit_done)]
        rows["community_notified_on"] += [d if ok else None for d, ok in zip(when.tolist(), community_done)]
        rows["members_reported"] += pairs["members"].tolist()
    ctx.write("notification", {"id": np.arange(1, len(rows["year"]) + 1), **rows})


def _assessments(ctx: DemoContext) -> None:
    """Each year each community scores the units that had checked in to it by the year's end. A unit whose
    members check in and serve more scores higher; a few units barely take part (较差); scores rise a little
    from 2016 to 2017; a few communities have not finished the latest round and a few units were left out,
    so some units are not yet assessed. The noise of 2017 is the one draw per unit check-in this step has
    always taken from the main random stream; everything else comes from a stream of its own, so that the
    later steps' data stay as they were."""
    checkins = ctx.frames["unit_checkin"]
    noise = ctx.rng.standard_normal(len(checkins))
    rng = ctx.rng.spawn(1)[0]
    quality = _unit_quality(ctx).reindex(checkins["resident_unit_id"]).to_numpy()
    quality = np.where(np.isnan(quality), np.nanmean(quality), quality)
    barely = rng.random(len(checkins)) < ASSESSMENT_BARELY_SHARE
    checked_on = checkins["checked_in_on"].to_numpy().astype("datetime64[D]")
    community_ids = np.sort(checkins["community_id"].unique())
    rows = {k: [] for k in ("resident_unit_id", "community_id", "year", "score")}
    for year, drift, open_share in ASSESSMENT_ROUNDS:
        year_noise = noise if year == ASSESSMENT_ROUNDS[-1][0] else 0.7 * noise + 0.71 * rng.standard_normal(len(noise))
        score = (ASSESSMENT_BASE + ASSESSMENT_SPREAD * quality + drift + ASSESSMENT_NOISE * year_noise
                 - np.where(barely, rng.uniform(15, 28, len(noise)), 0.0))
        open_rounds = community_ids[rng.random(len(community_ids)) < open_share]
        scored = ((checked_on <= np.datetime64(f"{year}-12-31", "D"))
                  & ~checkins["community_id"].isin(open_rounds).to_numpy()
                  & (rng.random(len(noise)) >= ASSESSMENT_LEFT_OUT_SHARE))
        rows["resident_unit_id"] += checkins["resident_unit_id"].to_numpy()[scored].tolist()
        rows["community_id"] += checkins["community_id"].to_numpy()[scored].tolist()
        rows["year"] += [year] * int(scored.sum())
        rows["score"] += np.round(np.clip(score[scored], 40, 100), 1).tolist()
    ctx.write("unit_assessment", {"id": np.arange(1, len(rows["year"]) + 1), **rows})


def _unit_quality(ctx: DemoContext) -> pd.Series:
    """Per resident unit, 0 to 1: its in-service members' check-in share (0.4) and their monthly service rate of
    the last assessed year (0.6), the figures the view shows beside a unit's score."""
    members = ctx.frames["party_member"]
    service = members[members["group"] == "service"]
    checkins = ctx.frames["member_checkin"]
    checked_share = (service["id"].isin(checkins["member_id"]).groupby(service["work_unit_id"]).mean())
    year = ASSESSMENT_ROUNDS[-1][0]
    activity = ctx.frames["service_activity"]
    served_on = activity["served_on"].to_numpy().astype("datetime64[D]")
    in_year = (served_on >= np.datetime64(f"{year}-01-01", "D")) & (served_on <= np.datetime64(f"{year}-12-31", "D"))
    served = pd.DataFrame({"member_id": activity["member_id"].to_numpy()[in_year],
                           "month": served_on[in_year].astype("datetime64[M]")}).drop_duplicates()
    months_served = served.groupby("member_id").size()
    checked_on = checkins["checked_in_on"].to_numpy().astype("datetime64[M]")
    first_month = np.maximum(checked_on, np.datetime64(f"{year}-01", "M"))
    eligible = np.clip((np.datetime64(f"{year}-12", "M") - first_month).astype(int) + 1, 0, 12)
    per_member = pd.DataFrame({"unit": checkins["work_unit_id"].to_numpy(), "eligible": eligible,
                               "served": months_served.reindex(checkins["member_id"]).fillna(0).to_numpy()})
    totals = per_member.groupby("unit")[["served", "eligible"]].sum()
    service_rate = totals["served"] / totals["eligible"].where(totals["eligible"] > 0)
    quality = 0.4 * checked_share + 0.6 * service_rate.reindex(checked_share.index)
    return quality.fillna(checked_share)
