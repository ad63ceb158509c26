"""Pure map builders: frames in, pydeck Deck out. No tile server: the county polygons are the map, so it
works offline (map_style=None), as on a government intranet."""

from __future__ import annotations

import copy
import json
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from dashboard.db import ROOT

BOUNDARIES = ROOT / "data" / "changde_counties.geojson"
COUNTY_LAYER, POINT_LAYER = "counties", "management_areas"
NO_DATA = [200, 200, 200, 160]


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


def county_map(places: pd.DataFrame, rates: pd.DataFrame, label: str, target: float, amber_floor: float,
               selected: str | None = None) -> pdk.Deck:
    """Counties coloured by `rates` (area_code, rate), management areas as points inside their county."""
    by_code = dict(zip(rates["area_code"], rates["rate"]))
    code_of = dict(zip(places["adcode"], places["code"]))
    shapes = copy.deepcopy(boundaries())
    for feature in shapes["features"]:
        props = feature["properties"]
        code = code_of.get(props["adcode"], props["adcode"])
        rate = by_code.get(code)
        props.update(code=code, fill=rate_colour(rate, target, amber_floor),
                     line=[20, 20, 20, 255] if code == selected else [255, 255, 255, 255],
                     width=3 if code == selected else 1,
                     rate_text="无数据" if rate is None or pd.isna(rate) else f"{rate * 100:.1f}%")
    points = places[places["adcode"].isna()].copy()
    points["rate"] = points["code"].map(by_code)
    points["fill"] = [rate_colour(r, target, amber_floor) for r in points["rate"]]
    points["rate_text"] = ["无数据" if pd.isna(r) else f"{r * 100:.1f}%" for r in points["rate"]]
    layers = [
        pdk.Layer("GeoJsonLayer", data=shapes, id=COUNTY_LAYER, pickable=True, stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color="properties.line",
                  get_line_width="properties.width", line_width_units="pixels"),
        pdk.Layer("ScatterplotLayer", data=points[["code", "name", "lon", "lat", "fill", "rate_text"]],
                  id=POINT_LAYER, pickable=True, get_position=["lon", "lat"], get_fill_color="fill",
                  get_radius=2500, radius_min_pixels=7, stroked=True, get_line_color=[30, 30, 30],
                  line_width_min_pixels=1),
    ]
    return pdk.Deck(
        layers=layers, map_style=None,
        initial_view_state=pdk.ViewState(longitude=111.75, latitude=29.25, zoom=7.6),
        tooltip={"html": "<b>{name}</b><br/>" + label + ":{rate_text}",
                 "style": {"fontSize": "15px", "backgroundColor": "#222", "color": "white"}},
    )
