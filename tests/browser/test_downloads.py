"""Every download, as each role gets it, in a real browser (Playwright + Debian's chromium against `streamlit
run`): sign in (or open a display-token link, or nothing with sign-in off), open the views (every view for
the widest and the narrowest scope), hover every table and find no download of its own (and no chart
offering its data rather than a picture), click each kind of download offered (下载 CSV, 下载 Excel on the
two-new view; 下载简报(PPT), 下载全部表格(Excel) on the cockpit: one mechanism for all views; members' detail
rows on the check-in view, for analysts only), open the file (csv, openpyxl, python-pptx), and check that
nothing outside the role's area and no person's name is in it, that no cell is a formula, and that each file
left an audit row naming who, what and which area. One server with sign-in on for the signed-in roles and the
token, one with sign-in off; a store of their own (the downloads write to its audit log)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from sqlalchemy import select

from dashboard import accounts
from dashboard.db import make_engine
from dashboard.schema import AuditEntry, Cadre, CommitteeMember, PartyMember
from tests.browser.conftest import NEEDS_CHROMIUM, PASSWORD, settle, sign_in
from tests.conftest import fill_with_fixture
from tests.live_server import serving

VIEWS = {"总览": "核心指标", "六级体系覆盖": "六级体系覆盖", "双报到·双结对": "双报到·双结对",
         "双向考核": "双向考核", "联席会议": "联席会议", "两新组织": "两新组织", "经费保障": "经费保障"}
TABLE_VIEW, BRIEFING_VIEW, DETAIL_VIEW = "两新组织", "总览", "双报到·双结对"
KINDS = {TABLE_VIEW: ["下载 CSV", "下载 Excel"], BRIEFING_VIEW: ["下载简报(PPT)", "下载全部表格(Excel)"]}
T01_ONLY = ["一街道", "二街道", "红星社区", "光明社区", "和平社区"]
T02_ONLY = ["三街道", "四镇", "幸福社区", "青山村"]

pytestmark = NEEDS_CHROMIUM


@dataclass(frozen=True)
class Role:
    username: str | None  # None: nobody signs in
    outside: list[str]  # names of areas outside the role's scope
    area: str  # the area code(s) its audit rows name
    downloads: bool = True
    token: bool = False


ROLES = {
    "city_leader": Role("city", [], "全市"),
    "county_leader": Role("county2", T01_ONLY, "T02"),
    "street_staff": Role("street1", ["二街道", "和平社区", *T02_ONLY], "T01/T01-S1"),
    "analyst": Role("analyst", [], "全市"),
    "display_token": Role(None, T02_ONLY, "T01", downloads=False, token=True),
    "nobody_sign_in_off": Role(None, [], "全市"),
}
# Tables offer no download whoever looks (the toolbar is the app's, not the role's): hovering every table of every
# view costs about a second each, so two roles do it, the widest and the narrowest scope.
HOVER_TABLES = {"city_leader", "street_staff"}
# The same two open every view; the others open the views whose files differ by role (the cockpit's briefing and
# workbook, the two-new tables, the check-in view's member details) and one view with only the table download.
EVERY_VIEW = HOVER_TABLES
SOME_VIEWS = [BRIEFING_VIEW, "联席会议", TABLE_VIEW, DETAIL_VIEW]


@pytest.fixture(scope="module")
def store(databases):
    url = databases.new("sqlite")
    engine = make_engine(url)
    fill_with_fixture(engine)
    for name, role, county, street in [("city", "city_leader", None, None), ("county2", "county_leader", "T02", None),
                                       ("street1", "street_staff", "T01", "T01-S1"),
                                       ("analyst", "analyst", None, None)]:
        accounts.add_user(engine, name, PASSWORD, role, county=county, street=street)
    token = accounts.create_display_token(engine, "会议室", county="T01", days=1)
    with engine.connect() as connection:
        people = [n for column in (PartyMember.name, CommitteeMember.person_name, Cadre.name)
                  for n in connection.execute(select(column)).scalars()]
    engine.dispose()
    return url, token, people


@pytest.fixture(scope="module")
def signed_server(store):
    yield from serving(store[0], "on")


@pytest.fixture(scope="module")
def open_server(store):
    yield from serving(store[0], "off")


def open_view(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click()
    page.get_by_role("heading").filter(has_text=VIEWS[title]).first.wait_for(timeout=60_000)
    settle(page)


def no_table_downloads(page) -> int:
    """Hover every table shown (in every tab) and check its toolbar offers no download; returns how many."""
    tables = 0
    tabs = page.locator("[data-baseweb='tab']")
    for index in range(max(1, tabs.count())):
        if tabs.count():
            tabs.nth(index).click()
            settle(page)
        for frame in page.locator("[data-testid='stDataFrame']").all():
            if not frame.is_visible():
                continue
            frame.scroll_into_view_if_needed()
            frame.hover()
            page.wait_for_timeout(250)
            labels = frame.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]").locator(
                "[data-testid='stElementToolbar'] button").evaluate_all("bs => bs.map(b => b.ariaLabel)")
            assert "Fullscreen" in labels  # the toolbar is there: the hover worked
            assert not [label for label in labels if "download" in label.lower() or "下载" in label], labels
            tables += 1
    return tables


def file_text(path: Path, name: str) -> str:
    """Every text a person could read in the file; formulas are refused on the way."""
    data = path.read_bytes()
    if name.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) > 1, "a CSV with no rows"
        return "\n".join(",".join(row) for row in rows)
    if name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
        assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
        assert not [c.coordinate for c in cells if c.hyperlink]
        return "\n".join(str(c.value) for c in cells if c.value is not None)
    deck = Presentation(io.BytesIO(data))
    texts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            if shape.has_chart:
                texts += [str(c) for c in shape.chart.plots[0].categories]
    assert len(deck.slides) >= 2
    return "\n".join(texts)


def download(page, button, tmp: Path) -> tuple[str, str]:
    """Click a download button; the file's name and its text."""
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as arrived:
        button.click()
    target = tmp / arrived.value.suggested_filename
    arrived.value.save_as(target)
    return arrived.value.suggested_filename, file_text(target, arrived.value.suggested_filename)


