"""Exports carry exactly the rows shown, open in Excel, and never carry a live formula; drill-down targets."""

from __future__ import annotations

import io
import threading

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.export import Grant, delivered
from dashboard.sheets import csv_bytes, xlsx_bytes
from queries.area import CITY, Area

ROWS = pd.DataFrame({
    "单位": ["=cmd|' /C calc'!A0", "'; DROP TABLE members; --", "+1", "@SUM(A1)", "乙县教育局"],
    "差距": [-5.0, 1.5, 0.0, -0.5, 2.0],
})


def test_csv_has_a_bom_every_row_and_no_live_formula():
    data = csv_bytes(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["单位"].tolist() == ["'=cmd|' /C calc'!A0", "'; DROP TABLE members; --", "'+1", "'@SUM(A1)",
                                   "乙县教育局"]
    assert back["差距"].tolist() == [-5.0, 1.5, 0.0, -0.5, 2.0]  # numbers stay numbers


def test_excel_opens_with_the_same_rows_as_text_not_formulas():
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(ROWS, "导出"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("单位", "差距")
    assert [r[0] for r in rows[1:]] == ["'=cmd|' /C calc'!A0", "'; DROP TABLE members; --", "'+1", "'@SUM(A1)",
                                        "乙县教育局"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_drill_down_goes_one_level_at_a_time():
    assert CITY.child_level == "county"
    county = CITY.narrowed_to("county", "T01")
    assert (county, county.child_level) == (Area(county="T01"), "street")
    street = county.narrowed_to("street", "T01-S1")
    assert (street, street.child_level) == (Area(county="T01", street="T01-S1"), "community")
    community = street.narrowed_to("community", "K1")
    assert community == Area(county="T01", street="T01-S1", community="K1")
    assert community.narrowed_to(community.child_level, "K1") == community


def test_a_download_is_made_in_another_thread_checked_and_audited(monkeypatch, tmp_path):
    """As Streamlit does at the click: the file is made in a thread that knows no session, from what the run
    captured; a grant that no longer holds (account disabled meanwhile) gets no file and an audit row."""
    url = f"sqlite:///{tmp_path / 'exports.sqlite3'}"
    upgrade_store(make_engine(url))
    monkeypatch.setenv(URL_ENV, url)
    viewer = accounts.Viewer("county2", "county_leader", Area(county="T02"))
    outcomes = {}
    for allowed in (True, False):
        grant = Grant(viewer, "10.0.0.7", "两新组织", "T02", lambda allowed=allowed: allowed)
        deliver = delivered(grant, "表格 两新组织覆盖_乙县 · 2 行", "两新组织覆盖_乙县.csv", lambda: csv_bytes(ROWS))

        def click(allowed=allowed, deliver=deliver):
            try:
                outcomes[allowed] = deliver()
            except PermissionError as refusal:
                outcomes[allowed] = refusal

        worker = threading.Thread(target=click)
        worker.start()
        worker.join()
    assert outcomes[True] == csv_bytes(ROWS) and isinstance(outcomes[False], PermissionError)
    log = accounts.audit_entries(make_engine(url))
    assert log["event"].tolist() == ["export_refused", "export"]
    assert set(log["username"]) == {"county2"} and set(log["address"]) == {"10.0.0.7"}
    assert log["detail"].iloc[1] == ("视图 两新组织 · 表格 两新组织覆盖_乙县 · 2 行 · 区域 T02 · "
                                     "文件 两新组织覆盖_乙县.csv")


def _detail_table(role: str, read_only: bool = False) -> None:
    """A page that offers one member-detail table for export, as 双报到's unit detail rows do."""
    import pandas as pd
    import streamlit as st

    from dashboard import accounts
    from dashboard.export import export_buttons
    from queries.area import CITY

    st.session_state["active_viewer"] = accounts.Viewer("someone", role, CITY, read_only=read_only)
    export_buttons(pd.DataFrame({"member": ["张*三"], "phone": ["138****0000"]}), {"member": "党员", "phone": "电话"},
                   "某单位_报到党员明细", "details_export", detail=True)


@pytest.mark.parametrize(("role", "read_only", "buttons"), [
    ("analyst", False, ["下载 CSV", "下载 Excel"]),  # README: analysts export member detail rows
    ("admin", False, []), ("city_leader", False, []), ("county_leader", False, []), ("street_staff", False, []),
    ("city_leader", True, []),  # a display token exports nothing
])
def test_member_detail_rows_are_exported_by_analysts_only(monkeypatch, tmp_path, role, read_only, buttons):
    url = f"sqlite:///{tmp_path / 'details.sqlite3'}"
    upgrade_store(make_engine(url))
    monkeypatch.setenv(URL_ENV, url)
    page = AppTest.from_function(_detail_table, kwargs={"role": role, "read_only": read_only}).run()
    assert not page.exception, [e.value for e in page.exception]
    assert [button.proto.label for button in page.get("download_button")] == buttons
    refused = [c.value for c in page.caption if "仅限分析员" in c.value]
    assert refused == ([] if buttons or read_only else ["明细数据的导出仅限分析员账号。"])
