"""六级体系覆盖: which units have the Party organization they should have, at each level, and the gaps.

"Should have": every county-level unit its 区县(市)委, every street its 街道党工委, every urban community its
社区党组织, every grid its 网格党支部, every compound or building its 党小组 (the report's rule). The form of a
community organization should follow its membership: 100+ members 党委, 50-99 党总支, 3-49 党支部; below 3
full members no organization can be founded. The level-by-level structure and the gap lists are the store's
current state; the cockpit's 网格党支部覆盖率 is counted as of a date (queries.overview, migration 0016).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, distinct, func, select

from dashboard.schema import Community, Compound, County, Grid, PartyMember, PartyOrg, Street
from queries.area import AREA_COLUMNS, Area, area_conditions, by_child, from_communities, grouped, via_community
from queries.frames import frame_of, rate

PLACE_COLUMNS = ["county", "street", "community"]
TOO_FEW = "不足3名正式党员"


RELATIONSHIP_LEVELS = ("社区党组织", "网格党支部", "小区(楼栋)党小组")


def expected_form(members: int, full_members: int | None = None) -> str:
    """The form of community Party organization the membership rule calls for: 3 full members to found one
    (党章; 《中国共产党支部工作条例(试行)》第四条), 50 members a general branch, 100 a committee."""
    if (members if full_members is None else full_members) < 3:
        return TOO_FEW
    if members >= 100:
        return "党委"
    if members >= 50:
        return "党总支"
    return "党支部"


def coverage_by_level(engine: Engine, area: Area) -> pd.DataFrame:
    """Units that should have an organization and units that have one, level by level, inside the area.

    Columns: level, units, units_covered, coverage. Levels start at the area's own: the city shows all six,
    a county-level unit its own committee and below, a street its working committee and below, a community
    its own organization and below.
    """
    rows = []
    if area.is_city:
        with engine.connect() as connection:
            has_city = connection.execute(select(func.count(PartyOrg.id)).where(PartyOrg.level == "市委")).scalar()
        rows.append(("市委", 1, min(int(has_city), 1)))
    county_org = select(PartyOrg.county_id).where(PartyOrg.level == "区县(市)委")
    street_org = select(PartyOrg.street_id).where(PartyOrg.level == "街道党工委")
    community_org = select(PartyOrg.community_id).where(PartyOrg.level == "社区党组织")
    grid_branch = select(PartyOrg.grid_id).where(PartyOrg.level == "网格党支部")
    compound_group = select(PartyOrg.compound_id).where(PartyOrg.level == "小区(楼栋)党小组")
    urban = from_communities(select()).where(Community.is_urban, *area_conditions(area))
    statements = [
        ("区县(市)委", urban.with_only_columns(func.count(distinct(County.id)),
                                          func.count(distinct(case((County.id.in_(county_org), County.id)))))),
        ("街道党工委", urban.with_only_columns(func.count(distinct(Street.id)),
                                          func.count(distinct(case((Street.id.in_(street_org), Street.id)))))
         .where(Street.kind == "街道")),
        ("社区党组织", urban.with_only_columns(func.count(Community.id),
                                          func.count(case((Community.id.in_(community_org), Community.id))))),
        ("网格党支部", via_community(select(func.count(Grid.id), func.count(case((Grid.id.in_(grid_branch), Grid.id))))
                                .select_from(Grid), Grid.community_id).where(*area_conditions(area))),
        ("小区(楼栋)党小组", via_community(
            select(func.count(Compound.id), func.count(case((Compound.id.in_(compound_group), Compound.id))))
            .select_from(Compound), Compound.community_id).where(*area_conditions(area))),
    ]
    first_level = 2 if area.community else (1 if area.street else 0)
    with engine.connect() as connection:
        for level, statement in statements[first_level:]:
            units, covered = connection.execute(statement).one()
            rows.append((level, int(units or 0), int(covered or 0)))
    frame = pd.DataFrame(rows, columns=["level", "units", "units_covered"])
    if frame.loc[frame["level"] != "市委", "units"].sum() == 0:
        return frame.iloc[0:0]
    return rate(frame, "units_covered", "units", "coverage")


def community_org_coverage_by_area(engine: Engine, area: Area) -> pd.DataFrame:
    """社区党组织覆盖率 by child area: urban communities that have a community Party organization / urban
    communities. Every child area with an urban community is a row, so a store holding the geography alone
    lists its streets (0 of N) before any organization is imported.

    Columns: area_code, area_name, urban_communities, communities_with_org, community_org_coverage.
    """
    organized = select(PartyOrg.community_id).where(PartyOrg.level == "社区党组织")
    statement = grouped(area, from_communities(
        by_child(area, func.count(Community.id), func.count(case((Community.id.in_(organized), Community.id)))))
        .where(Community.is_urban))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["urban_communities", "communities_with_org"])
    return rate(frame, "communities_with_org", "urban_communities", "community_org_coverage")


def group_coverage_by_area(engine: Engine, area: Area) -> pd.DataFrame:
    """党小组覆盖率: compounds and buildings that have a Party group / all compounds and buildings.

    Columns: area_code, area_name, compounds, compounds_with_group, group_coverage.
    """
    group = select(PartyOrg.compound_id).where(PartyOrg.level == "小区(楼栋)党小组")
    statement = grouped(area, via_community(
        by_child(area, func.count(Compound.id), func.count(case((Compound.id.in_(group), Compound.id))))
        .select_from(Compound), Compound.community_id))
    frame = frame_of(engine, statement, AREA_COLUMNS + ["compounds", "compounds_with_group"])
    return rate(frame, "compounds_with_group", "compounds", "group_coverage")


def grid_coverage_tree(engine: Engine, area: Area) -> pd.DataFrame:
    """One row per grid in the area with its place and coverage, for the hierarchy chart.

    Columns: county, street, community, grid, has_branch, compounds, compounds_with_group.
    """
    branch = select(PartyOrg.grid_id).where(PartyOrg.level == "网格党支部")
    group = select(PartyOrg.compound_id).where(PartyOrg.level == "小区(楼栋)党小组")
    statement = via_community(
        select(County.name, Street.name, Community.name, Grid.name,
               func.max(case((Grid.id.in_(branch), 1), else_=0)),
               func.count(Compound.id), func.count(case((Compound.id.in_(group), Compound.id))))
        .select_from(Grid), Grid.community_id,
    ).outerjoin(Compound, Compound.grid_id == Grid.id).where(*area_conditions(area)).group_by(
        County.name, Street.name, Community.name, Grid.id, Grid.name, County.sort_order, Street.code, Community.code,
        Grid.code,
    ).order_by(County.sort_order, Street.code, Community.code, Grid.code)
    frame = frame_of(engine, statement, PLACE_COLUMNS + ["grid", "has_branch", "compounds", "compounds_with_group"])
    frame["has_branch"] = frame["has_branch"].astype(bool)
    return frame


def community_org_forms(engine: Engine, area: Area) -> pd.DataFrame:
    """Community Party organizations of urban communities by form (党委/党总支/党支部).

    Columns: form, organizations.
    """
    statement = from_communities(select(PartyOrg.form, func.count(PartyOrg.id))).join(
        PartyOrg, (PartyOrg.community_id == Community.id) & (PartyOrg.level == "社区党组织"),
    ).where(Community.is_urban, *area_conditions(area)).group_by(PartyOrg.form)
    frame = frame_of(engine, statement, ["form", "organizations"])
    order = {"党委": 0, "党总支": 1, "党支部": 2}
    return frame.sort_values("form", key=lambda forms: forms.map(order)).reset_index(drop=True)


def community_form_check(engine: Engine, area: Area) -> pd.DataFrame:
    """Each urban community: its organization's form, its members, the form the rule calls for.

    Members are those whose Party organizational relationship (组织关系) is in the community: their
    organization is the community organization, one of its grid branches or compound groups (retired,
    unemployed and registered mobile members, mostly). In-service members who only live there belong to
    their work unit's organization and do not count, checked in or not. A community without an organization
    has form None. A mismatch is something to check (需核查), not an error: the higher organization may
    approve an exception. Columns: county, street, community, community_code, form, members, full_members,
    expected_form, matches.
    """
    own = (select(PartyOrg.community_id, func.count(PartyMember.id).label("members"),
                  func.count(case((PartyMember.is_full_member, PartyMember.id))).label("full_members"))
           .join(PartyMember, PartyMember.party_org_id == PartyOrg.id)
           .where(PartyOrg.level.in_(RELATIONSHIP_LEVELS)).group_by(PartyOrg.community_id).subquery())
    statement = from_communities(
        select(County.name, Street.name, Community.name, Community.code, PartyOrg.form,
               func.coalesce(own.c.members, 0), func.coalesce(own.c.full_members, 0)),
    ).outerjoin(PartyOrg, (PartyOrg.community_id == Community.id) & (PartyOrg.level == "社区党组织")).outerjoin(
        own, own.c.community_id == Community.id,
    ).where(Community.is_urban, *area_conditions(area)).order_by(County.sort_order, Street.code, Community.code)
    frame = frame_of(engine, statement, PLACE_COLUMNS + ["community_code", "form", "members", "full_members"])
    for column in ("members", "full_members"):
        frame[column] = pd.to_numeric(frame[column]).astype(int)
    frame["expected_form"] = [expected_form(m, f) for m, f in zip(frame["members"], frame["full_members"])]
    frame["matches"] = frame["form"] == frame["expected_form"]
    return frame


def grids_without_branch(engine: Engine, area: Area) -> pd.DataFrame:
    """应建未建: grids in the area with no grid Party branch, with their community and street.

    Columns: county, street, community, grid_code, grid, households.
    """
    branch = select(PartyOrg.grid_id).where(PartyOrg.level == "网格党支部", PartyOrg.grid_id.is_not(None))
    statement = via_community(
        select(County.name, Street.name, Community.name, Grid.code, Grid.name, Grid.households).select_from(Grid),
        Grid.community_id,
    ).where(Grid.id.not_in(branch), *area_conditions(area)).order_by(County.sort_order, Street.code, Grid.code)
    return frame_of(engine, statement, PLACE_COLUMNS + ["grid_code", "grid", "households"])


def compounds_without_group(engine: Engine, area: Area) -> pd.DataFrame:
    """应建未建: compounds and buildings in the area with no Party group, with grid, community and street.

    Columns: county, street, community, grid, compound_code, compound, kind.
    """
    group = select(PartyOrg.compound_id).where(PartyOrg.level == "小区(楼栋)党小组", PartyOrg.compound_id.is_not(None))
    statement = via_community(
        select(County.name, Street.name, Community.name, Grid.name, Compound.code, Compound.name, Compound.kind)
        .select_from(Compound).join(Grid, Compound.grid_id == Grid.id),
        Compound.community_id,
    ).where(Compound.id.not_in(group), *area_conditions(area)).order_by(
        County.sort_order, Street.code, Compound.code)
    return frame_of(engine, statement, PLACE_COLUMNS + ["grid", "compound_code", "compound", "kind"])
