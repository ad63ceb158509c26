"""The downloadable import templates (.xlsx) and the error report, safe against formula injection.

A template has three sheets: the sheet to fill (Chinese headers, each with a note as a cell comment,
required ones in bold), `示例` with one example row, and `填写说明` listing every column's format,
whether it is required, its allowed values and its note.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard.imports.reading import Problem
from dashboard.imports.templates import Template
from dashboard.sheets import csv_bytes, xlsx_bytes

HEADER_FILL = PatternFill("solid", fgColor="FCE4D6")


def column_notes(template: Template) -> pd.DataFrame:
    """One row per column: 列名, 必填, 格式, 可选值, 说明, 示例 (also used in the docs and the admin page)."""
    return pd.DataFrame([{
        "列名": c.header, "必填": "是" if c.required else "否", "格式": c.format,
        "可选值": "、".join(c.choices), "说明": c.note, "示例": "" if c.example is None else str(c.example),
    } for c in template.columns])


def template_workbook(template: Template) -> bytes:
    workbook = Workbook()
    fill = workbook.active
    fill.title = template.title
    example = workbook.create_sheet("示例")
    for index, column in enumerate(template.columns, start=1):
        for sheet in (fill, example):
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = Font(bold=column.required)
            cell.fill = HEADER_FILL
            sheet.column_dimensions[get_column_letter(index)].width = max(12, 2 * len(column.header) + 4)
        note = "必填。" if column.required else "选填。"
        note += column.format + ("。" if not column.note else f";{column.note}。")
        if column.choices:
            note += "可选:" + "、".join(column.choices)
        fill.cell(row=1, column=1 + template.columns.index(column)).comment = Comment(note, "党建驾驶舱")
        example.cell(row=2, column=index, value=column.example if column.example != "" else None)
    fill.freeze_panes = "A2"
    guide = workbook.create_sheet("填写说明")
    guide.append([f"{template.title}:{template.description}"])
    guide.append(["第一个工作表第1行为列名,从第2行起每行一条;列名不要改动,不要合并单元格,不要用公式。"])
    guide.append(["同一编码再次导入时更新原记录;同一文件重复导入不会产生重复数据。"])
    guide.append([])
    notes = column_notes(template)
    guide.append(list(notes.columns))
    for row in notes.itertuples(index=False):
        guide.append(list(row))
    for index, width in enumerate((20, 6, 22, 40, 40, 24), start=1):
        guide.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_file_name(template: Template) -> str:
    return f"导入模板_{template.title}.xlsx"


def report_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame([(p.file, p.row, p.column, p.message) for p in problems],
                        columns=["文件", "行", "列", "问题"]).astype({"行": "Int64"})


def report_text(problems: list[Problem]) -> str:
    """The problems as lines for a terminal: file, row, column and message, leaving out what a problem of the
    whole file or of a column does not have (never None or <NA>)."""
    lines = []
    for problem in problems:
        where = [problem.file]
        if problem.row is not None:
            where.append(f"第{problem.row}行")
        if problem.column:
            where.append(f"[{problem.column}]")
        lines.append(" ".join(where) + ":" + problem.message)
    return "\n".join(lines)


def report_csv(problems: list[Problem]) -> bytes:
    """The error report as CSV (UTF-8 with BOM); cells that look like formulas are neutralised."""
    return csv_bytes(report_frame(problems))


def report_xlsx(problems: list[Problem]) -> bytes:
    return xlsx_bytes(report_frame(problems), "导入问题")
