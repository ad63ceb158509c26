"""Pure chart builders: DataFrame in, plotly Figure out; no Streamlit calls. Every text argument and every name
from a frame is plain text: it goes through dashboard.text.chart_text before plotly, which would read markup
in it."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.formatting import target_percent
from dashboard.text import chart_labels, chart_text
from queries.assessment import BANDS, rounded_score
from queries.store import rag_status

STATUS_COLOURS = {"绿": "#2E8B57", "黄": "#E0A100", "红": "#C8102E", "无数据": "#9E9E9E"}
FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
BAND_COLOURS = {"excellent": "#2E8B57", "good": "#5B7DB1", "fair": "#E0A100", "poor": "#C8102E"}


# A value label written after its bar takes about this many points of a 0–100 axis: one that would run into the
# target line goes inside the bar's end instead.
LABEL_POINTS = 8


def label_positions(values: pd.Series, target: float) -> list[str]:
    """Where each bar's value label goes: after the bar, or inside its end when the target's dashed line would
    cross the label (bars just short of the target)."""
    return ["inside" if target * 100 - LABEL_POINTS < v * 100 <= target * 100 else "outside" for v in values]


def ranking_bar(frame: pd.DataFrame, value: str, label: str, target: float, title: str,
                as_of_text: str) -> go.Figure:
    """Horizontal bars of `value` (a rate) per area, worst at the top, coloured by status, target line."""
    data = frame.sort_values(value, ascending=False)
    figure = go.Figure(go.Bar(
        x=data[value] * 100, y=chart_labels(data["area_name"]), orientation="h", customdata=data["area_code"],
        marker_color=[STATUS_COLOURS[s] for s in data["status"]],
        text=[f"{v * 100:.1f}%" for v in data[value]], textposition=label_positions(data[value], target),
        insidetextanchor="end", hovertemplate="%{y}:%{x:.1f}%<extra></extra>",
    ))
    figure.add_vline(x=target * 100, line_dash="dash", line_color="#555",
                     annotation_text=f"目标 {target_percent(target)}", annotation_position="top")
    upper = max(100.0, float(data[value].max() * 100) + 8) if not data.empty else 100.0
    figure.update_layout(
        title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:% · "
                        f"数据截至 {chart_text(as_of_text)}"
                        "</span>", font=dict(size=18)),
        xaxis=dict(title=f"{chart_text(label)}(%)", range=[0, upper]),
        yaxis=dict(title=None),
        height=max(320, 34 * len(data) + 120),
        margin=dict(l=10, r=30, t=80, b=40),
        font=dict(family=FONT, size=14),
        showlegend=False,
    )
    return figure


def area_bars(frame: pd.DataFrame, value: str, label: str, title: str, as_of_text: str,
              target: float | None = None, amber_floor: float | None = None) -> go.Figure:
    """Bars of a rate per child area (in the frame's order), coloured by status against the target, with the
    area's code as customdata for drill-down."""
    if target is None:
        colours = ["#5B7DB1"] * len(frame)
    else:
        floor = target if amber_floor is None else amber_floor
        colours = [STATUS_COLOURS[rag_status(v, target, floor)] for v in frame[value]]
    figure = go.Figure(go.Bar(
        x=chart_labels(frame["area_name"]), y=frame[value] * 100, customdata=frame["area_code"], marker_color=colours,
        text=[f"{v * 100:.1f}%" if pd.notna(v) else "" for v in frame[value]], textposition="outside",
        hovertemplate="%{x}:%{y:.1f}%<br>点击进入<extra></extra>",
    ))
    if target is not None:
        figure.add_hline(y=target * 100, line_dash="dash", line_color="#555",
                         annotation_text=f"目标 {target_percent(target)}")
    figure.update_layout(
        title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:% · "
                        f"数据截至 {chart_text(as_of_text)}"
                        " · 点击柱子进入下一级</span>", font=dict(size=18)),
        yaxis=dict(title=f"{chart_text(label)}(%)", range=[0, 112]), xaxis=dict(title=None),
        height=420, margin=dict(l=10, r=10, t=90, b=40), font=dict(family=FONT, size=14), showlegend=False,
        clickmode="event+select",
    )
    return figure


def monthly_trend(frame: pd.DataFrame, value: str, label: str, title: str, as_of_text: str,
                  target: float | None = None) -> go.Figure:
    """A rate month by month (column `month` as YYYY-MM), with the target as a dashed line."""
    figure = go.Figure(go.Scatter(
        x=frame["month"], y=frame[value] * 100, mode="lines+markers+text", line=dict(color="#C8102E", width=3),
        text=[f"{v * 100:.1f}%" if pd.notna(v) else "" for v in frame[value]], textposition="top center",
        hovertemplate="%{x}:%{y:.1f}%<extra></extra>",
    ))
    if target is not None:
        figure.add_hline(y=target * 100, line_dash="dash", line_color="#555",
                         annotation_text=f"目标 {target_percent(target)}")
    figure.update_layout(
        title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:% · "
                        f"数据截至 {chart_text(as_of_text)}"
                        "</span>", font=dict(size=18)),
        yaxis=dict(title=f"{chart_text(label)}(%)", range=[0, 105]), xaxis=dict(title="月份", type="category"),
        height=380, margin=dict(l=10, r=10, t=80, b=40), font=dict(family=FONT, size=14), showlegend=False,
    )
    return figure


