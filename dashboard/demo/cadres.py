"""四支队伍: community cadres (incl. the 2017 election's entrants), hired staff and grid workers, and one
Party-building liaison officer per community."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard.demo.context import DemoContext, random_dates
from dashboard.demo.names import person_names, phone_numbers

ELECTION_ENTRANTS = {"致富带头人": 1_225, "返乡人员": 279, "大中专毕业生": 209, "退伍军人": 380}
HIRED = {"社区干部": 369, "网格员": 520}
SITTING_PER_URBAN_COMMUNITY = 3


def generate_cadres(ctx: DemoContext) -> None:
    rng = ctx.rng
    communities = ctx.frames["community"]
    all_communities = communities[communities["kind"] == "社区"]["id"].to_numpy()
    urban = communities[communities["is_urban"]]["id"].to_numpy()
    parts = []  # (team, route, year, background, communities, age range, education choices)
    for background, count in ELECTION_ENTRANTS.items():
        n = ctx.count(count)
        parts.append(("社区干部", "两委换届", 2017, background, rng.choice(all_communities, n), (25, 55),
                      ["高中", "大专", "本科"]))
    for team, count in HIRED.items():
        parts.append((team, "公开选聘", 2017, None, rng.choice(urban, ctx.count(count)), (22, 40),
                      ["大专", "本科"]))
    parts.append(("党建联络员", "公开选聘", 2017, None, all_communities, (27, 33), ["大专", "本科", "研究生"]))
    parts.append(("社区干部", "原有", 2014, None, np.repeat(urban, SITTING_PER_URBAN_COMMUNITY), (30, 58),
                  ["高中", "大专", "本科"]))

    rows = {k: [] for k in ("team", "entry_route", "entry_year", "background", "community_id", "birth_date",
                            "education")}
    for team, route, year, background, places, (young, old), education in parts:
        n = len(places)
        rows["team"] += [team] * n
        rows["entry_route"] += [route] * n
        rows["entry_year"] += [year] * n
        rows["background"] += [background] * n
        rows["community_id"] += places.tolist()
        rows["birth_date"] += random_dates(rng, dt.date(2018 - old, 1, 1), dt.date(2018 - young, 6, 30), n).tolist()
        rows["education"] += rng.choice(education, n).tolist()
    n = len(rows["team"])
    ids = np.arange(1, n + 1)
    ctx.write("cadre", {"id": ids, "code": [f"GB{i:06d}" for i in ids.tolist()], "name": person_names(rng, n),
                        **rows, "phone": phone_numbers(rng, n), "member_id": [None] * n})
