"""两新组织: coverage of new economic and social organizations by kind, location, size and site, and the gaps.

组织覆盖 = its own (单独组建) or a joint (联合组建) Party organization; 工作覆盖 also counts a Party-building
instructor sent in (选派党建指导员). The gap: organizations with 3 or more Party members (enough to found
one) but no Party organization; large, stable enterprises without one are the priority.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from dashboard.schema import Community, County, Street, TwoNewOrg, TwoNewSite
from queries.area import Area, area_conditions, via_community
from queries.frames import frame_of, rate

ORGANIZED = ("单独组建", "联合组建")
DIMENSIONS = {"kind": TwoNewOrg.kind, "location_type": TwoNewOrg.location_type, "size_class": TwoNewOrg.size_class}
DIMENSION_ORDER = {
    "kind": ["非公企业", "社会组织"],
    "location_type": ["商务楼宇", "园区", "商圈市场", "其他"],
    "size_class": ["大型", "中型", "小型", "微型"],
}
PLACE = ["county", "street", "community"]


def _coverage_counts():
    return (func.count(TwoNewOrg.id),
            func.count(case((TwoNewOrg.coverage_kind == "单独组建", TwoNewOrg.id))),
            func.count(case((TwoNewOrg.coverage_kind == "联合组建", TwoNewOrg.id))),
            func.count(case((TwoNewOrg.coverage_kind == "选派党建指导员", TwoNewOrg.id))),
            func.count(case((TwoNewOrg.coverage_kind == "未覆盖", TwoNewOrg.id))))


COUNTS = ["orgs", "own", "joint", "instructor", "uncovered"]


def _with_rates(frame: pd.DataFrame) -> pd.DataFrame:
    frame["orgs_covered"] = frame["own"] + frame["joint"]
    frame["work_covered"] = frame["orgs_covered"] + frame["instructor"]
    frame = rate(frame, "orgs_covered", "orgs", "org_coverage")
    return rate(frame, "work_covered", "orgs", "work_coverage")


def two_new_by_dimension(engine: Engine, area: Area, dimension: str) -> pd.DataFrame:
    """Coverage by kind, location type or size class (`dimension`, one of DIMENSIONS) inside the area.

    Columns: value, orgs, own, joint, instructor, uncovered, orgs_covered, work_covered, org_coverage,
    work_coverage.
    """
    column = DIMENSIONS[dimension]
    statement = via_community(select(column, *_coverage_counts()).select_from(TwoNewOrg), TwoNewOrg.community_id
                              ).where(*area_conditions(area)).group_by(column)
    frame = frame_of(engine, statement, ["value", *COUNTS])
    order = {v: i for i, v in enumerate(DIMENSION_ORDER[dimension])}
    frame = frame.sort_values("value", key=lambda values: values.map(order)).reset_index(drop=True)
    return _with_rates(frame)


def two_new_sites(engine: Engine, area: Area) -> pd.DataFrame:
    """Each business building, park and market district in the area: its organizations' coverage and what is
    missing. Columns: county, street, community, site_code, site, kind, orgs, own, joint, instructor, uncovered,
    orgs_covered, work_covered, org_coverage, work_coverage, fully_covered, missing."""
    statement = (select(County.name, Street.name, Community.name, TwoNewSite.code, TwoNewSite.name, TwoNewSite.kind,
                        *_coverage_counts())
                 .select_from(TwoNewSite).join(Community, TwoNewSite.community_id == Community.id)
                 .join(Street, Community.street_id == Street.id).join(County, Community.county_id == County.id)
                 .outerjoin(TwoNewOrg, TwoNewOrg.site_id == TwoNewSite.id)
                 .where(*area_conditions(area))
                 .group_by(County.name, Street.name, Community.name, TwoNewSite.code, TwoNewSite.name,
                           TwoNewSite.kind, County.sort_order)
                 .order_by(County.sort_order, TwoNewSite.code))
    frame = _with_rates(frame_of(engine, statement, [*PLACE, "site_code", "site", "kind", *COUNTS]))
    frame["fully_covered"] = (frame["orgs"] > 0) & (frame["orgs_covered"] == frame["orgs"])
    frame["missing"] = [
        "、".join(part for part in (f"{u}个未覆盖" if u else "", f"{i}个仅选派指导员" if i else "") if part) or
        ("暂无入驻组织" if n == 0 else "无")
        for u, i, n in zip(frame["uncovered"], frame["instructor"], frame["orgs"])
    ]
    return frame


def _gap_rows(engine: Engine, area: Area, *conditions) -> pd.DataFrame:
    statement = via_community(
        select(County.name, Street.name, Community.name, TwoNewOrg.code, TwoNewOrg.name, TwoNewOrg.kind,
               TwoNewOrg.location_type, TwoNewSite.name, TwoNewOrg.employees, TwoNewOrg.party_members,
               TwoNewOrg.coverage_kind)
        .select_from(TwoNewOrg).outerjoin(TwoNewSite, TwoNewOrg.site_id == TwoNewSite.id), TwoNewOrg.community_id,
    ).where(TwoNewOrg.coverage_kind.not_in(ORGANIZED), *conditions, *area_conditions(area)).order_by(
        TwoNewOrg.party_members.desc(), TwoNewOrg.employees.desc(), TwoNewOrg.code)
    return frame_of(engine, statement, [*PLACE, "org_code", "org", "kind", "location_type", "site", "employees",
                                        "party_members", "coverage_kind"])


def organizations_that_should_organize(engine: Engine, area: Area) -> pd.DataFrame:
    """应建未建: organizations with 3+ Party members and no Party organization of their own or joint, largest
    membership first. Columns: county, street, community, org_code, org, kind, location_type, site, employees,
    party_members, coverage_kind."""
    return _gap_rows(engine, area, TwoNewOrg.party_members >= 3)


def large_stable_without_organization(engine: Engine, area: Area) -> pd.DataFrame:
    """Large, stable enterprises (the priority) without a Party organization; same columns as the gap list."""
    return _gap_rows(engine, area, TwoNewOrg.is_large_stable)
