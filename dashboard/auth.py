"""Who is looking: sign-in, session expiry, display tokens, and the active viewer for this session.

Sign-in is off for the embedded demo store and on for any other store, unless DANGJIAN_SIGN_IN says
"on" or "off" explicitly. A session expires after DANGJIAN_SESSION_MINUTES (default 30) without use.
A read-only display token in the link (?token=…) opens an unattended big screen limited to its area.
"""

from __future__ import annotations

import datetime as dt
import os

import streamlit as st
from sqlalchemy import Engine

from dashboard.accounts import AccountError, Viewer, authenticate, viewer_for_token
from queries.store import StoreFacts

SIGN_IN_ENV = "DANGJIAN_SIGN_IN"
SESSION_ENV = "DANGJIAN_SESSION_MINUTES"
VIEWER, SEEN, TOKEN = "auth_viewer", "auth_seen_at", "auth_token"


def sign_in_required(facts: StoreFacts) -> bool:
    setting = os.environ.get(SIGN_IN_ENV, "").strip().lower()
    if setting in ("off", "0", "false"):
        return False
    if setting in ("on", "1", "true"):
        return True
    return not facts.is_demo


def session_minutes() -> int:
    return int(os.environ.get(SESSION_ENV, "30") or 30)


def active_viewer() -> Viewer:
    """The viewer this run acts for (set by `resolve_viewer`); nothing is shown without one."""
    viewer = st.session_state.get("active_viewer")
    if viewer is None:
        raise RuntimeError("no viewer resolved for this run")
    return viewer


def administrator(refusal: str) -> Viewer:
    """The viewer of an administrators' page; anyone else sees `refusal` and nothing more."""
    viewer = active_viewer()
    if not viewer.administers:
        st.error(refusal)
        st.stop()
    return viewer


def _activate(viewer: Viewer) -> Viewer:
    st.session_state["active_viewer"] = viewer
    return viewer


def sign_out() -> None:
    for key in (VIEWER, SEEN, TOKEN, "active_viewer"):
        st.session_state.pop(key, None)


def _token_viewer(engine: Engine) -> Viewer | None:
    token = st.query_params.get("token") or st.session_state.get(TOKEN)
    if not token:
        return None
    viewer = viewer_for_token(engine, token)
    if viewer is None:
        st.session_state.pop(TOKEN, None)
        st.error("大屏令牌无效或已过期,请联系管理员。")
        st.stop()
    st.session_state[TOKEN] = token
    return viewer


def resolve_viewer(facts: StoreFacts, engine: Engine) -> Viewer:
    """The viewer for this run; shows the sign-in screen and stops the run when someone must sign in."""
    token_viewer = _token_viewer(engine)
    if token_viewer is not None:
        return _activate(token_viewer)
    if not sign_in_required(facts):
        return _activate(Viewer.open())
    viewer: Viewer | None = st.session_state.get(VIEWER)
    now = dt.datetime.now()
    if viewer is not None:
        seen = st.session_state.get(SEEN, now)
        if now - seen > dt.timedelta(minutes=session_minutes()):
            sign_out()
            st.warning(f"超过 {session_minutes()} 分钟未操作,登录已过期,请重新登录。")
        else:
            st.session_state[SEEN] = now
            return _activate(viewer)
    sign_in_screen(engine)
    st.stop()


def _submit(engine: Engine) -> None:
    try:
        viewer = authenticate(engine, st.session_state.get("sign_in_user", ""), st.session_state.get(
            "sign_in_password", ""))
    except AccountError as error:
        st.session_state["sign_in_error"] = str(error)
        return
    st.session_state.pop("sign_in_error", None)
    st.session_state[VIEWER] = viewer
    st.session_state[SEEN] = dt.datetime.now()
    st.session_state["sign_in_password"] = ""


def sign_in_screen(engine: Engine) -> None:
    st.markdown("### 常德市城市区域化党建驾驶舱")
    st.markdown("请使用分配给您的账号登录。")
    with st.form("sign_in", width=420):
        st.text_input("用户名", key="sign_in_user", max_chars=40)
        st.text_input("密码", key="sign_in_password", type="password", max_chars=200)
        st.form_submit_button("登录", type="primary", on_click=_submit, args=(engine,))
    if st.session_state.get("sign_in_error"):
        st.error(st.session_state["sign_in_error"])
