"""Test stores on every backend: SQLite always; PostgreSQL and MariaDB/MySQL where a server answers.

Each test run creates databases of its own on the servers (named dj_test_<random>) and drops them at the
end, since the servers are shared with whatever ran before. Without a server the backend's tests are
skipped and the summary says so; under CI (CI=true) a missing server is an error instead.
Server URLs (an account allowed to create databases) can be changed with DANGJIAN_TEST_POSTGRES_URL and
DANGJIAN_TEST_MYSQL_URL.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from dashboard.db import make_engine, upgrade_store
from tests.fixture_data import build_fixture

SERVERS = {
    "postgresql": os.environ.get("DANGJIAN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
    "mysql": os.environ.get("DANGJIAN_TEST_MYSQL_URL", "mysql+pymysql://root@127.0.0.1:3306/test"),
}
BACKENDS = ["sqlite", "postgresql", "mysql"]
# The stores every worker only reads (the fixture, the demo, ...) are filled once per run, by whichever
# pytest-xdist worker asks first, in this directory the main process makes and removes at the end.
SHARED_ENV = "DANGJIAN_TEST_SHARED_STORES"
_unavailable: dict[str, str] = {}


def _server_reachable(backend: str) -> str | None:
    """None when the server answers, else the reason it does not."""
    if backend in _unavailable:
        return _unavailable[backend]
    try:
        engine = create_engine(SERVERS[backend], connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure to connect means the backend is not here
        _unavailable[backend] = f"{backend} server not reachable at {make_url(SERVERS[backend]).render_as_string()}: " \
                                f"{type(error).__name__}"
        return _unavailable[backend]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between the worker processes (released also when a worker dies)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Databases:
    """Creates databases of its own on each backend and drops them all at the end."""

    def __init__(self, tmp: Path, shared: Path) -> None:
        self.tmp = tmp
        self.shared = shared
        self.created: list[tuple[str, str]] = []

    def filled_once(self, backend: str, name: str, fill: Callable[[Engine], None]) -> str:
        """The URL of a store filled by `fill` once per test run, shared by the workers (the tests using it only
        read it). The main process drops it at the end (pytest_unconfigure)."""
        key = hashlib.sha1(f"{name}|{backend}".encode()).hexdigest()[:12]
        known = self.shared / f"{key}.url"
        with _locked(self.shared / f"{key}.lock"):
            if known.exists():
                return known.read_text()
            url = self._create(backend, self.shared)
            if backend != "sqlite":
                with _locked(self.shared / "servers.lock"), (self.shared / "servers.txt").open("a") as listed:
                    listed.write(f"{backend} {make_url(url).database}\n")
            engine = make_engine(url)
            fill(engine)
            engine.dispose()
            known.write_text(url)
            return url

    def new(self, backend: str) -> str:
        """The URL of a new, empty database on `backend`, dropped at the end of this worker's session."""
        url = self._create(backend, self.tmp)
        if backend != "sqlite":
            self.created.append((backend, make_url(url).database))
        return url

    def migrated(self, backend: str) -> str:
        """The URL of a new store at the newest schema with nothing in it, for a test that writes. A copy of one
        migrated once per run (the file on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL: 0.02–0.04 s
        against 0.5 s of migrations); MariaDB has no such copy, so it is migrated in place there."""
        if backend == "mysql":
            url = self.new(backend)
            engine = make_engine(url)
            upgrade_store(engine)
            engine.dispose()
            return url
        template = make_url(self.filled_once(backend, "migrated", upgrade_store)).database
        if backend == "sqlite":
            url = self._create(backend, self.tmp)
            shutil.copyfile(template, make_url(url).database)
            return url
        name = f"dj_test_{secrets.token_hex(4)}"
        _on_server(backend, f"CREATE DATABASE {name} TEMPLATE {template}")
        self.created.append((backend, name))
        return make_url(SERVERS[backend]).set(database=name).render_as_string(hide_password=False)

    @staticmethod
    def _create(backend: str, folder: Path) -> str:
        name = f"dj_test_{secrets.token_hex(4)}"
        if backend == "sqlite":
            return f"sqlite:///{folder / (name + '.sqlite3')}"
        reason = _server_reachable(backend)
        if reason:
            if os.environ.get("CI"):
                pytest.fail(f"CI must run every backend: {reason}")
            pytest.skip(reason)
        _on_server(backend, f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                   if backend == "mysql" else f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
        return make_url(SERVERS[backend]).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        _drop(self.created)


def _on_server(backend: str, statement: str) -> None:
    """One statement on the backend's server, as the account of SERVERS, outside any transaction."""
    admin = create_engine(SERVERS[backend], isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(statement))
    admin.dispose()


def _drop(databases: list[tuple[str, str]]) -> None:
    for backend, name in databases:
        _on_server(backend, f"DROP DATABASE IF EXISTS {name}" + (" WITH (FORCE)" if backend == "postgresql" else ""))


def pytest_configure(config) -> None:
    if not hasattr(config, "workerinput"):  # the main process; workers inherit the variable
        os.environ[SHARED_ENV] = tempfile.mkdtemp(prefix="dangjian-shared-stores-")


def pytest_unconfigure(config) -> None:
    """The main process drops the shared stores once every worker is done with them."""
    if hasattr(config, "workerinput") or SHARED_ENV not in os.environ:
        return
    shared = Path(os.environ.pop(SHARED_ENV))
    listed = shared / "servers.txt"
    if listed.exists():
        _drop([tuple(line.split()) for line in listed.read_text().splitlines() if line.strip()])
    shutil.rmtree(shared, ignore_errors=True)


@pytest.fixture(scope="session")
def databases(tmp_path_factory) -> Iterator[Databases]:
    made = Databases(tmp_path_factory.mktemp("stores"), Path(os.environ[SHARED_ENV]))
    yield made
    made.drop_all()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def empty_engine(databases, backend) -> Iterator[Engine]:
    """A new empty database (no schema) on the backend, for tests that write."""
    engine = make_engine(databases.new(backend))
    yield engine
    engine.dispose()


@pytest.fixture
def migrated_engine(databases, backend) -> Iterator[Engine]:
    """A new store at the newest schema and nothing else (no county-level units either), for tests that write."""
    engine = make_engine(databases.migrated(backend))
    yield engine
    engine.dispose()


def fill_with_fixture(engine: Engine) -> None:
    """Schema and the hand-built fixture (tests/fixture_data.py)."""
    upgrade_store(engine)
    build_fixture(engine)


@pytest.fixture
def fixture_url(databases, backend) -> str:
    """URL of a store holding the hand-built fixture, built once per backend and only read by tests."""
    return databases.filled_once(backend, "fixture", fill_with_fixture)


@pytest.fixture
def fixture_engine(fixture_url) -> Iterator[Engine]:
    engine = make_engine(fixture_url)
    yield engine
    engine.dispose()


# Long files whose tests go by backend: split by backend, so that two workers share them (the demo generated on
# two backends at once, the scope matrix asked of two servers at once) instead of one doing all three in a row.
SPLIT_BY_BACKEND = {"tests/test_demo.py", "tests/test_every_query_every_role.py"}


# The longest groups (measured: each takes minutes) start first, so that no worker is left with one at the end
# while the other idles; make test passes --no-loadscope-reorder, which keeps this order instead of xdist's
# (most tests first, which puts 1,000 quick scope checks before a 5-minute browser file).
LONG_FIRST = ("tests/test_demo.py", "tests/browser/test_screens.py", "tests/browser/test_downloads.py",
              "tests/test_every_query_every_role.py", "tests/browser/")


def _start_order(item) -> int:
    path = item.nodeid.split("::")[0]
    return next((rank for rank, prefix in enumerate(LONG_FIRST) if path.startswith(prefix)), len(LONG_FIRST))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist copies the groups into the test ids
def pytest_collection_modifyitems(items) -> None:
    """Whole files go to one worker (their stores are built once per worker), as `--dist loadfile` would do;
    with `--dist loadgroup` (make test) the files of SPLIT_BY_BACKEND go by file and backend. Long files first."""
    items.sort(key=_start_order)  # stable: within a file, the written order
    for item in items:
        group = item.nodeid.split("::")[0]
        backend = getattr(item, "callspec", None) and item.callspec.params.get("backend")
        if group in SPLIT_BY_BACKEND and backend:
            group = f"{group}:{backend}"  # no brackets: xdist reads a group only after the last "]"
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session) -> None:
    """Fail at once if the groups did not reach pytest-xdist (it happened silently with pytest 9.2, xdist#1386):
    every file's stores and servers would then be built on both workers and the suite run twice as long."""
    if getattr(session.config.option, "loadgroup", False) and any("@" not in item.nodeid for item in session.items):
        raise pytest.UsageError("pytest-xdist --dist loadgroup did not take the tests' groups: "
                                "check the pinned pytest and pytest-xdist versions (requirements-dev.txt)")


def pytest_terminal_summary(terminalreporter) -> None:
    for backend in SERVERS:  # asked here too: under pytest-xdist the tests ran in worker processes
        _server_reachable(backend)
    if _unavailable:
        terminalreporter.section("backends skipped")
        for reason in _unavailable.values():
            terminalreporter.write_line(reason)
    else:
        terminalreporter.write_line("backends skipped: none (sqlite, postgresql and mysql reachable)")
