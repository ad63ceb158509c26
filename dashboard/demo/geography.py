"""The administrative geography of 常德市: the real county-level units, streets, towns, communities and
villages of the official division table (dashboard/demo/places.py adjusts it to the report's counts);
grids and compounds inside urban communities are synthetic."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.demo.context import DemoContext
from dashboard.demo.places import demo_places
from dashboard.divisions import county_columns


def _or_none(values: pd.Series) -> list:
    """Coordinates with None where the table gives none (not NaN, which the store would keep as a number)."""
    return [None if pd.isna(x) else float(x) for x in values]


def generate_geography(ctx: DemoContext) -> None:
    rng = ctx.rng
    counties = ctx.write("county", county_columns())
    county_id = counties.set_index("name")["id"]
    streets, communities = demo_places()
    street_ids = np.arange(1, len(streets) + 1)
    ctx.write("street", {
        "id": street_ids,
        "code": streets["code"].tolist(),
        "name": streets["name"].tolist(),
        "kind": streets["kind"].tolist(),
        "county_id": streets["county"].map(county_id).astype(int).to_numpy(),
        "lon": _or_none(streets["lon"]),
        "lat": _or_none(streets["lat"]),
    })
    street_id = dict(zip(streets["code"], street_ids.tolist()))
    urban = communities["is_urban"].to_numpy()
    population = np.where(urban, rng.normal(8000, 2500, len(communities)), rng.normal(2500, 800, len(communities)))
    population = np.clip(population, np.where(urban, 1500, 400), 20000).astype(int)
    ctx.write("community", {
        "id": np.arange(1, len(communities) + 1),
        "code": communities["code"].tolist(),
        "name": communities["name"].tolist(),
        "kind": communities["kind"].tolist(),
        "is_urban": urban,
        "is_central_city": communities["is_central_city"].to_numpy(),
        "street_id": communities["street_code"].map(street_id).astype(int).to_numpy(),
        "county_id": communities["county"].map(county_id).astype(int).to_numpy(),
        "population": population,
        "lon": _or_none(communities["lon"]),
        "lat": _or_none(communities["lat"]),
    })
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