def coverage_treemap(tree: pd.DataFrame, title: str, to_grids: bool) -> go.Figure:
    """Treemap from the area down to communities (or grids), sized by grids, coloured by branch coverage."""
    leaves = tree.assign(grids=1, branches=tree["has_branch"].astype(int))
    path = ["county", "street", "community"] + (["grid"] if to_grids else [])
    grouped = leaves.groupby(path, as_index=False)[["grids", "branches"]].sum()
    ids, labels, parents, sizes, colours = [], [], [], [], []
    for depth in range(len(path)):
        level = grouped.groupby(path[: depth + 1], as_index=False)[["grids", "branches"]].sum()
        for row in level.itertuples(index=False):
            keys = list(row[: depth + 1])
            ids.append("/".join(keys))
            labels.append(chart_text(keys[-1]))
            parents.append("/".join(keys[:-1]))
            sizes.append(row.grids)
            colours.append(row.branches / row.grids * 100 if row.grids else 0)
    figure = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=sizes, branchvalues="total", maxdepth=2,
        marker=dict(colors=colours, colorscale=[[0, "#C8102E"], [0.9, "#E0A100"], [1, "#2E8B57"]], cmin=0, cmax=100,
                    colorbar=dict(title="网格党支部覆盖率(%)")),
        hovertemplate="%{label}<br>网格 %{value} 个<br>网格党支部覆盖率 %{color:.1f}%<extra></extra>",
    ))
    figure.update_layout(title=dict(text=chart_text(title), font=dict(size=18)), height=560,
                         margin=dict(l=10, r=10, t=60, b=10),
                         font=dict(family=FONT, size=14))
    return figure


def form_bars(forms: pd.DataFrame, title: str) -> go.Figure:
    """Community Party organizations by form."""
    figure = go.Figure(go.Bar(x=chart_labels(forms["form"]), y=forms["organizations"], marker_color="#C8102E",
                              text=forms["organizations"], textposition="outside"))
    figure.update_layout(title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:个</span>",
                                    font=dict(size=18)),
                         yaxis=dict(title="社区党组织(个)"), height=340, margin=dict(l=10, r=10, t=80, b=40),
                         font=dict(family=FONT, size=14))
    return figure


def meeting_heatmap(frame: pd.DataFrame, title: str) -> go.Figure:
    """Streets × months, each cell the number of joint meetings held (0 in a pale cell)."""
    table = frame.pivot_table(index="street", columns="month", values="meetings", aggfunc="sum", sort=False)
    figure = go.Figure(go.Heatmap(
        z=table.to_numpy(), x=list(table.columns), y=chart_labels(table.index), text=table.to_numpy(),
        texttemplate="%{text}",
        colorscale=[[0, "#FBEFEF"], [0.5, "#E57373"], [1, "#C8102E"]], zmin=0, showscale=False,
        hovertemplate="%{y} %{x}:%{z} 次<extra></extra>", xgap=2, ygap=2,
    ))
    figure.update_layout(title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:次</span>",
                                    font=dict(size=18)),
                         height=max(300, 26 * len(table) + 120), margin=dict(l=10, r=10, t=80, b=40),
                         xaxis=dict(type="category", title="月份"), yaxis=dict(autorange="reversed", title=None),
                         font=dict(family=FONT, size=13))
    return figure


def _subtitle(unit: str, as_of_text: str | None) -> str:
    """The line under a chart's title: its unit and, where given, the data-as-of date."""
    return f"单位:{chart_text(unit)}" + (f" · 数据截至 {chart_text(as_of_text)}" if as_of_text else "")


def paired_bars(frame: pd.DataFrame, category: str, series: dict[str, str], title: str, unit: str,
                scale: float = 1.0, as_of_text: str | None = None, digits: int = 1) -> go.Figure:
    """Grouped bars: one bar per series (column → legend label) for each category, values divided by `scale`,
    labelled with `digits` decimals."""
    palette = ["#C8102E", "#5B7DB1", "#E0A100"]
    figure = go.Figure([
        go.Bar(name=chart_text(label), x=chart_labels(frame[category]), y=frame[column] / scale,
               marker_color=palette[i % len(palette)],
               text=[f"{v / scale:,.{digits}f}" if pd.notna(v) else "" for v in frame[column]],
               textposition="outside")
        for i, (column, label) in enumerate(series.items())
    ])
    figure.update_layout(barmode="group",
                         title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>"
                                         f"{_subtitle(unit, as_of_text)}</span>", font=dict(size=18)),
                         yaxis=dict(title=chart_text(unit)), height=400, margin=dict(l=10, r=10, t=80, b=40),
                         legend=dict(orientation="h", y=1.08, x=1, xanchor="right"), font=dict(family=FONT, size=14))
    return figure


