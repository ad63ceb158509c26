"""An empty store for real data in one step: the schema, the city's 15 county-level units, and no demo.

`init_store` is what `python -m dashboard.imports init-store` (and `make init-store`) runs. It is safe to
run again: county-level units already there (by code or name) are left alone, missing ones are added.
The store is marked as real data (store_meta is_demo = 0), so the app's first start never fills it with
the demo, and imports are accepted at once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, or_, select

from dashboard.data_version import bump_data_version
from dashboard.db import upgrade_store
from dashboard.divisions import county_columns
from dashboard.schema import County, StoreMeta


class DemoStore(RuntimeError):
    """The store holds the demo; it must be cleared (clear-demo) before it takes real data."""


def is_marked_real(engine: Engine) -> bool:
    """Whether the store was made (or emptied) for real data: it must never be filled with the demo."""
    with engine.connect() as connection:
        return connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "0"


def init_store(engine: Engine) -> int:
    """Create or migrate the schema and add the county-level units that are missing; returns how many."""
    upgrade_store(engine)
    now = dt.datetime.now().replace(microsecond=0)
    units = county_columns()
    with engine.begin() as connection:
        meta = dict(connection.execute(select(StoreMeta.meta_key, StoreMeta.value)).all())
        if meta.get("is_demo") == "1":
            raise DemoStore("当前数据库是演示数据,请先运行 python -m dashboard.imports clear-demo 清空演示数据。")
        present = connection.execute(select(County.code, County.name).where(
            or_(County.code.in_(units["code"]), County.name.in_(units["name"])))).all()
        known = {value for row in present for value in row}
        rows = [{k: units[k][i] for k in units if k not in ("id", "located_in_id")}
                for i in range(len(units["id"])) if units["code"][i] not in known and units["name"][i] not in known]
        if rows:
            connection.execute(County.__table__.insert(), rows)
        ids = dict(connection.execute(select(County.name, County.id)).all())
        names = dict(zip(units["id"], units["name"]))
        for name, parent in zip(units["name"], units["located_in_id"]):
            if parent is not None and any(row["name"] == name for row in rows):
                connection.execute(County.__table__.update().where(County.id == ids[name]).values(
                    located_in_id=ids[names[parent]]))
        if "is_demo" not in meta:
            connection.execute(StoreMeta.__table__.insert(), {"meta_key": "is_demo", "value": "0", "updated_at": now})
        bump_data_version(connection)
    return len(rows)
