"""指标口径: how every figure is counted, so a leader asked "how is this counted?" can answer on the spot.

Generated from queries/definitions.py (numerator, denominator, as-of rule, unit, view) with each target and
warning line read from the store's `target` table, and the settings a rule reads from the `setting` table: a
changed target shows here at once. A figure's 口径 link opens this page with its metric first
(?key=grid_branch_coverage); each definition also has its own anchor (/definitions#grid_branch_coverage).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.captions import METRIC_PARAM
from dashboard.data import load
from dashboard.export import export_buttons
from dashboard.missing import BLANK
from dashboard.navigation import PAGE_OF_PATH, page_file
from dashboard.text import plain
from queries.definitions import BY_KEY, METRICS, TERMS, Metric
from queries.store import setting_value, targets

goals = load(targets).set_index("metric_key")
chosen = BY_KEY.get(st.query_params.get(METRIC_PARAM, ""))


def goal_of(item: Metric) -> pd.Series | None:
    return goals.loc[item.target_key] if item.target_key in goals.index else None


def target_text(item: Metric) -> str:
    """The target and warning line as the store holds them, and how a figure is judged against them."""
    if item.target_key is None:
        return "不设目标,用于比较和排名。"
    goal = goal_of(item)
    if goal is None:
        return f"指标目标表中没有 {item.target_key} 的目标,不判断达标情况。"
    text = (f"目标 {fmt.percent(goal['target_value'])},预警线 {fmt.percent(goal['amber_floor'])}:"
            "不低于目标为达标,低于目标但不低于预警线为预警,低于预警线为落后。")
    if item.paced:
        text += "年中按序时进度折算:目标和预警线各乘以截至统计日已过天数 ÷ 全年天数。"
    return text


def definition_lines(item: Metric) -> list[tuple[str, str]]:
    """(heading, text) pairs of the definition, in the order a leader would ask."""
    view = PAGE_OF_PATH[item.view]
    lines = [("分子" if item.is_rate else "统计内容", item.numerator)]
    if item.is_rate:
        lines.append(("分母", item.denominator))
    lines += [("统计时点", item.as_of), ("单位", item.unit), ("目标与预警线", target_text(item))]
    goal = goal_of(item)
    if goal is not None and isinstance(goal["note"], str) and goal["note"]:
        lines.append(("目标说明", goal["note"]))
    if item.setting:
        key, default, meaning = item.setting
        lines.append(("相关设置", f"{meaning}:{load(setting_value, key, default)}(设置项 {key})"))
    if item.note:
        lines.append(("说明", item.note))
    if item.name != item.title:
        lines.append(("名称", f"在“{view.title}”视图中简称“{item.name}”"))
    lines.append(("计算函数", item.query))
    return lines


def show_definition(item: Metric) -> None:
    st.subheader(plain(item.title), anchor=item.key)
    st.markdown("\n".join(f"- **{heading}**:{plain(text)}" for heading, text in definition_lines(item)))
    view = PAGE_OF_PATH[item.view]
    st.page_link(page_file(view), label=f"查看{view.title}", icon=":material/arrow_forward:")


st.markdown("### 指标口径")
st.caption("每个数字怎么算:分子、分母、统计时点、单位,以及目标和预警线。目标和预警线读自数据库的指标目标表,"
           "修改后本页随之更新。各视图中数字和图表下方的“口径”链接打开本页相应的指标。")
if chosen is not None:
    with st.container(border=True, key="chosen_definition"):
        show_definition(chosen)

overview = pd.DataFrame([{
    "title": item.title, "view": PAGE_OF_PATH[item.view].title, "numerator": item.numerator,
    "denominator": item.denominator, "as_of": item.as_of, "unit": item.unit,
    "target": None if goal_of(item) is None else goal_of(item)["target_value"] * 100,
    "amber": None if goal_of(item) is None else goal_of(item)["amber_floor"] * 100,
    "paced": "按序时进度折算" if item.paced else "",
} for item in METRICS])
labels = {"title": "指标", "view": "所在视图", "numerator": "分子(或统计内容)", "denominator": "分母",
          "as_of": "统计时点", "unit": "单位", "target": "目标(%)", "amber": "预警线(%)", "paced": "目标折算"}
st.markdown("#### 指标一览")
st.dataframe(overview[["title", "view", "unit", "target", "amber", "paced"]].rename(columns=labels),
             hide_index=True, placeholder=BLANK, key="definitions_table",
             column_config={labels["target"]: st.column_config.NumberColumn(format="%.0f"),
                            labels["amber"]: st.column_config.NumberColumn(format="%.0f")})
export_buttons(overview, labels, "指标口径", "definitions_export")

for item in METRICS:
    if item is not chosen:
        show_definition(item)

st.subheader("术语", anchor="terms")
st.markdown("\n".join(f"- **{plain(term.word)}**:{plain(term.meaning)}" for term in TERMS))
