"""The official division table imports as it is into an empty store made by init-store: streets, towns,
farms, communities and villages with their codes; names the bureau's way; again changes nothing."""

from __future__ import annotations

from sqlalchemy import text

from dashboard.db import make_engine
from dashboard.divisions import DIVISIONS_CSV
from dashboard.imports.__main__ import main as cli
from dashboard.imports.divisions import import_divisions
from queries.area import Area
from queries.coverage import coverage_by_level

SMALL = """code,parent,name,level,rank,ur_code,dummy,longitude,latitude
430700000000,430000000000,常德市,city,2,,f,111.698784,29.031654
430723000000,430700000000,澧县,county,3,,f,111.758702,29.633236
430723001000,430723000000,澧西街道办事处,town,4,,f,,
430723001001,430723001000,城西居委会,village,5,111,f,111.75,29.63
430723001201,430723001000,红旗村委会,village,5,220,f,,
430723102000,430723000000,小渡口镇,town,4,,f,,
430723102001,430723102000,小渡口社区,village,5,121,f,,
430726502000,430726000000,东山峰农场,town,4,,f,110.662554,29.929935
430726502001,430726502000,东山峰社区,village,5,122,f,,
"""


def scalar(engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar())


def test_a_small_table_by_hand(databases, backend):
    url = databases.new(backend)
    assert cli(["--url", url, "init-store"]) == 0
    engine = make_engine(url)
    outcome = import_divisions(engine, "divisions.csv", SMALL.encode(), "tester")
    # city and county rows are not written: 3 town-level rows and 4 village-level rows
    assert (outcome.problems, outcome.inserted, outcome.committed) == ([], 7, True)
    with engine.connect() as connection:
        streets = connection.execute(text(
            "SELECT s.code, s.name, s.kind, c.name, s.lon FROM street s JOIN county c ON c.id = s.county_id "
            "ORDER BY s.code")).all()
        communities = connection.execute(text(
            "SELECT code, name, kind, is_urban, is_central_city, lat FROM community ORDER BY code")).all()
    assert [tuple(row[:4]) for row in streets] == [
        ("430723001000", "澧西街道", "街道", "澧县"),
        ("430723102000", "小渡口镇", "乡镇", "澧县"),
        ("430726502000", "东山峰农场", "乡镇", "石门县"),  # a farm is a town-level unit
    ]
    assert streets[2][4] == 110.662554 and streets[0][4] is None
    assert [tuple(row[:5]) for row in communities] == [
        ("430723001001", "城西社区", "社区", True, False),  # a residents' committee of a street: urban
        ("430723001201", "红旗村", "村", False, False),
        ("430723102001", "小渡口社区", "社区", False, False),  # a town's community: not urban
        ("430726502001", "东山峰社区", "社区", False, False),
    ]
    assert communities[0][5] == 29.63
    again = import_divisions(engine, "divisions.csv", SMALL.encode(), "tester")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 7)
    engine.dispose()


def test_a_town_under_a_county_that_is_missing_is_refused_with_the_row(databases):
    engine = make_engine(databases.new("sqlite"))
    assert cli(["--url", engine.url.render_as_string(hide_password=False), "init-store"]) == 0
    bad = SMALL.replace("430726502000,430726000000", "430726502000,439999000000")
    outcome = import_divisions(engine, "divisions.csv", bad.encode(), "tester")
    assert [(p.row, p.column) for p in outcome.problems] == [(9, "parent")]
    assert "“439999000000”不存在" in outcome.problems[0].message
    assert scalar(engine, "SELECT COUNT(*) FROM street") == 0  # all or nothing
    engine.dispose()


def test_the_whole_table_of_changde_imports_as_it_is(databases, backend, capsys):
    url = databases.new(backend)
    assert cli(["--url", url, "init-store"]) == 0
    assert cli(["--url", url, "load", "行政区划", str(DIVISIONS_CSV)]) == 0
    assert "新增 2446 行" in capsys.readouterr().out  # 2,457 rows less the city and 10 county rows
    engine = make_engine(url)
    # data/README.md: 36 streets (names end 街道 or 街道办事处), 127 towns and townships and 12 farms, forest
    # stations and the like (鼎城区 4, 汉寿县 西湖管理区, 石门县 6, 津市市 涔澹农场).
    assert scalar(engine, "SELECT COUNT(*) FROM street WHERE kind = '街道'") == 36
    assert scalar(engine, "SELECT COUNT(*) FROM street WHERE kind = '乡镇'") == 139
    # 705 communities named 社区 or 居委会, and 2 named 居民委员会 (白云桥, 望羊桥 in 石门县); 1,566 - 2 villages.
    assert scalar(engine, "SELECT COUNT(*) FROM community WHERE kind = '社区'") == 707
    assert scalar(engine, "SELECT COUNT(*) FROM community WHERE kind = '村'") == 1564
    # the communities of the 36 streets are the urban ones; those of 武陵区 and 鼎城区 the central city
    assert scalar(engine, "SELECT COUNT(*) FROM community WHERE is_urban") == 305
    assert scalar(engine, "SELECT COUNT(*) FROM community WHERE is_central_city") == 144
    assert scalar(engine, "SELECT COUNT(*) FROM street s JOIN county c ON c.id = s.county_id "
                          "WHERE c.name = '汉寿县' AND s.name = '西湖管理区'") == 1
    levels = coverage_by_level(engine, Area()).set_index("level")
    assert levels.loc["社区党组织", ["units", "units_covered"]].tolist() == [305, 0]  # no organizations yet
    assert cli(["--url", url, "load", "行政区划", str(DIVISIONS_CSV)]) == 0
    assert "新增 0 行,更新 0 行,未变 2446 行" in capsys.readouterr().out
    engine.dispose()


def test_the_coverage_view_shows_a_store_of_the_division_table_alone(databases, monkeypatch):
    """What a department sees after its first two steps: init-store, then the division table as it is."""
    from tests.apptest import metrics
    from tests.test_views import open_view

    url = databases.new("sqlite")
    assert cli(["--url", url, "init-store"]) == 0
    assert cli(["--url", url, "load", "行政区划", str(DIVISIONS_CSV)]) == 0
    app = open_view(monkeypatch, url, "../pages/coverage.py")
    shown = metrics(app)
    assert shown["社区党组织覆盖率"] == "0.0%"  # 305 urban communities (counted above), no organization yet
    assert "已建 0 / 应建 305 个城市社区" in [c.value for c in app.caption]
    assert any("尚未导入" in i.value and "《党组织》" in i.value for i in app.info), [i.value for i in app.info]
