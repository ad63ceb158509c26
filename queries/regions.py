"""The lists the area filter offers: county-level units, their streets, the streets' urban communities."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.schema import Community, County, Street
from queries.area import Area, area_conditions, scope_conditions
from queries.frames import frame_of


def county_options(engine: Engine, area: Area) -> pd.DataFrame:
    """The county-level units the viewer may see, in their official order. Columns: code, name."""
    return frame_of(engine, select(County.code, County.name).where(*scope_conditions(area, street=None))
                    .order_by(County.sort_order, County.code), ["code", "name"])


def street_options(engine: Engine, area: Area) -> pd.DataFrame:
    """The streets (街道) of the area's county-level unit that the viewer may see. Columns: code, name."""
    return frame_of(engine, select(Street.code, Street.name).join(County, Street.county_id == County.id)
                    .where(Street.kind == "街道", *area_conditions(Area(county=area.county).within(area.scope)))
                    .order_by(Street.code), ["code", "name"])


def community_options(engine: Engine, area: Area) -> pd.DataFrame:
    """The urban communities of the area's street. Columns: code, name."""
    scoped = Area(county=area.county, street=area.street).within(area.scope)
    return frame_of(engine, select(Community.code, Community.name).join(Street, Community.street_id == Street.id)
                    .join(County, Street.county_id == County.id)
                    .where(Community.is_urban, *area_conditions(scoped)).order_by(Community.code), ["code", "name"])


def county_places(engine: Engine) -> pd.DataFrame:
    """Where each county-level unit is: code, name, kind, adcode (None for management areas), lon, lat."""
    return frame_of(engine, select(County.code, County.name, County.kind, County.adcode, County.lon, County.lat)
                    .order_by(County.sort_order), ["code", "name", "kind", "adcode", "lon", "lat"])
