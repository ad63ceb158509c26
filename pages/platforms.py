"""阵地建设: the village-level comprehensive service platforms of streets, communities and villages by kind, area
and year completed; urban communities below the standard (一站一园一场七室); shared use; and the money spent on
阵地建设, linked to 经费保障 for that use. Platforms are the store's current state (the period filter does not
change them); the money is counted as the funding view counts it."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import breakdown_section, rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, paired_bars, stacked_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view
from dashboard.missing import BLANK, missing_line, note_missing
from dashboard.navigation import FUNDING, PLATFORMS, page_file
from dashboard.schema import COMMUNITY_STANDARD_ITEMS, FundingLine, ServicePlatform
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import COUNTY_LEVEL, LEVEL_NAMES
from queries.definitions import name
from queries.findings import platform_findings, spending_findings
from queries.funding import funding_by_year
from queries.overview import headline
from queries.platforms import communities_below_standard, platforms_by_area, platforms_by_kind, platforms_by_year
from queries.store import tables_with_rows

USE = "阵地建设"
STANDARD = "一站一园一场七室"

facts, selection = open_view(PLATFORMS.title)
area, last = selection.area, selection.last
as_of_text = fmt.chinese_date(facts.data_as_of)
where = selection.area_text()

present = load(tables_with_rows)
if note_missing(present, ServicePlatform):
    st.stop()
by_area = load(platforms_by_area, area)
if by_area.empty or not by_area["platforms"].sum() and not by_area["urban_communities"].sum():
    st.info(f"{plain(where)}没有村级综合服务平台,也没有城市社区。请选择其他区域。")
    st.stop()
by_kind, by_year = load(platforms_by_kind, area), load(platforms_by_year, area)
spending = load(funding_by_year, area, last, purpose=USE)
kinds = by_kind.set_index("place")
platforms = int(by_area["platforms"].sum())
urban, meeting = int(by_area["urban_communities"].sum()), int(by_area["urban_meeting_standard"].sum())
standard_rate = headline(by_area, "urban_meeting_standard", "urban_communities")
shared_rate = headline(by_kind, "shared", "sharing_reported")

row = st.columns(5)
with row[0].container(border=True):
    st.metric(name("platforms"), f"{platforms:,} 个")
    if by_year.empty:
        figure_caption("含街道、社区", "platforms")
    else:
        first, final = int(by_year["year"].min()), int(by_year["year"].max())
        figure_caption(f"含街道、社区;{first}—{final}年新建 {int(by_year['new_built'].sum()):,}、"
                       f"改扩建 {int(by_year['extended'].sum()):,}", "platforms")
with row[1].container(border=True):
    streets = int(kinds["platforms"].get("街道", 0))
    st.metric(name("street_platforms"), f"{streets:,} 个")
    figure_caption(f"一所一校四中心:达到标准 {int(kinds['meeting_standard'].get('街道', 0)):,} 个", "street_platforms")
with row[2].container(border=True):
    st.metric(name("community_platform_standard"), fmt.percent(standard_rate))
    figure_caption(f"{STANDARD}:{meeting:,} / {urban:,} 个城市社区;未达标 {urban - meeting:,} 个",
                   "community_platform_standard")
with row[3].container(border=True):
    st.metric(name("platform_sharing"), fmt.percent(shared_rate))
    figure_caption(f"向驻区单位开放的街道和社区阵地 {int(by_kind['shared'].sum()):,} 个", "platform_sharing")
with row[4].container(border=True):
    st.metric(name("platform_funding"), fmt.yuan(spending["budget_yuan"].sum()) if not spending.empty else "—")
    figure_caption("历年预算:" + " · ".join(f"{int(y)}年 {fmt.yuan(b)}" for y, b in zip(spending["year"],
                                                                                   spending["budget_yuan"]))
                   if not spending.empty else missing_line(present, FundingLine) or f"没有{USE}的经费预算",
                   "platform_funding")
    st.page_link(page_file(FUNDING), label=f"在经费保障中查看{USE}经费", icon=":material/arrow_forward:",
                 query_params={**st.query_params.to_dict(), "use": USE})
st.caption(f"{plain(where)} · 标准:街道阵地“一所一校四中心”6项,社区阵地“{STANDARD}”{COMMUNITY_STANDARD_ITEMS}项,"
           f"全部建成为达标;村级平台不按这两项标准评定 · 数据截至 {as_of_text}")

child = LEVEL_NAMES[area.child_level]
area_labels = {"area_name": child, "platforms": "平台合计", "street_platforms": "街道阵地",
               "community_platforms": "社区阵地", "village_platforms": "村级平台", "new_built": "新建",
               "extended": "改扩建", "urban_communities": "城市社区",
               "urban_with_platform": "有阵地的城市社区", "urban_meeting_standard": "达标城市社区",
               "standard_rate": "城市社区阵地达标率(%)", "shared": "开放共享", "sharing_reported": "已填报共享情况",
               "shared_rate": "开放共享率(%)"}
year_labels = {"year": "建成年度", "new_built": "新建", "extended": "改扩建", "platforms": "合计"}
spending_labels = {"year": "年度", "budget_yuan": "预算数(元)", "disbursed_yuan": "已支出数(元)",
                   "execution_rate": "执行率(%)"}
judged = by_area[by_area["urban_communities"] > 0]
sections = [
    derived(breakdown_section, f"各{child}村级综合服务平台", by_area, "area_name", "platforms", "个",
            derived(platform_findings, by_kind, by_year, by_area, where, STANDARD), area_labels),
    derived(rate_section, "城市社区阵地达标率", judged, "urban_meeting_standard", "urban_communities", where, child,
            None, {"area_name": child, "urban_communities": "城市社区", "urban_meeting_standard": "达标城市社区"}),
    derived(breakdown_section, "按建成年度", by_year.assign(year=by_year["year"].astype(str) + "年"), "year",
            "platforms", "个", [], year_labels),
    derived(breakdown_section, f"{USE}经费历年预算", spending.assign(
        year=spending["year"].astype(str) + "年", budget_10k=spending["budget_yuan"] / 10_000), "year", "budget_10k",
            "万元", derived(spending_findings, spending, where, USE), spending_labels),
]
show_findings(sections[0].findings + sections[1].findings[1:2] + sections[3].findings)
briefing_buttons("阵地建设简报", where, f"截至{as_of_text}", as_of_text, [
    ("村级综合服务平台", f"{platforms:,} 个", "含街道、社区"),
    ("社区阵地达标率", fmt.percent(standard_rate), f"{STANDARD};未达标 {urban - meeting} 个"),
    ("开放共享率", fmt.percent(shared_rate), "街道和社区阵地"),
    (f"{USE}经费(历年预算)", fmt.yuan(spending["budget_yuan"].sum()) if not spending.empty else "—", ""),
], sections, "platforms_briefing")

area_tab, year_tab, below_tab, money_tab = st.tabs(["分区域", "建成年度", "未达标社区", f"{USE}经费"])

with area_tab:
    places = {"street_platforms": "街道", "community_platforms": "社区", "village_platforms": "村"}
    st.plotly_chart(figure(stacked_bars, by_area, "area_name", places, f"各{child}村级综合服务平台", "个", as_of_text),
                    key="platform_chart", on_select=partial(drill_from_chart, "platform_chart", area),
                    selection_mode="points", config={"displaylogo": False})
    if not judged.empty:
        st.plotly_chart(figure(area_bars, judged, "standard_rate", "城市社区阵地达标率",
                               f"各{child}城市社区阵地达标率({STANDARD})", as_of_text),
                        key="standard_chart", on_select=partial(drill_from_chart, "standard_chart", area),
                        selection_mode="points", config={"displaylogo": False})
    rates = ("standard_rate", "shared_rate")
    shown = by_area.assign(**{k: by_area[k] * 100 for k in rates})
    st.dataframe(shown[list(area_labels)].rename(columns=area_labels), hide_index=True, placeholder=BLANK,
                 key="platform_table", selection_mode="single-row",
                 on_select=partial(drill_from_table, "platform_table", area, by_area["area_code"].tolist()),
                 column_config={area_labels[k]: st.column_config.NumberColumn(format="%.1f") for k in rates})
    st.caption(f"“街道本级”为街道自身的阵地(一所一校四中心)。选中一行或点击柱子进入该{child}。")
    export_buttons(shown, area_labels, f"阵地建设_{where}", "platform_export")

with year_tab:
    if by_year.empty:
        st.info("所选范围内没有村级综合服务平台。")
    else:
        st.plotly_chart(figure(stacked_bars, by_year.assign(year=by_year["year"].astype(str) + "年"), "year",
                               {"new_built": "新建", "extended": "改扩建"}, f"{where}村级综合服务平台建成年度",
                               "个", as_of_text), key="year_chart", config={"displaylogo": False})
        st.dataframe(by_year[list(year_labels)].rename(columns=year_labels), hide_index=True, placeholder=BLANK,
                     key="year_table", column_config={"建成年度": st.column_config.NumberColumn(format="%d")})

with below_tab:
    below = load(communities_below_standard, area)
    st.markdown(f"**阵地未达到“{STANDARD}”标准的城市社区:{len(below):,} 个**")
    below_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "community_code": "社区编码",
                    "gap": "差距", "standard_items": "已建成项数", "completed_year": "建成年度", "kind": "建设类型",
                    "shared_text": "开放共享"}
    if below.empty:
        st.success(f"所选范围内每个城市社区的阵地都达到“{STANDARD}”标准。")
    else:
        below = below.assign(shared_text=below["is_shared"].map({True: "是", False: "否"}))
        below_page, _offset = page_of(below, "below_standard")
        st.dataframe(below_page[list(below_labels)].rename(columns=below_labels), hide_index=True, placeholder=BLANK,
                     key="below_table",
                     column_config={"已建成项数": st.column_config.NumberColumn(format="%d"),
                                    "建成年度": st.column_config.NumberColumn(format="%d")})
        export_buttons(below, below_labels, f"阵地未达标社区_{where}", "below_export")

with money_tab:
    if spending.empty:
        st.info(missing_line(present, FundingLine) or f"{plain(where)}没有{USE}的经费预算。")
    else:
        st.plotly_chart(figure(paired_bars, spending.assign(label=spending["year"].astype(str) + "年"), "label",
                               {"budget_yuan": "预算数", "disbursed_yuan": "已支出数"},
                               f"{where}{USE}经费历年预算与支出(截至 {as_of_text})", "万元", scale=10_000),
                        key="spending_chart", config={"displaylogo": False})
        st.dataframe(spending.assign(execution_rate=spending["execution_rate"] * 100)[list(spending_labels)]
                     .rename(columns=spending_labels), hide_index=True, placeholder=BLANK, key="spending_table",
                     column_config={"年度": st.column_config.NumberColumn(format="%d"),
                                    "预算数(元)": st.column_config.NumberColumn(format="%,.0f"),
                                    "已支出数(元)": st.column_config.NumberColumn(format="%,.0f"),
                                    "执行率(%)": st.column_config.NumberColumn(format="%.1f")})
        if not active_viewer().read_only:
            st.page_link(page_file(FUNDING), label=f"在经费保障中按“{USE}”用途查看", icon=":material/arrow_forward:",
                         query_params={**st.query_params.to_dict(), "use": USE})
