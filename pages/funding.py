"""经费保障: budgeted against disbursed, by area, source, use and year; where money flows; per community and
per Party member. The year is that of the period's last month; payments count up to its last day. The 用途
choice (in the link as ?use=阵地建设, as the 阵地建设 view links here) narrows every figure to one use."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.briefing import rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, funding_sankey, paired_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view, theme_period
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, NO_FIGURE, note_missing
from dashboard.navigation import FUNDING
from dashboard.schema import FUNDING_USES, FundingDisbursement, FundingLine
from dashboard.text import plain
from queries.area import COUNTY_LEVEL, LEVEL_NAMES
from queries.cockpit import effective_target
from queries.definitions import name, title
from queries.funding import funding_by_source_and_use, funding_by_year, funding_flows, funding_per_community_and_member
from queries.overview import HEADLINES, funding_execution_by_area, headline, year_elapsed
from queries.store import rag_status, tables_with_rows, targets

SPEC = next(spec for spec in HEADLINES if spec.key == "funding_execution")

ALL_USES = "全部用途"

facts, selection = open_view(FUNDING.title)
area = selection.area
last = theme_period(selection, facts.as_of("funding"), "经费支出", "funding")
if last is None:
    st.stop()
year = last.year
as_of_text = fmt.chinese_date(last)
chosen = st.segmented_control("用途", options=[ALL_USES, *FUNDING_USES], default=ALL_USES, key="use",
                              bind="query-params", required=True)
purpose = None if chosen in (None, ALL_USES) else chosen

present = load(tables_with_rows)
by_area = load(funding_execution_by_area, area, last, purpose)
if by_area.empty or not by_area["budget_yuan"].sum():
    if not note_missing(present, FundingLine):
        st.info(f"{plain(selection.area_text())}没有{year}年{purpose or ''}的经费预算。请选择其他区域、年份或用途。")
    st.stop()
no_payments = note_missing(present, FundingDisbursement)
goal = load(targets).set_index("metric_key").loc["funding_execution"]
target, amber = effective_target(SPEC, goal, last)
execution = headline(by_area, "disbursed_yuan", "budget_yuan")
per = load(funding_per_community_and_member, area, last, purpose)

row = st.columns(5)
with row[0].container(border=True):
    st.metric(f"{year}年{purpose or ''}{name('funding_budget')}", fmt.yuan(by_area["budget_yuan"].sum()))
    figure_caption("来源:财政拨付、党费补充、社会筹措", "funding_budget")
with row[1].container(border=True):
    st.metric(name("funding_spent"), fmt.yuan(by_area["disbursed_yuan"].sum()))
    figure_caption(f"截至 {as_of_text}", "funding_spent")
with row[2].container(border=True):
    if no_payments:
        st.metric(name("funding_execution"), NO_FIGURE)
        status_badge("无数据")
    else:
        gap_metric(name("funding_execution"), fmt.percent(execution), execution - target, "对目标")
        status_badge(rag_status(execution, target, amber))
    figure_caption(f"序时进度 {fmt.percent(year_elapsed(last))},目标 {fmt.percent(target)}", "funding_execution")
with row[3].container(border=True):
    communities = int(per["urban_communities"].sum())
    st.metric(name("funding_per_community"),
              fmt.yuan(by_area["budget_yuan"].sum() / communities) if communities else "—")
    figure_caption(f"{communities} 个城市社区", "funding_per_community")
with row[4].container(border=True):
    members = int(per["members"].sum())
    st.metric(name("funding_per_member"), fmt.yuan(by_area["budget_yuan"].sum() / members) if members else "—")
    figure_caption(f"{fmt.count(members)} 名党员居住在本区域", "funding_per_member")

child = LEVEL_NAMES[area.child_level]
sections = [derived(rate_section, f"{year}年{title('funding_execution')}", by_area, "disbursed_yuan", "budget_yuan",
                    selection.area_text(), child, target,
                    {"area_name": child, "budget_yuan": "预算数(元)", "disbursed_yuan": "已支出数(元)"})]
show_findings(sections[0].findings)
briefing_buttons("经费保障简报", selection.area_text(), selection.period_text, as_of_text, [
    (f"{year}年{title('funding_budget')}", fmt.yuan(by_area["budget_yuan"].sum()), ""),
    (title("funding_spent"), fmt.yuan(by_area["disbursed_yuan"].sum()), f"截至 {as_of_text}"),
    (title("funding_execution"), fmt.percent(execution), f"序时进度目标 {fmt.percent(target)}"),
], sections, "funding_briefing")
chart = by_area[by_area["area_code"] != ""]
if chart.empty:
    st.caption(f"所选范围的预算都留在本级,没有分到各{child},不绘制分区域执行率图。")
else:
    st.plotly_chart(figure(area_bars, chart, "execution_rate", name("funding_execution"),
                           f"各{child}{year}年{title('funding_execution')}", as_of_text, target, amber),
                    key="funding_chart", on_select=partial(drill_from_chart, "funding_chart", area),
                    selection_mode="points", config={"displaylogo": False})
table = by_area.merge(per.drop(columns=["budget_yuan"]), on=["area_code", "area_name"], how="left")
table = table.assign(execution_rate=table["execution_rate"] * 100,
                     flag=["执行偏低" if rag_status(rate, target, amber) == "红" and not no_payments else ""
                           for rate in table["execution_rate"]])
labels = {"area_name": child, "budget_yuan": "预算数(元)", "disbursed_yuan": "已支出数(元)",
          "execution_rate": f"{name('funding_execution')}(%)", "flag": "提示",
          "per_community_yuan": f"{name('funding_per_community')}(元)",
          "per_member_yuan": f"{name('funding_per_member')}(元)"}
st.dataframe(table[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK, key="funding_table",
             selection_mode="single-row",
             on_select=partial(drill_from_table, "funding_table", area, table["area_code"].tolist()),
             column_config={v: st.column_config.NumberColumn(format="%,.0f" if "元" in v else "%.1f")
                            for k, v in labels.items() if k not in ("area_name", "flag")})
figure_caption(f"{name('funding_execution')}低于 {fmt.percent(amber)}(序时进度目标的预警线)的标为“执行偏低”。"
               "“本级”为留在本级、未分到下级的预算。", "funding_execution")
export_buttons(table, labels, f"{title('funding_execution')}_{selection.area_text()}_{year}", "funding_export")

by_use = load(funding_by_source_and_use, area, year, last, purpose)
left, right = st.columns(2)
with left:
    st.plotly_chart(figure(paired_bars, by_use.assign(label=by_use["source"] + "·" + by_use["purpose"]), "label",
                                {"budget_yuan": "预算数", "disbursed_yuan": "已支出数"},
                                f"{year}年按来源和用途(截至 {as_of_text})", "万元", scale=10_000),
                    key="funding_by_use", config={"displaylogo": False})
    figure_caption("", "funding_budget", "funding_spent")
    use_labels = {"source": "来源", "purpose": "用途", "budget_yuan": "预算数(元)", "disbursed_yuan": "已支出数(元)",
                  "execution_rate": f"{name('funding_execution')}(%)"}
    st.dataframe(by_use.assign(execution_rate=by_use["execution_rate"] * 100)[list(use_labels)]
                 .rename(columns=use_labels), hide_index=True, placeholder=BLANK, key="funding_use_table",
                 column_config={use_labels["budget_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                use_labels["disbursed_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                use_labels["execution_rate"]: st.column_config.NumberColumn(format="%.1f")})
    export_buttons(by_use, use_labels, f"经费来源用途_{selection.area_text()}_{year}", "funding_use_export")
with right:
    yearly = load(funding_by_year, area, last, purpose)
    st.plotly_chart(figure(paired_bars, yearly.assign(label=yearly["year"].astype(str) + "年"), "label",
                                {"budget_yuan": "预算数", "disbursed_yuan": "已支出数"},
                                f"历年预算与支出(截至 {as_of_text})", "万元", scale=10_000),
                    key="funding_by_year", config={"displaylogo": False})
    figure_caption("往年的已支出数算到该年年末。", "funding_budget", "funding_spent")
    year_labels = {"year": "年度", "budget_yuan": "预算数(元)", "disbursed_yuan": "已支出数(元)",
                   "execution_rate": f"{name('funding_execution')}(%)"}
    st.dataframe(yearly.assign(execution_rate=yearly["execution_rate"] * 100)[list(year_labels)]
                 .rename(columns=year_labels), hide_index=True, placeholder=BLANK, key="funding_year_table",
                 column_config={year_labels["year"]: st.column_config.NumberColumn(format="%d"),
                                year_labels["budget_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                year_labels["disbursed_yuan"]: st.column_config.NumberColumn(format="%,.0f"),
                                year_labels["execution_rate"]: st.column_config.NumberColumn(format="%.1f")})

flows = load(funding_flows, area, year, purpose)
st.plotly_chart(figure(funding_sankey, flows,
                       f"{year}年经费预算流向:来源 → 用途 → {COUNTY_LEVEL}(数据截至 {as_of_text})"),
                key="funding_sankey", config={"displaylogo": False})
figure_caption("按预算数计。", "funding_budget")
