"""Sign-in and scopes in the running app (AppTest), on the hand-built fixture with one account per role.
Figures counted by hand as in tests/test_queries.py: 乙县 has grids G7 (branch) and G8, in-service members
M5 and M10 both checked in, no pairing in force, 三街道 met only in 2018Q1 of the last four quarters, Two New
N5 (joint) and N6 (none), and nothing paid of its 2018 budget; 一街道 has M1 (checked in) and M2 (later)."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.auth import SEEN, SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine, upgrade_store
from queries.overview import HEADLINES
from tests.apptest import APP, metrics
from tests.fixture_data import build_fixture

COCKPIT_FIGURES = len(HEADLINES) + 5  # the cockpit: the headline figures and the report's five totals

PASSWORD = "Correct-Horse-9"
VIEWS = ["../pages/coverage.py", "../pages/checkin.py", "../pages/meetings.py", "../pages/two_new.py",
         "../pages/teams.py", "../pages/platforms.py", "../pages/funding.py", "../pages/assessment.py",
         "../pages/admin.py"]


@pytest.fixture(scope="module")
def signed_store(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('auth') / 'auth.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    build_fixture(engine)
    for name, role, county, street in [("city", "city_leader", None, None), ("county2", "county_leader", "T02", None),
                                       ("street1", "street_staff", "T01", "T01-S1"), ("analyst", "analyst", None, None),
                                       ("admin", "admin", None, None)]:
        accounts.add_user(engine, name, PASSWORD, role, county=county, street=street)
    engine.dispose()
    return url


@pytest.fixture
def app(monkeypatch, signed_store) -> AppTest:
    monkeypatch.setenv(URL_ENV, signed_store)
    monkeypatch.delenv(SIGN_IN_ENV, raising=False)  # a store that is not demo data: sign-in required
    return AppTest.from_file(APP, default_timeout=60)


def sign_in(app: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    app.run()
    app.text_input(key="sign_in_user").input(username)
    app.text_input(key="sign_in_password").input(password)
    next(b for b in app.button if b.label == "登录").click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize("page", [None, *VIEWS])
def test_no_page_is_reachable_without_signing_in(app, page):
    app.run()
    if page:
        app.switch_page(page)
        app.query_params.update({"county": "甲区"})
        app.run()
    assert not app.exception
    assert app.text_input(key="sign_in_user") is not None
    assert not app.metric and not app.dataframe


def test_a_county_leader_sees_their_county_only(app):
    sign_in(app, "county2")
    assert metrics(app) == {"网格党支部覆盖率": "50.0%", "在职党员报到率": "100.0%", "结对社区覆盖率": "0.0%",
                            "联席会议按期召开率": "25.0%", "两新组织党的组织覆盖率": "50.0%", "经费执行率": "0.0%",
                            "党建联络员配备率": "100.0%",  # K4 has its liaison officer
                            # 乙县's totals only: M5 and M10 (U2), M5's claim of P4, U2's pairing ended in
                            # January, M5 paired (M10 only from August)
                            "已报到在职党员": "2 名", "市县行政事业单位党员报到": "2 名", "认领岗位": "1 个",
                            "结对单位": "0 个", "党员结对": "1 名",
                            "双向考核覆盖率": "暂无数据"}  # no unit of 乙县 had checked in by the end of 2017
    assert app.dataframe[0].value["area_name"].tolist() == ["三街道"]
    assert any(m.value == "#### 乙县核心指标" for m in app.markdown)
    assert any(m.value == "#### 各街道排名:谁在落后" for m in app.markdown)
    assert "county2(县级单位领导,乙县)" in [c.value for c in app.sidebar.caption]


def test_tampered_links_reveal_nothing(app):
    sign_in(app, "county2")
    app.switch_page("../pages/checkin.py")
    app.query_params.update({"county": "甲区", "street": "一街道", "from": "2018-04", "to": "2018-06"})
    app.run()
    assert app.selectbox(key="county").options == ["乙县"]
    assert metrics(app)["在职党员报到率"] == "100.0%"  # 乙县's, not 甲区's 50%


def test_street_staff_see_their_street(app):
    sign_in(app, "street1")
    app.switch_page("../pages/checkin.py")
    app.query_params.update({"from": "2018-04", "to": "2018-06"})
    app.run()
    assert (app.selectbox(key="county").options, app.selectbox(key="street").options) == (["甲区"], ["一街道"])
    assert metrics(app)["在职党员报到率"] == "50.0%"  # M1 of M1, M2


def test_only_administrators_reach_the_admin_page(app, signed_store):
    sign_in(app, "admin")
    app.switch_page("../pages/admin.py").run()
    assert app.dataframe[0].value["用户名"].tolist() == ["admin", "analyst", "city", "county2", "street1"]
    assert "登录" in app.dataframe[-1].value["事件"].tolist()
    leader = AppTest.from_file(APP, default_timeout=60)
    sign_in(leader, "city")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        leader.switch_page("../pages/admin.py")  # not in a city leader's navigation at all


def test_a_wrong_password_is_refused_with_a_message(app):
    sign_in(app, "city", "not-the-password")
    assert app.error[0].value == "用户名或密码不正确,或账号已停用。"
    assert not app.metric


def test_sessions_expire_and_sign_out_works(app):
    sign_in(app, "city")
    assert len(app.metric) == COCKPIT_FIGURES
    app.session_state[SEEN] = dt.datetime.now() - dt.timedelta(hours=2)
    app.run()
    assert "登录已过期" in app.warning[0].value
    assert not app.metric
    sign_in(app, "city")
    app.button(key="sign_out").click().run()
    assert not app.metric and app.text_input(key="sign_in_user") is not None


def test_a_display_token_opens_a_read_only_scoped_screen(app, signed_store):
    token = accounts.create_display_token(make_engine(signed_store), "会议室", county="T02")
    app.query_params["token"] = token
    app.run()
    assert metrics(app)["在职党员报到率"] == "100.0%"
    app.switch_page("../pages/checkin.py").run()
    assert not app.exception
    assert not app.get("download_button")
    assert not [b for b in app.button if b.key == "sign_out"]
    bad = AppTest.from_file(APP, default_timeout=60)
    bad.query_params["token"] = token + "x"
    bad.run()
    assert "大屏令牌无效" in bad.error[0].value and not bad.metric


@pytest.mark.parametrize("page", VIEWS[:-1])
def test_every_view_shows_a_county_leader_only_their_county(app, page):
    sign_in(app, "county2")
    app.switch_page(page)
    app.query_params.update({"county": "甲区", "from": "2018-01", "to": "2018-06"})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.selectbox(key="county").options == ["乙县"]
    shown = [frame.value for frame in app.dataframe]
    assert shown, "the view shows tables"
    for frame in shown:
        if "县级单位" in frame.columns:
            assert set(frame["县级单位"]) <= {"乙县"}, frame
        for column in ("街道", "社区"):
            if column in frame.columns:
                assert not set(frame[column]) & {"一街道", "二街道", "红星社区", "光明社区", "和平社区"}, frame
