"""Pure map builders: frames in, pydeck Deck out. No tile server: the county polygons are the map, so it
works offline (map_style=None), as on a government intranet."""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from dashboard.db import ROOT

BOUNDARIES = ROOT / "data" / "changde_counties.geojson"
COUNTY_LAYER, POINT_LAYER = "counties", "management_areas"
NO_DATA = [200, 200, 200, 160]
FIT_ZOOM = 7.1  # the whole city (about 1.8 by 1.6 degrees) in a 560-pixel-high map


@lru_cache(maxsize=1)
def boundaries() -> dict:
    """The county polygons (data/changde_counties.geojson; provenance in data/README.md)."""
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


def rate_colour(rate: float | None, target: float, amber_floor: float) -> list[int]:
    """Green at or above target, amber at or above the floor, red below; grey without data."""
    if rate is None or pd.isna(rate):
        return NO_DATA
    if rate >= target:
        return [46, 139, 87, 200]
    if rate >= amber_floor:
        return [224, 161, 0, 200]
    return [200, 16, 46, 200]


def county_polygons(places: pd.DataFrame) -> pd.DataFrame:
    """One row per polygon part of the boundary file: code (the county's code), name, outer ring."""
    code_of = dict(zip(places["adcode"], places["code"]))
    rows = []
    for feature in boundaries()["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for part in parts:
            rows.append({"code": code_of.get(props["adcode"], props["adcode"]), "name": props["name"],
                         "polygon": part[0]})
    return pd.DataFrame(rows)


def county_map(places: pd.DataFrame, rates: pd.DataFrame, label: str, target: float, amber_floor: float,
               selected: str | None = None) -> pdk.Deck:
    """Counties coloured by `rates` (area_code, rate), management areas as points inside their county."""
    by_code = dict(zip(rates["area_code"], rates["rate"]))

    def describe(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame["rate"] = frame["code"].map(by_code)
        frame["fill"] = [rate_colour(r, target, amber_floor) for r in frame["rate"]]
        frame["rate_text"] = ["无数据" if pd.isna(r) else f"{r * 100:.1f}%" for r in frame["rate"]]
        frame["line"] = [[20, 20, 20, 255] if c == selected else [255, 255, 255, 255] for c in frame["code"]]
        frame["width"] = [4 if c == selected else 1 for c in frame["code"]]
        return frame.drop(columns="rate")

    polygons = describe(county_polygons(places))
    points = describe(places[places["adcode"].isna()][["code", "name", "lon", "lat"]])
    layers = [
        pdk.Layer("PolygonLayer", data=polygons, id=COUNTY_LAYER, pickable=True, stroked=True, filled=True,
                  get_polygon="polygon", get_fill_color="fill", get_line_color="line", get_line_width="width",
                  line_width_units="'pixels'"),
        pdk.Layer("ScatterplotLayer", data=points, id=POINT_LAYER, pickable=True, get_position=["lon", "lat"],
                  get_fill_color="fill", get_radius=2500, radius_min_pixels=7, stroked=True,
                  get_line_color=[30, 30, 30], line_width_min_pixels=1),
    ]
    lons = [x for ring in polygons["polygon"] for x, _ in ring]
    lats = [y for ring in polygons["polygon"] for _, y in ring]
    return pdk.Deck(
        layers=layers, map_style=None,
        initial_view_state=pdk.ViewState(longitude=(min(lons) + max(lons)) / 2, latitude=(min(lats) + max(lats)) / 2,
                                         zoom=FIT_ZOOM),
        tooltip={"html": "<b>{name}</b><br/>" + label + ":{rate_text}",
                 "style": {"fontSize": "15px", "backgroundColor": "#222", "color": "white"}},
    )
