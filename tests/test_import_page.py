"""The 数据导入 page (AppTest): upload, preview, confirm; problems with a report; a demo store cleared first."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.divisions import DIVISIONS_CSV
from dashboard.new_store import init_store
from dashboard.schema import AuditEntry, County, StoreMeta, Street
from tests.apptest import APP, table_with
from tests.import_world import FILES, seed_counties
from tests.test_auth import PASSWORD, sign_in

STREETS = next(text for title, text, _rows in FILES if title == "街道乡镇").encode()
PAGE = "../pages/data_import.py"


def new_store(tmp_path, demo: bool) -> str:
    url = f"sqlite:///{tmp_path / 'import.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    seed_counties(engine)
    accounts.add_user(engine, "admin", PASSWORD, "admin")
    accounts.add_user(engine, "analyst", PASSWORD, "analyst")
    if demo:
        with engine.begin() as connection:
            connection.execute(insert(StoreMeta), [{"meta_key": "is_demo", "value": "1"}])
    engine.dispose()
    return url


@pytest.fixture
def admin_app(monkeypatch, tmp_path):
    def start(demo: bool = False) -> tuple[AppTest, str]:
        url = new_store(tmp_path, demo)
        monkeypatch.setenv(URL_ENV, url)
        monkeypatch.setenv(SIGN_IN_ENV, "on")
        app = sign_in(AppTest.from_file(APP, default_timeout=60), "admin")
        app.switch_page(PAGE).run()
        assert not app.exception, [e.value for e in app.exception]
        return app, url
    return start


def streets_in(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(Street)).scalar()
    engine.dispose()
    return count


def test_upload_preview_then_confirm(admin_app):
    app, url = admin_app()
    app.selectbox(key="import_template").set_value("street").run()
    assert app.get_by_key("template_download") is not None
    app.file_uploader(key="upload_street").set_value(("streets.csv", STREETS, "text/csv")).run()
    assert table_with(app, "街道编码")["街道编码"].tolist() == ["S01", "S02"]
    assert "预检通过,将导入 2 行,新增 2 行" in app.info[0].value
    assert streets_in(url) == 0  # the preview wrote nothing
    app.button(key="confirm_import").click().run()
    assert "已导入 2 行,新增 2 行" in app.success[0].value
    assert streets_in(url) == 2
    history = table_with(app, "SHA-256")
    assert history[["用户", "模板", "文件", "新增"]].values.tolist() == [["admin", "街道乡镇", "streets.csv", 2]]


def test_a_bad_upload_lists_its_problems_and_offers_the_report(admin_app):
    app, url = admin_app()
    app.selectbox(key="import_template").set_value("street").run()
    bad = STREETS.replace("甲区".encode(), "丙区".encode())
    app.file_uploader(key="upload_street").set_value(("streets.csv", bad, "text/csv")).run()
    problems = table_with(app, "问题")
    assert problems[["行", "列"]].values.tolist() == [[2, "所属区县"]]
    assert "丙区" in problems["问题"][0]
    assert app.get_by_key("report_csv") is not None
    assert "确认导入" not in [button.label for button in app.button]
    assert streets_in(url) == 0


def test_a_demo_store_is_cleared_before_anything_is_imported(admin_app):
    app, url = admin_app(demo=True)
    assert "演示数据" in app.warning[0].value and not app.file_uploader
    app.checkbox(key="confirm_clear_demo").check().run()
    app.button(key="clear_demo").click().run()
    assert not app.exception
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "0"
        assert connection.execute(select(func.count()).select_from(County)).scalar() == 2
    engine.dispose()
    assert app.selectbox(key="import_template") is not None


def test_only_administrators_have_the_import_page(monkeypatch, tmp_path):
    monkeypatch.setenv(URL_ENV, new_store(tmp_path, demo=False))
    monkeypatch.setenv(SIGN_IN_ENV, "on")
    app = sign_in(AppTest.from_file(APP, default_timeout=60), "analyst")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(PAGE)


@pytest.fixture
def admin_on_new_store(monkeypatch, tmp_path):
    """The admin on the import page of a store made like `make init-store` (the 15 real county-level units)."""
    url = f"sqlite:///{tmp_path / 'real.sqlite3'}"
    engine = make_engine(url)
    init_store(engine)
    accounts.add_user(engine, "admin", PASSWORD, "admin")
    engine.dispose()
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setenv(SIGN_IN_ENV, "on")
    app = sign_in(AppTest.from_file(APP, default_timeout=60), "admin")
    app.switch_page(PAGE).run()
    app.selectbox(key="import_template").set_value("divisions").run()
    assert not app.exception, [e.value for e in app.exception]
    return app, url


def test_the_division_table_imports_from_the_page(admin_on_new_store):
    """The table of 常德 as shipped: 36 streets and 139 towns, 707 communities and 1,564 villages (docs/IMPORT.md),
    2,446 rows written with the city and county rows read but not written: previewed without writing, then
    imported once, logged and audited, and the coverage view counts its 305 urban communities."""
    app, url = admin_on_new_store
    assert app.get_by_key("divisions_download") is not None and app.get_by_key("template_download") is not None
    app.file_uploader(key="upload_divisions").set_value(
        ("changde_divisions_2016.csv", DIVISIONS_CSV.read_bytes(), "text/csv")).run()
    assert table_with(app, "code")["name"].tolist()[:2] == ["常德市", "市辖区"]  # the file's first rows
    assert "预检通过,将导入" in app.info[0].value and "新增 2446 行" in app.info[0].value
    assert streets_in(url) == 0  # the preview wrote nothing
    app.button(key="confirm_import").click().run()
    assert "已导入" in app.success[0].value and "新增 2446 行" in app.success[0].value
    assert streets_in(url) == 36 + 139
    history = table_with(app, "SHA-256")
    assert history[["用户", "模板", "文件", "新增"]].values.tolist() == [
        ["admin", "行政区划", "changde_divisions_2016.csv", 2446]]
    engine = make_engine(url)
    with engine.connect() as connection:
        audited = connection.execute(select(AuditEntry.username, AuditEntry.detail)
                                     .where(AuditEntry.event == "导入")).all()
    engine.dispose()
    assert [(who, detail.split(" sha256")[0]) for who, detail in audited] == [
        ("admin", "行政区划 changde_divisions_2016.csv")]
    app.switch_page("../pages/coverage.py").run()
    assert "已建 0 / 应建 305 个城市社区" in [c.value for c in app.caption]


def test_a_division_table_with_a_problem_changes_nothing(admin_on_new_store):
    """A town under a county code the store does not have: the row is named, nothing is written, no confirm."""
    app, url = admin_on_new_store
    bad = ("code,parent,name,level,rank,ur_code,dummy,longitude,latitude\n"
           "430702001000,430702000000,启明街道办事处,town,4,,f,,\n"
           "439901001000,439901000000,某街道办事处,town,4,,f,,\n").encode()
    app.file_uploader(key="upload_divisions").set_value(("bad.csv", bad, "text/csv")).run()
    problems = table_with(app, "问题")
    assert problems[["行", "列"]].values.tolist() == [[3, "parent"]]
    assert "确认导入" not in [button.label for button in app.button]
    assert streets_in(url) == 0
