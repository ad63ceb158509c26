"""Accounts, roles and area scopes; sign-in with throttling; display tokens; the audit log.

Plain Python and SQLAlchemy (no Streamlit), shared by the sign-in screen, the admin page and the command
line. Passwords are hashed with Argon2 (argon2-cffi); tokens are stored as SHA-256 hashes; neither is ever
written to the audit log or any message.

    python -m dashboard.accounts add-user zhang --role county_leader --county 430702 --name 张明   (or --county 武陵区)
    python -m dashboard.accounts set-password zhang        (reads the password from standard input)
    python -m dashboard.accounts disable zhang | enable zhang | list | audit
    python -m dashboard.accounts display-token --label 大屏 --county 430702 --days 30
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

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from dashboard.db import make_engine, upgrade_store
from dashboard.schema import AppUser, AuditEntry, County, DisplayToken, SignInThrottle, Street
from queries.area import Area

HASHER = PasswordHasher()
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Role:
    label: str
    scope: str | None  # the scope it must have: "county", "street", None (city), "any" (as given)
    sees_personal: bool = False
    exports_details: bool = False
    administers: bool = False


ROLES = {
    "city_leader": Role("市领导", None),
    "county_leader": Role("区县(市)领导", "county"),
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


def audit(engine: Engine, username: str | None, event: str, detail: str = "") -> None:
    """Record an event (never a password or a token) in the audit log."""
    with engine.begin() as connection:
        connection.execute(AuditEntry.__table__.insert(), {"occurred_at": _now(), "username": username,
                                                           "event": event, "detail": detail[:1000]})


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
        raise AccountError("区县(市)领导须指定所属区县(市),且不指定街道。")
    if need == "street" and not (county and street):
        raise AccountError("街道工作人员须指定所属区县(市)和街道。")
    if need is None and (county or street):
        raise AccountError(f"{ROLES[role].label}可查看全市,不应指定区域。")
    if street and not county:
        raise AccountError("指定街道时须同时指定其所属区县(市)。")
    if county and session.scalar(select(func.count()).select_from(County).where(County.code == county)) == 0:
        raise AccountError(f"没有名称或编码为 {county} 的区县(市)或管理区。")
    if street and session.scalar(select(func.count()).select_from(Street).join(County, Street.county_id == County.id)
                                 .where(Street.code == street, County.code == county)) == 0:
        raise AccountError(f"区县(市) {county} 下没有编码为 {street} 的街道。")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位。")


def add_user(engine: Engine, username: str, password: str, role: str, display_name: str = "",
             county: str | None = None, street: str | None = None, by: str | None = None) -> None:
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
    audit(engine, by, "user_created", f"{username} 角色 {role} 区域 {county or '全市'} {street or ''}".strip())


def change_user(engine: Engine, username: str, role: str | None = None, county: str | None = None,
                street: str | None = None, active: bool | None = None, by: str | None = None) -> None:
    """Change an account's role and scope, or disable or enable it."""
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
          + ("" if active is None else (" 启用" if active else " 停用")))


def set_password(engine: Engine, username: str, password: str, by: str | None = None) -> None:
    _check_password(password)
    with Session(engine) as session, session.begin():
        user = session.scalars(select(AppUser).where(AppUser.username == username)).one_or_none()
        if user is None:
            raise AccountError(f"没有用户 {username}。")
        user.password_hash = HASHER.hash(password)
    audit(engine, by, "password_set", username)


