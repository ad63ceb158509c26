"""经费保障: budgeted against disbursed, by area, source, use and year; where money flows; per community and
per Party member. The year is that of the period's last month; payments count up to its last day."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.briefing import rate_section
from dashboard.charts import area_bars, funding_sankey, paired_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view, theme_period
from dashboard.frame import status_badge
from dashboard.missing import BLANK, NO_FIGURE, note_missing
from dashboard.schema import FundingDisbursement, FundingLine
from dashboard.text import plain
from queries.area import LEVEL_NAMES
from queries.cockpit import effective_target
from queries.funding import funding_by_source_and_use, funding_by_year, funding_flows, funding_per_community_and_member
from queries.overview import HEADLINES, funding_execution_by_area, headline, year_elapsed
from queries.store import rag_status, tables_with_rows, targets

SPEC = next(spec for spec in HEADLINES if spec.key == "funding_execution")

facts, selection = open_view("经费保障")
area = selection.area
last = theme_period(selection, facts.as_of("funding"), "经费拨付", "funding")
if last is None:
    st.stop()
year = last.year
as_of_text = fmt.chinese_date(last)

present = load(tables_with_rows)
by_area = load(funding_execution_by_area, area, last)
if by_area.empty or not by_area["budget_yuan"].sum():
    if not note_missing(present, FundingLine):
        st.info(f"{plain(selection.area_text())}没有{year}年的经费预算。请选择其他区域或年份。")
    st.stop()
no_payments = note_missing(present, FundingDisbursement)
goal = load(targets).set_index("metric_key").loc["funding_execution"]
target, amber = effective_target(SPEC, goal, last)
execution = headline(by_area, "disbursed_yuan", "budget_yuan")
per = load(funding_per_community_and_member, area, last)

row = st.columns(5)
with row[0].container(border=True):
    st.metric(f"{year}年预算数", fmt.yuan(by_area["budget_yuan"].sum()))
    st.caption("财政拨付、党费补充、社会筹措")
with row[1].container(border=True):
    st.metric("拨付数", fmt.yuan(by_area["disbursed_yuan"].sum()))
    st.caption(f"截至 {as_of_text}")
with row[2].container(border=True):
    if no_payments:
        st.metric("执行率", NO_FIGURE)
        status_badge("无数据")
    else:
        st.metric("执行率", fmt.percent(execution), delta=fmt.points(execution - target) + "(对目标)")
        status_badge(rag_status(execution, target, amber))
    st.caption(f"序时进度 {fmt.percent(year_elapsed(last))},目标 {fmt.percent(target)}")
with row[3].container(border=True):
    communities = int(per["urban_communities"].sum())
    st.metric("每个城市社区", fmt.yuan(by_area["budget_yuan"].sum() / communities) if communities else "—")
    st.caption(f"{communities} 个城市社区")
with row[4].container(border=True):
    members = int(per["members"].sum())
    st.metric("每名党员", fmt.yuan(by_area["budget_yuan"].sum() / members) if members else "—")
    st.caption(f"{fmt.count(members)} 名党员居住在本区域")

child = LEVEL_NAMES[area.child_level]
sections = [derived(rate_section, f"{year}年经费执行率", by_area, "disbursed_yuan", "budget_yuan",
                    selection.area_text(), child, target,
                    {"area_name": child, "budget_yuan": "预算数(元)", "disbursed_yuan": "拨付数(元)"})]
show_findings(sections[0].findings)
briefing_buttons("经费保障简报", selection.area_text(), selection.period_text, as_of_text, [
    (f"{year}年预算数", fmt.yuan(by_area["budget_yuan"].sum()), ""),
    ("拨付数", fmt.yuan(by_area["disbursed_yuan"].sum()), f"截至 {as_of_text}"),
    ("执行率", fmt.percent(execution), f"序时进度目标 {fmt.percent(target)}"),
], sections, "funding_briefing")
chart = by_area[by_area["area_code"] != ""]
if chart.empty:
    st.caption(f"所选范围的预算都留在本级,没有分到各{child},不绘制分区域执行率图。")
else:
    st.plotly_chart(figure(area_bars, chart, "execution_rate", "执行率", f"各{child}{year}年经费执行率", as_of_text,
                           target, amber),
                    key="funding_chart", on_select=partial(drill_from_chart, "funding_chart", area),
                    selection_mode="points", config={"displaylogo": False})
table = by_area.merge(per.drop(columns=["budget_yuan"]), on=["area_code", "area_name"], how="left")
table = table.assign(execution_rate=table["execution_rate"] * 100,
                     flag=["执行偏低" if rag_status(rate, target, amber) == "红" and not no_payments else ""
                           for rate in table["execution_rate"]])
labels = {"area_name": child, "budget_yuan": "预算数(元)", "disbursed_yuan": "拨付数(元)",
          "execution_rate": "执行率(%)",
          "flag": "提示", "per_community_yuan": "每社区(元)", "per_member_yuan": "每党员(元)"}
st.dataframe(table[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK, key="funding_table",
             selection_mode="single-row",
             on_select=partial(drill_from_table, "funding_table", area, table["area_code"].tolist()),
             column_config={v: st.column_config.NumberColumn(format="%,.0f" if "元" in v else "%.1f")
                            for k, v in labels.items() if k not in ("area_name", "flag")})
st.caption(f"执行率低于 {fmt.percent(amber)}(序时进度目标的预警线)的标为“执行偏低”。"
           "“本级”为留在本级、未分到下级的预算。")
export_buttons(table, labels, f"经费执行_{selection.area_text()}_{year}", "funding_export")

by_use = load(funding_by_source_and_use, area, year, last)
left, right = st.columns(2)
with left:
    st.plotly_chart(figure(paired_bars, by_use.assign(label=by_use["source"] + "·" + by_use["purpose"]), "label",
                                {"budget_yuan": "预算数", "disbursed_yuan": "拨付数"},
                                f"{year}年按来源和用途(截至 {as_of_text})", "万元", scale=10_000),
                    key="funding_by_use", config={"displaylogo": False})
    use_labels = {"source": "来源", "purpose": "用途", "budget_yuan": "预算数(元)", "disbursed_yuan": "拨付数(元)",
                  "execution_rate": "执行率(%)"}
    st.dataframe(by_use.assign(execution_rate=by_use["execution_rate"] * 100)[list(use_labels)]
                 .rename(columns=use_labels), hide_index=True, placeholder=BLANK, key="funding_use_table",
                 column_config={use_labels["budget_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                use_labels["disbursed_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                use_labels["execution_rate"]: st.column_config.NumberColumn(format="%.1f")})
    export_buttons(by_use, use_labels, f"经费来源用途_{selection.area_text()}_{year}", "funding_use_export")
with right:
    yearly = load(funding_by_year, area, last)
    st.plotly_chart(figure(paired_bars, yearly.assign(label=yearly["year"].astype(str) + "年"), "label",
                                {"budget_yuan": "预算数", "disbursed_yuan": "拨付数"},
                                f"历年预算与拨付(截至 {as_of_text})", "万元", scale=10_000),
                    key="funding_by_year", config={"displaylogo": False})
    year_labels = {"year": "年度", "budget_yuan": "预算数(元)", "disbursed_yuan": "拨付数(元)",
                   "execution_rate": "执行率(%)"}
    st.dataframe(yearly.assign(execution_rate=yearly["execution_rate"] * 100)[list(year_labels)]
                 .rename(columns=year_labels), hide_index=True, placeholder=BLANK, key="funding_year_table",
                 column_config={year_labels["year"]: st.column_config.NumberColumn(format="%d"),
                                year_labels["budget_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                year_labels["disbursed_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                year_labels["execution_rate"]: st.column_config.NumberColumn(format="%.1f")})

flows = load(funding_flows, area, year)
st.plotly_chart(figure(funding_sankey, flows, f"{year}年经费流向:来源 → 用途 → 区县(市)(数据截至 {as_of_text})"),
                key="funding_sankey",
                config={"displaylogo": False})
