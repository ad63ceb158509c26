"""The import log as a table for the admin page and the command line."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.imports.divisions import DIVISIONS
from dashboard.imports.templates import BY_KEY
from dashboard.schema import ImportRun

COLUMNS = {"imported_at": "时间", "username": "用户", "source": "方式", "template": "模板", "file_name": "文件",
           "file_sha256": "SHA-256", "rows_read": "读取行数", "rows_inserted": "新增", "rows_updated": "更新",
           "rows_deleted": "删除", "replaced_period": "替换期间"}


def import_history(engine: Engine, limit: int = 200) -> pd.DataFrame:
    """The latest imports, newest first, with Chinese column names and template titles."""
    table = ImportRun.__table__
    with engine.connect() as connection:
        rows = connection.execute(select(*(table.c[name] for name in COLUMNS)).order_by(
            table.c.imported_at.desc(), table.c.id.desc()).limit(limit)).all()
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    titles = {key: template.title for key, template in BY_KEY.items()} | {DIVISIONS.key: DIVISIONS.title}
    frame["template"] = frame["template"].map(lambda key: titles.get(key, key))
    return frame.rename(columns=COLUMNS)
