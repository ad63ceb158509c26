"""The 数据导入 page (AppTest): upload, preview, confirm; problems with a report; a demo store cleared first."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.schema import County, StoreMeta, Street
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
