"""双报到 · 双结对 · 双通报: check-in, service, pairing and notification, by area, with league tables."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import breakdown_section, rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, monthly_trend, paired_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view, theme_period
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, NO_FIGURE, missing_line, missing_tables, note_missing
from dashboard.navigation import CHECKIN
from dashboard.schema import (
    MemberCheckin,
    MemberPairing,
    Notification,
    PairingActivity,
    PartyMember,
    PostClaim,
    ResidentUnit,
    SecretaryCheckin,
    ServiceActivity,
    UnitCheckin,
    UnitPairing,
    VolunteerPost,
)
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import AREA_COLUMNS, LEVEL_NAMES
from queries.checkin import (
    monthly_service_rate,
    notification_completion_by_area,
    notification_year,
    organ_member_checkins_by_area,
    pairing_by_area,
    pairing_totals,
    posts_claimed_by_area,
    secretary_checkins_by_area,
    service_rate_by_area,
    unit_checkin_by_area,
    unit_league,
    unit_member_details,
)
from queries.checkin_findings import (
    organ_findings,
    pairing_activity_findings,
    post_findings,
    service_findings,
    zone_findings,
)
from queries.definitions import name, title
from queries.overview import headline, member_checkin_rate_by_area, pairing_coverage_by_area
from queries.service import pairing_activities_by_kind, posts_by_category, service_by_kind, unclaimed_posts
from queries.store import rag_status, tables_with_rows, targets
from queries.zones import checkin_by_city_zone

facts, selection = open_view(CHECKIN.title)
area, first = selection.area, selection.first
last = theme_period(selection, facts.as_of("checkin"), "双报到", "checkin")
if last is None:
    st.stop()
as_of_text = fmt.chinese_date(last)
# 双结对 and 双通报 are measured as of their own records' date; a period wholly after it shows no pairing figures.
pairing_last = selection.until(facts.as_of("pairing"))
pairing_in_period = pairing_last >= first
pairing_as_of_text = fmt.chinese_date(pairing_last)

present = load(tables_with_rows)
members = load(member_checkin_rate_by_area, area, last)
units = load(unit_checkin_by_area, area, last)
if members.empty and units.empty:
    if not note_missing(present, PartyMember, ResidentUnit):
        st.info(f"{plain(selection.area_text())}在{selection.period_text}没有在职党员或驻区单位。请选择其他区域或月份。")
    st.stop()
posts = load(posts_claimed_by_area, area, last)
service = load(service_rate_by_area, area, first, last)
trend = load(monthly_service_rate, area, first, last)
secretaries = load(secretary_checkins_by_area, area, last)
pairing_coverage = load(pairing_coverage_by_area, area, pairing_last)
pairing = load(pairing_by_area, area, pairing_last, first)
totals = load(pairing_totals, area, pairing_last)
year = notification_year(pairing_last)
notices = load(notification_completion_by_area, area, year)
goals = load(targets).set_index("metric_key")
organs = load(organ_member_checkins_by_area, area, last)
zones = load(checkin_by_city_zone, area, last)
service_kinds = load(service_by_kind, area, first, last)
pairing_kinds = load(pairing_activities_by_kind, area, first, pairing_last)
post_kinds = load(posts_by_category, area, last)


def card(column, title: str, value: float | None, caption: str, key: str | None = None, sources: tuple = (),
         definition: str | None = None) -> None:
    """A bordered figure with its status against the target `key` (if it has one) and a caption linking to the
    metric's definition (`definition`, else `key`); without rows in one of its `sources` (schema classes) it
    shows 暂无数据 instead (the line below the row says why)."""
    with column.container(border=True):
        if missing_tables(present, *sources):
            st.metric(title, NO_FIGURE)
            if key is not None:
                status_badge("无数据")
        elif key is None:
            st.metric(title, fmt.percent(value) if isinstance(value, float) else value)
        else:
            goal = goals.loc[key]
            gap_metric(title, fmt.percent(value), None if value is None else value - goal["target_value"], "对目标")
            status_badge(rag_status(value, goal["target_value"], goal["amber_floor"]))
        if definition or key:
            figure_caption(caption, definition or key)
        else:
            st.caption(caption)


st.markdown("#### 双报到")
row = st.columns(6)
card(row[0], name("unit_checkin_rate"), headline(units, "units_checked_in", "units"),
     f"{fmt.count(units['units_checked_in'].sum())} / {fmt.count(units['units'].sum())} 个驻区单位",
     "unit_checkin_rate", (ResidentUnit, UnitCheckin))
card(row[1], name("member_checkin_rate"), headline(members, "members_checked_in", "members_in_service"),
     f"{fmt.count(members['members_checked_in'].sum())} / {fmt.count(members['members_in_service'].sum())} 名",
     "member_checkin_rate", (PartyMember, MemberCheckin))
claims, checked = int(posts["posts_claimed"].sum()), int(posts["members_checked_in"].sum())
card(row[2], name("posts_claimed"), fmt.count(claims), f"人均 {claims / checked:.2f} 个" if checked else "无已报到党员",
     sources=(VolunteerPost, PostClaim), definition="posts_claimed")
card(row[3], name("monthly_service_rate"), headline(service, "member_months_served", "member_months"),
     f"{selection.period_text}每月至少服务1次", "monthly_service_rate", (MemberCheckin, ServiceActivity))
card(row[4], name("secretary_checkin_rate"), headline(secretaries, "communities_reported", "urban_communities"),
     f"{fmt.count(secretaries['communities_reported'].sum())} 个社区书记 · "
     f"报到 {fmt.count(secretaries['reports'].sum())} 次", sources=(SecretaryCheckin,),
     definition="secretary_checkin_rate")
organ_checked, all_checked = int(organs["organ_members_checked_in"].sum()), int(organs["members_checked_in"].sum())
card(row[5], name("organ_members_checked_in"), f"{fmt.exact(organ_checked)} 名",
     f"占{name('members_checked_in')} {fmt.percent(organ_checked / all_checked if all_checked else None)}"
     f"(共 {fmt.exact(all_checked)} 名)", sources=(ResidentUnit, PartyMember, MemberCheckin),
     definition="organ_members_checked_in")
note_missing(present, ResidentUnit, PartyMember, UnitCheckin, MemberCheckin, VolunteerPost, PostClaim,
             ServiceActivity, SecretaryCheckin)
st.caption(f"{plain(selection.area_text())} · {selection.period_text} · 双报到数据截至 {as_of_text}")

if trend["members_checked_in"].sum():
    st.plotly_chart(figure(monthly_trend, trend, "service_rate", name("monthly_service_rate"),
                           f"{selection.area_text()}{title('monthly_service_rate')}",
                           as_of_text, float(goals.loc["monthly_service_rate", "target_value"])),
                    key="service_trend", config={"displaylogo": False})
    figure_caption("每个月单独计算:当月末已报到的党员中当月至少服务1次的比例。", "monthly_service_rate")
elif not missing_tables(present, MemberCheckin, ServiceActivity):
    st.caption(f"{plain(selection.area_text())}在{selection.period_text}没有已报到的在职党员,不绘制月度服务率走势。")

st.markdown("#### 双结对 · 双通报")
if pairing_in_period:
    row = st.columns(5)
    card(row[0], name("pairing_coverage"), headline(pairing_coverage, "communities_paired", "urban_communities"),
         f"{fmt.count(pairing_coverage['communities_paired'].sum())} / "
         f"{fmt.count(pairing_coverage['urban_communities'].sum())} 个城市社区", "pairing_coverage", (UnitPairing,))
    card(row[1], name("units_paired"), fmt.count(totals["units_paired"]),
         f"其中市县机关事业单位 {fmt.count(totals['organ_units_paired'])} 个", sources=(UnitPairing,),
         definition="units_paired")
    card(row[2], name("members_paired"), fmt.count(totals["members_paired"]), "名机关党员与社区党员结对",
         sources=(MemberPairing,), definition="members_paired")
    pairs, activities = int(pairing["pairs"].sum()), int(pairing["activities"].sum())
    card(row[3], name("pairing_activities"), fmt.count(activities),
         f"平均每对 {activities / pairs:.2f} 次({selection.period_text})" if pairs else "没有结对",
         sources=(UnitPairing, PairingActivity), definition="pairing_activities")
    card(row[4], f"{year}年{name('notification_completion')}", headline(notices, "completed", "notifications"),
         f"{fmt.count(notices['completed'].sum())} / {fmt.count(notices['notifications'].sum())} 对单位与社区",
         "notification_completion", (Notification,))
    st.caption(f"{plain(selection.area_text())} · {selection.period_text} · "
               f"双结对、双通报数据截至 {pairing_as_of_text}")
else:
    theme_period(selection, facts.as_of("pairing"), "双结对", "pairing")
note_missing(present, UnitPairing, MemberPairing, PairingActivity, Notification)

child = LEVEL_NAMES[area.child_level]
where = selection.area_text()
sections = [
    derived(rate_section, title("member_checkin_rate"), members, "members_checked_in", "members_in_service", where,
            child,
            float(goals.loc["member_checkin_rate", "target_value"]),
            {"area_name": child, "members_in_service": "应报到", "members_checked_in": "已报到"}),
    derived(rate_section, title("unit_checkin_rate"), units, "units_checked_in", "units", where, child,
            float(goals.loc["unit_checkin_rate", "target_value"]),
            {"area_name": child, "units": "驻区单位", "units_checked_in": "已报到"}),
    derived(rate_section, title("monthly_service_rate"), service, "member_months_served", "member_months", where, child,
            float(goals.loc["monthly_service_rate", "target_value"]),
            {"area_name": child, "member_months": "应服务人·月", "member_months_served": "已服务人·月"}),
    derived(rate_section, title("pairing_coverage"), pairing_coverage, "communities_paired", "urban_communities",
            where, child,
            float(goals.loc["pairing_coverage", "target_value"]),
            {"area_name": child, "urban_communities": "城市社区", "communities_paired": "有结对单位"}),
    derived(rate_section, f"{year}年{title('notification_completion')}", notices, "completed", "notifications",
            where, child,
            float(goals.loc["notification_completion", "target_value"]),
            {"area_name": child, "notifications": "通报对数", "completed": "已完成"}),
][:None if pairing_in_period else 3]
has_checkins = not missing_tables(present, ResidentUnit, PartyMember, MemberCheckin)
has_service = not missing_tables(present, MemberCheckin, ServiceActivity)
has_posts = not missing_tables(present, VolunteerPost, PostClaim)
has_activities = pairing_in_period and not missing_tables(present, UnitPairing, PairingActivity)
period = selection.period_text
more = {  # findings and briefing slides of the sections below, for the data that is there
    "organs": derived(organ_findings, organs, where) if has_checkins else [],
    "zones": derived(zone_findings, zones, where) if has_checkins else [],
    "service": derived(service_findings, service_kinds, where, period) if has_service else [],
    "posts": derived(post_findings, post_kinds, where) if has_posts else [],
    "activities": derived(pairing_activity_findings, pairing_kinds, where, period) if has_activities else [],
}
if has_checkins:
    zone_section = derived(rate_section, f"中心城区与县城:{title('member_checkin_rate')}",
                           zones.rename(columns={"zone": "area_name"}), "members_checked_in", "members_in_service",
                           where, "片区", float(goals.loc["member_checkin_rate", "target_value"]),
                           {"area_name": "片区", "urban_communities": "城市社区", "members_in_service": "应报到",
                            "members_checked_in": "已报到", "units": "驻区单位", "units_checked_in": "单位已报到",
                            "communities_paired": "有结对单位的社区"})
    sections += [
        derived(rate_section, f"{title('organ_members_checked_in')}占{title('members_checked_in')}比例", organs,
                "organ_members_checked_in", "members_checked_in", where, child, None,
                {"area_name": child, "members_checked_in": title("members_checked_in"),
                 "organ_members_checked_in": title("organ_members_checked_in")}),
        replace(zone_section, findings=more["zones"] or zone_section.findings)]
if has_service:
    sections.append(derived(breakdown_section, f"{title('service_hours')}(按类别)", service_kinds, "kind", "hours",
                            "小时", more["service"],
                            {"kind": "类别", "services": "服务次数", "hours": f"{name('service_hours')}(小时)",
                             "members_served": "服务党员(人)"}))
if has_posts:
    sections.append(derived(breakdown_section, f"{title('posts_unclaimed')}(按类别)", post_kinds, "category",
                            "posts_unclaimed", "个", more["posts"],
                            {"category": "类别", "posts": "岗位", "posts_claimed": "已认领岗位", "claims": "认领人次",
                             "posts_unclaimed": name("posts_unclaimed")}))
if has_activities:
    sections.append(derived(breakdown_section, f"{title('pairing_activities')}(按类别)", pairing_kinds, "kind",
                            "activities", "次", more["activities"],
                            {"kind": "类别", "unit_pairing_activities": "单位结对活动",
                             "member_pairing_activities": "党员结对活动", "activities": "合计"}))
show_findings([sentence for section in sections[:3] for sentence in section.findings[:2]]
              + [words[0] for words in more.values() if words])
briefing_buttons("双报到双结对简报", where, selection.period_text, as_of_text, [
    (title("member_checkin_rate"), fmt.percent(headline(members, "members_checked_in", "members_in_service")), where),
    (title("unit_checkin_rate"), fmt.percent(headline(units, "units_checked_in", "units")), where),
    (title("monthly_service_rate"), fmt.percent(headline(service, "member_months_served", "member_months")),
     selection.period_text),
    (f"{title('units_paired')} / {title('members_paired')}", f"{totals['units_paired']} / {totals['members_paired']}",
     "个单位 / 名党员"),
    (f"{year}年{title('notification_completion')}", fmt.percent(headline(notices, "completed", "notifications")),
     where),
][:None if pairing_in_period else 3] + [
    (title("organ_members_checked_in"), f"{fmt.exact(organ_checked)} 名",
     f"占{title('members_checked_in')} {fmt.percent(organ_checked / all_checked if all_checked else None)}"),
], sections, "checkin_briefing")
st.markdown(f"#### 各{child}排名")
league = members
pairing_frames = (pairing_coverage, notices, pairing[AREA_COLUMNS + ["activities_per_pair"]])
for frame in (units, service, posts[AREA_COLUMNS + ["claims_per_member"]],
              *(pairing_frames if pairing_in_period else ())):
    league = league.merge(frame, on=AREA_COLUMNS, how="outer")
league = league.sort_values("checkin_rate", ascending=False)
target = float(goals.loc["member_checkin_rate", "target_value"])
league["rank"] = league["checkin_rate"].rank(ascending=False, method="min").astype("Int64")
league["gap"] = (league["checkin_rate"] - target) * 100
if league["checkin_rate"].notna().any():
    st.plotly_chart(figure(area_bars, league, "checkin_rate", name("member_checkin_rate"),
                           f"各{child}{title('member_checkin_rate')}",
                           as_of_text, target, float(goals.loc["member_checkin_rate", "amber_floor"])),
                    key="checkin_chart", on_select=partial(drill_from_chart, "checkin_chart", area),
                    selection_mode="points", config={"displaylogo": False})
else:
    st.caption(f"各{child}都没有应报到的在职党员,不绘制报到率图。")
rates = {"checkin_rate": name("member_checkin_rate"), "unit_checkin_rate": name("unit_checkin_rate"),
         "service_rate": name("monthly_service_rate"), "pairing_coverage": name("pairing_coverage"),
         "completion_rate": f"{year}年{name('notification_completion')}"}
labels = {"rank": "排名", "area_name": child, **rates, "gap": f"{name('member_checkin_rate')}与目标差距(个百分点)",
          "claims_per_member": "人均认领岗位", "activities_per_pair": "每对结对活动"}
if not pairing_in_period:
    for key in ("pairing_coverage", "completion_rate", "activities_per_pair"):
        rates.pop(key, None)
        labels.pop(key)
shown = league.assign(**{k: league[k] * 100 for k in rates})[list(labels)].rename(columns=labels)
st.dataframe(
    shown, hide_index=True, placeholder=BLANK, key="checkin_league", selection_mode="single-row",
    on_select=partial(drill_from_table, "checkin_league", area, league["area_code"].tolist()),
    column_config={v: st.column_config.NumberColumn(format="%.1f" if k in rates or k == "gap" else "%.2f")
                   for k, v in labels.items() if k not in ("area_name", "rank")},
)
dated = f"数据截至 {as_of_text}" if not pairing_in_period or pairing_last == last else \
    f"双报到数据截至 {as_of_text},双结对、双通报数据截至 {pairing_as_of_text}"
figure_caption(f"点击表头排序;选中一行或点击柱子进入该{child}。比率单位为%,{dated}。",
               "member_checkin_rate", "unit_checkin_rate", "monthly_service_rate", "pairing_coverage",
               "notification_completion")
export_buttons(league.assign(**{k: league[k] * 100 for k in rates}), labels,
               f"双报到排名_{selection.area_text()}_{selection.period_text}", "league_export")

if has_checkins:
    st.markdown("#### 中心城区与县城")
    zone_rates = {"checkin_rate": name("member_checkin_rate"), "unit_checkin_rate": name("unit_checkin_rate"),
                  "pairing_coverage": name("pairing_coverage")}
    zone_labels = {"zone": "片区", "urban_communities": "城市社区", "members_in_service": "应报到在职党员",
                   "members_checked_in": name("members_checked_in"), "checkin_rate": f"{zone_rates['checkin_rate']}(%)",
                   "organ_members_checked_in": "其中市县行政事业单位",
                   "unit_checkin_rate": f"{zone_rates['unit_checkin_rate']}(%)",
                   "pairing_coverage": f"{zone_rates['pairing_coverage']}(%)"}
    shown_zones = zones.assign(**{k: zones[k] * 100 for k in zone_rates})
    for key, source in (("unit_checkin_rate", UnitCheckin), ("pairing_coverage", UnitPairing)):
        if missing_tables(present, source):  # not imported: no rate, not 0%
            shown_zones[key] = float("nan")
    if len(zones) > 1 and zones["members_in_service"].all():
        st.plotly_chart(figure(paired_bars, shown_zones, "zone", zone_rates, f"{where}中心城区与县城及其他",
                               "%", as_of_text=as_of_text), key="zone_chart", config={"displaylogo": False})
    st.dataframe(shown_zones[list(zone_labels)].rename(columns=zone_labels), hide_index=True, placeholder=BLANK,
                 key="zone_table", column_config={zone_labels[k]: st.column_config.NumberColumn(format="%.1f")
                                                  for k in zone_rates})
    central = int(zones.loc[zones["zone"] == "中心城区", "urban_communities"].sum())
    figure_caption(f"{plain(where)}中心城区城市社区 {central} 个,其余城市社区计入县城及其他(按《社区村》模板的"
                   f"“是否中心城区”);数据截至 {as_of_text}。", "member_checkin_rate", "unit_checkin_rate",
                   "pairing_coverage", "members_checked_in", "organ_members_checked_in")
    export_buttons(shown_zones, zone_labels, f"中心城区与县城_{where}_{period}", "zones_export")

st.markdown("#### 志愿服务、岗位与结对活动")
if has_service:
    st.plotly_chart(figure(paired_bars, service_kinds, "kind", {"hours": name("service_hours")},
                           f"{where}{title('service_hours')}(按类别,{period})", "小时", as_of_text=as_of_text),
                    key="service_kind_chart", config={"displaylogo": False})
    service_labels = {"kind": "类别", "services": "服务次数", "hours": f"{name('service_hours')}(小时)",
                      "members_served": "服务党员(人)", "hours_per_service": "每次时长(小时)"}
    st.dataframe(service_kinds[list(service_labels)].rename(columns=service_labels), hide_index=True,
                 placeholder=BLANK, key="service_kind_table",
                 column_config={service_labels[k]: st.column_config.NumberColumn(format="%.1f")
                                for k in ("hours", "hours_per_service")})
    figure_caption("已报到党员在报到之后的志愿服务,按报到社区归属区域(与月度服务率相同)。", "service_hours")
    export_buttons(service_kinds, service_labels, f"志愿服务分类_{where}_{period}", "service_kind_export")
else:
    st.info(missing_line(present, MemberCheckin, ServiceActivity))
if has_posts:
    st.plotly_chart(figure(paired_bars, post_kinds, "category",
                           {"posts_claimed": "已认领", "posts_unclaimed": name("posts_unclaimed")},
                           f"{where}志愿服务岗位(按类别)", "个", as_of_text=as_of_text, digits=0),
                    key="post_chart", config={"displaylogo": False})
    post_labels = {"category": "类别", "posts": "岗位", "posts_claimed": "已认领岗位", "claims": "认领人次",
                   "posts_unclaimed": name("posts_unclaimed"), "claimed_share": "认领比例(%)"}
    st.dataframe(post_kinds.assign(claimed_share=post_kinds["claimed_share"] * 100)[list(post_labels)]
                 .rename(columns=post_labels), hide_index=True, placeholder=BLANK, key="post_table",
                 column_config={post_labels["claimed_share"]: st.column_config.NumberColumn(format="%.1f")})
    figure_caption(f"岗位不带设置日期,区域内的岗位都计入;认领截至 {as_of_text}。", "posts_unclaimed",
                   "posts_claimed")
    gaps = load(unclaimed_posts, area, last)
    st.markdown(f"**{name('posts_unclaimed')}:{len(gaps)} 个(截至{as_of_text})**")
    if len(gaps):
        gap_labels = {"street": "街道", "community": "社区", "post_code": "岗位编码", "post": "岗位",
                      "category": "类别"}
        gap_page, _offset = page_of(gaps, "unclaimed_posts")
        st.dataframe(gap_page[list(gap_labels)].rename(columns=gap_labels), hide_index=True, placeholder=BLANK,
                     key="unclaimed_posts")
        export_buttons(gaps, gap_labels, f"无人认领岗位_{where}_截至{as_of_text}", "unclaimed_export")
else:
    st.info(missing_line(present, VolunteerPost, PostClaim))
if has_activities:
    if pairing_kinds["activities"].sum():
        st.plotly_chart(figure(paired_bars, pairing_kinds, "kind", {"unit_pairing_activities": "单位结对",
                                                                    "member_pairing_activities": "党员结对"},
                               f"{where}{title('pairing_activities')}(按类别,{period})", "次",
                               as_of_text=pairing_as_of_text, digits=0),
                        key="activity_chart", config={"displaylogo": False})
    else:
        st.caption(f"{plain(where)}在{period}没有开展结对活动。")
    activity_labels = {"kind": "类别", "unit_pairing_activities": "单位结对活动",
                       "member_pairing_activities": "党员结对活动", "activities": "合计"}
    st.dataframe(pairing_kinds[list(activity_labels)].rename(columns=activity_labels), hide_index=True,
                 placeholder=BLANK, key="activity_table")
    figure_caption("单位结对和党员结对在期间内开展的活动,按活动所在社区归属区域。", "pairing_activities")
    export_buttons(pairing_kinds, activity_labels, f"结对活动分类_{where}_{period}", "activity_kind_export")
elif pairing_in_period:
    st.info(missing_line(present, UnitPairing, PairingActivity))

st.markdown("#### 驻区单位:党员已报到但未服务")
by_unit = load(unit_league, area, first, last)
if by_unit.empty:
    st.info(missing_line(present, ResidentUnit, PartyMember, MemberCheckin) or "所选范围内没有驻区单位党员报到。")
    st.stop()
unit_labels = {"unit": "驻区单位", "kind": "类型", "members_checked_in": "已报到党员", "members_served": "期内服务过",
               "members_not_served": "期内未服务", "served_share": f"{name('unit_member_service_rate')}(%)"}
shown_units = by_unit.assign(served_share=by_unit["served_share"] * 100)
unit_page, unit_offset = page_of(shown_units, "unit_league")
picked = st.dataframe(
    unit_page[list(unit_labels)].rename(columns=unit_labels), hide_index=True, placeholder=BLANK, key="unit_league",
    selection_mode="single-row", on_select="rerun",
    column_config={unit_labels["served_share"]: st.column_config.NumberColumn(format="%.1f")},
)
figure_caption("期内服务率:单位已报到党员中期间内至少服务1次的比例;未服务者多的单位在前。",
               "unit_member_service_rate")
export_buttons(shown_units, unit_labels, f"驻区单位服务情况_{selection.area_text()}_{selection.period_text}",
               "units_export")
rows = picked.selection.rows if picked else []
if active_viewer().read_only:  # a big screen shows figures, never people, masked or not
    st.caption("大屏令牌只显示汇总数字,不显示党员明细。")
elif rows:
    unit = by_unit.iloc[unit_offset + rows[0]]
    details = load(unit_member_details, area, unit["unit_code"], first, last)
    st.markdown(f"**{plain(unit['unit'])}:已报到党员明细({selection.period_text})**")
    detail_labels = {"member": "党员", "phone": "联系电话", "street": "街道", "community": "报到社区",
                     "checked_in_on": "报到日期", "services": "期内服务次数", "last_served_on": "最近服务日期"}
    detail_page, _offset = page_of(details, "unit_details")
    st.dataframe(detail_page[list(detail_labels)].rename(columns=detail_labels), hide_index=True,
                 placeholder=BLANK, key="unit_details")
    if not active_viewer().sees_personal:
        st.caption("个人信息已脱敏。")
    export_buttons(details, detail_labels, f"{unit['unit']}_报到党员明细", "details_export", detail=True)
else:
    st.caption("选中一个单位查看其报到党员明细(个人信息已脱敏)。")
