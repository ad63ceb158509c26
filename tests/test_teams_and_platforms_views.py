"""四支队伍 and 阵地建设 under AppTest: the fixture's figures (counted by hand in tests/test_teams.py and
tests/test_platforms.py) on every backend, a street from the link, the link to 经费保障 for 阵地建设, names kept
from a display token, and a department's partial stores (the import world, tests/import_world.py)."""

from __future__ import annotations

import os
from unittest import mock

from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine
from tests.apptest import APP, metrics, table_with
from tests.conftest import fill_with_fixture
from tests.partial_world import TITLES
from tests.test_partial_stores import check_page, partial_store, visit
from tests.test_views import open_view

TEAMS, PLATFORMS, FUNDING = "../pages/teams.py", "../pages/platforms.py", "../pages/funding.py"


def captions(app: AppTest) -> list[str]:
    return [c.value for c in app.caption]


def test_teams_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, TEAMS)
    check_page(app, "teams")
    assert metrics(app) == {"党建联络员配备率": "75.0%", "网格员配备率": "62.5%", "书记空缺": "1 个",
                            "2017年换届进入": "6 名", "2017年选聘": "6 名"}
    assert "进入社区“两委”班子:致富带头人 2 · 返乡人员 2 · 大中专毕业生 1 · 退伍军人 1" in captions(app)
    assert "专职工作人员和网格员:社区专职工作者 3 · 网格员 3" in captions(app)
    assert "3 / 4 个城市社区 · 目标 100%" in captions(app)
    staffing = table_with(app, "缺口合计")
    assert staffing["县级单位"].tolist() == ["甲区", "乙县"] and staffing["缺口合计"].tolist() == [11, 1]
    gaps = table_with(app, "缺口")
    assert len(gaps) == 9 and gaps["社区书记"].fillna("").tolist()[0] == "林*记"  # masked with sign-in off
    assert table_with(app, "平均年龄")["人数"].tolist() == [3, 12, 4, 6, 3, 1, 1]
    assert len(table_with(app, "进入年度")) == 30  # the register, masked
    assert app.get("download_button")  # the gap list and the briefing can be taken away


def test_teams_of_a_street_from_the_link(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, TEAMS, {"county": "甲区", "street": "一街道"})
    assert metrics(app)["党建联络员配备率"] == "100.0%"  # K1 and K2
    assert metrics(app)["网格员配备率"] == "80.0%"  # G1 G2 G4 G5 of five
    assert table_with(app, "缺口合计")["社区"].tolist() == ["红星社区", "光明社区"]


def test_platforms_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, PLATFORMS)
    check_page(app, "platforms")
    assert metrics(app) == {"村级综合服务平台": "6 个", "街道阵地": "2 个",
                            "社区阵地达标率": "25.0%", "开放共享率": "75.0%",
                            "阵地建设经费": "27万元"}
    assert "历年预算:2017年 17万元 · 2018年 10万元" in captions(app)
    assert "一站一园一场七室:1 / 4 个城市社区;未达标 3 个" in captions(app)
    assert table_with(app, "差距")["差距"].tolist() == ["缺 2 项", "未建服务阵地", "未填报达标项数"]
    links = {link.proto.label: link.proto.query_string for link in app.get("page_link")}
    assert "use=%E9%98%B5%E5%9C%B0%E5%BB%BA%E8%AE%BE" in links["在经费保障中查看阵地建设经费"]  # use=阵地建设


def test_funding_for_the_use_the_platforms_link_to(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, FUNDING, {"use": "阵地建设", "from": "2018-04", "to": "2018-06"})
    assert metrics(app)["2018年阵地建设预算数"] == "10万元"  # L1 only; L2 and L3 are of other uses
    assert metrics(app)["已支出数"] == "5万元"
    assert table_with(app, "用途")["用途"].tolist() == ["阵地建设"]


def test_a_display_token_sees_no_names(databases):
    url = databases.new("sqlite")  # a store of its own: the token is written to it
    engine = make_engine(url)
    fill_with_fixture(engine)
    token = accounts.create_display_token(engine, "大屏", None, None)
    engine.dispose()
    with mock.patch.dict(os.environ, {URL_ENV: url, SIGN_IN_ENV: "on"}):
        app = AppTest.from_file(APP, default_timeout=60)
        app.query_params["token"] = token
        app.run()
        app.switch_page(TEAMS)
        app.query_params["token"] = token
        app.run()
    check_page(app, "teams for a display")
    assert metrics(app)["党建联络员配备率"] == "75.0%"
    assert "社区书记" not in table_with(app, "缺口").columns and "姓名" not in table_with(app, "缺口").columns
    assert "大屏令牌只显示汇总数字,不显示人员名单。" in captions(app)
    assert not app.get("download_button")


def test_a_department_without_the_two_templates_is_told_which_to_import(databases):
    url = partial_store(databases, "sqlite", ["街道乡镇", "社区村", "网格", "小区楼栋", "驻区单位", "党组织"])
    teams = visit(url, TEAMS)
    assert [i.value for i in teams.info] == ["尚未导入四支队伍数据:请在“数据导入”页导入《四支队伍》模板。"]
    assert not teams.metric
    platforms = visit(url, PLATFORMS)
    assert [i.value for i in platforms.info] == ["尚未导入服务阵地数据:请在“数据导入”页导入《服务阵地》模板。"]


def test_the_imported_world_shows_its_teams_and_platforms(databases, backend):
    """The import world: urban communities C01 (secretary GB1, member GB2; grids G01 G02) and C02 (grid worker
    GB3 on G03, liaison officer GB4); platforms of 一街道 (6 of 6, shared), C01 (8, not shared) and the village
    C03; C02 has none; budget B1 ¥500,000 for 阵地建设 in 2018."""
    url = partial_store(databases, backend, TITLES)
    teams = visit(url, TEAMS)
    assert metrics(teams) == {"党建联络员配备率": "50.0%", "网格员配备率": "33.3%", "书记空缺": "1 个",
                              "2017年换届进入": "1 名", "2017年选聘": "1 名"}
    assert table_with(teams, "缺口合计")["缺口合计"].tolist() == [14]  # 1 secretary, 3 + 5 members, 2 staff, 1, 2 grids
    platforms = visit(url, PLATFORMS)
    assert metrics(platforms) == {"村级综合服务平台": "3 个", "街道阵地": "1 个",
                                  "社区阵地达标率": "0.0%", "开放共享率": "50.0%",
                                  "阵地建设经费": "50万元"}
    assert table_with(platforms, "差距")["差距"].tolist() == ["缺 2 项", "未建服务阵地"]
