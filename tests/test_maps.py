"""The offline county map: simplified boundaries that stay within a pixel of the real ones."""

from __future__ import annotations

import numpy as np

from dashboard.maps import SIMPLIFY_DEGREES, _outer_rings, boundaries, simplified


def test_points_on_a_straight_line_are_dropped_and_corners_kept():
    ring = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 1.0005], [0, 0]]
    assert simplified(ring, 0.01) == [[0, 0], [2, 0], [2, 2], [0, 0]]
    assert [1, 1.0005] not in simplified(ring, 0.01) and [1, 1.0005] in simplified(ring, 0.0001)


def distances_to_polyline(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    start, end = line[:-1], line[1:]
    segment = end - start
    length = np.maximum((segment ** 2).sum(axis=1), 1e-18)
    t = np.clip(((points[:, None, :] - start) * segment).sum(axis=2) / length, 0, 1)
    nearest = start + t[..., None] * segment
    return np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)


def test_every_boundary_point_stays_within_the_tolerance_of_the_drawn_ring():
    originals = []
    for feature in boundaries()["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        originals += [np.array([point[:2] for point in part[0]], dtype=float) for part in parts]
    drawn = [np.array(ring, dtype=float) for _code, _name, ring in _outer_rings()]
    assert len(drawn) == len(originals)
    assert sum(len(r) for r in drawn) < sum(len(r) for r in originals) / 4
    for original, ring in zip(originals, drawn):
        # rounding to 4 decimals adds at most 0.00005 degrees on each axis
        assert distances_to_polyline(original, ring).max() <= SIMPLIFY_DEGREES + 1e-4


def test_the_map_asks_no_basemap_of_anyone():
    """With map_style=None Streamlit 1.67's deck.gl chart fills in Carto's basemap (a request to
    basemaps.cartocdn.com, seen once in the browser test of the coverage view): the deck names no provider and
    leaves pydeck's default-style marker, for which Streamlit draws no basemap."""
    import json

    import pandas as pd

    from dashboard.maps import county_map

    places = pd.DataFrame({"code": ["430702", "MGMT"], "name": ["武陵区", "柳叶湖"], "kind": ["市辖区", "管理区"],
                           "adcode": ["430702", None], "lon": [111.69, 111.75], "lat": [29.05, 29.10]})
    deck = json.loads(county_map(places, pd.DataFrame({"area_code": ["430702"], "rate": [0.8]}), "在职党员报到率",
                                 0.9, 0.8).to_json())
    assert deck.get("mapProvider") is None and deck["mapStyle"] == "__MAP_STYLE__"
    assert "cartocdn" not in json.dumps(deck) and "mapbox" not in json.dumps(deck)
