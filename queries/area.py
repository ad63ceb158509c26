"""The area a query is scoped to: the whole city, a county-level unit, a street or a community.

Every query takes an `Area` and reads nothing outside it. The same object will carry a user's role scope,
so it is a small frozen value of codes (hashable, cacheable, safe to put in a URL).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement

from dashboard.schema import Community, County, Street


@dataclass(frozen=True)
class Area:
    county: str | None = None
    street: str | None = None
    community: str | None = None

    @property
    def is_city(self) -> bool:
        return not (self.county or self.street or self.community)


CITY = Area()


def area_conditions(area: Area, county=County, street=Street, community=Community) -> list[ColumnElement[bool]]:
    """WHERE conditions limiting the given (joined) county/street/community tables to the area.

    Values are bound parameters; a code that does not exist selects nothing.
    """
    conditions: list[ColumnElement[bool]] = []
    if area.county:
        conditions.append(county.code == area.county)
    if area.street:
        conditions.append(street.code == area.street)
    if area.community:
        conditions.append(community.code == area.community)
    return conditions
