"""The 双向考核 view under AppTest: on the hand-built fixture (every backend) the figures counted in
tests/test_assessment.py for the links a leader sends; on partial stores of the import world
(tests/import_world.py: U01 checked in to C01 on 2017-03-15 and scored 92.5 for 2017, U02 scored 78 without
a check-in) the figures they hold and the line naming the template still to import."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest

from dashboard.data import clear_caches
from queries import store
from queries.store import StoreFacts, ThemeDates
from tests.apptest import metrics, table_with
from tests.partial_world import TITLES
from tests.test_pages import run_app
from tests.test_partial_stores import GEOGRAPHY, check_page, partial_store, visit
from tests.test_views import open_view

ASSESSMENT = "../pages/assessment.py"


def league_tables(app):
    """The lowest-scoring units, then the whole league table."""
    return [frame.value for frame in app.dataframe if "等次" in frame.value.columns]


def test_the_city_in_the_round_of_2017(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, ASSESSMENT)  # the default period, 2018-04 to 2018-06: round 2017
    check_page(app, "assessment")
    assert metrics(app) == {"2017年双向考核覆盖率": "66.7%", "平均得分": "72.0 分", "优秀等次": "1 个",
                            "较差等次": "1 个", "未考核单位": "1 个"}
    assert [m.value for m in app.markdown if "-badge[" in m.value] == [":red-badge[落后]"]
    assert "已考核 2 / 应考核 3 个报到单位(单位·社区)" in [c.value for c in app.caption]
    areas = table_with(app, "应考核")
    assert areas["县级单位"].tolist() == ["甲区", "乙县"]
    assert (areas["应考核"].tolist(), areas["已考核"].tolist(), areas["考核结果"].tolist()) == ([3, 0], [2, 0], [3, 1])
    assert areas["平均得分"].tolist() == pytest.approx([76.0, 60.0])
    assert areas["覆盖率(%)"].tolist()[0] == pytest.approx(200 / 3) and pd.isna(areas["覆盖率(%)"].tolist()[1])
    years = table_with(app, "年度")
    assert (years["年度"].tolist(), years["平均得分"].tolist()) == (["2016年", "2017年"], [76.0, 72.0])
    lowest, league = league_tables(app)
    assert lowest["驻区单位"].tolist() == ["常德某科技有限公司", "乙县教育局", "甲区财政局"]
    assert league["排名"].tolist() == [1, 2, 3]
    assert league["单位得分"].tolist() == [85.0, 60.0, 58.0]
    assert league["等次"].tolist() == ["良好", "一般", "较差"]
    assert league["在职党员报到率(%)"].tolist() == pytest.approx([0.0, 50.0, 100.0])
    assert league["月度服务率(%)"].tolist()[1:] == [16.7, 25.0]  # 2 of 12 member-months, 2 of 8
    assert table_with(app, "报到日期")["报到社区"].tolist() == ["光明社区"]
    findings = " ".join(m.value for m in app.markdown)
    assert "常德某科技有限公司\\(58\\.0 分,较差\\)" in findings
    assert len(app.get("plotly_chart")) == 3
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels[:2] == ["下载简报(PPT)", "下载全部表格(Excel)"] and labels.count("下载 CSV") == 4


def test_a_county_from_the_link_breaks_down_by_street(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, ASSESSMENT, {"county": "甲区"})
    assert metrics(app) == {"2017年双向考核覆盖率": "66.7%", "平均得分": "76.0 分", "优秀等次": "1 个",
                            "较差等次": "1 个", "未考核单位": "1 个"}
    areas = table_with(app, "应考核")
    assert (areas["街道"].tolist(), areas["应考核"].tolist(), areas["已考核"].tolist()) == (
        ["一街道", "二街道"], [2, 1], [1, 1])
    assert league_tables(app)[1]["驻区单位"].tolist() == ["甲区财政局", "常德某科技有限公司"]


def test_a_period_ending_mid_2017_shows_the_round_of_2016(monkeypatch, fixture_url):
    app = open_view(monkeypatch, fixture_url, ASSESSMENT, {"from": "2017-04", "to": "2017-06"})
    # 2016: U1-K1 82.0 (due, since 2016-05-01) and U2-K4 70.0 (not checked in): 1 of 1, average 76.0
    assert metrics(app) == {"2016年双向考核覆盖率": "100.0%", "平均得分": "76.0 分", "优秀等次": "0 个",
                            "较差等次": "0 个", "未考核单位": "0 个"}
    assert league_tables(app)[1]["单位得分"].tolist() == [82.0, 70.0]
    assert "2016年底前已报到的单位均已取得2016年度考核结果。" in [c.value for c in app.caption]


def test_the_view_shows_the_round_the_cockpit_card_shows(monkeypatch, fixture_url):
    """Check-ins run to 2017-12-20 while another theme runs into 2018: the round due by the check-in date is
    2016's, on the cockpit's card (U1-K1 scored: 1 of 1) and in the view, which the period (to 2018-01) would
    otherwise have put in 2017."""
    dated = StoreFacts(is_demo=False, data_as_of=dt.date(2018, 1, 5), first_month=dt.date(2016, 8, 1),
                       themes=replace(ThemeDates.every(dt.date(2018, 1, 5)), checkin=dt.date(2017, 12, 20)))
    monkeypatch.setattr(store, "facts_of", lambda _connection: dated)
    clear_caches()  # the store's facts are cached by store: these are made up for this test only
    try:
        assert metrics(run_app(monkeypatch, fixture_url))["双向考核覆盖率"] == "100.0%"
        app = open_view(monkeypatch, fixture_url, ASSESSMENT, {"from": "2017-11", "to": "2018-01"})
        assert metrics(app)["2016年双向考核覆盖率"] == "100.0%"
    finally:
        clear_caches()


def test_the_import_world_shows_its_scores(databases, backend):
    app = visit(partial_store(databases, backend, TITLES), ASSESSMENT)
    # U01-C01 due and scored 92.5; U02-C02 scored 78 without a check-in: (92.5 + 78) / 2 = 85.25, read 85.3
    assert metrics(app) == {"2017年双向考核覆盖率": "100.0%", "平均得分": "85.3 分", "优秀等次": "1 个",
                            "较差等次": "0 个", "未考核单位": "0 个"}


def test_check_ins_without_scores_name_the_template(databases):
    """Everything but the scores: U01's check-in to C01 is due (data as of the last service, 2018-06-10)."""
    url = partial_store(databases, "sqlite", [t for t in TITLES if t != "双向考核"])
    app = visit(url, ASSESSMENT)
    assert metrics(app) == dict.fromkeys(["2017年双向考核覆盖率", "平均得分", "优秀等次", "较差等次", "未考核单位"],
                                         "暂无数据")
    line = "尚未导入双向考核数据:请在“数据导入”页导入《双向考核》模板。"
    assert [i.value for i in app.info] == [line]
    assert "已考核 0 / 应考核 1 个报到单位(单位·社区)" in [c.value for c in app.caption]
    assert not app.get("plotly_chart")
    cockpit = visit(url, None)
    assert metrics(cockpit)["双向考核覆盖率"] == "暂无数据"
    assert line in [c.value for c in cockpit.caption]


def test_scores_without_check_ins_show_the_scores_and_name_the_check_in_template(databases):
    app = visit(partial_store(databases, "sqlite", [t for t in TITLES if t != "单位报到"]), ASSESSMENT)
    shown = metrics(app)
    assert (shown["2017年双向考核覆盖率"], shown["平均得分"], shown["优秀等次"]) == ("暂无数据", "85.3 分", "1 个")
    assert [i.value for i in app.info] == ["尚未导入单位报到数据:请在“数据导入”页导入《单位报到》模板。"]
    assert league_tables(app)[1]["驻区单位"].tolist() == ["市财政局", "某科技公司"]  # 92.5, 78


def test_a_store_without_scores_or_check_ins_names_the_templates(databases):
    """Geography alone, dated by the day of its import: nothing to show but what to import."""
    app = visit(partial_store(databases, "sqlite", GEOGRAPHY), ASSESSMENT)
    assert [i.value for i in app.info] == [
        "尚未导入驻区单位、单位报到、双向考核数据:请在“数据导入”页导入《驻区单位》《单位报到》《双向考核》模板。"]
    assert not app.metric
