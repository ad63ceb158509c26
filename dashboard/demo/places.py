"""The demo's streets, towns, communities and villages: the real ones of the 2016 division table, adjusted
to the 2018 report's counts by the fewest changes (the rules are in docs/METRICS.md, "Demo geography").

1. Town-level rows are streets (街道, 街道办事处) or towns (乡镇: towns, townships and the farms, forest
   stations and the like). The report counts 42 streets and 127 towns, 169 in all; the table has 175, so
   the farm-like units (names not ending 镇 or 乡) with the fewest sub-units are left out, with their
   sub-units, until 169 remain.
2. The towns (镇/乡 only) of counties that already have streets in the table, with the most communities in
   a built-up class (ur_code 111, 112, 121 or 122), become streets until there are 42 streets: no street is
   invented in a county that has none (安乡县, 临澧县 and 桃源县 keep only towns).
3. Village-level rows are communities (社区, 居委会, 居民委员会) or villages (every other row). Villages with
   the most urban class (then those in a street, then by code) become communities until there are 714;
   the rest stay villages (1,548).
4. Urban communities (城市社区): the communities of streets first (by urban class and code); then, since
   they are fewer than 369, the communities of the county seats of the counties without streets (each such
   county's town with the most built-up communities), taken from the seats in turn, each seat's by urban
   class and code, up to 369: every county has urban communities, as a county seat does. Central city
   (中心城区): urban communities of 武陵区, 鼎城区 and the management areas inside them, by urban class and
   code; the first 148.
5. A management area gets the town-level units named for it (TOWN_TO_AREA); their sub-units follow.
"""

from __future__ import annotations

import pandas as pd

from dashboard.divisions import COUNTY_UNITS, read_divisions, short_name, town_kind, village_kind

STREETS, TOWNS, COMMUNITIES, VILLAGES = 42, 127, 714, 1548
URBAN_COMMUNITIES, CENTRAL_COMMUNITIES = 369, 148
CITY_DISTRICTS = ("武陵区", "鼎城区")
# The town-level unit each management area is known by (经开区 is 德山; 高新区 grew from the 灌溪 park).
TOWN_TO_AREA = {
    "柳叶湖街道": "柳叶湖旅游度假区",
    "德山街道": "常德经济技术开发区",
    "灌溪镇": "常德高新技术产业开发区",
    "桃花源镇": "桃花源旅游管理区",
    "西湖管理区": "西湖管理区",
}
UR_RANK = {"111": 0, "112": 1, "121": 2, "122": 3, "123": 4, "210": 5, "220": 6}


def _coordinate(text: str) -> float | None:
    return float(text) if text else None


def _urban_communities(towns: pd.DataFrame, villages: pd.DataFrame) -> pd.Series:
    """The codes of the 369 urban communities: those of streets, then those of the county seats of counties
    without streets (their towns with the most built-up communities), one seat after the other."""
    communities = villages[villages["kind"] == "社区"].sort_values(["ur_rank", "code"])
    of_streets = communities[communities["in_street"]]
    street_counties = set(towns.loc[towns["kind"] == "街道", "code"].str[:6])
    without = towns[~towns["code"].str[:6].isin(street_counties)]
    seats = (without.sort_values(["built_up", "code"], ascending=[False, True])
             .groupby(without["code"].str[:6]).head(1)["code"])
    of_seats = communities[communities["parent"].isin(seats)].copy()
    of_seats["turn"] = of_seats.groupby("parent").cumcount()
    of_seats = of_seats.sort_values(["turn", "parent"])
    return pd.concat([of_streets, of_seats])["code"].head(URBAN_COMMUNITIES)


def demo_places() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(streets, communities) of the demo, in code order.

    streets: code, name, kind, county, lon, lat. communities: code, name, kind, street_code, county,
    ur_code, is_urban, is_central_city, lon, lat.
    """
    table = read_divisions()
    county_name = {row.code[:6]: row.name for row in table[table["rank"] == "3"].itertuples()}
    towns = table[table["rank"] == "4"].copy()
    villages = table[table["rank"] == "5"].copy()
    villages["ur_rank"] = villages["ur_code"].map(UR_RANK).fillna(len(UR_RANK)).astype(int)
    towns["kind"] = towns["name"].map(town_kind)
    towns["farm_like"] = (towns["kind"] == "乡镇") & ~towns["name"].str.endswith(("镇", "乡"))
    towns["sub_units"] = towns["code"].map(villages.groupby("parent").size()).fillna(0).astype(int)

    extra = len(towns) - (STREETS + TOWNS)
    left_out = towns[towns["farm_like"]].sort_values(["sub_units", "code"]).head(max(extra, 0))["code"]
    towns = towns[~towns["code"].isin(left_out)]
    villages = villages[villages["parent"].isin(towns["code"])].copy()

    villages["kind"] = villages["name"].map(village_kind)
    built_up = villages[(villages["kind"] == "社区") & (villages["ur_rank"] <= UR_RANK["122"])]
    towns["built_up"] = towns["code"].map(built_up.groupby("parent").size()).fillna(0).astype(int)
    missing_streets = STREETS - int((towns["kind"] == "街道").sum())
    with_streets = set(towns.loc[towns["kind"] == "街道", "code"].str[:6])
    candidates = towns[(towns["kind"] == "乡镇") & ~towns["farm_like"] & towns["code"].str[:6].isin(with_streets)]
    promoted = candidates.sort_values(["built_up", "code"], ascending=[False, True]).head(
        max(missing_streets, 0))["code"]
    towns.loc[towns["code"].isin(promoted), "kind"] = "街道"

    towns["county"] = towns["code"].str[:6].map(county_name)
    towns["county"] = towns["name"].map(TOWN_TO_AREA).fillna(towns["county"])
    street_kind = towns.set_index("code")["kind"]
    villages["in_street"] = villages["parent"].map(street_kind).eq("街道")
    missing_communities = COMMUNITIES - int((villages["kind"] == "社区").sum())
    promoted = villages[villages["kind"] == "村"].sort_values(
        ["ur_rank", "in_street", "code"], ascending=[True, False, True]).head(max(missing_communities, 0))["code"]
    villages.loc[villages["code"].isin(promoted), "kind"] = "社区"

    villages["county"] = villages["parent"].map(towns.set_index("code")["county"])
    villages["is_urban"] = villages["code"].isin(_urban_communities(towns, villages))
    inside = {u.name for u in COUNTY_UNITS if u.name in CITY_DISTRICTS or u.located_in in CITY_DISTRICTS}
    central_order = villages[villages["is_urban"] & villages["county"].isin(inside)].sort_values(["ur_rank", "code"])
    villages["is_central_city"] = villages["code"].isin(central_order.head(CENTRAL_COMMUNITIES)["code"])

    streets = pd.DataFrame({
        "code": towns["code"], "name": towns["name"].map(short_name), "kind": towns["kind"],
        "county": towns["county"], "lon": towns["longitude"].map(_coordinate),
        "lat": towns["latitude"].map(_coordinate),
    }).sort_values("code").reset_index(drop=True)
    communities = pd.DataFrame({
        "code": villages["code"], "name": villages["name"].map(short_name), "kind": villages["kind"],
        "street_code": villages["parent"], "county": villages["county"], "ur_code": villages["ur_code"],
        "is_urban": villages["is_urban"], "is_central_city": villages["is_central_city"],
        "lon": villages["longitude"].map(_coordinate), "lat": villages["latitude"].map(_coordinate),
    }).sort_values("code").reset_index(drop=True)
    return streets, communities
