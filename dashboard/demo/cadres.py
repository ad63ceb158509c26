"""四支队伍: community cadres (a secretary and 两委 members in each urban community, the 2017 election's
entrants), the 889 full-time staff and grid workers hired in 2017, grid workers already in post, and one
Party-building liaison officer per community.

A few posts are left empty, as a real register would show them: about one urban community in seventy has
no secretary, about one grid in thirty no grid worker.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard.demo.context import DemoContext, random_dates
from dashboard.demo.names import person_names, phone_numbers

ELECTION_ENTRANTS = {"致富带头人": 1_225, "返乡人员": 279, "大中专毕业生": 209, "退伍军人": 380}
HIRED_STAFF, HIRED_GRID_WORKERS = 369, 520  # 889 hired in 2017: full-time staff and grid workers
SITTING_MEMBERS_PER_URBAN_COMMUNITY = 3  # 两委 members in post since the 2014 election, besides the secretary
SECRETARY_VACANT, GRID_UNCOVERED = 0.015, 0.03
APPOINTMENT_SEED = 2017


def generate_cadres(ctx: DemoContext) -> None:
    rng = ctx.rng
    communities = ctx.frames["community"]
    all_communities = communities[communities["kind"] == "社区"]["id"].to_numpy()
    urban = communities[communities["is_urban"]]["id"].to_numpy()
    grids = ctx.frames["grid"]
    grid_ids, grid_community = grids["id"].to_numpy(), dict(zip(grids["id"], grids["community_id"]))
    parts = []  # (team, post, route, year, background, communities, grids, age range, education choices)
    for background, count in ELECTION_ENTRANTS.items():
        n = ctx.count(count)
        parts.append(("社区干部", "两委成员", "两委换届", 2017, background, rng.choice(all_communities, n), None,
                      (25, 55), ["高中", "大专", "本科"]))
    staff = np.resize(rng.permutation(urban), ctx.count(HIRED_STAFF))  # one in each urban community at scale 1
    parts.append(("社区干部", "专职工作人员", "公开选聘", 2017, None, staff, None, (22, 40), ["大专", "本科"]))
    hired = ctx.count(HIRED_GRID_WORKERS)
    hired_grids = rng.choice(grid_ids, hired, replace=hired > len(grid_ids))
    parts.append(("网格员", None, "公开选聘", 2017, None, None, hired_grids, (22, 40), ["大专", "本科"]))
    rest = np.setdiff1d(grid_ids, hired_grids)
    sitting_grids = rest[rng.random(len(rest)) >= GRID_UNCOVERED]
    parts.append(("网格员", None, "原有", 2014, None, None, sitting_grids, (25, 55), ["高中", "中专", "大专"]))
    parts.append(("党建联络员", None, "公开选聘", 2017, None, all_communities, None, (27, 33),
                  ["大专", "本科", "研究生"]))
    secretaries = urban[rng.random(len(urban)) >= SECRETARY_VACANT]
    parts.append(("社区干部", "社区党组织书记", "原有", 2014, None, secretaries, None, (35, 58),
                  ["高中", "大专", "本科"]))
    parts.append(("社区干部", "两委成员", "原有", 2014, None, np.repeat(urban, SITTING_MEMBERS_PER_URBAN_COMMUNITY),
                  None, (30, 58), ["高中", "大专", "本科"]))

    rows = {k: [] for k in ("team", "post", "entry_route", "entry_year", "background", "community_id", "grid_id",
                            "birth_date", "education")}
    for team, post, route, year, background, places, grid_of, (young, old), education in parts:
        n = len(places if places is not None else grid_of)
        rows["team"] += [team] * n
        rows["post"] += [post] * n
        rows["entry_route"] += [route] * n
        rows["entry_year"] += [year] * n
        rows["background"] += [background] * n
        rows["community_id"] += (places.tolist() if places is not None
                                 else [int(grid_community[g]) for g in grid_of.tolist()])
        rows["grid_id"] += [None] * n if grid_of is None else grid_of.tolist()
        rows["birth_date"] += random_dates(rng, dt.date(2018 - old, 1, 1), dt.date(2018 - young, 6, 30), n).tolist()
        rows["education"] += rng.choice(education, n).tolist()
    n = len(rows["team"])
    ids = np.arange(1, n + 1)
    ctx.write("cadre", {"id": ids, "code": [f"GB{i:06d}" for i in ids.tolist()], "name": person_names(rng, n),
                        **rows, "phone": phone_numbers(rng, n), "member_id": [None] * n,
                        "appointed_on": appointment_dates(rows)})


def appointment_dates(rows: dict) -> list:
    """When each cadre took up the post (migration 0016), drawn from a generator of its own so the calibrated
    figures drawn from ctx.rng stay as they were: those in post since before the history (原有) undated; the
    2017 election's entrants in its first quarter; the staff, grid workers and liaison officers hired in 2017
    through the year, so the history shows 党建联络员配备率 rising to the report's one per community."""
    rng = np.random.default_rng(APPOINTMENT_SEED)
    dates = []
    for route, year in zip(rows["entry_route"], rows["entry_year"]):
        if route == "两委换届":
            dates.append(random_dates(rng, dt.date(year, 1, 5), dt.date(year, 3, 31), 1)[0].item())
        elif route == "公开选聘":
            dates.append(random_dates(rng, dt.date(year, 2, 1), dt.date(year, 12, 31), 1)[0].item())
        else:
            dates.append(None)
    return dates
