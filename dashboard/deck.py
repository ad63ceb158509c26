"""The briefing: a view's figures, charts and findings as a PowerPoint deck with native, editable charts
(python-pptx), and its tables as an Excel workbook with one sheet per table. Pure builders: data in,
bytes out; no Streamlit. Text from the store goes in as plain text (dashboard/text.py: no control or
format characters; cells never formulas)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Inches, Pt

from dashboard.sheets import safe_cells
from dashboard.text import sheet_name, visible

RED = RGBColor(0xC8, 0x10, 0x2E)
WIDE, TALL = Inches(13.333), Inches(7.5)


@dataclass
class Section:
    """One slide: a bar chart of `values` by `categories` (in `unit`), its findings, and its table."""

    title: str
    categories: list[str]
    values: list[float]
    unit: str
    findings: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None


def _text(slide, text: str, left, top, width, height, size: int, bold: bool = False, colour=None) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = visible(line)
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        if colour is not None:
            paragraph.font.color.rgb = colour


def briefing_deck(title: str, area_text: str, period_text: str, as_of_text: str,
                  headlines: list[tuple[str, str, str]], sections: list[Section]) -> bytes:
    """Title slide (area, period, data-as-of), a slide of headline figures (name, value, note), then one
    slide per section with a native bar chart and its findings (the findings alone where nothing is charted)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE, TALL
    blank = deck.slide_layouts[6]

    cover = deck.slides.add_slide(blank)
    _text(cover, title, Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.2), 40, bold=True, colour=RED)
    _text(cover, f"区域:{area_text}\n期间:{period_text}\n数据截至 {as_of_text}", Inches(0.8), Inches(3.6),
          Inches(11.7), Inches(1.8), 22)

    if headlines:
        summary = deck.slides.add_slide(blank)
        _text(summary, "核心指标", Inches(0.6), Inches(0.3), Inches(12), Inches(0.8), 30, bold=True)
        table = summary.shapes.add_table(len(headlines) + 1, 3, Inches(0.6), Inches(1.3), Inches(12.1),
                                         Inches(0.5) * (len(headlines) + 1)).table
        for column, heading in enumerate(("指标", "数值", "说明")):
            table.cell(0, column).text = heading
        for row, cells in enumerate(headlines, start=1):
            for column, value in enumerate(cells):
                table.cell(row, column).text = visible(value)

    for section in sections:
        slide = deck.slides.add_slide(blank)
        _text(slide, section.title, Inches(0.6), Inches(0.3), Inches(12), Inches(0.8), 28, bold=True)
        if not section.categories:  # nothing to chart (data not imported, or none in the area): words only
            _text(slide, "\n".join(section.findings) or "暂无数据", Inches(0.6), Inches(1.3), Inches(12), Inches(5.8),
                  18)
            continue
        data = CategoryChartData()
        data.categories = [visible(c) for c in section.categories]
        data.add_series(f"{section.title}({section.unit})", [round(float(v), 1) for v in section.values])
        chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(0.6), Inches(1.2), Inches(7.6),
                                       Inches(5.9), data).chart
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = "0.0"
        plot.data_labels.number_format_is_linked = False
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = RED
        chart.category_axis.reverse_order = True
        _text(slide, "\n".join(section.findings) or "(无)", Inches(8.5), Inches(1.3), Inches(4.3), Inches(5.8), 16)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def briefing_workbook(sections: list[Section]) -> bytes:
    """One sheet per section's table, named after the section, formula-like text neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        used: set[str] = set()
        for index, section in enumerate(sections, start=1):
            if section.table is None:
                continue
            name = sheet_name(section.title)[:28]
            if name in used:
                name = f"{name[:25]}{index}"
            used.add(name)
            safe_cells(section.table).to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()
