"""Imports: good files round-trip into the views, bad files are refused with the right message and change
nothing (checked byte for byte on SQLite's file and row for row on every backend)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import Engine, func, insert, select, text

from dashboard.db import make_engine, upgrade_store
from dashboard.imports import values
from dashboard.imports.__main__ import main as cli
from dashboard.imports.load import DemoStoreError, clear_demo, import_file
from dashboard.imports.templates import TEMPLATES, template_named
from dashboard.imports.workbook import report_csv, template_workbook
from dashboard.schema import AuditEntry, Base, County, ImportRun, ServiceActivity, StoreMeta, Street
from queries import checkin, meetings, overview
from queries.area import Area
from queries.summary import summary_covers
from tests.import_world import AS_OF, FILES, ID_GB4, ID_M1, TODAY, seed_counties

WORLD = {title: text_ for title, text_, _rows in FILES}
SERVICE_HEADER = "服务记录编号,党员编号,服务社区编码,岗位编码,服务日期,服务类别,服务时长\n"


def load_world(engine: Engine) -> None:
    upgrade_store(engine)
    seed_counties(engine)
    for title, content, rows in FILES:
        outcome = import_file(engine, template_named(title), f"{title}.csv", content.encode(), "tester", today=TODAY)
        assert outcome.problems == [] and outcome.inserted == rows, (title, outcome.problems)


@pytest.fixture
def world_engine(databases, backend):
    """A store filled only through imports of tests/import_world.py; tests using it must not change it."""
    engine = make_engine(databases.filled_once(backend, "import world", load_world))
    yield engine
    engine.dispose()


LOGS = {"import_run", "audit_log", "store_meta"}  # where an import that changes no data still leaves a trace


def snapshot(engine: Engine, data_only: bool = False) -> str:
    """Every row of every table (or of the data tables only), in key order, hashed; for SQLite and all
    tables also the database file's bytes."""
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if data_only and table.name in LOGS:
                continue
            order = list(table.primary_key.columns)
            for row in connection.execute(select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
    engine.dispose()  # closes connections: SQLite folds its write-ahead log into the file
    if engine.dialect.name == "sqlite" and not data_only:
        with open(engine.url.database, "rb") as store:
            digest.update(store.read())
    return digest.hexdigest()


# --- Good files -------------------------------------------------------------------------------------------------


def test_every_template_has_a_good_file_in_the_world():
    assert [t.title for t in TEMPLATES] == [title for title, _text, _rows in FILES]


def test_the_views_show_what_the_imported_files_hold(world_engine):
    city = Area()
    grids = overview.grid_branch_coverage_by_area(world_engine, city)
    assert grids[["area_name", "grids", "grids_with_branch"]].values.tolist() == [["甲区", 3, 1]]
    checkins = overview.member_checkin_rate_by_area(world_engine, city, AS_OF)
    assert checkins[["members_in_service", "members_checked_in"]].values.tolist() == [[3, 2]]
    pairing = overview.pairing_coverage_by_area(world_engine, city, AS_OF)
    assert pairing[["urban_communities", "communities_paired"]].values.tolist() == [[2, 1]]
    two_new = overview.two_new_coverage_by_area(world_engine, city)
    assert two_new["org_coverage"].tolist() == [0.5]
    funding = overview.funding_execution_by_area(world_engine, city, AS_OF)
    assert funding[["budget_yuan", "disbursed_yuan"]].values.tolist() == [[520000.0, 220000.0]]


def test_the_records_of_joint_work_and_the_four_teams_arrive(world_engine):
    """Counted by hand from tests/import_world.py: J1 王五 yes, 赵六 no; J2 both yes → 3 of 4 seats. 甲区 on
    2018-06-30: U01–C01 in force (U02–C02 ended), M1–M3; activities HD1 HD2 HD3 in 2018 (HD4 is of 2017)."""
    first = dt.date(2018, 1, 1)
    streets = meetings.meeting_activity_by_street(world_engine, Area(), first, AS_OF, 1).set_index("street_code")
    assert streets.loc["S01", ["meetings_held", "seats", "attended", "attendance_rate"]].tolist() == [2, 4, 3, 0.75]
    pairing = checkin.pairing_by_area(world_engine, Area(), AS_OF, first)
    assert pairing[["area_name", "unit_pairings", "member_pairings", "activities", "activities_per_pair"]
                   ].values.tolist() == [["甲区", 1, 1, 3, 1.5]]
    with world_engine.connect() as connection:
        def rows(sql: str) -> list[tuple]:
            return [tuple(row) for row in connection.execute(text(sql))]
        assert rows("SELECT u.code, k.code, a.year, a.score FROM unit_assessment a JOIN resident_unit u "
                    "ON u.id = a.resident_unit_id JOIN community k ON k.id = a.community_id ORDER BY u.code") == [
            ("U01", "C01", 2017, Decimal("92.5")), ("U02", "C02", 2017, Decimal("78.0"))]
        assert sorted(rows("SELECT c.name, COUNT(*) FROM service_platform p JOIN county c ON c.id = p.county_id "
                           "GROUP BY c.name")) == [("乙县", 1), ("甲区", 2)]
        assert sorted(rows("SELECT team, COUNT(*) FROM cadre GROUP BY team")) == [
            ("党建联络员", 1), ("社区干部", 2), ("网格员", 1)]
        assert rows("SELECT c.code, c.post, m.code, c.background FROM cadre c LEFT JOIN party_member m "
                    "ON m.id = c.member_id WHERE c.team = '社区干部' ORDER BY c.code") == [
            ("GB1", "社区党组织书记", "M3", None), ("GB2", "两委成员", None, "返乡人员")]
        assert rows("SELECT c.code, g.code FROM cadre c JOIN grid g ON g.id = c.grid_id") == [("GB3", "G03")]
        assert rows("SELECT p.standard_items, p.is_shared FROM service_platform p "
                    "ORDER BY p.completed_year") == [(6, True), (8, False), (None, None)]


def test_imports_rebuild_the_summaries_the_views_read(world_engine):
    """The world's data run to 2018-06-10 (F3); M1 and M2 checked in by May: in May M1 served (F2), in June
    to the 10th both did (F1, F3)."""
    june_10 = dt.date(2018, 6, 10)
    assert summary_covers(world_engine, [dt.date(2018, 5, 31), june_10])
    trend = checkin.monthly_service_rate(world_engine, Area(), dt.date(2018, 5, 1), june_10)
    assert trend[["month", "members_checked_in", "members_served"]].values.tolist() == [
        ["2018-05", 2, 1], ["2018-06", 2, 2]]


def test_the_organization_tree_is_filled_down_from_the_most_specific_place(world_engine):
    with world_engine.connect() as connection:
        rows = dict((code, rest) for code, *rest in connection.execute(text(
            "SELECT o.code, c.name, s.code, k.code, g.code, p.code FROM party_org o "
            "LEFT JOIN county c ON c.id = o.county_id LEFT JOIN street s ON s.id = o.street_id "
            "LEFT JOIN community k ON k.id = o.community_id LEFT JOIN grid g ON g.id = o.grid_id "
            "LEFT JOIN party_org p ON p.id = o.parent_id")))
    assert rows["O03"] == ["甲区", "S01", "C01", "G01", "O02"]
    assert rows["O01"] == ["甲区", "S01", None, None, "O00"]
    assert rows["O00"] == ["甲区", None, None, None, None]


def test_importing_the_same_files_again_changes_no_data(migrated_engine):
    load_world(migrated_engine)
    before = snapshot(migrated_engine, data_only=True)
    for title, content, rows in FILES:
        outcome = import_file(migrated_engine, template_named(title), f"{title}.csv", content.encode(), "tester",
                              today=TODAY)
        assert (outcome.committed, outcome.inserted, outcome.updated, outcome.unchanged) == (True, 0, 0, rows), title
    assert snapshot(migrated_engine, data_only=True) == before
    with migrated_engine.connect() as connection:  # each import is still recorded
        assert connection.execute(select(func.count()).select_from(ImportRun)).scalar() == 2 * len(FILES)


def test_a_file_made_with_an_earlier_template_version_still_imports(migrated_engine):
    """经费支出 was 经费拨付 (拨付日期, 拨付金额) and 是否规模较大、生产经营稳定 was 是否规模以上稳定企业: files a
    department filled before the renaming import unchanged, under either title."""
    load_world(migrated_engine)
    old = WORLD["经费支出"].replace("支出日期", "拨付日期").replace("支出金额", "拨付金额")
    outcome = import_file(migrated_engine, template_named("经费拨付"), "old.csv", old.encode(), "tester", today=TODAY)
    assert (outcome.problems, outcome.unchanged) == ([], WORLD["经费支出"].count("\n") - 1)
    old_two_new = WORLD["两新组织"].replace("是否规模较大、生产经营稳定", "是否规模以上稳定企业")
    assert old_two_new != WORLD["两新组织"]
    outcome = import_file(migrated_engine, template_named("两新组织"), "old.csv", old_two_new.encode(), "tester",
                          today=TODAY)
    assert outcome.problems == [] and outcome.inserted == 0
    both = old.replace("拨付金额", "支出日期")
    refused = import_file(migrated_engine, template_named("经费支出"), "both.csv", both.encode(), "tester", today=TODAY)
    assert [(p.row, p.column, p.message) for p in refused.problems][:1] == [(1, "支出日期", "列名重复")]


def test_a_dry_run_changes_nothing_at_all(world_engine):
    before = snapshot(world_engine)
    outcome = import_file(world_engine, template_named("街道乡镇"), "streets.csv",
                          WORLD["街道乡镇"].replace("二镇", "二镇(改)").encode(), "tester", dry_run=True)
    assert (outcome.updated, outcome.committed) == (1, False)
    assert snapshot(world_engine) == before


def test_a_changed_row_is_updated_and_the_import_is_logged(migrated_engine):
    load_world(migrated_engine)
    content = WORLD["街道乡镇"].replace("S02,二镇", "S02,二镇(更名)").encode()
    outcome = import_file(migrated_engine, template_named("街道乡镇"), "streets.csv", content, "analyst1")
    assert (outcome.inserted, outcome.updated, outcome.unchanged, outcome.committed) == (0, 1, 1, True)
    with migrated_engine.connect() as connection:
        assert connection.execute(select(Street.name).where(Street.code == "S02")).scalar() == "二镇(更名)"
        log = connection.execute(select(ImportRun).order_by(ImportRun.id.desc())).first()
        events = connection.execute(select(AuditEntry.event, AuditEntry.username)).all()
    assert (log.username, log.template, log.file_name, log.rows_read, log.rows_inserted, log.rows_updated) == \
        ("analyst1", "street", "streets.csv", 2, 0, 1)
    assert log.file_sha256 == hashlib.sha256(content).hexdigest()
    assert ("导入", "analyst1") in events


def test_replacing_a_period_is_explicit_and_keeps_other_months(migrated_engine):
    load_world(migrated_engine)
    june = SERVICE_HEADER + "F4,M2,C02,P2,2018-06-20,环境卫生,3\n"
    template = template_named("志愿服务记录")
    outcome = import_file(migrated_engine, template, "june.csv", june.encode(), "tester", today=TODAY,
                          replace_period=(dt.date(2018, 6, 1), dt.date(2018, 6, 30)))
    assert (outcome.deleted, outcome.inserted) == (2, 1)  # F1 and F3 were in June; F2 (May) stays
    with migrated_engine.connect() as connection:
        assert sorted(connection.execute(select(ServiceActivity.code)).scalars()) == ["F2", "F4"]
    outside = june.replace("2018-06-20", "2018-07-02")
    refused = import_file(migrated_engine, template, "july.csv", outside.encode(), "tester", today=TODAY,
                          replace_period=(dt.date(2018, 6, 1), dt.date(2018, 6, 30)))
    assert [(p.row, p.column) for p in refused.problems] == [(2, "服务日期")]
    assert "不在要替换的期间" in refused.problems[0].message


def test_a_demo_store_asks_to_clear_the_demo_first(migrated_engine):
    seed_counties(migrated_engine)
    with migrated_engine.begin() as connection:
        connection.execute(insert(StoreMeta), [{"meta_key": "is_demo", "value": "1"}])
    content = WORLD["街道乡镇"].encode()
    with pytest.raises(DemoStoreError, match="清空演示数据"):
        import_file(migrated_engine, template_named("街道乡镇"), "streets.csv", content, "admin")
    clear_demo(migrated_engine, "admin")
    outcome = import_file(migrated_engine, template_named("街道乡镇"), "streets.csv", content, "admin")
    assert outcome.inserted == 2
    with migrated_engine.connect() as connection:
        assert connection.execute(select(County.name).order_by(County.code)).scalars().all() == ["甲区", "乙县"]
        assert connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "0"


# --- Formats people actually send ---------------------------------------------------------------------------------


def test_gbk_and_utf8_bom_csv_full_width_digits_and_blanks_are_read(migrated_engine):
    load_world(migrated_engine)
    text_ = SERVICE_HEADER + " F5 ,M1,C01,P1,２０１８年６月２０日, 治安巡逻 ,１.５\n"
    template = template_named("志愿服务记录")
    for encoding, name in (("gbk", "gbk.csv"), ("gb18030", "gb18030.csv"), ("utf-8-sig", "bom.csv")):
        outcome = import_file(migrated_engine, template, name, text_.encode(encoding), "tester", today=TODAY)
        assert outcome.problems == [], encoding
    with migrated_engine.connect() as connection:
        row = connection.execute(select(ServiceActivity.served_on, ServiceActivity.hours, ServiceActivity.kind)
                                 .where(ServiceActivity.code == "F5")).one()
    assert (row.served_on, float(row.hours), row.kind) == (dt.date(2018, 6, 20), 1.5, "治安巡逻")


def xlsx(rows: list[list], merge: str | None = None, sheet_title: str = "数据") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_with_date_cells_and_serial_dates_is_read(migrated_engine):
    load_world(migrated_engine)
    header = [c.header for c in template_named("联席会议").columns]
    content = xlsx([header, ["J3", "S01", dt.datetime(2018, 5, 3), "临时会议"], ["J4", "S01", 43260, "六月会议"]])
    outcome = import_file(migrated_engine, template_named("联席会议"), "meetings.xlsx", content, "tester", today=TODAY)
    assert outcome.problems == [] and outcome.inserted == 2
    with migrated_engine.connect() as connection:
        held = dict(connection.execute(text(
            "SELECT code, held_on FROM joint_meeting WHERE code IN ('J3', 'J4')")).all())
    # Excel counts 43101 for 2018-01-01; 2018-06-09 is 159 days later
    assert {k: str(v) for k, v in held.items()} == {"J3": "2018-05-03", "J4": "2018-06-09"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.key)
def test_each_downloadable_template_has_headers_notes_and_an_example(template):
    workbook = openpyxl.load_workbook(io.BytesIO(template_workbook(template)))
    fill, example, guide = workbook.worksheets
    headers = [cell.value for cell in fill[1]]
    assert headers == [c.header for c in template.columns]
    assert all(cell.comment is not None and cell.comment.text for cell in fill[1])
    assert [cell.value for cell in example[1]] == headers and example.max_row == 2
    assert guide.title == "填写说明"
    listed = [row[0] for row in guide.iter_rows(min_row=6, values_only=True)]
    assert listed == headers


def test_a_downloaded_template_filled_in_imports(migrated_engine):
    load_world(migrated_engine)
    template = template_named("志愿岗位")
    workbook = openpyxl.load_workbook(io.BytesIO(template_workbook(template)))
    workbook.worksheets[0].append(["P9", "文明劝导岗", "文明劝导", "C02"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    outcome = import_file(migrated_engine, template, "岗位.xlsx", buffer.getvalue(), "tester", today=TODAY)
    assert outcome.problems == [] and outcome.inserted == 1


# --- The gallery of bad files ---------------------------------------------------------------------------------------


def _csv(title: str, replace: tuple[str, str] | None = None, encoding: str = "utf-8") -> bytes:
    content = WORLD[title]
    if replace:
        assert replace[0] in content, replace
        content = content.replace(*replace)
    return content.encode(encoding)


def _large() -> bytes:
    line = "FW{:08d},M1,C01,P1,2018-06-09,治安巡逻,2\n"
    return (SERVICE_HEADER + "".join(line.format(i) for i in range(700_000))).encode()


def _xlsx_of(title: str, header: str, value) -> bytes:
    """The world's file of a template as a workbook, with the first data row's cell under `header` replaced by
    `value` as Excel would store it (a number stays a number)."""
    rows = list(csv.reader(io.StringIO(WORLD[title])))
    rows[1][rows[0].index(header)] = value
    return xlsx(rows)


GALLERY = [
    # name, template, file name, content, (row, column, words of the message)
    ("utf16", "街道乡镇", "streets.csv", lambda: _csv("街道乡镇", encoding="utf-16"), (None, None, "UTF-16")),
    ("big5", "街道乡镇", "streets.csv",
     lambda: "街道編碼,街道名稱,類型,所屬區縣\nS09,九街道,街道,甲區\n".encode("big5"), (1, None, "编码")),
    ("empty", "街道乡镇", "streets.csv", lambda: b"", (None, None, "文件是空的")),
    ("header_only", "网格", "grids.csv", lambda: "网格编码,网格名称,所属社区编码,户数\n".encode(),
     (None, None, "只有表头")),
    ("missing_column", "街道乡镇", "streets.csv", lambda: "街道编码,街道名称,所属区县\nS09,九街道,甲区\n".encode(),
     (1, "类型", "缺少必填列“类型”")),
    ("renamed_column", "网格", "grids.csv", lambda: _csv("网格", ("所属社区编码", "社区编号")),
     (1, "社区编号", "模板中没有这一列")),
    ("merged_header", "网格", "grids.xlsx",
     lambda: xlsx([["网格编码", "网格名称", "所属社区编码", "户数"], ["G09", "九网格", "C01", 10]], merge="A1:B1"),
     (None, None, "合并单元格 A1:B1")),
    ("bad_date", "联席会议", "meetings.csv", lambda: _csv("联席会议", ("2018-04-12", "04/12/2018")),
     (2, "召开日期", "不是日期")),
    ("impossible_date", "联席会议", "meetings.csv", lambda: _csv("联席会议", ("2018-04-12", "2018-02-30")),
     (2, "召开日期", "不是存在的日期")),
    ("future_date", "联席会议", "meetings.csv", lambda: _csv("联席会议", ("2018-04-12", "2030-04-12")),
     (2, "召开日期", "晚于今天")),
    ("unknown_community", "网格", "grids.csv", lambda: _csv("网格", ("G03,三网格,C02", "G03,三网格,C99")),
     (4, "所属社区编码", "社区(村)“C99”不存在")),
    ("duplicate_rows", "网格", "grids.csv", lambda: _csv("网格") + "G01,一网格,C01,300\n".encode(),
     (5, None, "与第 2 行重复")),
    ("text_in_number", "网格", "grids.csv", lambda: _csv("网格", ("C01,300", "C01,三百")),
     (2, "户数", "不是整数")),
    ("negative_amount", "经费支出", "paid.csv", lambda: _csv("经费支出", ("200000", "-200000")),
     (2, "支出金额", "小于 0")),
    ("negative_count", "两新组织", "orgs.csv", lambda: _csv("两新组织", (",56,", ",-56,")),
     (2, "从业人员数", "小于 0")),
    ("formula_cell", "网格", "grids.xlsx",
     lambda: xlsx([["网格编码", "网格名称", "所属社区编码", "户数"], ["G09", "九网格", "C01", "=SUM(1,2)"]]),
     (2, "户数", "是公式")),
    ("sql_text", "网格", "grids.csv",
     lambda: _csv("网格", ("G03,三网格,C02", "'; DROP TABLE members; --,三网格,C02")),
     (4, "网格编码", "只能由字母、数字")),
    ("dde_text", "驻区单位", "units.csv", lambda: _csv("驻区单位", ("市财政局", "=cmd|' /C calc'!A0")),
     (2, "单位名称", "公式")),
    ("bidi_text", "驻区单位", "units.csv", lambda: _csv("驻区单位", ("市财政局", "市财\u202e局政\u200b")),
     (2, "单位名称", "不可见的控制字符")),
    ("id_check_digit", "党员", "members.csv", lambda: _csv("党员", ("430702198001010014", "430702198001010015")),
     (2, "公民身份号码", "校验位")),
    ("id_birth_mismatch", "党员", "members.csv",
     lambda: _csv("党员", ("M1,张一,男,1980-01-01", "M1,张一,男,1981-01-01")), (2, "出生日期", "不一致")),
    ("phone_form", "党员", "members.csv", lambda: _csv("党员", ("13800000001", "1380000")),
     (2, "手机号码", "不是手机号")),
    ("required_blank", "驻区单位", "units.csv",
     lambda: _csv("驻区单位", ("U01,市财政局,市直机关,是,C01", "U01,,市直机关,是,C01")), (2, "单位名称", "必填")),
    ("not_allowed_value", "两新组织", "orgs.csv", lambda: _csv("两新组织", ("单独组建", "自行组建")),
     (2, "覆盖方式", "不在可选值中")),
    ("too_large", "志愿服务记录", "huge.csv", _large, (None, None, "超过上限")),
    ("unquoted_decimal_comma", "网格", "grids.csv", lambda: _csv("网格", ("C01,300", "C01,1,5")),
     (2, "第5列", "逗号(如 1,5)没有加英文双引号")),
    ("quoted_decimal_comma", "志愿服务记录", "services.csv",
     lambda: _csv("志愿服务记录", ("治安巡逻,2.5", '治安巡逻,"2,5"')), (3, "服务时长", "不是千位分隔符")),
    ("id_number_cell_in_xlsx", "党员", "members.xlsx", lambda: _xlsx_of("党员", "公民身份号码", 4.30702198001010E+17),
     (2, "公民身份号码", "设置为“文本”格式")),
    ("id_number_in_scientific_notation", "党员", "members.csv",
     lambda: _csv("党员", (ID_M1, "4.30702198001010E+17")), (2, "公民身份号码", "Excel 当成了数字")),
    ("id_number_lost_its_last_digits", "党员", "members.csv", lambda: _csv("党员", (ID_M1, "430702198001010000")),
     (2, "公民身份号码", "Excel 当成了数字")),
    ("attendance_of_a_stranger", "会议出席", "attendance.csv", lambda: _csv("会议出席", ("J1,赵六,否", "J1,钱七,否")),
     (3, "成员姓名", "“钱七”不是该会议所属街道大工委的成员")),
    ("activity_of_an_unpaired_unit", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("HD1,U01,,,C01", "HD1,U02,,,C01")), (2, "单位编码", "没有结对")),
    ("activity_of_both_kinds", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("HD2,U01,,,C01", "HD2,U01,M1,M3,C01")), (3, None, "两者只填其一")),
    ("activity_with_one_member", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("HD3,,M1,M3", "HD3,,M1,")), (4, "社区党员编号", "须同时填写")),
    ("activity_before_the_pairing", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("C02,2017-12-10", "C02,2017-04-10")), (5, "活动日期", "早于结对日期 2017-05-01")),
    ("activity_after_the_pairing_ended", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("C02,2017-12-10", "C02,2018-03-01")), (5, "活动日期", "晚于结对结束日期 2018-01-01")),
    ("activity_in_another_community", "结对活动", "activities.csv",
     lambda: _csv("结对活动", ("HD3,,M1,M3,C01", "HD3,,M1,M3,C02")), (4, "社区编码", "不一致")),
    ("assessment_over_100", "双向考核", "scores.csv", lambda: _csv("双向考核", ("92.5", "120")),
     (2, "考核得分", "大于 100")),
    ("platform_in_two_places", "服务阵地", "platforms.csv", lambda: _csv("服务阵地", (",C01,改扩建", "S01,C01,改扩建")),
     (3, None, "填且只填一项")),
    ("platform_twice", "服务阵地", "platforms.csv", lambda: _csv("服务阵地") + ",C01,新建,2018,,\n".encode(),
     (5, None, "与第 3 行重复")),
    ("cadre_post_outside_the_cadres", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍", ("网格员,,C02", "网格员,两委成员,C02")), (4, "职务", "只有“社区干部”")),
    ("cadre_background_without_election", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍", ("公开选聘,2017,,,G03", "公开选聘,2017,退伍军人,,G03")), (4, "人员来源", "两委换届")),
    ("cadre_identity_twice", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍") + f"GB5,吴五,网格员,,C02,{ID_GB4},1989-09-09,本科,,公开选聘,2017,,,\n".encode(),
     (6, "公民身份号码", "与第 5 行重复")),
    ("cadre_identity_and_birth", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍", ("C02,430702198909090026,1989-09-09", "C02,430702198909090026,1989-09-19")),
     (5, "出生日期", "不一致")),
    ("platform_of_a_street_above_its_standard", "服务阵地", "platforms.csv",
     lambda: _csv("服务阵地", ("S01,,新建,2016,6", "S01,,新建,2016,8")), (2, "达标项数", "一所一校四中心")),
    ("platform_above_the_community_standard", "服务阵地", "platforms.csv",
     lambda: _csv("服务阵地", (",C01,改扩建,2017,8", ",C01,改扩建,2017,12")), (3, "达标项数", "大于 10")),
    ("cadre_grid_of_someone_not_a_grid_worker", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍", ("13600000004,公开选聘,2017,,,", "13600000004,公开选聘,2017,,,G03")),
     (5, "所在网格编码", "只有“网格员”")),
    ("cadre_grid_in_another_community", "四支队伍", "cadres.csv",
     lambda: _csv("四支队伍", ("公开选聘,2017,,,G03", "公开选聘,2017,,,G01")), (4, "所在网格编码", "不在所在社区内")),
    ("good_rows_then_one_bad", "志愿服务记录", "services.csv",
     lambda: _csv("志愿服务记录", ("F1,M1,C01,P1,2018-06-09", "F9,M1,C01,P1,2018-06-09"))
     + "F8,M9,C01,P1,2018-06-09,治安巡逻,2\n".encode(),
     (5, "党员编号", "党员“M9”不存在")),
]


@pytest.mark.parametrize("name,title,file_name,make,expected", GALLERY, ids=[g[0] for g in GALLERY])
def test_a_bad_file_is_refused_with_the_right_message_and_changes_nothing(world_engine, monkeypatch, name, title,
                                                                           file_name, make, expected):
    monkeypatch.setenv("DANGJIAN_IMPORT_MAX_MB", "20")
    before = snapshot(world_engine)
    outcome = import_file(world_engine, template_named(title), file_name, make(), "tester", today=TODAY)
    row, column, words = expected
    assert not outcome.committed and outcome.problems
    assert any(p.row == row and p.column == column and words in p.message and p.file == file_name
               for p in outcome.problems), outcome.problems
    assert snapshot(world_engine) == before


def test_all_problems_of_a_file_are_reported_at_once():
    engine = make_engine("sqlite://")
    upgrade_store(engine)
    seed_counties(engine)
    content = "街道编码,街道名称,类型,所属区县\nS01,一街道,街,甲区\nS0 2,二镇,乡镇,丙县\n,三,街道,甲区\n".encode()
    outcome = import_file(engine, template_named("街道乡镇"), "streets.csv", content, "tester")
    assert [(p.row, p.column) for p in outcome.problems] == [
        (2, "类型"), (3, "街道编码"), (3, "所属区县"), (4, "街道编码")]


def test_the_error_report_neutralises_formulas():
    engine = make_engine("sqlite://")
    upgrade_store(engine)
    seed_counties(engine)
    content = "街道编码,街道名称,类型,所属区县,=cmd|' /C calc'!A0\nS01,一街道,街道,甲区,x\n".encode()
    outcome = import_file(engine, template_named("街道乡镇"), "=HYPERLINK(1).csv", content, "tester")
    report = report_csv(outcome.problems).decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in report and "'=HYPERLINK(1).csv" in report
    assert "\n=" not in report and ",=" not in report


# --- Command line -----------------------------------------------------------------------------------------------


def test_the_command_line_imports_and_refuses_like_the_page(migrated_engine, tmp_path, capsys):
    seed_counties(migrated_engine)
    url = migrated_engine.url.render_as_string(hide_password=False)
    good = tmp_path / "streets.csv"
    good.write_bytes(WORLD["街道乡镇"].encode("gbk"))
    assert cli(["--url", url, "load", "街道乡镇", str(good)]) == 0
    assert "新增 2 行" in capsys.readouterr().out
    bad = tmp_path / "communities.csv"
    bad.write_bytes(_csv("社区村", ("S01,12000", "S99,12000")))
    report = tmp_path / "problems.csv"
    assert cli(["--url", url, "load", "community", str(bad), "--report", str(report)]) == 1
    assert "街道(乡镇)“S99”不存在" in report.read_bytes().decode("utf-8-sig")
    assert cli(["--url", url, "load", "没有的模板", str(good)]) == 2
    written = tmp_path / "t.xlsx"
    assert cli(["template", "党员", "-o", str(written)]) == 0
    assert openpyxl.load_workbook(written).worksheets[0]["E1"].value == "公民身份号码"
    capsys.readouterr()
    assert cli(["template", "党员", "-o", str(tmp_path / "t.csv")]) == 2  # it would be a workbook named .csv
    assert ".xlsx" in capsys.readouterr().err and not (tmp_path / "t.csv").exists()


def test_a_missing_file_or_a_folder_is_named_in_chinese_with_exit_status_2(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    assert cli(["--url", url, "load", "街道乡镇", str(tmp_path / "没有这个文件.csv")]) == 2
    assert "文件“" in capsys.readouterr().err
    assert cli(["--url", url, "load", "街道乡镇", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "是文件夹,不是文件" in error and "Traceback" not in error


def test_the_command_line_problem_list_shows_no_missing_value_markers(migrated_engine, tmp_path, capsys):
    """Problems of the whole file (no row) and of a whole row (no column) print without None, <NA> or nan."""
    seed_counties(migrated_engine)
    url = migrated_engine.url.render_as_string(hide_password=False)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    twice = tmp_path / "streets.csv"
    twice.write_bytes(_csv("街道乡镇") + "S01,一街道,街道,甲区\n".encode())
    assert cli(["--url", url, "load", "街道乡镇", str(empty)]) == 1
    assert cli(["--url", url, "load", "街道乡镇", str(twice)]) == 1
    error = capsys.readouterr().err
    assert "empty.csv:文件是空的" in error and "streets.csv 第4行:与第 2 行重复" in error
    assert not any(marker in error for marker in ("None", "<NA>", "nan", "NaN"))


def test_an_identity_number_that_excel_made_a_number_is_named_so():
    """Excel keeps 15 significant digits of a number: the 18-digit number comes back in scientific notation,
    with its last digits turned to 0, or without the X; each message says to format the column as text."""
    for raw in (430702198001010000, 4.30702198001010e17, "4.30702198001010E+17", "430702198001010000",
                "43070219800101001"):
        with pytest.raises(values.BadValue, match="“文本”格式"):
            values.id_number(raw)
    with pytest.raises(values.BadValue, match="15位的旧号码"):
        values.id_number("430702800101001")
    assert values.id_number("43070219800101009x") == "43070219800101009X"  # typed as text, the X stays


def test_commas_in_numbers_follow_one_documented_rule():
    """Thousands separators every three digits are dropped; any other comma is refused, never read as 15."""
    assert values.integer("1,500") == 1500 and values.integer("１，５００") == 1500
    assert values.decimal("1,234,567.5", 2) == Decimal("1234567.5") and values.decimal("¥20,000元", 2) == 20000
    for text_ in ("1,5", "1,50", "15,00", ",500", "1,5000", "1.500,5"):
        with pytest.raises(values.BadValue, match="不是千位分隔符"):
            values.decimal(text_, 2)
    with pytest.raises(values.BadValue, match="不是千位分隔符"):
        values.integer("1,5")


def test_pairing_activities_already_stored_get_record_numbers_on_upgrade(empty_engine):
    """Migration 0011: a store with pairing activities from before (a demo of an earlier release) numbers them
    HD + id, the natural key the 结对活动 template matches on."""
    upgrade_store(empty_engine, "0008")
    with empty_engine.begin() as connection:
        for statement in (
            "INSERT INTO county (id, code, name, kind, lon, lat, sort_order) "
            "VALUES (1, 'T01', '甲区', '市辖区', 111.7, 29.0, 0)",
            "INSERT INTO street (id, code, name, kind, county_id) VALUES (1, 'S01', '一街道', '街道', 1)",
            "INSERT INTO community (id, code, name, kind, is_urban, is_central_city, street_id, county_id) "
            "VALUES (1, 'C01', '一社区', '社区', TRUE, FALSE, 1, 1)",
            "INSERT INTO resident_unit (id, code, name, kind, is_city_county_organ, community_id) "
            "VALUES (1, 'U01', '市财政局', '市直机关', TRUE, 1)",
            "INSERT INTO unit_pairing (id, resident_unit_id, community_id, started_on) VALUES (1, 1, 1, '2017-05-01')",
            "INSERT INTO pairing_activity (id, unit_pairing_id, community_id, held_on, kind) "
            "VALUES (7, 1, 1, '2018-06-05', '联户帮带')",
        ):
            connection.execute(text(statement))
    upgrade_store(empty_engine)
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT code FROM pairing_activity")).scalars().all() == ["HD7"]
    content = WORLD["结对活动"].splitlines()[0] + "\nHD7,U01,,,C01,2018-06-05,走访慰问\n"
    outcome = import_file(empty_engine, template_named("结对活动"), "activities.csv", content.encode(), "tester",
                          today=TODAY)
    assert (outcome.problems, outcome.inserted, outcome.updated) == ([], 0, 1)
