"""Accounts, roles and area scopes; sign-in with throttling; display tokens; the audit log.

Plain Python and SQLAlchemy (no Streamlit), shared by the sign-in screen, the admin page and the command
line. Passwords are hashed with Argon2 (argon2-cffi); tokens are stored as SHA-256 hashes; neither is ever
written to the audit log or any message.

    python -m dashboard.accounts add-user zhang --role county_leader --county 430702 --name 张明   (or --county 武陵区)
    python -m dashboard.accounts set-password zhang        (reads the password from standard input)
    python -m dashboard.accounts disable zhang | enable zhang | list
    python -m dashboard.accounts audit [--event export] [--user zhang] [--since 2018-07-01]
    python -m dashboard.accounts display-token --label 大屏 --county 430702 --days 30
    python -m dashboard.accounts tokens | revoke-token 3 | expire-token 3 --days 0
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import math
import secrets
import sys
from dataclasses import dataclass
from functools import cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dashboard.db import make_engine, upgrade_store
from dashboard.formatting import terminal_table
from dashboard.schema import AppUser, AuditEntry, County, DisplayToken, SignInThrottle, Street
from dashboard.text import visible
from queries.area import Area

HASHER = PasswordHasher()
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 15 * 60
CLAIM_TRIES = 50  # attempts to count a sign-in against others counted at the same moment
MAX_TOKEN_DAYS = 366
EVENTS = {
    "sign_in": "登录", "sign_in_failed": "登录失败", "sign_in_throttled": "登录被限制", "sign_out": "退出登录",
    "session_ended": "会话终止", "export": "下载", "export_refused": "下载被拒绝", "token_used": "大屏令牌使用",
    "token_refused": "大屏令牌被拒绝", "token_created": "生成大屏令牌", "token_revoked": "吊销大屏令牌",
    "token_expiry_changed": "修改令牌有效期", "user_created": "新增账号", "user_changed": "修改账号",
    "password_set": "设置密码", "导入": "数据导入", "清空演示数据": "清空演示数据", "threshold_set": "修改预警规则",
}


@dataclass(frozen=True)
class Role:
    label: str
    scope: str | None  # the scope it must have: "county", "street", None (city), "any" (as given)
    sees_personal: bool = False
    exports_details: bool = False
    administers: bool = False


ROLES = {
    "city_leader": Role("市领导", None),
    "county_leader": Role("县级单位领导", "county"),
    "street_staff": Role("街道工作人员", "street", sees_personal=True),
    "analyst": Role("分析员", "any", exports_details=True),
    "admin": Role("系统管理员", None, administers=True),
}


@dataclass(frozen=True)
class Viewer:
    """Who is looking: their scope and what they may do. Demo stores and open stores use `Viewer.open()`."""

    username: str
    role: str
    scope: Area
    read_only: bool = False

    @property
    def label(self) -> str:
        return ROLES[self.role].label if self.role in ROLES else "访客"

    @property
    def sees_personal(self) -> bool:
        return self.role in ROLES and ROLES[self.role].sees_personal and not self.read_only

    @property
    def exports(self) -> bool:
        return not self.read_only

    @property
    def exports_details(self) -> bool:
        return self.role in ROLES and ROLES[self.role].exports_details and not self.read_only

    @property
    def administers(self) -> bool:
        return self.role in ROLES and ROLES[self.role].administers and not self.read_only

    @staticmethod
    def open() -> Viewer:
        """Sign-in off: the whole city, personal data masked, exports of aggregates only."""
        return Viewer(username="", role="open", scope=Area())


class AccountError(ValueError):
    """A request the account rules refuse; the message is in Chinese, for the person who made it."""


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def audit(engine: Engine, username: str | None, event: str, detail: str = "", address: str | None = None) -> None:
    """Record an event (never a password or a token) in the audit log, with the address it came from."""
    with engine.begin() as connection:
        connection.execute(AuditEntry.__table__.insert(), {
            "occurred_at": _now(), "username": visible(username)[:40] or None, "event": event,
            "detail": visible(detail)[:1000], "address": visible(address)[:64] or None})


def _county_code(session: Session, county: str | None) -> str | None:
    """The code of the county-level unit given by its name (武陵区), code (430702) or 12-digit code
    (430702000000); anything else is returned as given, for _check_scope to refuse."""
    if not county:
        return None
    key = county.strip()
    found = session.scalar(select(County.code).where(
        or_(County.code == key, County.name == key, County.code + "000000" == key)).order_by(County.id).limit(1))
    return found or key


def _check_scope(session: Session, role: str, county: str | None, street: str | None) -> None:
    need = ROLES[role].scope
    if need == "county" and (not county or street):
        raise AccountError("县级单位领导须指定所属县级单位(区县(市)或管理区),且不指定街道。")
    if need == "street" and not (county and street):
        raise AccountError("街道工作人员须指定所属县级单位和街道。")
    if need is None and (county or street):
        raise AccountError(f"{ROLES[role].label}可查看全市,不应指定区域。")
    if street and not county:
        raise AccountError("指定街道时须同时指定其所属县级单位。")
    if county and session.scalar(select(func.count()).select_from(County).where(County.code == county)) == 0:
        raise AccountError(f"没有名称或编码为 {county} 的区县(市)或管理区。")
    if street and session.scalar(select(func.count()).select_from(Street).join(County, Street.county_id == County.id)
                                 .where(Street.code == street, County.code == county)) == 0:
        raise AccountError(f"县级单位 {county} 下没有编码为 {street} 的街道。")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位。")


def add_user(engine: Engine, username: str, password: str, role: str, display_name: str = "",
             county: str | None = None, street: str | None = None, by: str | None = None,
             address: str | None = None) -> None:
    """Create an account; its scope must fit its role."""
    username = username.strip()
    if not username or len(username) > 40:
        raise AccountError("用户名须为1至40个字符。")
    if role not in ROLES:
        raise AccountError(f"角色须为 {'、'.join(ROLES)} 之一。")
    _check_password(password)
    with Session(engine) as session, session.begin():
        if session.scalar(select(func.count()).select_from(AppUser).where(AppUser.username == username)):
            raise AccountError(f"用户名 {username} 已存在。")
        county = _county_code(session, county)
        _check_scope(session, role, county or None, street or None)
        session.add(AppUser(username=username, display_name=display_name or username,
                            password_hash=HASHER.hash(password), role=role, scope_county_code=county or None,
                            scope_street_code=street or None, is_active=True, created_at=_now()))
    audit(engine, by, "user_created", f"{username} 角色 {role} 区域 {county or '全市'} {street or ''}".strip(),
          address)


def change_user(engine: Engine, username: str, role: str | None = None, county: str | None = None,
                street: str | None = None, active: bool | None = None, by: str | None = None,
                address: str | None = None) -> None:
    """Change an account's role and scope, or disable or enable it (its open sessions end at their next run)."""
    with Session(engine) as session, session.begin():
        user = session.scalars(select(AppUser).where(AppUser.username == username)).one_or_none()
        if user is None:
            raise AccountError(f"没有用户 {username}。")
        if role is not None:
            if role not in ROLES:
                raise AccountError(f"角色须为 {'、'.join(ROLES)} 之一。")
            county = _county_code(session, county)
            _check_scope(session, role, county or None, street or None)
            user.role, user.scope_county_code, user.scope_street_code = role, county or None, street or None
        if active is not None:
            user.is_active = active
    audit(engine, by, "user_changed", f"{username}" + (f" 角色 {role}" if role else "")
          + ("" if active is None else (" 启用" if active else " 停用")), address)


