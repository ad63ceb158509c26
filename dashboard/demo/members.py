"""Party members: residents of urban communities, in-service members, and everyone else in the city.

Three groups, so that the reference figures follow from the data rather than being written in:
- residents: the members of each urban community's own Party organization (their number sets its form);
- in service and living in an urban community: the members who should check in (双报到), working in
  city and county organs and institutions (市县行政事业单位) or in other units;
- the rest of the city's 330,000 members: in villages and towns' communities, or in units while living
  outside the urban communities.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.demo.context import AS_OF, DemoContext
from dashboard.demo.names import id_numbers, person_names, phone_numbers

CITY_MEMBERS = 330_000
ORGAN_MEMBERS_IN_URBAN = 50_900
OTHER_MEMBERS_IN_URBAN = 7_600
RESIDENCE_SAME_COUNTY = 0.85


def _pick(rng: np.random.Generator, pool: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    return pool[rng.choice(len(pool), size=n, p=weights / weights.sum())]


def _grid_in(rng: np.random.Generator, community_ids: np.ndarray, grids: pd.DataFrame) -> np.ndarray:
    """A random grid of each given community."""
    by_community = grids.groupby("community_id")["id"].apply(np.array)
    result = np.empty(len(community_ids), dtype=np.int64)
    for community, positions in pd.Series(np.arange(len(community_ids))).groupby(community_ids):
        options = by_community[community]
        result[positions.to_numpy()] = options[rng.integers(0, len(options), len(positions))]
    return result


def _residence_near(rng: np.random.Generator, unit_county: np.ndarray, urban: pd.DataFrame) -> np.ndarray:
    """An urban community to live in: usually in the unit's own county-level unit, weighted by population."""
    everywhere = urban["id"].to_numpy()
    weights_all = urban["population"].to_numpy(dtype=float)
    result = _pick(rng, everywhere, weights_all, len(unit_county))
    same = rng.random(len(unit_county)) < RESIDENCE_SAME_COUNTY
    for county, positions in pd.Series(np.arange(len(unit_county))).groupby(unit_county):
        local = urban[urban["county_id"] == county]
        if local.empty:
            continue
        chosen = positions.to_numpy()[same[positions.to_numpy()]]
        result[chosen] = _pick(rng, local["id"].to_numpy(), local["population"].to_numpy(dtype=float), len(chosen))
    return result


def generate_members(ctx: DemoContext) -> None:
    rng = ctx.rng
    communities = ctx.frames["community"]
    urban = communities[communities["is_urban"]]
    grids = ctx.frames["grid"]
    units = ctx.units_with_place()
    unit_org = ctx.frames["unit_org"].set_index("unit_id")["org_id"]
    grid_branch = ctx.frames["grid_branch"].set_index("grid_id")["org_id"]
    community_org = ctx.frames["community_org"].set_index("community_id")["org_id"]

    # Residents of urban communities, members of the community's own organization.
    counts = ctx.frames["community_form"].set_index("community_id")["members"]
    res_community = np.repeat(counts.index.to_numpy(), counts.to_numpy())
    res_grid = _grid_in(rng, res_community, grids)
    branch = grid_branch.reindex(res_grid).to_numpy()
    res_org = np.where(np.isnan(branch), community_org.reindex(res_community).to_numpy(), branch).astype(np.int64)

    # In-service members living in urban communities: organ members first, then other units'.
    unit_size = rng.lognormal(0, 0.8, len(units))
    organ = units["is_city_county_organ"].to_numpy()
    n_organ, n_other = ctx.count(ORGAN_MEMBERS_IN_URBAN), ctx.count(OTHER_MEMBERS_IN_URBAN)
    work_unit = np.concatenate([
        _pick(rng, units["id"].to_numpy()[organ], unit_size[organ], n_organ),
        _pick(rng, units["id"].to_numpy()[~organ], unit_size[~organ], n_other),
    ])
    unit_county = units.set_index("id")["county_id"].reindex(work_unit).to_numpy()
    svc_community = _residence_near(rng, unit_county, urban)
    svc_grid = _grid_in(rng, svc_community, grids)

    # Everyone else: town and village members, and unit members living outside urban communities.
    n_rest = ctx.count(CITY_MEMBERS) - len(res_community) - len(work_unit)
    outside = communities[~communities["is_urban"]]
    other_org = (ctx.frames["party_org"].query("level == '其他基层党组织'")
                 .set_index("community_id")["id"])
    rest_community = _pick(rng, outside["id"].to_numpy(), outside["population"].to_numpy(dtype=float), n_rest)
    rest_in_unit = rng.random(n_rest) < 0.4
    rest_unit = np.where(rest_in_unit, units["id"].to_numpy()[rng.integers(0, len(units), n_rest)], 0)
    rest_org = np.where(rest_in_unit, unit_org.reindex(rest_unit).fillna(0).to_numpy(),
                        other_org.reindex(rest_community).to_numpy()).astype(np.int64)

    n_res, n_svc = len(res_community), len(work_unit)
    n = n_res + n_svc + n_rest
    group = np.repeat(np.array(["resident", "service", "rest"]), [n_res, n_svc, n_rest])
    in_service = np.concatenate([np.zeros(n_res, bool), np.ones(n_svc, bool), rest_in_unit])
    male = rng.random(n) < np.where(group == "resident", 0.55, np.where(group == "service", 0.6, 0.72))
    age_low = np.where(in_service, 24, np.where(group == "resident", 40, 25))
    age_high = np.where(in_service, 59, 88)
    age_days = (rng.uniform(age_low, age_high) * 365.25).astype(int)
    birth = np.datetime64(AS_OF, "D") - age_days.astype("timedelta64[D]")
    joined_age = rng.uniform(18, np.minimum(age_high, 45))
    joined = birth + (np.minimum(joined_age, age_days / 365.25 - 0.1) * 365.25).astype("timedelta64[D]")
    full = joined <= np.datetime64(AS_OF - dt.timedelta(days=365), "D")

    residence = np.concatenate([res_community, svc_community, rest_community])
    county_of = communities.set_index("id")["county_id"]
    county_frame = ctx.frames["county"].set_index("id")
    adcode = county_frame["adcode"].where(county_frame["adcode"].notna(),
                                          county_frame["located_in_id"].map(county_frame["adcode"]))
    regions = adcode.reindex(county_of.reindex(residence).to_numpy()).tolist()

    ids = np.arange(1, n + 1)
    ctx.write("party_member", {
        "id": ids,
        "code": [f"DY{i:08d}" for i in ids.tolist()],
        "name": person_names(rng, n),
        "gender": np.where(male, "男", "女"),
        "birth_date": birth,
        "id_number": id_numbers(rng, regions, birth, male),
        "phone": phone_numbers(rng, n),
        "joined_on": joined,
        "is_full_member": full,
        "is_in_service": in_service,
        "party_org_id": np.concatenate([res_org, unit_org.reindex(work_unit).to_numpy(), rest_org]),
        "work_unit_id": [None] * n_res + work_unit.tolist() + [u if u else None for u in rest_unit.tolist()],
        "residence_community_id": residence,
        "residence_grid_id": res_grid.tolist() + svc_grid.tolist() + [None] * n_rest,
    })
    member = ctx.frames["party_member"]
    member["group"] = group
    member["county_id"] = county_of.reindex(residence).to_numpy()