def wait_seconds(failures: int) -> int:
    """How long to wait after `failures` failed attempts: none for the first few, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_WAIT_SECONDS, 5 * 2 ** (failures - FREE_ATTEMPTS))


def authenticate(engine: Engine, username: str, password: str, now: dt.datetime | None = None) -> Viewer:
    """The viewer for a correct user name and password of an active account; AccountError otherwise.

    After FREE_ATTEMPTS failures for a user name (known or not), each further attempt must wait, doubling.
    """
    now = now or _now()
    username = username.strip()
    with Session(engine) as session, session.begin():
        throttle = session.get(SignInThrottle, username) if username else None
        if throttle and throttle.last_failed_at:
            ready = throttle.last_failed_at + dt.timedelta(seconds=wait_seconds(throttle.failures))
            if now < ready:
                raise AccountError(f"登录失败次数过多,请 {math.ceil((ready - now).total_seconds())} 秒后再试。")
        user = session.scalars(select(AppUser).where(AppUser.username == username)).one_or_none()
        ok = False
        if user is not None and user.is_active:
            try:
                ok = HASHER.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok:
            if username:
                throttle = throttle or SignInThrottle(username=username, failures=0)
                throttle.failures += 1
                throttle.last_failed_at = now
                session.add(throttle)
        else:
            if throttle:
                session.delete(throttle)
            user.last_sign_in_at = now
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = HASHER.hash(password)
            viewer = Viewer(username=user.username, role=user.role,
                            scope=Area(county=user.scope_county_code, street=user.scope_street_code))
    audit(engine, username[:40] or None, "sign_in" if ok else "sign_in_failed")
    if not ok:
        raise AccountError("用户名或密码不正确,或账号已停用。")
    return viewer


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_display_token(engine: Engine, label: str, county: str | None = None, street: str | None = None,
                         days: int = 30, by: str | None = None) -> str:
    """A new read-only display token for the area; returned once, stored only as a hash."""
    token = secrets.token_urlsafe(24)
    with Session(engine) as session, session.begin():
        county = _county_code(session, county)
        _check_scope(session, "analyst", county or None, street or None)
        session.add(DisplayToken(token_hash=_token_hash(token), label=label or "大屏", scope_county_code=county or None,
                                 scope_street_code=street or None, created_at=_now(),
                                 expires_at=_now() + dt.timedelta(days=days), is_active=True))
    audit(engine, by, "token_created", f"{label} 区域 {county or '全市'} {street or ''}".strip())
    return token


def viewer_for_token(engine: Engine, token: str, now: dt.datetime | None = None) -> Viewer | None:
    """The read-only viewer of an active, unexpired display token, or None."""
    now = now or _now()
    with Session(engine) as session:
        found = session.scalars(select(DisplayToken).where(DisplayToken.token_hash == _token_hash(token))).one_or_none()
        if found is None or not found.is_active or found.expires_at < now:
            return None
        return Viewer(username=f"大屏:{found.label}", role="display",
                      scope=Area(county=found.scope_county_code, street=found.scope_street_code), read_only=True)


def users(engine: Engine) -> pd.DataFrame:
    """Accounts without their password hashes. Columns: username, display_name, role, county, street,
    is_active, last_sign_in_at."""
    with engine.connect() as connection:
        rows = connection.execute(select(AppUser.username, AppUser.display_name, AppUser.role,
                                         AppUser.scope_county_code, AppUser.scope_street_code, AppUser.is_active,
                                         AppUser.last_sign_in_at).order_by(AppUser.username)).all()
    return pd.DataFrame(rows, columns=["username", "display_name", "role", "county", "street", "is_active",
                                       "last_sign_in_at"])


def audit_entries(engine: Engine, limit: int = 500) -> pd.DataFrame:
    """The latest audit log entries. Columns: occurred_at, username, event, detail."""
    with engine.connect() as connection:
        rows = connection.execute(select(AuditEntry.occurred_at, AuditEntry.username, AuditEntry.event,
                                         AuditEntry.detail).order_by(AuditEntry.id.desc()).limit(limit)).all()
    return pd.DataFrame(rows, columns=["occurred_at", "username", "event", "detail"])


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
    commands.add_parser("audit")
    token = commands.add_parser("display-token", help="create a read-only big-screen token")
    token.add_argument("--label", default="大屏")
    token.add_argument("--county")
    token.add_argument("--street")
    token.add_argument("--days", type=int, default=30)
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
            print(users(engine).to_string(index=False))
        elif args.command == "audit":
            print(audit_entries(engine).to_string(index=False))
        else:
            print(create_display_token(engine, args.label, args.county, args.street, args.days, by="命令行"))
    except AccountError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
