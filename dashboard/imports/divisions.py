"""The statistics bureau's division table (统计用区划代码和城乡划分代码) imported as it is: template 行政区划.

The file has the columns of data/changde_divisions_2016.csv (code, parent, name, level, rank, ur_code,
dummy, longitude, latitude). Its town-level rows (rank 4) become streets and towns, its village-level rows
(rank 5) communities and villages, with their codes; the city and county rows (rank 2 and 3) are not
written (the county-level units come from init-store and are matched by the parent codes). Names are read
the bureau's way: 街道 or 街道办事处 is a street, every other town-level row a 乡镇 (towns, townships, farms,
forest stations); 社区, 居委会 or 居民委员会 is a community, every other village-level row a village; names are
stored as people say them (澧西街道办事处 → 澧西街道). A community of a street is an urban community (城市社区);
those in 武陵区 and 鼎城区 are in the central city (中心城区); the 社区村 template can correct both later.
The rows go through the same checks and writing as every template (all or nothing, by code, so that
importing the same table again changes nothing), streets first, in one transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select

from dashboard.divisions import short_name, town_kind, village_kind
from dashboard.imports.columns import Column, Template
from dashboard.imports.load import (
    Outcome,
    Row,
    _write,
    read_rows,
    write_in_one_transaction,
)
from dashboard.imports.templates import _community_rules
from dashboard.schema import Community, Street

CENTRAL_CITY_CODES = ("430702", "430703")  # 武陵区, 鼎城区
TOWN_RANK, VILLAGE_RANK = 4, 5

DIVISIONS = Template("divisions", "行政区划", Street, (
    Column("code", "code", "code", "430702001000", "12位统计用区划代码"),
    Column("parent", "parent", "code", "430702000000", "上级代码;乡镇级的上级须是已有的县级单位"),
    Column("name", "name", "text", "启明街道", "街道办事处、居委会等全称亦可"),
    Column("level", "level", "text", "town", "city/county/town/village", required=False),
    Column("rank", "rank", "int", 4, "2市 3县 4乡镇街道 5村社区", minimum=2, maximum=5),
    Column("ur_code", "ur_code", "text", "", "城乡分类代码,村级填写", required=False),
    Column("dummy", "dummy", "text", "f", "t 为虚拟单位", required=False),
    Column("longitude", "lon", "decimal", "111.704687", required=False, places=8),
    Column("latitude", "lat", "decimal", "29.020044", required=False, places=8),
), ("code",), "国家统计局统计用区划代码表,原样导入:乡镇级成为街道乡镇,村级成为社区村。")

_STREETS = Template("divisions", "行政区划", Street, (
    Column("code", "code", "code", ""), Column("name", "name", "text", ""),
    Column("parent", "county_id", "ref", "", ref="county"),
), ("code",), "")
_COMMUNITIES = Template("divisions", "行政区划", Community, (
    Column("code", "code", "code", ""), Column("name", "name", "text", ""),
    Column("parent", "street_id", "ref", "", ref="street"),
), ("code",), "", _community_rules)


def _coordinate(value) -> float | None:
    return float(value) if value is not None else None


def import_divisions(engine, file_name: str, content: bytes, username: str | None, source: str = "命令行",
                     dry_run: bool = False, today: dt.date | None = None) -> Outcome:
    """Validate the division table and, unless it has problems or this is a dry run, write its streets, towns,
    communities and villages in one transaction."""
    outcome, rows = read_rows(DIVISIONS, file_name, content, today)
    if rows is None:
        return outcome
    towns = [row for row in rows if row.values.get("rank") == TOWN_RANK]
    town_kinds = {row.values["code"]: town_kind(row.values["name"]) for row in towns if not row.bad}
    street_rows = [Row(row.number, {
        "code": row.values["code"], "name": short_name(row.values["name"]), "kind": town_kinds[row.values["code"]],
        "county_id": row.values["parent"], "lon": _coordinate(row.values["lon"]),
        "lat": _coordinate(row.values["lat"])}) for row in towns if not row.bad]

    def write(connection: Connection) -> None:
        stored = connection.execute(select(Street.code, Street.kind)).all()
        town_kinds.update({code: kind for code, kind in stored if code not in town_kinds})
        community_rows = []
        for row in rows:
            if row.bad or row.values.get("rank") != VILLAGE_RANK:
                continue
            code, parent = row.values["code"], row.values["parent"]
            kind = village_kind(row.values["name"])
            urban = kind == "社区" and town_kinds.get(parent) == "街道"
            community_rows.append(Row(row.number, {
                "code": code, "name": short_name(row.values["name"]), "kind": kind, "is_urban": urban,
                "is_central_city": urban and code[:6] in CENTRAL_CITY_CODES, "street_id": parent,
                "lon": _coordinate(row.values["lon"]), "lat": _coordinate(row.values["lat"])}))
        counts = []
        for template, written in ((_STREETS, street_rows), (_COMMUNITIES, community_rows)):
            part = Outcome(DIVISIONS, file_name, outcome.sha256)
            if written:
                _write(connection, template, written, part, None)
            outcome.problems.extend(part.problems)
            counts.append((part.inserted, part.updated, len(written) - part.inserted - part.updated))
            if outcome.problems:
                break
        outcome.inserted = sum(c[0] for c in counts)
        outcome.updated = sum(c[1] for c in counts)
        outcome.unchanged = sum(c[2] for c in counts)

    return write_in_one_transaction(engine, outcome, write, username, source, None, dry_run, rebuild=False)

