"""Findings in words about where checked-in members come from and what is done: the share from city and
county organs and public institutions, the central city against the rest, service by kind and hours,
pairing activities by kind, and the posts nobody has claimed.

Pure pandas over the frames the 双报到 view draws (`queries.checkin`, `queries.zones`, `queries.service`), as
`queries.findings` does for rates.
"""

from __future__ import annotations

import pandas as pd

from queries.findings import LISTED


def _pct(part: float, whole: float) -> str:
    return f"{part / whole * 100:.1f}%"


def organ_findings(organs: pd.DataFrame, area_name: str) -> list[str]:
    """Members checked in, those from city and county organs and institutions, and their share
    (`organs`: organ_member_checkins_by_area)."""
    checked, organ = int(organs["members_checked_in"].sum()), int(organs["organ_members_checked_in"].sum())
    if not checked:
        return [f"{area_name}还没有在职党员报到。"]
    return [f"{area_name}已报到在职党员 {checked:,} 名,其中市县行政事业单位党员 {organ:,} 名,"
            f"占 {_pct(organ, checked)}。"]


def zone_findings(zones: pd.DataFrame, area_name: str) -> list[str]:
    """The central city's 在职党员报到率 and 结对社区覆盖率 against the rest's (`zones`: checkin_by_city_zone)."""
    rows = zones.set_index("zone")
    if len(rows) < 2:
        return [f"{area_name}的城市社区均属{rows.index[0]}。"] if len(rows) else []
    central, elsewhere = rows.iloc[0], rows.iloc[1]
    sentences = []
    if central["members_in_service"] and elsewhere["members_in_service"]:
        gap = round((central["checkin_rate"] - elsewhere["checkin_rate"]) * 100, 1)
        compared = f"{'高于' if gap > 0 else '低于'}{rows.index[1]}" if gap else f"与{rows.index[1]}持平"
        sentences.append(f"{rows.index[0]} {int(central['urban_communities'])} 个城市社区在职党员报到率 "
                         f"{central['checkin_rate'] * 100:.1f}%,{compared}({int(elsewhere['urban_communities'])} 个"
                         f"社区,{elsewhere['checkin_rate'] * 100:.1f}%)"
                         + (f" {abs(gap):.1f} 个百分点。" if gap else "。"))
    sentences.append(f"结对社区覆盖率:{rows.index[0]} {central['pairing_coverage'] * 100:.1f}%,"
                     f"{rows.index[1]} {elsewhere['pairing_coverage'] * 100:.1f}%。")
    return sentences


def service_findings(kinds: pd.DataFrame, area_name: str, period_text: str) -> list[str]:
    """Services and hours in the period, the kind with the most hours and the kinds with none
    (`kinds`: service_by_kind)."""
    services, hours = int(kinds["services"].sum()), float(kinds["hours"].sum())
    if not services:
        return [f"{area_name}在{period_text}没有已报到党员的志愿服务记录。"]
    top = kinds.sort_values("hours", ascending=False, kind="stable").iloc[0]
    sentences = [f"{area_name}{period_text}已报到党员志愿服务 {services:,} 次、{hours:,.1f} 小时;时长最多的是"
                 f"{top['kind']},{top['hours']:,.1f} 小时,占 {_pct(top['hours'], hours)}。"]
    idle = kinds.loc[kinds["services"] == 0, "kind"]
    if len(idle):
        sentences.append("没有服务记录的类别:" + "、".join(idle) + "。")
    return sentences


def pairing_activity_findings(kinds: pd.DataFrame, area_name: str, period_text: str) -> list[str]:
    """Pairing activities in the period by kind: the most common and those not held
    (`kinds`: pairing_activities_by_kind)."""
    total = int(kinds["activities"].sum())
    if not total:
        return [f"{area_name}在{period_text}没有开展结对活动。"]
    top = kinds.sort_values("activities", ascending=False, kind="stable").iloc[0]
    sentences = [f"{area_name}{period_text}开展结对活动 {total:,} 次,其中单位结对 "
                 f"{int(kinds['unit_pairing_activities'].sum()):,} 次、党员结对 "
                 f"{int(kinds['member_pairing_activities'].sum()):,} 次;"
                 f"{top['kind']}最多,{int(top['activities']):,} 次。"]
    idle = kinds.loc[kinds["activities"] == 0, "kind"]
    if len(idle):
        sentences.append("没有开展的结对活动:" + "、".join(idle) + "。")
    return sentences


def post_findings(posts: pd.DataFrame, area_name: str) -> list[str]:
    """Posts offered, claimed and unclaimed, and the categories with the most unclaimed posts
    (`posts`: posts_by_category)."""
    offered, unclaimed = int(posts["posts"].sum()), int(posts["posts_unclaimed"].sum())
    if not offered:
        return [f"{area_name}的社区还没有设置志愿服务岗位。"]
    sentences = [f"{area_name}社区设置岗位 {offered:,} 个,已有党员认领 {offered - unclaimed:,} 个"
                 f"({_pct(offered - unclaimed, offered)}),无人认领 {unclaimed:,} 个。"]
    gaps = posts[posts["posts_unclaimed"] > 0].sort_values("posts_unclaimed", ascending=False, kind="stable")
    if len(gaps):
        sentences.append("无人认领岗位较多的类别:" + "、".join(
            f"{row.category} {row.posts_unclaimed:,} 个" for row in gaps.head(LISTED).itertuples()) + "。")
    return sentences
