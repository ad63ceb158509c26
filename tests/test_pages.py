"""The app under streamlit.testing.v1.AppTest: the cockpit shows the hand-counted figures on every backend,
its ranking follows the URL and the widget, targets are data, empty stores explain themselves."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.frame import DEMO_BANNER, OPEN_BANNER
from dashboard.schema import CommunityMonth, County, StoreMeta, Target
from queries.overview import HEADLINES
from tests.apptest import APP, metrics
from tests.fixture_data import build_fixture
from tests.test_auth import COCKPIT_FIGURES


def run_app(monkeypatch, url: str, query_params: dict | None = None, timeout: float = 60,
            sign_in: str | None = "off") -> AppTest:
    """The app on `url`, by default with sign-in off (these tests are about what is shown;
    tests/test_auth.py signs in); sign_in=None leaves the automatic choice."""
    monkeypatch.setenv(URL_ENV, url)
    if sign_in is None:
        monkeypatch.delenv(SIGN_IN_ENV, raising=False)
    else:
        monkeypatch.setenv(SIGN_IN_ENV, sign_in)
    app = AppTest.from_file(APP, default_timeout=timeout)
    app.query_params.update(query_params or {})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def badges(app: AppTest) -> list[str]:
    return [m.value for m in app.markdown if "-badge[" in m.value]


def test_cockpit_shows_the_fixture_figures(monkeypatch, fixture_url):
    app = run_app(monkeypatch, fixture_url)
    # Counted in tests/test_queries.py: 5/8 grids, 4/6 members, 3/4 communities, 7/12 street-quarters,
    # 3/6 Two New organizations, 65,000/180,000 yuan; in tests/test_teams.py: 3/4 communities with a liaison;
    # in tests/test_assessment.py: 2/3 unit check-ins scored.
    assert metrics(app) == {
        "网格党支部覆盖率": "62.5%", "在职党员报到率": "66.7%", "结对社区覆盖率": "75.0%",
        "联席会议按期召开率": "58.3%", "两新组织党的组织覆盖率": "50.0%", "经费执行率": "36.1%",
        "党建联络员配备率": "75.0%", "双向考核覆盖率": "66.7%",
        # and the report's totals (tests/test_report_views.py)
        "已报到在职党员": "4 名", "市县行政事业单位党员报到": "3 名", "认领岗位": "3 个", "结对单位": "2 个",
        "党员结对": "2 名",
    }
    assert badges(app) == [":red-badge[落后]"] * 8
    assert "目标 100% · 3 / 4 个城市社区" in [c.value for c in app.caption]
    captions = [c.value for c in app.caption]
    assert "目标 90% · 4 / 6 名在职党员" in captions
    assert any("已支出 6.5万元 / 预算 18万元" in c for c in captions)
    assert any("数据截至 2018年6月30日" in m.value for m in app.markdown)
    assert [w.value for w in app.warning] == [OPEN_BANNER]  # not demo data; sign-in turned off explicitly


def test_ranking_follows_the_query_param(monkeypatch, fixture_url):
    app = run_app(monkeypatch, fixture_url, {"metric": "联席会议按期召开率"})
    table = app.dataframe[0].value
    # 乙县 1 of 4 street-quarters (25%) ranks below 甲区 6 of 8 (75%).
    assert table["area_name"].tolist() == ["乙县", "甲区"]
    assert table["rate"].tolist() == pytest.approx([25.0, 75.0])
    assert table["rank"].tolist() == [2, 1]
    assert table["status"].tolist() == ["落后", "落后"]


def test_ranking_follows_the_widget(monkeypatch, fixture_url):
    app = run_app(monkeypatch, fixture_url)
    app.segmented_control(key="metric").set_value("结对社区覆盖率").run()
    table = app.dataframe[0].value
    assert table["area_name"].tolist() == ["乙县", "甲区"]  # 0 of 1 community, then 3 of 3 (K2's ends on 06-30)
    assert table["rate"].tolist() == pytest.approx([0.0, 100.0])


def test_an_unknown_metric_in_the_link_falls_back(monkeypatch, fixture_url):
    app = run_app(monkeypatch, fixture_url, {"metric": "'; DROP TABLE county; --"})
    assert app.dataframe[0].value["area_name"].tolist() == ["甲区", "乙县"]  # check-in: 50% then 100%


def test_targets_are_data(monkeypatch, databases, backend):
    url = databases.migrated(backend)
    engine = make_engine(url)
    build_fixture(engine)
    with Session(engine) as session, session.begin():
        session.execute(update(Target).where(Target.metric_key == "two_new_org_coverage")
                        .values(target_value=0.5, amber_floor=0.4))
    engine.dispose()
    app = run_app(monkeypatch, url)
    statuses = dict(zip(metrics(app), badges(app)))
    assert statuses["两新组织党的组织覆盖率"] == ":green-badge[达标]"  # 50% meets a 50% target
    assert "目标 50% · 3 / 6 个两新组织" in [c.value for c in app.caption]


def test_a_store_with_regions_only_shows_no_figures(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'as_of_only.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    with Session(engine) as session, session.begin():
        session.add(County(code="T01", name="甲区", kind="市辖区", lon=111.6, lat=29.0, sort_order=1))
        session.add(StoreMeta(meta_key="data_as_of", value="2018-06-30"))
    engine.dispose()
    app = run_app(monkeypatch, url)
    assert set(metrics(app).values()) == {"暂无数据"}
    assert badges(app) == [":gray-badge[无数据]"] * len(HEADLINES)
    assert app.info[0].value == "尚未导入党员、党员报到数据:请在“数据导入”页导入《党员》《党员报到》模板。"


def test_an_unreachable_store_is_explained_not_traced(monkeypatch):
    app = run_app(monkeypatch, "postgresql+psycopg://nobody:secret@127.0.0.1:1/nowhere")
    message = app.error[0].value
    assert message.startswith("无法连接数据库 postgresql+psycopg://nobody:***@127.0.0.1:1/nowhere")
    assert ":secret@" not in message  # the password is masked
    assert not app.metric


def test_a_store_without_datable_records_explains_itself(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'regions_only.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    with Session(engine) as session, session.begin():
        session.add(County(code="T01", name="甲区", kind="市辖区", lon=111.6, lat=29.0, sort_order=1))
    engine.dispose()
    app = run_app(monkeypatch, url)
    assert "还没有可统计的数据" in app.info[0].value
    assert not app.metric


@pytest.mark.slow  # generates the city-scale demo store
def test_first_start_fills_an_empty_store_with_labelled_demo_data(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    app = run_app(monkeypatch, url, timeout=300, sign_in=None)  # the demo store needs no sign-in
    assert app.warning[0].value == DEMO_BANNER + "演示模式未启用登录。"
    shown = metrics(app)
    assert len(shown) == COCKPIT_FIGURES and all(shown[spec.title].endswith("%") for spec in HEADLINES)
    # the report's totals, as a leader quotes them: 47,137 of the 50,000+ members checked in
    assert shown["市县行政事业单位党员报到"] == "47,137 名"
    assert 50_000 <= int(shown["已报到在职党员"].removesuffix(" 名").replace(",", "")) < 60_000
    app.run()  # a rerun does not announce the first start again
    assert not [i for i in app.info if "首次启动" in i.value]


def test_each_card_links_into_its_view_and_its_definition(monkeypatch, fixture_url):
    app = run_app(monkeypatch, fixture_url)
    links = [(link.proto.label, link.proto.query_string) for link in app.get("page_link")]
    assert links[:15] == [
        ("进入六级体系覆盖", ""), ("口径", "key=grid_branch_coverage"),
        ("进入双报到·双结对", ""), ("口径", "key=member_checkin_rate"),
        ("进入双报到·双结对", ""), ("口径", "key=pairing_coverage"),
        ("口径", "key=meetings_on_schedule"),
        ("进入两新组织", ""), ("口径", "key=two_new_org_coverage"),
        ("进入经费保障", ""), ("口径", "key=funding_execution"),
        ("进入四支队伍", ""), ("口径", "key=liaison_staffing"),
        ("进入双向考核", ""), ("口径", "key=assessment_coverage")]
    assert links[15:] == [  # under the report's totals, and under the ranking (of the metric ranked)
        ("口径", "key=members_checked_in"), ("口径", "key=organ_members_checked_in"), ("口径", "key=posts_claimed"),
        ("口径", "key=units_paired"), ("口径", "key=members_paired"), ("进入双报到·双结对", ""),
        ("口径", "key=member_checkin_rate")]
    assert app.button(key="open_meetings_quarters").label == "进入联席会议(同这四个季度)"  # opens it on them


def test_a_store_from_before_the_summaries_is_summarised_on_start(monkeypatch, tmp_path):
    """A store with data but no summary rows (migrated from before them) is summarised once, on start."""
    url = f"sqlite:///{tmp_path / 'older.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    build_fixture(engine)
    with engine.begin() as connection:
        connection.execute(CommunityMonth.__table__.delete())
    app = run_app(monkeypatch, url)
    assert metrics(app)["在职党员报到率"] == "66.7%"  # M1 M4 M5 M10 of six in service (tests/test_queries.py)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CommunityMonth)).scalar() == 5 * 18
    engine.dispose()


def test_the_meetings_card_and_the_meetings_view_count_the_same_street_quarters(monkeypatch, fixture_url):
    """The card judges the four quarters complete by 2018-06-30 (7 of 12 street-quarters, tests/test_meetings.py)
    and names them; its button opens the meetings view on those months, whatever period was chosen before, and
    the view shows the same figure. The view's default period (2018-04 … 2018-06) judges 2018Q2 alone: 一街道 and
    二街道 met in it, 三街道 did not, 2 of 3, and says so."""
    app = run_app(monkeypatch, fixture_url)
    assert "2017年第3季度—2018年第2季度 · 数据截至 2018年6月30日" in [c.value for c in app.caption]
    app.switch_page("../pages/meetings.py").run()
    assert metrics(app)["按期召开率"] == "66.7%"
    assert "2 / 3 个街道·季度(2018年第2季度,每季度应召开 1 次)" in [c.value for c in app.caption]
    app.switch_page("../pages/overview.py").run()
    app.button(key="open_meetings_quarters").click().run()
    assert (app.selectbox(key="from").value, app.selectbox(key="to").value) == ("2017-07", "2018-06")
    assert metrics(app)["按期召开率"] == "58.3%"
    assert "7 / 12 个街道·季度(2017年第3季度—2018年第2季度,每季度应召开 1 次)" in [c.value for c in app.caption]
