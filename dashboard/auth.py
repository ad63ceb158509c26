"""Who is looking: sign-in, session expiry, display tokens, and the active viewer for this session.

Sign-in is off for the embedded demo store and on for any other store, unless DANGJIAN_SIGN_IN says
"on" or "off" explicitly. A session expires after DANGJIAN_SESSION_MINUTES (default 30) without use (the
big screen's rotation and refresh are not use: a screen meant to run unattended uses a display token), and
ends at once when its account is disabled or its role, scope or password changes (checked on every run).
A read-only display token in the link (?token=…) opens an unattended big screen limited to its area; in a
window where someone is signed in, the link asks before replacing them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from dashboard.accounts import (
    AccountError,
    Viewer,
    account_stamp,
    audit,
    authenticate,
    note_token_use,
    viewer_for_token,
)
from dashboard.db import unreachable
from dashboard.screen import is_screen
from queries.store import StoreFacts

SIGN_IN_ENV = "DANGJIAN_SIGN_IN"
SESSION_ENV = "DANGJIAN_SESSION_MINUTES"
VIEWER, SEEN, TOKEN, STAMP = "auth_viewer", "auth_seen_at", "auth_token", "auth_stamp"
REFUSED_TOKEN = "auth_refused_token"


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


def client_address() -> str:
    """The address of the browser's connection as Streamlit sees it (本机 for the loopback), for the audit log."""
    try:
        return st.context.ip_address or "本机"
    except Exception:  # no connection context (AppTest, a thread): there is no address to record
        return "未知"


def _activate(viewer: Viewer) -> Viewer:
    st.session_state["active_viewer"] = viewer
    return viewer


def sign_out(engine: Engine | None = None, event: str = "sign_out", reason: str = "") -> None:
    """End the personal session (a callback of the sign-out button, or when the account changed)."""
    viewer = st.session_state.get(VIEWER)
    if engine is not None and viewer is not None:
        audit(engine, viewer.username, event, reason, client_address())
    for key in (VIEWER, SEEN, TOKEN, STAMP, "active_viewer"):
        st.session_state.pop(key, None)


def _drop_token() -> None:
    st.query_params.pop("token", None)


def _token_over_personal(engine: Engine, viewer: Viewer) -> None:
    """A token link opened where someone is signed in: ask, never replace them silently."""
    st.warning(f"此链接带有大屏令牌,而本窗口已用个人账号 {viewer.username} 登录。令牌不会自动替换当前登录:"
               "请选择继续以本人身份使用,或退出登录后以只读大屏方式打开。", icon=":material/warning:")
    row = st.container(horizontal=True)
    row.button("继续以本人身份使用", key="token_keep_personal", type="primary", on_click=_drop_token)
    row.button("退出登录并以大屏令牌打开", key="token_sign_out", on_click=sign_out,
               args=(engine, "sign_out", "改用大屏令牌"))
    st.stop()


def _token_viewer(engine: Engine) -> Viewer | None:
    linked = st.query_params.get("token")
    token = linked or st.session_state.get(TOKEN)
    if not token:
        return None
    personal = st.session_state.get(VIEWER)
    if linked and personal is not None:
        _token_over_personal(engine, personal)
    viewer = viewer_for_token(engine, token)
    if viewer is None:
        st.session_state.pop(TOKEN, None)
        if st.session_state.get(REFUSED_TOKEN) != token:
            st.session_state[REFUSED_TOKEN] = token
            audit(engine, None, "token_refused", "令牌无效、已吊销或已过期", client_address())
        st.error("大屏令牌无效或已过期,请联系管理员。")
        st.stop()
    if st.session_state.get(TOKEN) != token:
        note_token_use(engine, token, client_address())
        st.session_state[TOKEN] = token
    return viewer


def _personal_viewer(engine: Engine) -> Viewer | None:
    """The signed-in viewer if their session still holds: not idle too long, account unchanged."""
    viewer: Viewer | None = st.session_state.get(VIEWER)
    if viewer is None:
        return None
    now = dt.datetime.now()
    if now - st.session_state.get(SEEN, now) > dt.timedelta(minutes=session_minutes()):
        sign_out(engine, "session_ended", f"超过 {session_minutes()} 分钟未操作")
        st.warning(f"超过 {session_minutes()} 分钟未操作,登录已过期,请重新登录。")
        return None
    if account_stamp(engine, viewer.username) != st.session_state.get(STAMP):
        sign_out(engine, "session_ended", "账号已停用,或角色、区域、密码已变更")
        st.warning("您的账号已停用,或角色、区域、密码已变更,请重新登录。")
        return None
    if not is_screen():  # rotation and refresh of a big screen are not use
        st.session_state[SEEN] = now
    return viewer


def resolve_viewer(facts: StoreFacts, engine: Engine) -> Viewer:
    """The viewer for this run; shows the sign-in screen and stops the run when someone must sign in."""
    token_viewer = _token_viewer(engine)
    if token_viewer is not None:
        return _activate(token_viewer)
    if not sign_in_required(facts):
        return _activate(Viewer.open())
    viewer = _personal_viewer(engine)
    if viewer is not None:
        return _activate(viewer)
    sign_in_screen(engine)
    st.stop()


def download_check(engine: Engine) -> Callable[[], bool]:
    """For a download made later (in another thread, without this session): whether the active viewer may
    still download then, i.e. their account, role, scope and password, or their token, are unchanged, and a
    personal session has not been idle past its expiry since this run."""
    viewer = active_viewer()
    if viewer.read_only:
        token = st.session_state.get(TOKEN)
        return lambda: token is not None and viewer_for_token(engine, token) == viewer
    if viewer.username:
        stamp, deadline = st.session_state.get(STAMP), dt.datetime.now() + dt.timedelta(minutes=session_minutes())
        return lambda: dt.datetime.now() <= deadline and account_stamp(engine, viewer.username) == stamp
    return lambda: True


def _submit(engine: Engine) -> None:
    try:
        viewer = authenticate(engine, st.session_state.get("sign_in_user", ""),
                              st.session_state.get("sign_in_password", ""), address=client_address())
    except AccountError as error:
        st.session_state["sign_in_error"] = str(error)
        st.session_state["sign_in_password"] = ""
        return
    except (OperationalError, InterfaceError) as error:  # the store stopped answering: words, not a traceback
        st.session_state["sign_in_error"] = unreachable(engine, error)
        return
    st.session_state.pop("sign_in_error", None)
    st.session_state[VIEWER] = viewer
    st.session_state[SEEN] = dt.datetime.now()
    st.session_state[STAMP] = account_stamp(engine, viewer.username)
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
