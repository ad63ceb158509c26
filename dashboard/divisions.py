"""The official divisions of 常德市: the 15 county-level units, and the statistics bureau's division table.

`COUNTY_UNITS` are the county-level units every store starts from (the demo, `init-store`): the 9 with a
statistical code and boundary polygon, and the 6 management areas (管理区), placed as points inside the
county they lie in. A management area carries its official code where one exists (see docs/METRICS.md).
`data/changde_divisions_2016.csv` is 国家统计局《2016年统计用区划代码和城乡划分代码》 for 常德
(CC BY 4.0, from Vonng's adcode dataset; data/README.md); the helpers here read its names the way the
statistics bureau writes them (街道办事处, 居委会, 村民委员会) into the kinds of the store.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.db import ROOT

BOUNDARIES = ROOT / "data" / "changde_counties.geojson"
DIVISIONS_CSV = ROOT / "data" / "changde_divisions_2016.csv"


@dataclass(frozen=True)
class CountyUnit:
    name: str
    kind: str
    code: str  # the official code where one exists, else a local code
    adcode: str | None  # the boundary file's code (the 9 counties with a polygon)
    located_in: str | None  # the county a management area lies in
    offset: tuple[float, float] = (0.0, 0.0)  # lon/lat from that county's centre


COUNTY_UNITS = (
    CountyUnit("武陵区", "市辖区", "430702", "430702", None),
    CountyUnit("鼎城区", "市辖区", "430703", "430703", None),
    CountyUnit("安乡县", "县", "430721", "430721", None),
    CountyUnit("汉寿县", "县", "430722", "430722", None),
    CountyUnit("澧县", "县", "430723", "430723", None),
    CountyUnit("临澧县", "县", "430724", "430724", None),
    CountyUnit("桃源县", "县", "430725", "430725", None),
    CountyUnit("石门县", "县", "430726", "430726", None),
    CountyUnit("津市市", "县级市", "430781", "430781", None),
    # 西湖管理区 is a town-level row of the 2016 table under 汉寿县; that row's code is its official code.
    CountyUnit("西湖管理区", "管理区", "430722501000", None, "汉寿县", (0.0, 0.1)),
    # 430771: the county-level code later editions of the statistics bureau's table give 西洞庭管理区.
    CountyUnit("西洞庭管理区", "管理区", "430771", None, "汉寿县", (0.05, 0.05)),
    # No official statistical code: local codes, not invented official ones.
    CountyUnit("常德经济技术开发区", "管理区", "4307JKQ", None, "鼎城区", (0.0, -0.02)),
    CountyUnit("常德高新技术产业开发区", "管理区", "4307GXQ", None, "武陵区", (0.01, 0.01)),
    CountyUnit("柳叶湖旅游度假区", "管理区", "4307LYH", None, "武陵区", (0.015, 0.01)),
    CountyUnit("桃花源旅游管理区", "管理区", "4307THY", None, "桃源县", (0.05, 0.07)),
)


def county_centres() -> dict[str, tuple[float, float]]:
    """Centre (lon, lat) of each county with a polygon in the boundary file, by name."""
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: tuple(f["properties"]["center"]) for f in features}


def county_columns() -> dict[str, list]:
    """The county table's rows for COUNTY_UNITS, as columns (ids 1..15 in this order)."""
    centres = county_centres()
    ids = {unit.name: number for number, unit in enumerate(COUNTY_UNITS, start=1)}
    columns = {k: [] for k in ("id", "code", "adcode", "name", "kind", "located_in_id", "lon", "lat", "sort_order")}
    for number, unit in enumerate(COUNTY_UNITS, start=1):
        lon, lat = centres[unit.located_in or unit.name]
        columns["id"].append(number)
        columns["code"].append(unit.code)
        columns["adcode"].append(unit.adcode)
        columns["name"].append(unit.name)
        columns["kind"].append(unit.kind)
        columns["located_in_id"].append(ids[unit.located_in] if unit.located_in else None)
        columns["lon"].append(round(lon + unit.offset[0], 6))
        columns["lat"].append(round(lat + unit.offset[1], 6))
        columns["sort_order"].append(number)
    return columns


STREET_NAME = re.compile(r"街道(办事处)?$")
COMMUNITY_NAME = re.compile(r"(社区|居委会|居民委员会)$")
VILLAGE_SUFFIX = re.compile(r"(村民委员会|村委会|村委员会)$")


def town_kind(name: str) -> str:
    """街道 for a street (街道, 街道办事处), 乡镇 for every other town-level unit (towns, farms, forest stations)."""
    return "街道" if STREET_NAME.search(name) else "乡镇"


def village_kind(name: str) -> str:
    """社区 for a community (社区, 居委会, 居民委员会), 村 for every other village-level unit."""
    return "社区" if COMMUNITY_NAME.search(name) else "村"


def short_name(name: str) -> str:
    """The name as people say it: 澧西街道办事处 → 澧西街道, 桃花源居委会 → 桃花源社区, 三圣庙村民委员会 → 三圣庙村."""
    name = name.strip()
    if name.endswith("街道办事处"):
        return name[: -len("办事处")]
    if re.search(r"(居委会|居民委员会)$", name):
        stem = re.sub(r"(居委会|居民委员会)$", "", name)
        return stem if stem.endswith("社区") else stem + "社区"
    if VILLAGE_SUFFIX.search(name):
        return VILLAGE_SUFFIX.sub("", name) + "村"
    return name


def read_divisions() -> pd.DataFrame:
    """The 2016 division table of 常德 as text columns (codes keep their leading digits)."""
    return pd.read_csv(DIVISIONS_CSV, dtype=str, keep_default_na=False)
