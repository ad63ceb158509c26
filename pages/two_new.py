"""两新组织覆盖: Party coverage of new economic and social organizations, where it is missing, and the gaps."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.briefing import rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, paired_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, missing_line, note_missing
from dashboard.navigation import TWO_NEW
from dashboard.schema import TwoNewOrg, TwoNewSite
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import COUNTY_LEVEL, LEVEL_NAMES
from queries.definitions import name, title
from queries.overview import headline, two_new_coverage_by_area
from queries.store import rag_status, tables_with_rows, targets
from queries.two_new import (
    large_stable_without_organization,
    organizations_that_should_organize,
    two_new_by_dimension,
    two_new_sites,
)

DIMENSION_TITLES = {"kind": "按组织类型", "location_type": "按集聚载体", "size_class": "按规模"}
ORG, WORK = "two_new_org_coverage", "two_new_work_coverage"

facts, selection = open_view(TWO_NEW.title)
area = selection.area
as_of_text = fmt.chinese_date(facts.as_of("two_new"))

present = load(tables_with_rows)
by_area = load(two_new_coverage_by_area, area, facts.as_of("two_new"))
if by_area.empty:
    if not note_missing(present, TwoNewOrg):
        st.info(f"{plain(selection.area_text())}没有两新组织数据。请选择其他区域。")
    st.stop()
goal = load(targets).set_index("metric_key").loc["two_new_org_coverage"]
gaps = load(organizations_that_should_organize, area)
priority = load(large_stable_without_organization, area)
org_rate = headline(by_area, "orgs_covered", "two_new_orgs")
row = st.columns(5)
with row[0].container(border=True):
    st.metric(name("two_new_orgs"), fmt.count(by_area["two_new_orgs"].sum()))
    figure_caption("非公企业和社会组织", "two_new_orgs")
with row[1].container(border=True):
    gap_metric(name(ORG), fmt.percent(org_rate), org_rate - goal["target_value"], "对目标")
    status_badge(rag_status(org_rate, goal["target_value"], goal["amber_floor"]))
    figure_caption(f"单独组建或联合组建 {fmt.count(by_area['orgs_covered'].sum())} 个", ORG)
with row[2].container(border=True):
    st.metric(name(WORK), fmt.percent(headline(by_area, "work_covered", "two_new_orgs")))
    figure_caption("另含选派党建指导员", WORK)
with row[3].container(border=True):
    st.metric(name("two_new_should_organize"), f"{len(gaps)} 个")
    figure_caption("有3名以上党员但未建党组织", "two_new_should_organize")
with row[4].container(border=True):
    st.metric(name("large_stable_uncovered"), f"{len(priority)} 个")
    figure_caption("规模较大、生产经营稳定的企业", "large_stable_uncovered")
st.caption(f"覆盖按组建(选派)日期计至 {as_of_text},未填日期的视为一直存在。")

child = LEVEL_NAMES[area.child_level]
sections = [derived(rate_section, title(ORG), by_area, "orgs_covered", "two_new_orgs",
                    selection.area_text(), child,
                    float(goal["target_value"]),
                    {"area_name": child, "two_new_orgs": name("two_new_orgs"), "orgs_covered": "已建党组织",
                     "work_covered": "党的工作已覆盖"})]
if len(gaps) or len(priority):
    sections[0].findings.append(f"有3名以上党员但未建党组织的两新组织 {len(gaps)} 个;规模较大、生产经营稳定的企业中"
                                f"未建党组织的 {len(priority)} 个。")
show_findings(sections[0].findings)
briefing_buttons(f"{TWO_NEW.title}简报", selection.area_text(), selection.period_text, as_of_text, [
    (title(ORG), fmt.percent(org_rate), f"目标 {fmt.percent(goal['target_value'])}"),
    (title(WORK), fmt.percent(headline(by_area, "work_covered", "two_new_orgs")), "另含选派党建指导员"),
    (title("two_new_should_organize"), f"{len(gaps)} 个", "有3名以上党员但未建党组织"),
    (title("large_stable_uncovered"), f"{len(priority)} 个", "规模较大、生产经营稳定的企业"),
], sections, "two_new_briefing")
st.plotly_chart(figure(area_bars, by_area, "org_coverage", name(ORG), f"各{child}{title(ORG)}", as_of_text,
                       float(goal["target_value"]), float(goal["amber_floor"])),
                key="two_new_chart", on_select=partial(drill_from_chart, "two_new_chart", area),
                selection_mode="points", config={"displaylogo": False})
labels = {"area_name": child, "two_new_orgs": name("two_new_orgs"), "orgs_covered": "已建党组织",
          "org_coverage": f"{name(ORG)}(%)", "work_covered": "党的工作已覆盖", "work_coverage": f"{name(WORK)}(%)"}
shown = by_area.assign(org_coverage=by_area["org_coverage"] * 100, work_coverage=by_area["work_coverage"] * 100)
st.dataframe(shown[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK, key="two_new_table",
             selection_mode="single-row",
             on_select=partial(drill_from_table, "two_new_table", area, by_area["area_code"].tolist()),
             column_config={labels[k]: st.column_config.NumberColumn(format="%.1f")
                            for k in ("org_coverage", "work_coverage")})
figure_caption(f"选中一行或点击柱子进入该{child}。", ORG, WORK)
export_buttons(shown, labels, f"{TWO_NEW.title}_{selection.area_text()}", "two_new_export")

dimension_tabs = st.tabs(list(DIMENSION_TITLES.values()))
dimension_labels = {"value": "类别", "orgs": "组织数", "own": "单独组建", "joint": "联合组建",
                    "instructor": "选派党建指导员",
                    "uncovered": "未覆盖", "org_coverage": f"{name(ORG)}(%)", "work_coverage": f"{name(WORK)}(%)"}
for tab, dimension in zip(dimension_tabs, DIMENSION_TITLES):
    with tab:
        frame = load(two_new_by_dimension, area, dimension)
        chart = frame.assign(org_pct=frame["org_coverage"] * 100, work_pct=frame["work_coverage"] * 100)
        if chart.empty:
            st.info("所选范围内没有两新组织。")
            continue
        st.plotly_chart(figure(paired_bars, chart, "value", {"org_pct": name(ORG), "work_pct": name(WORK)},
                               f"{DIMENSION_TITLES[dimension]}:{name(ORG)}和{name(WORK)}(数据截至 {as_of_text})", "%"),
                        key=f"dimension_{dimension}", config={"displaylogo": False})
        figure_caption("", ORG, WORK)
        table = chart.assign(org_coverage=chart["org_pct"], work_coverage=chart["work_pct"])
        st.dataframe(table[list(dimension_labels)].rename(columns=dimension_labels), hide_index=True, placeholder=BLANK,
                     key=f"dimension_table_{dimension}",
                     column_config={dimension_labels[k]: st.column_config.NumberColumn(format="%.1f")
                                    for k in ("org_coverage", "work_coverage")})

st.markdown("#### 集聚载体:商务楼宇、园区、商圈市场")
sites = load(two_new_sites, area)
site_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "site": "载体名称", "kind": "载体类型",
               "orgs": "入驻组织", "orgs_covered": "已建党组织", "full_text": "全覆盖", "missing": "缺口"}
if sites.empty:
    st.info(missing_line(present, TwoNewSite) or "所选范围内没有登记的商务楼宇、园区或商圈市场。")
else:
    sites = sites.assign(full_text=sites["fully_covered"].map({True: "是", False: "否"}))
    site_page, _offset = page_of(sites, "sites_table")
    st.dataframe(site_page[list(site_labels)].rename(columns=site_labels), hide_index=True,
                 placeholder=BLANK, key="sites_table")
    export_buttons(sites, site_labels, f"集聚载体覆盖_{selection.area_text()}", "sites_export")

gap_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "org": "组织名称", "kind": "类型",
              "location_type": "集聚载体", "site": "载体名称", "employees": "从业人员", "party_members": "党员数",
              "coverage_kind": "现状"}
st.markdown(f"#### {name('two_new_should_organize')}:有3名以上党员但未建党组织({len(gaps)} 个,党员多者在前)")
figure_caption("", "two_new_should_organize")
if gaps.empty:
    st.success("所选范围内有3名以上党员的两新组织都已建立党组织。")
else:
    gap_page, _offset = page_of(gaps, "gaps_table")
    st.dataframe(gap_page[list(gap_labels)].rename(columns=gap_labels), hide_index=True,
                 placeholder=BLANK, key="gaps_table")
    export_buttons(gaps, gap_labels, f"{title('two_new_should_organize')}_{selection.area_text()}", "gaps_export")
st.markdown(f"#### 规模较大、生产经营稳定的企业未建党组织({len(priority)} 个)")
figure_caption("", "large_stable_uncovered")
if priority.empty:
    st.success("所选范围内规模较大、生产经营稳定的企业都已建立党组织。")
else:
    priority_page, _offset = page_of(priority, "priority_table")
    st.dataframe(priority_page[list(gap_labels)].rename(columns=gap_labels), hide_index=True,
                 placeholder=BLANK, key="priority_table")
    export_buttons(priority, gap_labels, f"{name('large_stable_uncovered')}_{selection.area_text()}", "priority_export")
