"""The administrative geography of 常德市: real county-level units, synthetic streets down to buildings."""

from __future__ import annotations

import json

import numpy as np

from dashboard.db import ROOT
from dashboard.demo.context import DemoContext
from dashboard.demo.names import place_names

BOUNDARIES = ROOT / "data" / "changde_counties.geojson"

# name, kind, code, adcode, located in (management areas), lon/lat offset from that county's centre,
# streets, towns, whether its streets are in the central city (中心城区)
COUNTY_PLAN = [
    ("武陵区", "市辖区", "430702", "430702", None, (0, 0), 11, 1, True),
    ("鼎城区", "市辖区", "430703", "430703", None, (0, 0), 5, 17, True),
    ("安乡县", "县", "430721", "430721", None, (0, 0), 2, 10, False),
    ("汉寿县", "县", "430722", "430722", None, (0, 0), 2, 17, False),
    ("澧县", "县", "430723", "430723", None, (0, 0), 3, 16, False),
    ("临澧县", "县", "430724", "430724", None, (0, 0), 2, 9, False),
    ("桃源县", "县", "430725", "430725", None, (0, 0), 2, 24, False),
    ("石门县", "县", "430726", "430726", None, (0, 0), 2, 17, False),
    ("津市市", "县级市", "430781", "430781", None, (0, 0), 4, 5, False),
    ("西湖管理区", "管理区", "4307GLXH", None, "汉寿县", (0.0, 0.1), 1, 2, False),
    ("西洞庭管理区", "管理区", "4307GLXDT", None, "汉寿县", (0.05, 0.05), 1, 2, False),
    ("常德经济技术开发区", "管理区", "4307JKQ", None, "鼎城区", (0.0, -0.02), 2, 3, True),
    ("常德高新技术产业开发区", "管理区", "4307GXQ", None, "武陵区", (0.01, 0.01), 2, 0, True),
    ("柳叶湖旅游度假区", "管理区", "4307LYH", None, "武陵区", (0.015, 0.01), 2, 2, True),
    ("桃花源旅游管理区", "管理区", "4307THY", None, "桃源县", (0.05, 0.07), 1, 2, False),
]
URBAN_COMMUNITIES, CENTRAL_COMMUNITIES = 369, 148
ALL_COMMUNITIES, VILLAGES = 714, 1548


def county_centres() -> dict[str, tuple[float, float]]:
    """Centre (lon, lat) of each county with a polygon in the boundary file, by name."""
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: tuple(f["properties"]["center"]) for f in features}


def _split(rng: np.random.Generator, total: int, parts: int, minimum: int) -> np.ndarray:
    """Split total into parts counts, each at least minimum, at random."""
    extra = rng.multinomial(total - parts * minimum, rng.dirichlet(np.full(parts, 4.0)))
    return extra + minimum


