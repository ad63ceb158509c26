"""阵地建设: the village-level comprehensive service platforms (村级综合服务平台) of streets, communities and villages;
their standard, shared use, and which urban communities fall below the standard.

The standard is the report's: a street's platform 一所一校四中心 (STREET_STANDARD_ITEMS items), a community's
一站一园一场七室 (COMMUNITY_STANDARD_ITEMS items); a village's platform is judged on neither. An urban community
meets the standard when its platform has every item (docs/METRICS.md); one without a platform, with fewer items,
or whose items are not reported does not. A street's platform belongs to the street: a community's area does
not hold it, and in a street's breakdown by community it is the row 街道本级.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, and_, case, func, select

from dashboard.schema import COMMUNITY_STANDARD_ITEMS, STREET_STANDARD_ITEMS, Community, County, ServicePlatform, Street
from queries.area import AREA_COLUMNS, Area, area_conditions, by_child, child_columns, from_communities, grouped
from queries.frames import frame_of, rate

STREET_LEVEL = "街道本级"
PLACE_KINDS = {"街道": "街道(一所一校四中心)", "社区": "社区(一站一园一场七室)", "村": "村级综合服务平台"}
PLACE = ["county", "street", "community"]
IS_STREET = ServicePlatform.street_id.is_not(None)
IS_COMMUNITY = and_(ServicePlatform.community_id.is_not(None), Community.kind == "社区")
IS_VILLAGE = and_(ServicePlatform.community_id.is_not(None), Community.kind == "村")
MEETS = case((IS_STREET, ServicePlatform.standard_items >= STREET_STANDARD_ITEMS),
             else_=ServicePlatform.standard_items >= COMMUNITY_STANDARD_ITEMS)


def _count(condition):
    return func.count(case((condition, ServicePlatform.id)))


def _platforms(statement):
    """FROM service_platform with its community (if any), its street (its own or its community's) and county."""
    return (statement.select_from(ServicePlatform)
            .outerjoin(Community, ServicePlatform.community_id == Community.id)
            .join(Street, Street.id == func.coalesce(ServicePlatform.street_id, Community.street_id))
            .join(County, ServicePlatform.county_id == County.id))


def platforms_by_area(engine: Engine, area: Area) -> pd.DataFrame:
    """The platforms of the area by the level below it, and the urban communities against the standard.

    Platforms: platforms, street_platforms, community_platforms, village_platforms, new_built (新建), extended
    (改扩建); shared (open to resident units) of sharing_reported (street and community platforms whose sharing
    is reported), shared_rate. Urban communities: urban_communities, urban_with_platform, urban_meeting_standard
    (every item of 一站一园一场七室), standard_rate = urban_meeting_standard / urban_communities. A street's own
    platform is the row 街道本级 (area_code "") of its breakdown by community.

    Columns: area_code, area_name, and the above.
    """
    code, name, order = child_columns(area)
    statement = _platforms(select(
        code, name, order, func.count(ServicePlatform.id), _count(IS_STREET), _count(IS_COMMUNITY),
        _count(IS_VILLAGE), _count(ServicePlatform.kind == "新建"), _count(ServicePlatform.kind == "改扩建"),
        _count(and_(ServicePlatform.is_shared, ~IS_VILLAGE)),
        _count(and_(ServicePlatform.is_shared.is_not(None), ~IS_VILLAGE)),
    )).where(*area_conditions(area)).group_by(code, name, order)
    counts = ["platforms", "street_platforms", "community_platforms", "village_platforms", "new_built", "extended",
              "shared", "sharing_reported"]
    platforms = frame_of(engine, statement, AREA_COLUMNS + ["order"] + counts)
    platforms["area_code"] = platforms["area_code"].fillna("")
    platforms["area_name"] = platforms["area_name"].fillna(STREET_LEVEL)
    has = select(ServicePlatform.community_id).where(ServicePlatform.community_id.is_not(None))
    meets = select(ServicePlatform.community_id).where(ServicePlatform.standard_items >= COMMUNITY_STANDARD_ITEMS)
    urban = frame_of(engine, grouped(area, from_communities(by_child(
        area, func.count(Community.id), func.count(case((Community.id.in_(has), Community.id))),
        func.count(case((Community.id.in_(meets), Community.id))), order))).where(Community.is_urban),
        AREA_COLUMNS + ["urban_communities", "urban_with_platform", "urban_meeting_standard", "order"])
    frame = platforms.merge(urban, on=AREA_COLUMNS, how="outer", suffixes=("", "_urban"))
    frame["order"] = frame["order"].fillna(frame.pop("order_urban"))
    whole = counts + ["urban_communities", "urban_with_platform", "urban_meeting_standard"]
    frame = frame.fillna(dict.fromkeys(whole, 0)).astype(dict.fromkeys(whole, int))
    frame = frame.assign(_level=frame["area_code"] == "").sort_values(["_level", "order"], kind="stable")
    frame = frame.drop(columns=["_level", "order"]).reset_index(drop=True)
    frame = rate(frame, "shared", "sharing_reported", "shared_rate")
    return rate(frame, "urban_meeting_standard", "urban_communities", "standard_rate")


def platforms_by_kind(engine: Engine, area: Area) -> pd.DataFrame:
    """The platforms of the area by the place they serve: 街道 (一所一校四中心), 社区 (一站一园一场七室), 村.

    Columns: place, label, platforms, items_reported, meeting_standard (every item of the place's standard;
    none for villages), shared, sharing_reported, shared_rate. Places without platforms are left out.
    """
    statement = _platforms(select(
        ServicePlatform.street_id.is_not(None), Community.kind, func.count(ServicePlatform.id),
        _count(ServicePlatform.standard_items.is_not(None)), _count(and_(MEETS, ~IS_VILLAGE)),
        _count(ServicePlatform.is_shared), _count(ServicePlatform.is_shared.is_not(None)),
    )).where(*area_conditions(area)).group_by(ServicePlatform.street_id.is_not(None), Community.kind)
    frame = frame_of(engine, statement, ["is_street", "kind", "platforms", "items_reported", "meeting_standard",
                                         "shared", "sharing_reported"])
    frame["place"] = ["街道" if street else kind for street, kind in zip(frame.pop("is_street"), frame.pop("kind"))]
    frame = frame.groupby("place", as_index=False).sum()
    frame["label"] = frame["place"].map(PLACE_KINDS)
    frame = frame.assign(_o=frame["place"].map({p: i for i, p in enumerate(PLACE_KINDS)})).sort_values("_o")
    frame = frame.drop(columns="_o")[["place", "label", "platforms", "items_reported", "meeting_standard", "shared",
                                      "sharing_reported"]].reset_index(drop=True)
    return rate(frame, "shared", "sharing_reported", "shared_rate")


def platforms_by_year(engine: Engine, area: Area) -> pd.DataFrame:
    """The platforms of the area by the year they were completed and how (新建 or 改扩建).

    Columns: year, new_built, extended, platforms.
    """
    statement = _platforms(select(ServicePlatform.completed_year, _count(ServicePlatform.kind == "新建"),
                                  _count(ServicePlatform.kind == "改扩建"))).where(
        *area_conditions(area)).group_by(ServicePlatform.completed_year).order_by(ServicePlatform.completed_year)
    frame = frame_of(engine, statement, ["year", "new_built", "extended"])
    frame["platforms"] = frame["new_built"] + frame["extended"]
    return frame


def communities_below_standard(engine: Engine, area: Area) -> pd.DataFrame:
    """Urban communities of the area whose platform does not meet 一站一园一场七室: none recorded (未建服务阵地),
    fewer items than the standard (缺 n 项), or items not reported (未填报达标项数).

    Columns: county, street, community, community_code, standard_items, completed_year, kind, is_shared, gap.
    """
    statement = from_communities(select(
        County.name, Street.name, Community.name, Community.code, ServicePlatform.id,
        ServicePlatform.standard_items, ServicePlatform.completed_year, ServicePlatform.kind,
        ServicePlatform.is_shared,
    )).outerjoin(ServicePlatform, ServicePlatform.community_id == Community.id).where(
        Community.is_urban, *area_conditions(area),
        (ServicePlatform.id.is_(None)) | (ServicePlatform.standard_items.is_(None))
        | (ServicePlatform.standard_items < COMMUNITY_STANDARD_ITEMS),
    ).order_by(County.sort_order, Street.code, Community.code)
    frame = frame_of(engine, statement, PLACE + ["community_code", "platform", "standard_items", "completed_year",
                                                 "kind", "is_shared"])
    frame["gap"] = ["未建服务阵地" if pd.isna(p) else "未填报达标项数" if pd.isna(i)
                    else f"缺 {COMMUNITY_STANDARD_ITEMS - int(i)} 项"
                    for p, i in zip(frame.pop("platform"), frame["standard_items"])]
    return frame
