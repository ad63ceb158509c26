"""What a view says about data that has not been imported yet: one line naming the import template to use.

A department loads its data in pieces (DOMAIN.md: geography and organizations first, activity month by
month), so a view shows each section whose data exists and, for the others, says what is missing instead of
showing nothing, zeros or an error. Which data exists is `queries.store.tables_with_rows`; the template
that fills a table is found in dashboard/imports/templates.py, so the line always names a real template.
"""

from __future__ import annotations

import streamlit as st

from dashboard.imports.templates import TEMPLATES

BLANK = "—"  # what a table shows in a cell without a value (a rate over nothing, a date never reached)
NO_FIGURE = "暂无数据"  # a figure whose data has not been imported, or that counts nothing in the area
IMPORT_PAGE = "数据导入"
NOTHING_IMPORTED = ("数据库中还没有可统计的数据:请在“数据导入”页按模板顺序导入,从《街道乡镇》开始;"
                    "或在空数据库上重新启动以生成演示数据。")
# Tables some view reads that have no import template (yet): what their data is called.
UNTEMPLATED = {"meeting_attendance": "会议出席", "pairing_activity": "结对活动", "unit_assessment": "双向考核",
               "service_platform": "服务阵地", "cadre": "四支队伍"}


def template_title(table: str) -> str | None:
    """The title of the import template that fills `table`, or None when there is none."""
    return next((t.title for t in TEMPLATES if t.table.name == table), None)


def missing_tables(present: frozenset[str], *models) -> list[str]:
    """The tables of `models` (schema classes) that hold no rows, in the order given."""
    return [model.__tablename__ for model in models if model.__tablename__ not in present]


def missing_line(present: frozenset[str], *models) -> str | None:
    """"尚未导入联席会议数据:请在“数据导入”页导入《联席会议》模板。" for the models without rows, or None."""
    tables = missing_tables(present, *models)
    if not tables:
        return None
    titles = [template_title(table) for table in tables]
    names = "、".join(title or UNTEMPLATED.get(table, table) for title, table in zip(titles, tables))
    templates = "".join(f"《{title}》" for title in titles if title)
    if not templates:
        return f"尚未导入{names}数据。"
    return f"尚未导入{names}数据:请在“{IMPORT_PAGE}”页导入{templates}模板。"


def note_missing(present: frozenset[str], *models) -> bool:
    """Show the missing-data line for `models` (if any is missing); True when something is missing."""
    line = missing_line(present, *models)
    if line:
        st.info(line, icon=":material/upload_file:")
    return line is not None