def download_all(page, labels: list[str], tmp: Path) -> list[tuple[str, str]]:
    """Click the first button of each label; (file name, its text) for each file delivered."""
    buttons = page.locator("[data-testid='stDownloadButton'] button")
    return [download(page, buttons.filter(has_text=label).first, tmp) for label in labels]


def member_details(page, role: Role, tmp: Path) -> list[tuple[str, str]]:
    """Select the first unit of the check-in view's unit table (its row marker): analysts download its
    members' detail rows (names masked), everyone else is told that detail exports are for analysts."""
    grid = page.locator(".st-key-unit_league [data-testid='stDataFrame']")
    if grid.count() == 0:  # no unit in the area has checked-in members (一街道 of the fixture)
        assert role.username != "analyst" and page.get_by_text("所选范围内没有驻区单位党员报到").count() == 1
        return []
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)
    page.get_by_text("已报到党员明细").first.wait_for(timeout=60_000)
    settle(page)
    buttons = page.locator(".st-key-details_export_csv button")
    if role.username != "analyst":
        assert buttons.count() == 0 and page.get_by_text("明细数据的导出仅限分析员账号").count() == 1
        return []
    name, text = download(page, buttons.first, tmp)
    assert "*" in text.splitlines()[1]  # the member's name, masked (张*)
    return [(name, text)]


def next_second() -> dt.datetime:
    """Wait for the clock's next second and return it: the audit log keeps whole seconds, so a role's rows are
    told from the previous role's (whose last download may fall in the same second) by starting after it."""
    now = dt.datetime.now()
    time.sleep(1 - now.microsecond / 1_000_000)
    return now.replace(microsecond=0) + dt.timedelta(seconds=1)


def exports_since(url: str, since: dt.datetime) -> list[tuple[str | None, str, str]]:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(AuditEntry.username, AuditEntry.event, AuditEntry.detail)
                                  .where(AuditEntry.occurred_at >= since)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("role_name", list(ROLES))
