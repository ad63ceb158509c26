"""Pure map builders: frames in, pydeck Deck out. No tile server: the county polygons are the map, so it
works offline, as on a government intranet. No map provider is named: with map_style=None, Streamlit 1.67's
deck.gl chart fills in Carto's basemap (basemaps.cartocdn.com); pydeck's default-style marker with no provider
draws none. The tooltip is plain text (names come from the store, and an HTML tooltip would run their
markup)."""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from dashboard.db import ROOT
from dashboard.text import visible

BOUNDARIES = ROOT / "data" / "changde_counties.geojson"
COUNTY_LAYER, POINT_LAYER = "counties", "management_areas"
NO_DATA = [200, 200, 200, 160]
FIT_ZOOM = 7.1  # the whole city (about 1.8 by 1.6 degrees) in a 560-pixel-high map
SIMPLIFY_DEGREES = 0.002  # about 200 m: under one pixel at FIT_ZOOM (about 0.003 degrees per pixel)


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


def simplified(ring: list, tolerance: float = SIMPLIFY_DEGREES) -> list:
    """The ring with the points that move it by less than `tolerance` (degrees) dropped (Douglas-Peucker),
    coordinates rounded to 4 decimals (about 10 m)."""
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first][:2], ring[last][:2]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = ring[i][:2]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [[round(x, 4), round(y, 4)] for (x, y, *_rest), kept in zip(ring, keep) if kept]


@lru_cache(maxsize=1)
def _outer_rings() -> tuple[tuple[str, str, tuple], ...]:
    """(adcode, name, simplified outer ring) per polygon part: what the map draws, computed once."""
    rings = []
    for feature in boundaries()["features"]:
        props, geometry = feature["properties"], feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings += [(props["adcode"], props["name"], tuple(map(tuple, simplified(part[0])))) for part in parts]
    return tuple(rings)


def county_polygons(places: pd.DataFrame) -> pd.DataFrame:
    """One row per polygon part of the boundary file: code (the county's code), name, outer ring
    (simplified to what a city-wide map can show: the full boundaries made every page carry 1.4 MB)."""
    code_of = dict(zip(places["adcode"], places["code"]))
    return pd.DataFrame([{"code": code_of.get(adcode, adcode), "name": name, "polygon": [list(p) for p in ring]}
                         for adcode, name, ring in _outer_rings()])


def county_map(places: pd.DataFrame, rates: pd.DataFrame, label: str, target: float, amber_floor: float,
               selected: str | None = None) -> pdk.Deck:
    """Counties coloured by `rates` (area_code, rate), management areas as points inside their county."""
    by_code = dict(zip(rates["area_code"], rates["rate"]))

    def describe(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        frame["name"] = [visible(name) for name in frame["name"]]
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
        layers=layers, map_provider=None,  # no basemap (see the module's note)
        initial_view_state=pdk.ViewState(longitude=(min(lons) + max(lons)) / 2, latitude=(min(lats) + max(lats)) / 2,
                                         zoom=FIT_ZOOM),
        tooltip={"text": "{name}\n" + visible(label) + ":{rate_text}",  # text, never HTML: names come from the store
                 "style": {"fontSize": "15px", "backgroundColor": "#222", "color": "white"}},
    )
