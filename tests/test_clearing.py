"""Clearing a store empties every data table at once on each backend, keeps what it must, and leaves the
foreign keys enforced afterwards (SQLite and MariaDB switch the checks off only while clearing)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from dashboard.demo import clear_store, data_tables
from dashboard.imports.load import clear_demo
from dashboard.schema import AuditEntry, County, StoreMeta, Street, Target
from tests.conftest import fill_with_fixture


def counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {t.name: connection.execute(select(func.count()).select_from(t)).scalar() for t in data_tables()}


def test_clear_demo_empties_all_but_the_counties_and_keeps_foreign_keys_on(migrated_engine):
    fill_with_fixture(migrated_engine)
    before = counts(migrated_engine)
    assert before["party_member"] == 13 and before["county"] == 2
    clear_demo(migrated_engine, "admin")
    after = counts(migrated_engine)
    assert after["county"] == 2
    assert {name: n for name, n in after.items() if n and name != "county"} == {"store_meta": 2}
    with migrated_engine.connect() as connection:
        assert set(connection.execute(select(StoreMeta.meta_key)).scalars()) == {"is_demo", "data_version"}
        assert connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "0"
        assert connection.execute(select(func.count()).select_from(Target)).scalar() > 0
        assert connection.execute(select(AuditEntry.event).order_by(AuditEntry.id.desc())).first()[0] == "清空演示数据"
    with pytest.raises(DBAPIError), migrated_engine.begin() as connection:
        connection.execute(insert(Street), {"code": "X", "name": "无主街道", "kind": "街道", "county_id": 999})
    with migrated_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Street)).scalar() == 0


def test_clear_store_empties_the_counties_too(migrated_engine):
    fill_with_fixture(migrated_engine)
    clear_store(migrated_engine)
    assert {name: n for name, n in counts(migrated_engine).items() if n} == {"store_meta": 1}
    with migrated_engine.connect() as connection:
        assert connection.execute(select(StoreMeta.meta_key)).scalars().all() == ["data_version"]
    with migrated_engine.begin() as connection:
        connection.execute(insert(County), {"code": "N1", "name": "新县", "kind": "县", "lon": 111.0, "lat": 29.0})
