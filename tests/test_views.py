"""The two views under AppTest on the hand-built fixture, every backend: figures shown for filters given in
the URL, the cascade, the breadcrumb, reset, and explanations instead of errors. Figures are counted by hand
in tests/test_coverage.py and tests/test_checkin.py (whose docstrings list the fixture)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.schema import County
from tests.apptest import APP, metrics, structure, table_with
from tests.partial_world import Plan, load_plan

COVERAGE, CHECKIN = "../pages/coverage.py", "../pages/checkin.py"
PERIOD = {"from": "2018-04", "to": "2018-06"}


def open_view(monkeypatch, url: str, page: str, params: dict | None = None) -> AppTest:
    """The view on `url` with sign-in off (these tests are about figures; tests/test_auth.py signs in)."""
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(page)
    app.query_params.update(params or {})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_coverage_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, COVERAGE)
    # The upper levels are structure (built of should): 市委 1 of 1, 区县(市)委 1 of 2, 街道党工委 1 of 3.
    assert structure(app) == {"市委": "1", "区县(市)委": "1", "街道党工委": "1", "社区党组织": "4", "网格党支部": "5",
                              "小区(楼栋)党小组": "2"}
    assert [c.value for c in app.caption][:3] == ["全市一个", "应建 2 个:每个县级单位一个", "应建 3 个:每个街道一个"]
    assert metrics(app) == {"社区党组织覆盖率": "100.0%", "网格党支部覆盖率": "62.5%", "党小组覆盖率": "50.0%"}
    by_county = table_with(app, "网格数")
    assert by_county["县级单位"].tolist() == ["甲区", "乙县"]
    assert by_county["网格数"].tolist() == [6, 2]
    assert table_with(app, "网格编码")["网格编码"].tolist() == ["G3", "G6", "G8"]
    assert table_with(app, "编码")["编码"].tolist() == ["B2", "B3"]
    assert table_with(app, "按人数一般应设置")["社区"].tolist() == ["红星社区", "和平社区", "幸福社区"]


def test_coverage_of_a_street_from_the_link(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, COVERAGE, {"county": "甲区", "street": "一街道"})
    assert structure(app) == {"街道党工委": "1", "社区党组织": "2", "网格党支部": "4", "小区(楼栋)党小组": "1"}
    assert metrics(app) == {"社区党组织覆盖率": "100.0%", "网格党支部覆盖率": "80.0%", "党小组覆盖率": "33.3%"}
    assert table_with(app, "网格数")["社区"].tolist() == ["红星社区", "光明社区"]
    assert app.selectbox(key="street").value == "T01-S1"
    assert table_with(app, "网格编码")["网格编码"].tolist() == ["G3"]


def test_a_street_from_another_county_is_ignored(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, COVERAGE, {"county": "乙县", "street": "一街道"})
    assert app.selectbox(key="street").value == ""
    assert metrics(app)["网格党支部覆盖率"] == "50.0%"  # 乙县: G7 of G7 G8


def test_choosing_a_county_then_going_back_by_the_breadcrumb(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, COVERAGE)
    app.selectbox(key="county").set_value("T01").run()
    assert metrics(app)["网格党支部覆盖率"] == "66.7%"  # 甲区: 4 of 6
    app.selectbox(key="street").set_value("T01-S2").run()
    assert metrics(app)["网格党支部覆盖率"] == "0.0%"  # 二街道: G6 has no branch
    app.button(key="crumb_1").click().run()  # back to 甲区
    assert (app.selectbox(key="county").value, app.selectbox(key="street").value) == ("T01", "")
    app.button(key="crumb_0").click().run()  # back to the city
    assert metrics(app)["网格党支部覆盖率"] == "62.5%"


def test_checkin_view_for_the_city_and_a_quarter(monkeypatch, fixture_url):
    # Counted in tests/test_checkin.py: units U1 and U3 (on 06-30 itself) of three; secretaries of K1, K3
    # (06-30) and K4 of four communities; K1, K2 (U3's pairing ends on 06-30) and K3 of four paired.
    app = open_view(monkeypatch, fixture_url, CHECKIN, PERIOD)
    assert metrics(app) == {
        "单位报到率": "66.7%", "在职党员报到率": "66.7%", "认领岗位": "3", "月度服务率": "60.0%",
        "社区书记反向报到率": "75.0%", "结对社区覆盖率": "75.0%", "结对单位": "2", "党员结对": "2", "结对活动": "4",
        "2017年双通报完成率": "66.7%", "市县行政事业单位党员报到": "3 名",
    }
    captions = [c.value for c in app.caption]
    assert "人均 0.75 个" in captions
    assert "平均每对 0.80 次(2018年4月—2018年6月)" in captions  # 4 activities, 3 unit + 2 member pairings
    league = table_with(app, "在职党员报到率")
    assert league["县级单位"].tolist() == ["乙县", "甲区"]  # 100% then 50%
    assert league["排名"].tolist() == [1, 2]
    assert league["月度服务率"].tolist() == pytest.approx([75.0, 50.0])
    units = table_with(app, "期内未服务")
    assert units["驻区单位"].tolist()[0] == "乙县教育局"
    assert units["期内未服务"].tolist() == [1, 0, 0]


def test_checkin_view_of_a_county_breaks_down_by_street(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, CHECKIN, {"county": "甲区", **PERIOD})
    assert metrics(app)["在职党员报到率"] == "50.0%"  # M1 and M4 of M1-M4
    league = table_with(app, "在职党员报到率")
    assert league["街道"].tolist() == ["一街道", "二街道"]  # M1 of M1 M2; M4 of M3 M4
    assert league["月度服务率"].tolist() == pytest.approx([200 / 3, 100 / 3])


def test_an_invalid_month_in_the_link_falls_back_to_the_default(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, CHECKIN, {"from": "2030-01", "to": "'; DROP TABLE county; --"})
    assert (app.selectbox(key="from").value, app.selectbox(key="to").value) == ("2018-04", "2018-06")


def test_reset_clears_the_filters(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, CHECKIN, {"county": "乙县", "from": "2018-01"})
    app.button(key="reset_filters").click().run()
    assert app.selectbox(key="county").value == ""
    assert (app.selectbox(key="from").value, app.selectbox(key="to").value) == ("2018-04", "2018-06")
    assert metrics(app)["在职党员报到率"] == "66.7%"


@pytest.mark.parametrize("page", [COVERAGE, CHECKIN])
def test_views_explain_an_area_without_data(monkeypatch, tmp_path, page):
    """丙县 has nothing while the rest of the store (the import world) has everything."""
    url = f"sqlite:///{tmp_path / 'regions_only.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    load_plan(engine, Plan())
    with Session(engine) as session, session.begin():
        session.add(County(code="T09", name="丙县", kind="县", lon=111.6, lat=29.0, sort_order=3))
    engine.dispose()
    app = open_view(monkeypatch, url, page, {"county": "丙县", "from": "2018-04", "to": "2018-06"})
    assert "丙县" in app.info[0].value
    assert not app.metric


MEETINGS, TWO_NEW, FUNDING = "../pages/meetings.py", "../pages/two_new.py", "../pages/funding.py"
H1 = {"from": "2018-01", "to": "2018-06"}


def test_meetings_view_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, MEETINGS, H1)
    # 一街道 01-01 02-05 05-06 06-30, 二街道 04-01, 三街道 03-31 (tests/test_meetings.py).
    assert metrics(app) == {"按期召开率": "66.7%", "实际召开次数": "6", "成员单位出席率": "87.5%", "对接率": "66.7%",
                            "办结率": "33.3%", "超期未开会街道": "0 个", "结转未办结议题": "3 个",
                            "最久未办结议题": "365 天", "大工委设置合规街道": "1 / 3"}  # tests/test_meetings.py
    assert "议题 3 个(资源、需求、项目清单),已对接 2" in [c.value for c in app.caption]
    table = table_with(app, "应召开次数")
    assert table["街道"].tolist() == ["一街道", "二街道", "三街道"]
    assert table["实际召开次数"].tolist() == [4, 1, 1]
    assert table["距上次会议天数"].tolist() == [0, 90, 91]


def test_meetings_view_of_a_street_shows_its_committee_meetings_and_items(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, MEETINGS, {"county": "甲区", "street": "一街道", **H1})
    committee = table_with(app, "大工委职务")
    assert committee["姓名"].tolist() == ["张*记", "李*书", "王*员", "赵*员"]  # masked: sign-in off
    assert committee["现任职务"].tolist()[:2] == ["甲区委常委", "一街道党工委书记"]
    assert table_with(app, "应出席")["实际出席"].tolist() == [0, 4, 3, 0]  # 01-01 and 06-30 have no attendance
    assert table_with(app, "办结日期")["办结"].tolist() == ["已办结", "未办结", "未办结"]


def test_two_new_view_for_the_city(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, TWO_NEW)
    assert metrics(app) == {"两新组织数": "6", "党的组织覆盖率": "50.0%", "党的工作覆盖率": "66.7%", "应建未建": "1 个",
                            "规模较大企业未建党组织": "1 个"}
    assert table_with(app, "缺口")["缺口"].tolist() == ["无", "1个未覆盖"]
    assert table_with(app, "党员数")["组织名称"].tolist() == ["测试组织N4"]


def test_funding_view_for_the_city_this_year_and_last(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, FUNDING, H1)
    assert metrics(app) == {"2018年预算数": "18万元", "已支出数": "6.5万元", "执行率": "36.1%",
                            "社区平均预算": "4.5万元", "党员人均预算": "1.38万元"}
    table = table_with(app, "执行率(%)")
    assert table["县级单位"].tolist() == ["甲区", "乙县"]
    assert table["提示"].tolist() == ["", "执行偏低"]  # 50% is over 0.85 x 49.6%; 0% is not
    app = open_view(monkeypatch, fixture_url, FUNDING, {"from": "2017-10", "to": "2017-12"})
    shown = metrics(app)
    assert (shown["2017年预算数"], shown["已支出数"], shown["执行率"]) == ("17万元", "12.5万元", "73.5%")
