"""预警中心: every area below its amber or red line on any headline metric, for how long and who answers for it;
the 点名督办 name lists; and the 督办通报 as a Word document."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.captions import definition_link
from dashboard.data import load
from dashboard.export import briefing_buttons, current_grant, delivered, export_buttons
from dashboard.filters import COMMUNITY, COUNTY, FIRST, LAST, STREET, month_label, open_view, scope_name
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK
from dashboard.navigation import VIEW_OF_METRIC, WARNINGS
from dashboard.notice import (
    DETAIL_LISTS,
    DOCX,
    LIST_LABELS,
    closing_sections,
    gather,
    headline_cells,
    months_text,
    notice_docx,
)
from dashboard.text import file_name, plain
from queries.area import LEVEL_NAMES
from queries.followup import LISTS, NOT_SERVING_MONTHS
from queries.overview import HEADLINES
from queries.warnings import area_warnings, dates_until

# At least how many consecutive month-ends below; a link carries the words shown (?warn_months=3个月).
DURATIONS = {"不限": 1, "2个月": 2, "3个月": 3, "6个月": 6}
TITLES = [spec.title for spec in HEADLINES]

facts, selection = open_view(WARNINGS.title)
area = selection.area
dates = dates_until(facts.themes, selection.last)
viewer = active_viewer()
area_text = scope_name(viewer.scope) if area.is_city else selection.area_text().replace(" · ", "")
child = LEVEL_NAMES[area.within(viewer.scope).child_level]
as_of = max(dates.checkin, dates.pairing, dates.meetings, dates.funding)
st.caption(f"{plain(area_text)}各{child}低于目标(预警)或低于预警线(落后)的指标,数据截至 {fmt.chinese_date(as_of)};"
           "连续月数按每个月末的同一口径回溯计算。")

with st.spinner("正在按各月末回溯计算……"):  # the cockpit's figures on seven month-ends (seconds, then cached)
    warnings = load(area_warnings, area, dates)
    notice = gather(load, area, dates, area_text, selection.last, details=viewer.exports_details)

# 总体情况: the headline figures of the area, their status and their change on the month-end before.
for start in range(0, len(notice.headlines), 4):
    for column, row in zip(st.columns(4), notice.headlines.iloc[start:start + 4].itertuples()):
        with column.container(border=True):
            unknown = pd.isna(row.value) or row.previous is None or pd.isna(row.previous)
            gap_metric(row.title, fmt.percent(row.value), None if unknown else row.value - row.previous, "较上月")
            with st.container(horizontal=True, gap="small"):
                status_badge(row.status)
                definition_link(row.key)

left, right = st.columns([3, 1])
chosen = left.multiselect("指标", TITLES, key="warn_metric", bind="query-params", placeholder="全部指标",
                          select_all=False)  # its bulk action is labelled in English
at_least = right.selectbox("连续低于目标至少", list(DURATIONS), key="warn_months", bind="query-params")
shown = warnings[(warnings["months_below"] >= DURATIONS.get(at_least, 1))
                 & (warnings["metric"].isin(chosen) if chosen else True)].reset_index(drop=True)
st.markdown(f"**落后 {int((shown['status'] == '红').sum())} 项 · 预警 {int((shown['status'] == '黄').sum())} 项 · "
            f"涉及{child} {shown['area_code'].nunique()} 个**")


def link(row) -> str:
    """The view that explains the row's figure, opened on the row's area and the same months."""
    seen = area.within(viewer.scope)  # a street's staff on 全市 see their street: its link names it
    names = {COUNTY: selection.names.get(seen.county, ""), STREET: selection.names.get(seen.street, ""),
             COMMUNITY: selection.names.get(seen.community, "")}
    level = seen.child_level
    if row.area_code:
        names[level] = row.area_name
    params = {key: value for key, value in names.items() if value}
    params[FIRST] = month_label(selection.first.year, selection.first.month)
    params[LAST] = month_label(selection.last.year, selection.last.month)
    return f"./{Path(VIEW_OF_METRIC[row.metric_key].path).stem}?{urlencode(params)}"


if shown.empty:
    st.success("所选范围和条件下,没有低于目标的指标。")
else:
    table = pd.DataFrame({
        "状态": shown["severity"], child: shown["area_name"], "指标": shown["metric"],
        "当前值(%)": shown["value"] * 100, "目标(%)": shown["target"] * 100, "与目标差距(个百分点)": shown["gap"] * 100,
        "连续低于目标(月)": [months_text(m) for m in shown["months_below"]],
        "较上月(个百分点)": [t if pd.isna(c) or t == "持平" else f"{t} {c * 100:+.1f}"
                        for t, c in zip(shown["trend"], shown["change"])],
        "责任单位(人)": shown["responsible"], "查看": [link(row) for row in shown.itertuples()]})
    st.dataframe(table, hide_index=True, placeholder=BLANK, key="warnings_table", column_config={
        "当前值(%)": st.column_config.NumberColumn(format="%.1f"),
        "目标(%)": st.column_config.NumberColumn(format="%.1f"),
        "与目标差距(个百分点)": st.column_config.NumberColumn(format="%+.1f"),
        "查看": st.column_config.LinkColumn(display_text="查看详情"),
    })
    columns = [c for c in table.columns if c != "查看"]
    export_buttons(table, dict(zip(columns, columns)), f"预警中心_{area_text}_{selection.period_text}",
                   "warnings_export")

st.divider()
st.markdown("#### 点名督办")
tabs = st.tabs([f"{title}({len(notice.lists[key])})" for key, title, _action in LISTS])
for tab, (key, title, action) in zip(tabs, LISTS):
    with tab:
        frame = notice.lists[key]
        note = f"(近{NOT_SERVING_MONTHS}个月)" if key == "members_idle" else ""
        st.caption(f"{title}{note}:{len(frame)} 项。整改要求:{action}。")
        if frame.empty:
            st.info("无。")
            continue
        labels = LIST_LABELS[key]
        st.dataframe(frame[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK,
                     key=f"followup_{key}")
        export_buttons(frame, labels, f"点名督办_{title}_{area_text}", f"followup_{key}_export",
                       detail=key in DETAIL_LISTS)

st.divider()
st.markdown("#### 督办通报")
st.caption(f"{plain(area_text)} {notice.period_text}:总体情况、预警和落后单位、点名督办名单、整改要求"
           f"(整改时限 {plain(notice.deadline_text)})。Word 文档,可编辑后印发;简报为其结尾几页。")
if viewer.exports:
    name = file_name(f"督办通报_{area_text}_{notice.period_text}", "docx")
    st.download_button("下载督办通报(Word)", key="notice_docx", icon=":material/description:", on_click="ignore",
                       file_name=name, mime=DOCX,
                       data=delivered(current_grant(), f"督办通报 · 预警 {len(notice.warnings)} 项", name,
                                      lambda: notice_docx(notice)))
    briefing_buttons("督办简报", area_text, notice.period_text, fmt.chinese_date(notice.as_of),
                     headline_cells(notice), closing_sections(notice), "notice_briefing")
