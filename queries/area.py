"""The area a query is scoped to, and the level below it that views break figures down by.

Every query takes an `Area` and reads nothing outside it. An area also carries the viewer's scope (a
county leader's county, a street's staff their street): `area_conditions`, through which every query
limits its rows, applies the scope as well as the chosen area, so no filter value or edited link can
reach beyond it. It is a small frozen value of codes (hashable, cacheable). Breakdowns go one level
down: the city by county-level unit, a county by street, a street by community; a community is shown as
itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, select

from dashboard.schema import Community, County, Street


@dataclass(frozen=True)
class Area:
    county: str | None = None
    street: str | None = None
    community: str | None = None
    scope_county: str | None = None
    scope_street: str | None = None

    def within(self, scope: Area) -> Area:
        """This area as seen by a viewer limited to `scope` (a county, a street, or the whole city).

        An area wider than the scope becomes the scope itself; an area outside it keeps its codes and the
        scope conditions then select nothing.
        """
        county = self.county or scope.county
        street = self.street or (scope.street if county == scope.county else None)
        return replace(self, county=county, street=street, scope_county=scope.county, scope_street=scope.street)

    @property
    def scope(self) -> Area:
        return Area(county=self.scope_county, street=self.scope_street)

    @property
    def is_city(self) -> bool:
        return not (self.county or self.street or self.community)

    @property
    def child_level(self) -> str:
        """The level a breakdown of this area shows: county, street or community."""
        if self.street or self.community:
            return "community"
        return "street" if self.county else "county"

    def narrowed_to(self, level: str, code: str) -> Area:
        """The area one clicks into: the given child of this area."""
        if level == "county":
            return replace(self, county=code, street=None, community=None)
        if level == "street":
            return replace(self, street=code, community=None)
        return replace(self, community=code)


CITY = Area()
COUNTY_LEVEL = "县级单位"  # 区县(市) and the six 管理区: 区县(市) alone would leave the management areas out
LEVEL_NAMES = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区"}
AREA_COLUMNS = ["area_code", "area_name"]


def area_conditions(area: Area, county=County, street=Street, community=Community) -> list[ColumnElement[bool]]:
    """WHERE conditions limiting the given (joined) county/street/community tables to the area.

    Values are bound parameters; a code that does not exist selects nothing.
    """
    conditions = scope_conditions(area, county, street)
    if area.county:
        conditions.append(county.code == area.county)
    if area.street:
        conditions.append(street.code == area.street)
    if area.community:
        conditions.append(community.code == area.community)
    return conditions


def scope_conditions(area: Area, county=County, street=Street) -> list[ColumnElement[bool]]:
    """WHERE conditions keeping the (joined) county/street tables inside the viewer's scope (pass
    street=None where no street is joined: a street-limited viewer then still sees only their county)."""
    conditions: list[ColumnElement[bool]] = []
    if area.scope_county:
        conditions.append(county.code == area.scope_county)
    if area.scope_street and street is not None:
        conditions.append(street.code == area.scope_street)
    return conditions


def child_columns(area: Area) -> tuple:
    """Code, name and sort columns of the level below the area."""
    if area.child_level == "county":
        return County.code, County.name, County.sort_order
    if area.child_level == "street":
        return Street.code, Street.name, Street.code
    return Community.code, Community.name, Community.code


def via_community(statement: Select, community_id) -> Select:
    """Join the community a row belongs to, and its street and county, so area and breakdown apply."""
    return (statement.join(Community, community_id == Community.id)
            .join(Street, Community.street_id == Street.id)
            .join(County, Community.county_id == County.id))


def from_communities(statement: Select) -> Select:
    """FROM community with its street and county joined, for queries whose rows are communities."""
    return (statement.select_from(Community).join(Street, Community.street_id == Street.id)
            .join(County, Community.county_id == County.id))


def by_child(area: Area, *measures) -> Select:
    """SELECT area_code, area_name, *measures; complete it with FROM/joins, then `grouped(area, ...)`."""
    code, name, _order = child_columns(area)
    return select(code, name, *measures)


def grouped(area: Area, statement: Select) -> Select:
    """Scope the statement to the area and group and order it by the level below."""
    code, name, order = child_columns(area)
    return statement.where(*area_conditions(area)).group_by(code, name, order).order_by(order)