def set_password(engine: Engine, username: str, password: str, by: str | None = None,
                 address: str | None = None) -> None:
    _check_password(password)
    with Session(engine) as session, session.begin():
        user = session.scalars(select(AppUser).where(AppUser.username == username)).one_or_none()
        if user is None:
            raise AccountError(f"没有用户 {username}。")
        user.password_hash = HASHER.hash(password)
    audit(engine, by, "password_set", username, address)


def wait_seconds(failures: int) -> int:
    """How long to wait after `failures` failed attempts: none for the first few, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_WAIT_SECONDS, 5 * 2 ** (failures - FREE_ATTEMPTS))


@cache
def _dummy_hash() -> str:
    """A hash of a random password with the hasher's parameters: checked when there is no active account,
    so that a refusal takes as long whether the name exists, is disabled or is unknown."""
    return HASHER.hash(secrets.token_urlsafe(24))


def _claim_attempt(engine: Engine, key: str, now: dt.datetime) -> int:
    """Count an attempt for the user name `key` before its password is checked; 0 when it may go ahead, else
    the seconds still to wait. Counted by compare-and-set on the store's row (UPDATE … WHERE failures = the
    count just read), so attempts made at the same moment, in threads or in other app processes, are each
    counted once and never more of them get a password check than the throttle allows."""
    table = SignInThrottle.__table__
    for _ in range(CLAIM_TRIES):
        try:
            with engine.begin() as connection:
                row = connection.execute(select(table.c.failures, table.c.last_failed_at)
                                         .where(table.c.username == key)).first()
                if row is None:
                    connection.execute(table.insert(), {"username": key, "failures": 1, "last_failed_at": now})
                    return 0
                if row.last_failed_at is not None:
                    ready = row.last_failed_at + dt.timedelta(seconds=wait_seconds(row.failures))
                    if now < ready:
                        return math.ceil((ready - now).total_seconds())
                counted = connection.execute(
                    update(table).where(table.c.username == key, table.c.failures == row.failures)
                    .values(failures=table.c.failures + 1, last_failed_at=now)).rowcount
                if counted == 1:
                    return 0
        except IntegrityError:  # another attempt created the row first: read it again
            continue
    return wait_seconds(FREE_ATTEMPTS)


def authenticate(engine: Engine, username: str, password: str, now: dt.datetime | None = None,
                 address: str | None = None) -> Viewer:
    """The viewer for a correct user name and password of an active account; AccountError otherwise.

    Every attempt is counted before its password is checked and forgiven when it succeeds; after
    FREE_ATTEMPTS failures for a user name (known or not), each further attempt must wait, doubling. The
    password is checked against the account's hash, or against a dummy hash when there is no active account
    (same cost either way). Every outcome is audited with its reason and `address`.
    """
    now = now or _now()
    username = username.strip()
    key = username[:40]
    if key:
        wait = _claim_attempt(engine, key, now)
        if wait:
            audit(engine, key, "sign_in_throttled", f"原因:连续失败次数过多,还需等待 {wait} 秒", address)
            raise AccountError(f"登录失败次数过多,请 {wait} 秒后再试。")
    with Session(engine) as session:
        user = session.scalars(select(AppUser).where(AppUser.username == username)).one_or_none() if key else None
        usable = user is not None and user.is_active
        try:
            ok = HASHER.verify(user.password_hash if usable else _dummy_hash(), password) and usable
        except (VerificationError, InvalidHashError):
            ok = False
    if not ok:
        reason = ("用户名为空" if not key else "用户名不存在" if user is None else "账号已停用" if not user.is_active
                  else "密码错误")
        audit(engine, key or None, "sign_in_failed", f"原因:{reason}", address)
        raise AccountError("用户名或密码不正确,或账号已停用。")
    with Session(engine) as session, session.begin():
        session.execute(SignInThrottle.__table__.delete().where(SignInThrottle.username == key))
        account = session.get(AppUser, user.id)
        account.last_sign_in_at = now
        if HASHER.check_needs_rehash(account.password_hash):
            account.password_hash = HASHER.hash(password)
        viewer = Viewer(username=account.username, role=account.role,
                        scope=Area(county=account.scope_county_code, street=account.scope_street_code))
    audit(engine, key, "sign_in", "", address)
    return viewer


def account_stamp(engine: Engine, username: str) -> str | None:
    """A fingerprint of what a session was granted: the account's role, scope and password hash; None when
    there is no active account of that name. A session whose stamp changed must end."""
    with engine.connect() as connection:
        row = connection.execute(select(AppUser.role, AppUser.scope_county_code, AppUser.scope_street_code,
                                        AppUser.password_hash)
                                 .where(AppUser.username == username, AppUser.is_active.is_(True))).first()
    if row is None:
        return None
    return hashlib.sha256("|".join(str(v) for v in row).encode("utf-8")).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_days(days: int, least: int = 1) -> None:
    if not isinstance(days, int) or not least <= days <= MAX_TOKEN_DAYS:
        raise AccountError(f"有效天数须为 {least} 至 {MAX_TOKEN_DAYS} 之间的整数。")


def create_display_token(engine: Engine, label: str, county: str | None = None, street: str | None = None,
                         days: int = 30, by: str | None = None, address: str | None = None) -> str:
    """A new read-only display token for the area, valid for `days` (1 to MAX_TOKEN_DAYS); returned once,
    stored only as a hash."""
    _check_days(days)
    label = visible(label).strip()[:60] or "大屏"
    token = secrets.token_urlsafe(24)
    with Session(engine) as session, session.begin():
        county = _county_code(session, county)
        _check_scope(session, "analyst", county or None, street or None)
        created = DisplayToken(token_hash=_token_hash(token), label=label, scope_county_code=county or None,
                               scope_street_code=street or None, created_at=_now(),
                               expires_at=_now() + dt.timedelta(days=days), is_active=True)
        session.add(created)
        session.flush()
        number = created.id
    audit(engine, by, "token_created", f"令牌 {number}「{label}」区域 {county or '全市'} {street or ''} 有效 {days} 天",
          address)
    return token


def _token(session: Session, token_id: int) -> DisplayToken:
    found = session.get(DisplayToken, token_id)
    if found is None:
        raise AccountError(f"没有编号为 {token_id} 的大屏令牌。")
    return found


def revoke_display_token(engine: Engine, token_id: int, by: str | None = None, address: str | None = None) -> None:
    """Revoke a display token: screens using it show the refusal on their next run."""
    with Session(engine) as session, session.begin():
        found = _token(session, token_id)
        found.is_active = False
        label = found.label
    audit(engine, by, "token_revoked", f"令牌 {token_id}「{label}」", address)


def expire_display_token(engine: Engine, token_id: int, days: int, by: str | None = None,
                         address: str | None = None) -> None:
    """Let a display token expire `days` from now (0: now)."""
    _check_days(days, least=0)
    with Session(engine) as session, session.begin():
        found = _token(session, token_id)
        found.expires_at = _now() + dt.timedelta(days=days)
        label = found.label
    audit(engine, by, "token_expiry_changed", f"令牌 {token_id}「{label}」{days} 天后到期", address)


def display_tokens(engine: Engine, now: dt.datetime | None = None) -> pd.DataFrame:
    """Every display token (never the token itself). Columns: id, label, county, street, created_at,
    expires_at, last_used_at, status (有效, 已过期 or 已吊销)."""
    now = now or _now()
    with engine.connect() as connection:
        rows = connection.execute(select(DisplayToken.id, DisplayToken.label, DisplayToken.scope_county_code,
                                         DisplayToken.scope_street_code, DisplayToken.created_at,
                                         DisplayToken.expires_at, DisplayToken.last_used_at, DisplayToken.is_active)
                                  .order_by(DisplayToken.id)).all()
    frame = pd.DataFrame(rows, columns=["id", "label", "county", "street", "created_at", "expires_at",
                                        "last_used_at", "is_active"])
    frame["status"] = ["已吊销" if not active else "已过期" if expires < now else "有效"
                       for active, expires in zip(frame["is_active"], frame["expires_at"])]
    return frame.drop(columns="is_active")


def viewer_for_token(engine: Engine, token: str, now: dt.datetime | None = None) -> Viewer | None:
    """The read-only viewer of an active, unexpired display token, or None."""
    now = now or _now()
    with Session(engine) as session:
        found = session.scalars(select(DisplayToken).where(DisplayToken.token_hash == _token_hash(token))).one_or_none()
        if found is None or not found.is_active or found.expires_at < now:
            return None
        return Viewer(username=f"大屏:{found.label}", role="display",
                      scope=Area(county=found.scope_county_code, street=found.scope_street_code), read_only=True)


def note_token_use(engine: Engine, token: str, address: str | None = None) -> None:
    """Record that a display token opened a session (once per session): last use, and an audit row."""
    with Session(engine) as session, session.begin():
        found = session.scalars(select(DisplayToken).where(DisplayToken.token_hash == _token_hash(token))).one()
        found.last_used_at = _now()
        number, label = found.id, found.label
    audit(engine, f"大屏:{label}"[:40], "token_used", f"令牌 {number}「{label}」", address)


def users(engine: Engine) -> pd.DataFrame:
    """Accounts without their password hashes. Columns: username, display_name, role, county, street,
    is_active, last_sign_in_at."""
    with engine.connect() as connection:
        rows = connection.execute(select(AppUser.username, AppUser.display_name, AppUser.role,
                                         AppUser.scope_county_code, AppUser.scope_street_code, AppUser.is_active,
                                         AppUser.last_sign_in_at).order_by(AppUser.username)).all()
    return pd.DataFrame(rows, columns=["username", "display_name", "role", "county", "street", "is_active",
                                       "last_sign_in_at"])


def audit_entries(engine: Engine, limit: int = 500, event: str | None = None, username: str | None = None,
                  since: dt.datetime | None = None, until: dt.datetime | None = None,
                  contains: str | None = None) -> pd.DataFrame:
    """The latest audit log entries, newest first, optionally of one event, one user, a time range
    [since, until) or with `contains` in the detail. Columns: occurred_at, username, event, detail, address."""
    statement = select(AuditEntry.occurred_at, AuditEntry.username, AuditEntry.event, AuditEntry.detail,
                       AuditEntry.address)
    if event:
        statement = statement.where(AuditEntry.event == event)
    if username:
        statement = statement.where(AuditEntry.username == username)
    if since:
        statement = statement.where(AuditEntry.occurred_at >= since)
    if until:
        statement = statement.where(AuditEntry.occurred_at < until)
    if contains:
        statement = statement.where(AuditEntry.detail.contains(contains, autoescape=True))
    with engine.connect() as connection:
        rows = connection.execute(statement.order_by(AuditEntry.id.desc()).limit(limit)).all()
    return pd.DataFrame(rows, columns=["occurred_at", "username", "event", "detail", "address"])


def _read_password(prompt: str) -> str:
    return getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.accounts", description="账号、角色和大屏令牌")
    parser.add_argument("--url", help="SQLAlchemy URL of the store (default: the configured store)")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="add an account (password from standard input)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--name", default="")
    add.add_argument("--county")
    add.add_argument("--street")
    for name in ("set-password", "disable", "enable"):
        commands.add_parser(name).add_argument("username")
    commands.add_parser("list")
    log = commands.add_parser("audit", help="the audit log, newest first")
    log.add_argument("--event", choices=list(EVENTS))
    log.add_argument("--user")
    log.add_argument("--since", type=dt.date.fromisoformat, help="YYYY-MM-DD")
    log.add_argument("--limit", type=int, default=500)
    token = commands.add_parser("display-token", help="create a read-only big-screen token")
    token.add_argument("--label", default="大屏")
    token.add_argument("--county")
    token.add_argument("--street")
    token.add_argument("--days", type=int, default=30)
    commands.add_parser("tokens", help="list display tokens")
    commands.add_parser("revoke-token").add_argument("id", type=int)
    expire = commands.add_parser("expire-token", help="let a token expire N days from now (0: now)")
    expire.add_argument("id", type=int)
    expire.add_argument("--days", type=int, required=True)
    args = parser.parse_args(argv)

    engine = make_engine(args.url)
    upgrade_store(engine)
    try:
        if args.command == "add-user":
            add_user(engine, args.username, _read_password("密码:"), args.role, args.name, args.county, args.street,
                     by="命令行")
        elif args.command == "set-password":
            set_password(engine, args.username, _read_password("新密码:"), by="命令行")
        elif args.command in ("disable", "enable"):
            change_user(engine, args.username, active=args.command == "enable", by="命令行")
        elif args.command == "list":
            print(terminal_table(users(engine)))
        elif args.command == "audit":
            since = dt.datetime.combine(args.since, dt.time()) if args.since else None
            print(terminal_table(audit_entries(engine, args.limit, args.event, args.user, since)))
        elif args.command == "tokens":
            print(terminal_table(display_tokens(engine)))
        elif args.command == "revoke-token":
            revoke_display_token(engine, args.id, by="命令行")
        elif args.command == "expire-token":
            expire_display_token(engine, args.id, args.days, by="命令行")
        else:
            print(create_display_token(engine, args.label, args.county, args.street, args.days, by="命令行"))
    except AccountError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