def generate_geography(ctx: DemoContext) -> None:
    rng = ctx.rng
    centres = county_centres()
    ids = {name: i + 1 for i, (name, *_rest) in enumerate(COUNTY_PLAN)}
    county = {k: [] for k in ("id", "code", "adcode", "name", "kind", "located_in_id", "lon", "lat", "sort_order")}
    for i, (name, kind, code, adcode, parent, offset, *_counts) in enumerate(COUNTY_PLAN):
        lon, lat = centres[parent or name]
        county["id"].append(i + 1)
        county["code"].append(code)
        county["adcode"].append(adcode)
        county["name"].append(name)
        county["kind"].append(kind)
        county["located_in_id"].append(ids[parent] if parent else None)
        county["lon"].append(round(lon + offset[0], 6))
        county["lat"].append(round(lat + offset[1], 6))
        county["sort_order"].append(i + 1)
    ctx.write("county", county)

    street = {k: [] for k in ("id", "code", "name", "kind", "county_id")}
    central_street: list[bool] = []
    for cid, (_name, _kind, code, _ad, _p, _o, n_streets, n_towns, central) in enumerate(COUNTY_PLAN, start=1):
        names = place_names(rng, n_streets + n_towns, "")
        for j in range(n_streets + n_towns):
            is_street = j < n_streets
            street["id"].append(len(street["id"]) + 1)
            street["code"].append(f"{code}-{j + 1:03d}")
            street["name"].append(names[j] + ("街道" if is_street else ("镇" if rng.random() < 0.85 else "乡")))
            street["kind"].append("街道" if is_street else "乡镇")
            street["county_id"].append(cid)
            central_street.append(is_street and central)
    streets = ctx.write("street", street)
    streets["central"] = central_street

    is_street = streets["kind"].eq("街道").to_numpy()
    central = streets["central"].to_numpy()
    per_street = np.zeros(len(streets), dtype=int)
    per_street[central] = _split(rng, CENTRAL_COMMUNITIES, int(central.sum()), 4)
    outer = is_street & ~central
    per_street[outer] = _split(rng, URBAN_COMMUNITIES - CENTRAL_COMMUNITIES, int(outer.sum()), 5)
    towns = ~is_street
    town_communities = _split(rng, ALL_COMMUNITIES - URBAN_COMMUNITIES, int(towns.sum()), 1)
    town_villages = _split(rng, VILLAGES, int(towns.sum()), 3)

    community = {k: [] for k in ("id", "code", "name", "kind", "is_urban", "is_central_city",
                                 "street_id", "county_id", "population")}
    town_index = 0
    for s in streets.itertuples():
        if s.kind == "街道":
            plan = [("社区", True)] * per_street[s.id - 1]
        else:
            plan = [("社区", False)] * town_communities[town_index] + [("村", False)] * town_villages[town_index]
            town_index += 1
        names = place_names(rng, len(plan), "")
        for j, (kind, urban) in enumerate(plan):
            community["id"].append(len(community["id"]) + 1)
            community["code"].append(f"{s.code}-{j + 1:03d}")
            community["name"].append(names[j] + kind)
            community["kind"].append(kind)
            community["is_urban"].append(urban)
            community["is_central_city"].append(urban and bool(s.central))
            community["street_id"].append(s.id)
            community["county_id"].append(s.county_id)
            population = rng.normal(8000, 2500) if urban else rng.normal(2500, 800)
            community["population"].append(int(np.clip(population, 1500 if urban else 400, 20000)))
    ctx.write("community", community)
    _generate_grids(ctx)


def _generate_grids(ctx: DemoContext) -> None:
    """Urban communities are divided into grids of about a thousand residents; grids into compounds."""
    rng = ctx.rng
    urban = ctx.frames["community"].query("is_urban")
    grid = {k: [] for k in ("id", "code", "name", "community_id", "households")}
    for c in urban.itertuples():
        for j in range(max(3, int(np.ceil(c.population / 1000)))):
            grid["id"].append(len(grid["id"]) + 1)
            grid["code"].append(f"{c.code}-W{j + 1:02d}")
            grid["name"].append(f"{c.name}第{j + 1}网格")
            grid["community_id"].append(c.id)
            grid["households"].append(int(rng.integers(250, 450)))
    grids = ctx.write("grid", grid)

    per_grid = rng.integers(2, 8, size=len(grids))
    grid_of = np.repeat(grids["id"].to_numpy(), per_grid)
    number = np.concatenate([np.arange(1, k + 1) for k in per_grid])
    kinds = np.where(rng.random(len(grid_of)) < 0.6, "小区", "楼栋")
    codes = np.repeat(grids["code"].to_numpy(), per_grid)
    words = np.array(["花园", "家园", "新村", "名苑", "公馆", "雅居", "佳苑", "华庭"])
    compound_names = [
        (f"{w}{n}期" if k == "小区" else f"{n}栋") for w, n, k in
        zip(words[rng.integers(0, len(words), len(grid_of))], number, kinds)
    ]
    ctx.write("compound", {
        "id": np.arange(1, len(grid_of) + 1),
        "code": [f"{c}-{n:02d}" for c, n in zip(codes, number)],
        "name": compound_names,
        "kind": kinds,
        "grid_id": grid_of,
        "community_id": np.repeat(grids["community_id"].to_numpy(), per_grid),
    })
