"""Pure chart builders: DataFrame in, plotly Figure out; no Streamlit calls."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

STATUS_COLOURS = {"绿": "#2E8B57", "黄": "#E0A100", "红": "#C8102E", "无数据": "#9E9E9E"}
FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"


def ranking_bar(frame: pd.DataFrame, value: str, label: str, target: float, title: str,
                as_of_text: str) -> go.Figure:
    """Horizontal bars of `value` (a rate) per area, worst at the top, coloured by status, target line."""
    data = frame.sort_values(value, ascending=False)
    figure = go.Figure(go.Bar(
        x=data[value] * 100, y=data["area_name"], orientation="h", customdata=data["area_code"],
        marker_color=[STATUS_COLOURS[s] for s in data["status"]],
        text=[f"{v * 100:.1f}%" for v in data[value]], textposition="outside",
        hovertemplate="%{y}:%{x:.1f}%<extra></extra>",
    ))
    figure.add_vline(x=target * 100, line_dash="dash", line_color="#555",
                     annotation_text=f"目标 {target * 100:.0f}%", annotation_position="top")
    upper = max(100.0, float(data[value].max() * 100) + 8) if not data.empty else 100.0
    figure.update_layout(
        title=dict(text=f"{title}<br><span style='font-size:13px'>单位:% · 数据截至 {as_of_text}</span>",
                   font=dict(size=18)),
        xaxis=dict(title=f"{label}(%)", range=[0, upper]),
        yaxis=dict(title=None),
        height=max(320, 34 * len(data) + 120),
        margin=dict(l=10, r=30, t=80, b=40),
        font=dict(family=FONT, size=14),
        showlegend=False,
    )
    return figure