def test_each_role_gets_every_download_and_nothing_else(request, store, browser, role_name, tmp_path):
    role = ROLES[role_name]
    url, token, people = store
    base = request.getfixturevalue("open_server" if role_name == "nobody_sign_in_off" else "signed_server")
    since = next_second()
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    try:
        page.goto(base + (f"/?token={token}" if role.token else "/"))
        if role.username:
            sign_in(page, role.username)
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        settle(page)
        files, tables = [], 0
        for title in VIEWS if role_name in EVERY_VIEW else SOME_VIEWS:
            open_view(page, title)
            shown = [e.inner_text() for e in page.locator("[data-testid='stException']").all()]
            assert shown == []
            offered = page.locator("[data-testid='stDownloadButton']").count()
            assert (offered > 0) == role.downloads, f"{title}: {offered} download buttons"
            if role_name in HOVER_TABLES:
                tables += no_table_downloads(page)
            chart_buttons = page.locator(".modebar-btn").evaluate_all("bs => bs.map(b => b.dataset.title)")
            assert [t for t in chart_buttons if re.search("download|export|data|studio", t, re.I)
                    and "png" not in t.lower()] == []  # a chart's picture, never its data
            if role.downloads and title in KINDS:
                files += download_all(page, KINDS[title], tmp_path)
            if role.downloads and title == DETAIL_VIEW:
                files += member_details(page, role, tmp_path)
        assert tables >= 10 or role_name not in HOVER_TABLES
    finally:
        context.close()
    if not role.downloads:
        assert [row for row in exports_since(url, since) if row[1].startswith("export")] == []
        return
    assert len(files) == (5 if role.username == "analyst" else 4)
    for name, text in files:
        leaks = [n for n in role.outside if n in text] + [p for p in people if p in text]
        assert leaks == [], f"{name} holds {leaks}"
    audited = [row for row in exports_since(url, since) if row[1] == "export"]
    for name, _text in files:
        rows = [row for row in audited if f"文件 {name}" in row[2]]
        assert rows, f"no audit row for {name}"
        who, _event, detail = rows[0]
        assert who == role.username
        assert f"区域 {role.area}" in detail and " 行" in detail and "视图 " in detail


@pytest.mark.parametrize(("username", "units"), [("city", ["甲区财政局", "乙县教育局", "常德某科技有限公司"]),
                                                 ("county2", ["乙县教育局"])])
def test_the_assessment_league_table_a_leader_takes_to_the_meeting(store, signed_server, browser, tmp_path, username,
                                                                  units):
    """Sign in, open 双向考核, read its headline figure and download its league table (units ranked by their 2017
    score, tests/test_assessment.py): the city's three units; 乙县's leader only 乙县教育局 (60.0, 一般, its
    members' check-in 50.0%, 2017 双通报 not made by the community), whose county has no unit check-in due."""
    url, _token, _people = store
    since = next_second()
    context = browser.new_context(accept_downloads=True, viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    try:
        page.goto(signed_server + "/")
        sign_in(page, username)
        page.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
        settle(page)
        open_view(page, "双向考核")
        card = page.locator("[data-testid='stMetric']").filter(has_text="2017年双向考核覆盖率")
        figure = card.locator("[data-testid='stMetricValue']").inner_text().strip()
        assert figure == ("66.7%" if username == "city" else "暂无数据")
        button = page.locator(".st-key-assessment_league_export_csv button")
        name, text = download(page, button, tmp_path)
    finally:
        context.close()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["驻区单位"] for row in rows] == units
    assert [row["排名"] for row in rows] == [str(rank) for rank in range(1, len(units) + 1)]
    if username == "county2":
        assert (rows[0]["单位得分"], rows[0]["等次"], rows[0]["在职党员报到率(%)"], rows[0]["双方已通报"]) == (
            "60.0", "一般", "50.0", "0")
    else:
        assert [row["单位得分"] for row in rows] == ["85.0", "60.0", "58.0"]
    audited = [row for row in exports_since(url, since) if row[1] == "export" and f"文件 {name}" in row[2]]
    assert audited and audited[0][0] == username and "视图 双向考核" in audited[0][2]
