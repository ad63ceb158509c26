"""账号与日志: administrators add, change and disable accounts; issue, list, revoke and expire big-screen tokens;
read, filter and download the audit log."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.accounts import (
    EVENTS,
    ROLES,
    AccountError,
    add_user,
    audit_entries,
    change_user,
    create_display_token,
    display_tokens,
    expire_display_token,
    revoke_display_token,
    set_password,
    users,
)
from dashboard.auth import administrator, client_address
from dashboard.data import clear_caches, engine
from dashboard.export import export_buttons
from dashboard.missing import BLANK
from dashboard.text import plain
from dashboard.thresholds import LEVELS, set_threshold
from queries.store import targets

viewer = administrator("只有系统管理员可以管理账号和查看日志。")

store = engine()
st.markdown("### 账号与日志")
ROLE_LABELS = {key: role.label for key, role in ROLES.items()}


def attempt(action, success: str) -> None:
    """Run an account action; show its Chinese message either way (as text: it may quote what was typed)."""
    try:
        action()
    except AccountError as error:
        st.error(plain(error))
    else:
        st.success(plain(success))


accounts = users(store)
st.dataframe(accounts.assign(role=accounts["role"].map(ROLE_LABELS), is_active=accounts["is_active"].map(
    {True: "启用", False: "停用"})).rename(columns={
        "username": "用户名", "display_name": "姓名", "role": "角色", "county": "县级单位编码", "street": "街道编码",
        "is_active": "状态", "last_sign_in_at": "最近登录"}), hide_index=True, placeholder=BLANK, key="users_table")

add, change, token, rules = st.tabs(["新增账号", "修改账号", "大屏令牌", "预警规则"])
with add, st.form("add_user", clear_on_submit=True):
    username = st.text_input("用户名", max_chars=40, key="new_username")
    name = st.text_input("姓名", max_chars=40, key="new_name")
    role = st.selectbox("角色", list(ROLES), format_func=ROLE_LABELS.get, key="new_role")
    county = st.text_input("县级单位编码(县级单位领导、街道工作人员必填;分析员可选)", key="new_county")
    street = st.text_input("街道编码(街道工作人员必填)", key="new_street")
    password = st.text_input("初始密码(至少8位)", type="password", key="new_password")
    if st.form_submit_button("新增", type="primary"):
        attempt(lambda: add_user(store, username, password, role, name, county.strip() or None,
                                 street.strip() or None, by=viewer.username, address=client_address()),
                    f"已新增账号 {username}。")
with change, st.form("change_user"):
    target = st.selectbox("账号", accounts["username"].tolist(), key="change_username")
    action = st.radio("操作", ["停用", "启用", "重置密码", "修改角色和区域"], horizontal=True, key="change_action")
    new_role = st.selectbox("新角色", list(ROLES), format_func=ROLE_LABELS.get, key="change_role")
    new_county = st.text_input("县级单位编码", key="change_county")
    new_street = st.text_input("街道编码", key="change_street")
    new_password = st.text_input("新密码(至少8位)", type="password", key="change_password")
    if st.form_submit_button("确定") and target:
        if action in ("停用", "启用"):
            attempt(lambda: change_user(store, target, active=action == "启用", by=viewer.username,
                                        address=client_address()),
                    f"已{action}账号 {target}。")
        elif action == "重置密码":
            attempt(lambda: set_password(store, target, new_password, by=viewer.username, address=client_address()),
                    f"已重置 {target} 的密码。")
        else:
            attempt(lambda: change_user(store, target, role=new_role, county=new_county.strip() or None,
                                        street=new_street.strip() or None, by=viewer.username,
                                        address=client_address()),
                    f"已修改账号 {target}。")
with token:
    with st.form("display_token"):
        label = st.text_input("名称", value="大屏", max_chars=60, key="token_label")
        token_county = st.text_input("县级单位编码(留空为全市)", key="token_county")
        token_street = st.text_input("街道编码(可选)", key="token_street")
        days = st.number_input("有效天数", min_value=1, max_value=366, value=30, key="token_days")
        if st.form_submit_button("生成令牌"):
            try:
                issued = create_display_token(store, label, token_county.strip() or None,
                                              token_street.strip() or None, int(days), by=viewer.username,
                                              address=client_address())
            except AccountError as error:
                st.error(plain(error))
            else:
                st.success("令牌只显示这一次,请立即复制。大屏打开 本系统地址?token=令牌 即可只读显示该区域。")
                st.code(issued, language=None)
    tokens = display_tokens(store)
    st.dataframe(tokens.rename(columns={
        "id": "编号", "label": "名称", "county": "县级单位编码", "street": "街道编码", "created_at": "生成时间",
        "expires_at": "到期时间", "last_used_at": "最近使用", "status": "状态"}), hide_index=True, key="tokens_table")
    if not tokens.empty:
        with st.form("manage_token"):
            names = dict(zip(tokens["id"], tokens["label"] + " · " + tokens["status"]))
            chosen = st.selectbox("令牌", tokens["id"].tolist(), format_func=lambda n: f"{n} · {names[n]}",
                                  key="manage_token_id")
            token_action = st.radio("操作", ["吊销", "修改有效期"], horizontal=True, key="manage_token_action")
            token_days = st.number_input("从今天起的有效天数(0 为立即到期)", min_value=0, max_value=366, value=0,
                                         key="manage_token_days")
            if st.form_submit_button("确定"):
                if token_action == "吊销":
                    attempt(lambda: revoke_display_token(store, int(chosen), by=viewer.username,
                                                         address=client_address()), f"已吊销令牌 {chosen}。")
                else:
                    attempt(lambda: expire_display_token(store, int(chosen), int(token_days), by=viewer.username,
                                                         address=client_address()),
                            f"令牌 {chosen} 将在 {int(token_days)} 天后到期。")

with rules:
    goals = targets(store)
    st.dataframe(goals.assign(target_value=goals["target_value"] * 100, amber_floor=goals["amber_floor"] * 100)
                 .rename(columns={"metric_key": "指标键", "label": "指标", "target_value": "目标(低于即预警,%)",
                                  "amber_floor": "预警线(低于即落后,%)", "note": "说明"}),
                 hide_index=True, key="targets_table")
    with st.form("threshold_rule"):
        labels = dict(zip(goals["metric_key"], goals["label"]))
        metric_key = st.selectbox("指标", list(labels), format_func=labels.get, key="rule_metric")
        level = st.radio("级别", list(LEVELS), horizontal=True, key="rule_level",
                         help="预警:低于此值即预警(即目标);落后:低于此值即落后")
        threshold = st.number_input("阈值(%)", min_value=0.0, max_value=1000.0, value=90.0, step=1.0,
                                    key="rule_threshold")
        if st.form_submit_button("保存规则"):
            attempt(lambda: set_threshold(store, metric_key, level, threshold / 100, by=viewer.username,
                                          address=client_address()),
                    f"已保存:{labels.get(metric_key, metric_key)} {level}线 {threshold:.1f}%。")
            clear_caches()

st.markdown("#### 审计日志")
EVENT_CHOICES = ["", *EVENTS]
left, middle, right = st.columns(3)
event = left.selectbox("事件", EVENT_CHOICES, format_func=lambda e: EVENTS.get(e, "全部事件"), key="audit_event")
who = middle.text_input("用户", max_chars=40, key="audit_user")
contains = right.text_input("说明包含", max_chars=60, key="audit_contains")
today = dt.date.today()
first, last = st.columns(2)
since = first.date_input("起始日期", value=today - dt.timedelta(days=30), key="audit_since")
until = last.date_input("截止日期", value=today, key="audit_until")
log = audit_entries(store, limit=5000, event=event or None, username=who.strip() or None,
                    since=dt.datetime.combine(since, dt.time()), until=dt.datetime.combine(until, dt.time())
                    + dt.timedelta(days=1), contains=contains.strip() or None)
log = log.assign(event=log["event"].map(lambda e: EVENTS.get(e, e)))
audit_labels = {"occurred_at": "时间", "username": "用户", "event": "事件", "detail": "说明", "address": "地址"}
st.caption(f"共 {len(log)} 条(最多显示最近 5000 条)。")
st.dataframe(log.rename(columns=audit_labels), hide_index=True, placeholder=BLANK, key="audit_table")
export_buttons(log, audit_labels, f"审计日志_{since}_{until}", "audit_export")