def funding_sankey(flows: pd.DataFrame, title: str) -> go.Figure:
    """Budget from source (财政拨付/党费补充/社会筹措) to use to county-level unit, in 万元."""
    nodes = list(dict.fromkeys([*flows["source"], *flows["purpose"], *flows["county"]]))
    index = {name: i for i, name in enumerate(nodes)}
    first = flows.groupby(["source", "purpose"], as_index=False, sort=False)["budget_yuan"].sum()
    links = [(index[s], index[p], v) for s, p, v in first.itertuples(index=False)]
    second = flows.groupby(["purpose", "county"], as_index=False, sort=False)["budget_yuan"].sum()
    links += [(index[p], index[c], v) for p, c, v in second.itertuples(index=False)]
    figure = go.Figure(go.Sankey(
        node=dict(label=chart_labels(nodes), pad=14, thickness=16, color="#C8102E"),
        link=dict(source=[s for s, _, _ in links], target=[t for _, t, _ in links],
                  value=[v / 10_000 for _, _, v in links], hovertemplate="%{source.label} → %{target.label}:"
                  "%{value:,.1f} 万元<extra></extra>"),
    ))
    figure.update_layout(title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:万元</span>",
                                    font=dict(size=18)),
                         height=max(420, 22 * len(nodes)), margin=dict(l=10, r=10, t=80, b=10),
                         font=dict(family=FONT, size=13))
    return figure


def score_band_bars(frame: pd.DataFrame, category: str, title: str, as_of_text: str) -> go.Figure:
    """双向考核 results of each `category` (a child area's area_name, or a year) as 100% stacked bars: the share of
    each band (优秀/良好/一般/较差, columns of queries.assessment.BANDS), so areas of any size compare; the
    average score over each bar (the number of results in its hover text); the area's code, where the frame
    has one, is the bars' customdata for drill-down."""
    labels = chart_labels(frame[category].astype(str))
    codes = frame["area_code"] if "area_code" in frame.columns else None
    results = frame["assessments"].where(frame["assessments"] > 0)
    figure = go.Figure([
        go.Bar(name=name, x=labels, y=frame[column] / results * 100, marker_color=BAND_COLOURS[column],
               customdata=codes, text=[f"{n:,.0f} 个" for n in frame[column]], textposition="none",
               hovertemplate=f"%{{x}} {name}:%{{text}},占 %{{y:.1f}}%<extra></extra>")
        for column, name, _floor in BANDS
    ])
    figure.add_trace(go.Scatter(
        x=labels, y=[100.0] * len(frame), mode="text", textposition="top center", showlegend=False,
        text=[f"{rounded_score(v):.1f}" if pd.notna(v) else "" for v in frame["average_score"]],
        customdata=frame["assessments"], textfont=dict(size=12),
        hovertemplate="%{x}:平均 %{text} 分,考核结果 %{customdata} 个<extra></extra>",
    ))
    figure.update_layout(
        barmode="stack",
        title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>单位:%(各等次占考核结果的比例)· "
                        f"柱顶为平均得分(分)· 数据截至 {chart_text(as_of_text)}</span>", font=dict(size=18)),
        yaxis=dict(title="占考核结果(%)", range=[0, 112]), xaxis=dict(title=None, type="category"),
        height=440, margin=dict(l=10, r=10, t=90, b=40), font=dict(family=FONT, size=14),
        legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom", traceorder="normal"),
        clickmode="event+select",
    )
    return figure


def stacked_bars(frame: pd.DataFrame, category: str, series: dict[str, str], title: str, unit: str,
                 as_of_text: str) -> go.Figure:
    """Bars stacked by series (column → legend label) for each category, in the frame's order; a frame with an
    `area_code` column carries it as customdata, so a click drills into that area."""
    palette = ["#C8102E", "#5B7DB1", "#E0A100", "#2E8B57", "#8E5BB1", "#9E9E9E", "#D2691E"]
    codes = frame["area_code"] if "area_code" in frame.columns else None
    figure = go.Figure([
        go.Bar(name=chart_text(label), x=chart_labels(frame[category]), y=frame[column], customdata=codes,
               marker_color=palette[i % len(palette)], text=[f"{v:,.0f}" if v else "" for v in frame[column]],
               textposition="inside", hovertemplate=f"%{{x}} · {chart_text(label)}:%{{y:,.0f}}<extra></extra>")
        for i, (column, label) in enumerate(series.items())
    ])
    figure.update_layout(barmode="stack",
                         title=dict(text=f"{chart_text(title)}<br><span style='font-size:13px'>"
                                         f"{_subtitle(unit, as_of_text)}</span>", font=dict(size=18)),
                         yaxis=dict(title=chart_text(unit)), xaxis=dict(title=None, type="category"), height=420,
                         margin=dict(l=10, r=10, t=90, b=40), font=dict(family=FONT, size=14),
                         legend=dict(orientation="h", y=1.12, x=1, xanchor="right"), clickmode="event+select")
    return figure
