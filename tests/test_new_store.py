"""An empty store for real data in one step (init-store): the 15 county-level units with their official
codes, no demo, never filled with the demo on the app's first start; county-level units named by name, code
or 12-digit code in an import; a missing one names the step."""

from __future__ import annotations

from sqlalchemy import func, select

from dashboard.data import ensure_store
from dashboard.db import URL_ENV, make_engine
from dashboard.imports.__main__ import main as cli
from dashboard.imports.load import import_file
from dashboard.imports.templates import template_named
from dashboard.schema import County, PartyMember, StoreMeta, Street

STREETS = """街道编码,街道名称,类型,所属区县
S01,一街道,街道,西洞庭管理区
S02,二街道,街道,430771
S03,三镇,乡镇,430702000000
S04,四镇,乡镇,430722501000
"""


def _counties(engine) -> dict[str, tuple]:
    with engine.connect() as connection:
        parent = County.__table__.alias("parent")
        rows = connection.execute(select(County.name, County.code, County.kind, parent.c.name).outerjoin(
            parent, parent.c.id == County.located_in_id)).all()
    return {name: (code, kind, located) for name, code, kind, located in rows}


def test_init_store_makes_the_counties_and_no_demo_and_is_safe_to_repeat(databases, backend, capsys):
    url = databases.new(backend)
    assert cli(["--url", url, "init-store"]) == 0
    assert "15" in capsys.readouterr().out
    engine = make_engine(url)
    counties = _counties(engine)
    assert len(counties) == 15
    assert counties["武陵区"] == ("430702", "市辖区", None)
    assert counties["西洞庭管理区"] == ("430771", "管理区", "汉寿县")
    assert counties["西湖管理区"] == ("430722501000", "管理区", "汉寿县")
    assert counties["柳叶湖旅游度假区"][1:] == ("管理区", "武陵区")
    assert sum(kind == "管理区" for _code, kind, _located in counties.values()) == 6
    assert cli(["--url", url, "init-store"]) == 0  # again: nothing added, nothing changed
    assert "新增县级单位 0 个" in capsys.readouterr().out
    assert len(_counties(engine)) == 15
    with engine.connect() as connection:
        assert connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "0"
    engine.dispose()


def test_the_first_start_does_not_fill_a_store_made_for_real_data(databases, monkeypatch):
    url = databases.migrated("sqlite")
    engine = make_engine(url)
    with engine.begin() as connection:  # made for real data and still without counties: no demo either
        connection.execute(StoreMeta.__table__.insert(), {"meta_key": "is_demo", "value": "0"})
    monkeypatch.setenv(URL_ENV, url)
    ensure_store()
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(PartyMember)).scalar() == 0
        assert connection.execute(select(func.count()).select_from(County)).scalar() == 0
    engine.dispose()


def test_a_county_level_unit_by_name_code_or_twelve_digit_code(databases, backend):
    url = databases.new(backend)
    engine = make_engine(url)
    assert cli(["--url", url, "init-store"]) == 0
    outcome = import_file(engine, template_named("街道乡镇"), "streets.csv", STREETS.encode(), "tester")
    assert outcome.problems == [] and outcome.inserted == 4
    with engine.connect() as connection:
        rows = dict(connection.execute(select(Street.code, County.name).join(County)).all())
    assert rows == {"S01": "西洞庭管理区", "S02": "西洞庭管理区", "S03": "武陵区", "S04": "西湖管理区"}
    engine.dispose()


def test_a_missing_county_level_unit_names_the_step_that_makes_them(databases):
    engine = make_engine(databases.migrated("sqlite"))
    outcome = import_file(engine, template_named("街道乡镇"), "streets.csv", STREETS.encode(), "tester")
    assert [(p.row, p.column) for p in outcome.problems][:1] == [(2, "所属区县")]
    assert "“西洞庭管理区”不存在" in outcome.problems[0].message
    assert "python -m dashboard.imports init-store" in outcome.problems[0].message
    engine.dispose()
