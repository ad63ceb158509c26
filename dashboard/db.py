"""The one place that makes an engine for the store, and brings a store's schema up to date.

Which store: the environment variable ``DANGJIAN_DATABASE_URL`` (any SQLAlchemy URL), else
``[database] url`` in ``.streamlit/secrets.toml``, else the embedded SQLite file ``data/dangjian.sqlite3``.
Production examples::

    postgresql+psycopg://dangjian:***@db.example/dangjian
    mysql+pymysql://dangjian:***@db.example/dangjian?charset=utf8mb4

Nothing here connects at import time.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

ROOT = Path(__file__).resolve().parent.parent
URL_ENV = "DANGJIAN_DATABASE_URL"
SECRETS_FILE = ROOT / ".streamlit" / "secrets.toml"
DEFAULT_SQLITE = ROOT / "data" / "dangjian.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def store_url() -> str:
    """The configured store URL: environment first, then Streamlit secrets, then embedded SQLite."""
    url = os.environ.get(URL_ENV, "").strip()
    if url:
        return url
    if SECRETS_FILE.exists():
        secrets = tomllib.loads(SECRETS_FILE.read_text(encoding="utf-8"))
        url = str(secrets.get("database", {}).get("url", "")).strip()
        if url:
            return url
    return f"sqlite:///{DEFAULT_SQLITE}"


def unreachable(store: Engine, error: DBAPIError) -> str:
    """What the person at the screen reads when the store does not answer."""
    return (f"无法连接数据库 {describe(store)}。请检查环境变量 DANGJIAN_DATABASE_URL 或 .streamlit/secrets.toml "
            f"中的地址、账号和网络,数据库服务恢复后刷新本页。(错误类型:{type(error.orig).__name__})")


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: `store_url()`), set up the same way for every backend."""
    parsed = make_url(url or store_url())
    if parsed.get_backend_name() == "mysql" and "charset" not in parsed.query:
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Enforce foreign keys and let readers go on while the generator writes."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def describe(engine: Engine) -> str:
    """The store's URL with any password hidden, for messages and logs."""
    return engine.url.render_as_string(hide_password=True)


def upgrade_store(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the store's schema to the newest (or the given) Alembic revision (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def has_schema(engine: Engine) -> bool:
    """Whether the store already has its tables."""
    return inspect(engine).has_table("store_meta")


MARIADB_CHECK_FAILED = 4025


def is_constraint_violation(error: Exception) -> bool:
    """Whether a database error means a row broke a key, foreign key, NOT NULL or CHECK constraint.

    MariaDB reports a failed CHECK as error 4025, which PyMySQL raises as OperationalError.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError

    if isinstance(error, IntegrityError):
        return True
    code = getattr(getattr(error, "orig", None), "args", [None])[0]
    return isinstance(error, OperationalError) and code == MARIADB_CHECK_FAILED
