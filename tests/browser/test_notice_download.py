"""The 督办通报 as a person gets it, in a real browser (Playwright + Debian's chromium against `streamlit run`): a
county-level leader of 甲区 signs in, opens 预警中心, clicks 下载督办通报(Word); the file opens with python-docx,
holds 甲区's lagging streets and its name lists (counted in tests/test_warnings.py), nothing of 乙县, no person's
name unmasked, and left an audit row naming who, what and which area."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from sqlalchemy import select

from dashboard import accounts
from dashboard.db import make_engine
from dashboard.schema import AuditEntry, Cadre, CommitteeMember, PartyMember
from tests.browser.conftest import NEEDS_CHROMIUM, PASSWORD, settle, sign_in
from tests.conftest import fill_with_fixture
from tests.live_server import serving

pytestmark = NEEDS_CHROMIUM


@pytest.fixture(scope="module")
def store(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    accounts.add_user(engine, "county1", PASSWORD, "county_leader", county="T01")
    with engine.connect() as connection:
        people = [n for column in (PartyMember.name, CommitteeMember.person_name, Cadre.name)
                  for n in connection.execute(select(column)).scalars()]
    engine.dispose()
    return url, people


@pytest.fixture(scope="module")
def server(store):
    yield from serving(store[0], "on")


def test_a_county_leader_downloads_the_notice(store, server, browser, tmp_path):
    url, people = store
    since = dt.datetime.now().replace(microsecond=0)
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    try:
        page.goto(server + "/")
        sign_in(page, "county1")
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        settle(page)
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="预警中心").first.click()
        page.get_by_role("heading").filter(has_text="预警中心").first.wait_for(timeout=60_000)
        settle(page)
        assert page.locator("[data-testid='stException']").count() == 0
        button = page.locator("[data-testid='stDownloadButton'] button").filter(has_text="下载督办通报(Word)").first
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=60_000) as arrived:
            button.click()
        name = arrived.value.suggested_filename
        target = tmp_path / name
        arrived.value.save_as(target)
    finally:
        context.close()
    assert name.endswith(".docx") and "督办通报" in name
    document = Document(io.BytesIO(target.read_bytes()))
    assert document.paragraphs[0].text == "关于甲区城市基层党建重点工作推进情况的督办通报"
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    warnings, *lists = document.tables
    assert len(warnings.rows) == 1 + 9  # 甲区's streets below their lines (tests/test_warnings.py)
    rows = {tuple(c.text for c in t.rows[1].cells) for t in lists}
    assert ("1", "甲区财政局", "县直机关", "中共甲区财政局支部委员会", "3", "1", "2") in rows
    assert ("1", "甲区", "二街道", "和平社区", "测试组织N4", "非公企业", "4", "未覆盖") in rows
    assert [word for word in ("乙县", "三街道", "幸福社区", "乙县教育局") if word in text] == []
    assert [person for person in people if person in text] == []
    assert "周*记" in text
    engine = make_engine(url)
    with engine.connect() as connection:
        audited = connection.execute(select(AuditEntry.username, AuditEntry.detail).where(
            AuditEntry.event == "export", AuditEntry.occurred_at >= since)).all()
    engine.dispose()
    assert [who for who, detail in audited if f"文件 {name}" in detail and "区域 T01" in detail] == ["county1"]
