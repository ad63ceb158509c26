"""Sessions and tokens as people meet them (AppTest, sign-in on, the hand-built fixture): a session ends at
its next run when its account is disabled or its role, scope or password changes; a big screen's rotation
does not keep a personal session alive; a token link in a signed-in window asks first; token use, refusal
and revocation are audited; administrators list, revoke and expire tokens and filter the audit log (page and
command line); committee members' names are masked for every role but street staff."""

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
from tests.test_auth import COCKPIT_FIGURES, PASSWORD, sign_in

ACCOUNTS = [("city", "city_leader", None, None), ("county2", "county_leader", "T02", None),
            ("street1", "street_staff", "T01", "T01-S1"), ("analyst", "analyst", None, None),
            ("admin", "admin", None, None)]


@pytest.fixture
def store(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
    engine = make_engine(url)
    upgrade_store(engine)
    build_fixture(engine)
    for name, role, county, street in ACCOUNTS:
        accounts.add_user(engine, name, PASSWORD, role, county=county, street=street)
    engine.dispose()
    return url


@pytest.fixture
def app(monkeypatch, store) -> AppTest:
    monkeypatch.setenv(URL_ENV, store)
    monkeypatch.setenv(SIGN_IN_ENV, "on")
    return AppTest.from_file(APP, default_timeout=60)


def events(store: str, event: str):
    return accounts.audit_entries(make_engine(store), event=event)


@pytest.mark.parametrize("change", [
    dict(active=False), dict(role="county_leader", county="T01"), "password"])
def test_a_session_ends_when_its_account_changes(app, store, change):
    sign_in(app, "city")
    assert len(app.metric) == COCKPIT_FIGURES
    if change == "password":
        accounts.set_password(make_engine(store), "city", "Another-Horse-7")
    else:
        accounts.change_user(make_engine(store), "city", **change)
    app.run()
    assert "账号已停用,或角色、区域、密码已变更" in app.warning[0].value
    assert not app.metric and app.text_input(key="sign_in_user") is not None
    assert events(store, "session_ended")["username"].tolist() == ["city"]


def test_big_screen_rotation_does_not_keep_a_personal_session_alive(app):
    sign_in(app, "city")
    app.query_params["screen"] = "1"
    idle_since = dt.datetime.now() - dt.timedelta(minutes=20)
    app.session_state[SEEN] = idle_since
    app.run()  # a rotation or refresh of the screen
    shown = "".join(h.value for h in app.get("html"))  # the big screen's composition (dashboard/screen_layout.py)
    assert shown.count("class='bs-card'") == len(HEADLINES) and app.session_state[SEEN] == idle_since
    app.session_state[SEEN] = dt.datetime.now() - dt.timedelta(minutes=31)
    app.run()
    assert "登录已过期" in app.warning[0].value and "bs-card" not in "".join(h.value for h in app.get("html"))


def test_a_token_link_in_a_signed_in_window_asks_first(app, store):
    token = accounts.create_display_token(make_engine(store), "会议室", county="T02")
    sign_in(app, "city")
    app.query_params["token"] = token
    app.run()
    assert "此链接带有大屏令牌" in app.warning[0].value and not app.metric
    app.button(key="token_keep_personal").click().run()
    assert "token" not in app.query_params and len(app.metric) == COCKPIT_FIGURES
    assert "city(市领导,全市)" in [c.value for c in app.sidebar.caption]
    app.query_params["token"] = token
    app.run()
    app.button(key="token_sign_out").click().run()
    assert metrics(app)["在职党员报到率"] == "100.0%"  # 乙县's, read-only
    assert "大屏\\:会议室 · 只读" in [c.value for c in app.sidebar.caption]  # the name, escaped


def test_token_use_is_audited_once_per_session_and_revocation_ends_it(app, store):
    engine = make_engine(store)
    token = accounts.create_display_token(engine, "会议室", county="T02")
    app.query_params["token"] = token
    app.run()
    app.run()
    assert events(store, "token_used")["username"].tolist() == ["大屏:会议室"]
    assert accounts.display_tokens(engine)["last_used_at"].notna().all()
    number = int(accounts.display_tokens(engine)["id"].iloc[0])
    accounts.revoke_display_token(engine, number, by="admin")
    app.run()
    assert "大屏令牌无效" in app.error[0].value and not app.metric
    app.run()
    assert len(events(store, "token_refused")) == 1
    assert accounts.display_tokens(engine)["status"].tolist() == ["已吊销"]


def test_tokens_from_the_command_line(store, capsys):
    engine = make_engine(store)
    token = accounts.create_display_token(engine, "大厅", days=30)
    assert accounts.main(["--url", store, "tokens"]) == 0
    listed = capsys.readouterr().out
    assert "大厅" in listed and "有效" in listed and token not in listed
    assert accounts.main(["--url", store, "expire-token", "1", "--days", "0"]) == 0
    assert accounts.viewer_for_token(engine, token, now=dt.datetime.now() + dt.timedelta(seconds=2)) is None
    assert accounts.main(["--url", store, "revoke-token", "1"]) == 0
    assert accounts.main(["--url", store, "revoke-token", "9"]) == 2
    assert accounts.main(["--url", store, "display-token", "--days", "-1"]) == 2
    assert "有效天数须为 1 至 366" in capsys.readouterr().err
    assert accounts.main(["--url", store, "audit", "--event", "token_revoked"]) == 0
    assert "令牌 1「大厅」" in capsys.readouterr().out


def test_administrators_revoke_tokens_and_filter_the_audit_log(app, store):
    accounts.create_display_token(make_engine(store), "会议室", county="T02")
    sign_in(app, "admin")
    app.switch_page("../pages/admin.py").run()
    tokens = next(t.value for t in app.dataframe if "到期时间" in t.value.columns)
    assert tokens["名称"].tolist() == ["会议室"] and tokens["状态"].tolist() == ["有效"]
    app.radio(key="manage_token_action").set_value("吊销")
    next(b for b in app.button if b.label == "确定" and "manage_token" in str(b.form_id)).click().run()
    assert not app.exception
    assert accounts.display_tokens(make_engine(store))["status"].tolist() == ["已吊销"]
    app.selectbox(key="audit_event").set_value("token_revoked").run()
    log = next(t.value for t in app.dataframe if "地址" in t.value.columns)
    assert log["事件"].tolist() == ["吊销大屏令牌"] and log["用户"].tolist() == ["admin"]
    assert [b.label for b in app.get("download_button")][-2:] == ["下载 CSV", "下载 Excel"]


@pytest.mark.parametrize(("username", "names"), [
    ("city", ["张*记", "李*书", "王*员", "赵*员"]), ("analyst", ["张*记", "李*书", "王*员", "赵*员"]),
    ("street1", ["张书记", "李副书", "王委员", "赵委员"])])
def test_committee_names_are_masked_unless_the_role_needs_them(app, username, names):
    sign_in(app, username)
    app.switch_page("../pages/meetings.py")
    app.query_params.update({"county": "甲区", "street": "一街道"})
    app.run()
    committee = next(t.value for t in app.dataframe if "姓名" in t.value.columns)
    assert committee["姓名"].tolist() == names
    assert committee["联系电话"].tolist()[0] == ("13900001111" if username == "street1" else "139****1111")


def test_a_display_token_sees_no_committee_list(app, store):
    """A big screen shows figures, never people: 一街道's four committee members are counted, not listed."""
    app.query_params.update({"token": accounts.create_display_token(make_engine(store), "会议室", county="T01")})
    app.switch_page("../pages/meetings.py")
    app.query_params.update({"county": "甲区", "street": "一街道"})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not [t for t in app.dataframe if "姓名" in t.value.columns]
    assert "大工委共 4 名成员;大屏令牌不显示成员名单。" in [c.value for c in app.caption]


def _download_check_script():
    """The entry's viewer resolution, then the check a download made later would run."""
    import streamlit as st

    from dashboard.auth import download_check, resolve_viewer
    from dashboard.data import engine, ensure_store, load
    from queries.store import store_facts

    ensure_store()
    resolve_viewer(load(store_facts), engine())
    st.session_state["download_check"] = download_check(engine())


def test_a_download_clicked_after_the_account_changed_or_the_session_idled_is_refused(monkeypatch, store):
    monkeypatch.setenv(URL_ENV, store)
    monkeypatch.setenv(SIGN_IN_ENV, "on")
    app = AppTest.from_function(_download_check_script, default_timeout=60)
    sign_in(app, "analyst")
    check = app.session_state["download_check"]
    assert check() is True
    accounts.change_user(make_engine(store), "analyst", role="analyst", county="T01")
    assert check() is False  # scope changed after the page was drawn
    sign_in(app, "city")
    later = app.session_state["download_check"]
    assert later() is True

    class HalfAnHourLater:
        timedelta = dt.timedelta

        class datetime(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return dt.datetime.now(tz) + dt.timedelta(minutes=31)

    monkeypatch.setattr("dashboard.auth.dt", HalfAnHourLater)
    assert later() is False  # clicked after the session's idle limit (30 minutes)
