"""The lists the area filter offers: county-level units, their streets, the streets' urban communities."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.schema import Community, County, Street
from queries.overview import frame_of


def county_options(engine: Engine) -> pd.DataFrame:
    """All county-level units in their official order. Columns: code, name."""
    return frame_of(engine, select(County.code, County.name).order_by(County.sort_order, County.code),
                    ["code", "name"])


def street_options(engine: Engine, county: str) -> pd.DataFrame:
    """The streets (街道) of a county-level unit. Columns: code, name."""
    return frame_of(engine, select(Street.code, Street.name).join(County, Street.county_id == County.id)
                    .where(County.code == county, Street.kind == "街道").order_by(Street.code), ["code", "name"])


def community_options(engine: Engine, street: str) -> pd.DataFrame:
    """The urban communities of a street. Columns: code, name."""
    return frame_of(engine, select(Community.code, Community.name).join(Street, Community.street_id == Street.id)
                    .where(Street.code == street, Community.is_urban).order_by(Community.code), ["code", "name"])


def county_places(engine: Engine) -> pd.DataFrame:
    """Where each county-level unit is: code, name, kind, adcode (None for management areas), lon, lat."""
    return frame_of(engine, select(County.code, County.name, County.kind, County.adcode, County.lon, County.lat)
                    .order_by(County.sort_order), ["code", "name", "kind", "adcode", "lon", "lat"])
