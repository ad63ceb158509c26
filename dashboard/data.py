"""Where data enters the app: the one cached engine per store, the first-run demo fill, cached queries.

Pages call `load(query_function, *args)`; results are cached per store URL for QUERY_TTL seconds, with
primitive, hashable arguments (Area, dates, numbers). `load` is also where the viewer's limits apply: every
Area argument is put within the viewer's scope (the queries then read nothing outside it), and a query
that returns personal data gets mask=True unless the viewer's role needs the data.
"""

from __future__ import annotations

import importlib
import inspect
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from dashboard.accounts import Viewer
from dashboard.data_version import bump_data_version
from dashboard.db import describe, make_engine, store_url, unreachable, upgrade_store
from dashboard.demo import generate, store_is_empty
from dashboard.new_store import is_marked_real
from dashboard.summaries import rebuild_summaries, summaries_missing
from queries.area import Area
from queries.store import data_version

QUERY_TTL = 600


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


_prepared: set[str] = set()
_prepare_lock = threading.Lock()


class StoreUnavailable(RuntimeError):
    """The configured store cannot be reached; the message is for the person at the screen."""


class StoreOutage(RuntimeError):
    """The store stopped answering during a big screen's run, which keeps its last figures (dashboard/screen.py)."""


OUTAGE_RAISES = "store_outage_raises"  # session state: set by the entry script on a big screen


def ensure_store() -> None:
    """Bring the store's schema up to date and, when it is empty, fill it with demo data, showing progress.
    A store made for real data (init-store, clear-demo) is never filled, even while it is still empty.

    Done once per store and process; other sessions arriving meanwhile wait for it.
    """
    url = store_url()
    if url in _prepared:
        return
    with _prepare_lock:
        if url in _prepared:
            return
        store = _engine_for(url)
        try:
            upgrade_store(store)
        except OperationalError as error:
            raise StoreUnavailable(unreachable(store, error)) from error
        if store_is_empty(store) and not is_marked_real(store):
            notice = st.info(f"首次启动:数据库为空,正在生成演示数据(约半分钟)。数据库:{describe(store)}")
            bar = st.progress(0.0, text="准备生成演示数据")
            generate(store, progress=lambda fraction, message: bar.progress(min(fraction, 1.0), text=message))
            bar.empty()
            notice.empty()
        with store.connect() as connection:
            missing = summaries_missing(connection)
        if missing:
            with st.spinner("正在汇总数据(升级后首次启动)"), store.begin() as connection:
                rebuild_summaries(connection)
                bump_data_version(connection)
        _prepared.add(url)


@st.cache_data(ttl=QUERY_TTL, show_spinner=False, max_entries=1024)
def _run(url: str, module: str, name: str, args: tuple, kwargs: tuple) -> Any:
    query = getattr(importlib.import_module(module), name)
    return query(_engine_for(url), *args, **dict(kwargs))


@st.cache_data(ttl=QUERY_TTL, show_spinner=False, max_entries=1024)
def _derived(module: str, name: str, args: tuple, kwargs: tuple) -> Any:
    return getattr(importlib.import_module(module), name)(*args, **dict(kwargs))


def derived(function: Callable, *args, **kwargs) -> Any:
    """A pure function of query results (findings, briefing sections), cached like the queries it reads:
    Streamlit reruns the whole page on every click, and these are recomputed otherwise."""
    return _derived(function.__module__, function.__name__, args, tuple(sorted(kwargs.items())))


@st.cache_resource(ttl=QUERY_TTL, show_spinner=False, max_entries=256)
def _figure(module: str, name: str, args: tuple, kwargs: tuple) -> Any:
    return getattr(importlib.import_module(module), name)(*args, **dict(kwargs))


def figure(function: Callable, *args, **kwargs) -> Any:
    """A plotly figure built by `function`, cached and shared, not copied: a copied (unpickled) figure, or a
    dict, is validated again by plotly, which costs as much as building it. Figures are never changed after
    they are built; st.plotly_chart only reads them."""
    return _figure(function.__module__, function.__name__, args, tuple(sorted(kwargs.items())))


def clear_caches() -> None:
    """Forget every cached query result, finding and figure (after the data changed)."""
    st.cache_data.clear()
    _figure.clear()


VERSION_CHECK_SECONDS = 3.0
_seen_versions: dict[str, tuple[str | None, float]] = {}
_version_lock = threading.Lock()


def keep_fresh() -> None:
    """Forget this process's cached results when the store's data version moved (an import or clearing done by
    another process or the command line). Asked at most every VERSION_CHECK_SECONDS per process: one indexed
    read of one row, so any process shows new data within seconds without re-reading everything."""
    url = store_url()
    now = time.monotonic()
    with _version_lock:
        seen, checked_at = _seen_versions.get(url, (None, -VERSION_CHECK_SECONDS))
        if now - checked_at < VERSION_CHECK_SECONDS:
            return
        current = data_version(_engine_for(url))
        if url in _seen_versions and current != seen:
            clear_caches()
        _seen_versions[url] = (current, now)


def engine() -> Engine:
    return _engine_for(store_url())


NOBODY = Viewer(username="", role="nobody", scope=Area(county="-"))  # a scope no county matches


def _viewer() -> Viewer:
    """The viewer resolved for this run; before one is resolved, nobody (area queries return nothing)."""
    return st.session_state.get("active_viewer") or NOBODY


def limited(viewer: Viewer, query: Callable, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
    """The arguments as the viewer may use them: areas within their scope, personal data masked."""
    args = tuple(a.within(viewer.scope) if isinstance(a, Area) else a for a in args)
    kwargs = {k: (v.within(viewer.scope) if isinstance(v, Area) else v) for k, v in kwargs.items()}
    if "mask" in inspect.signature(query).parameters:
        kwargs["mask"] = not viewer.sees_personal
    return args, kwargs


def load(query: Callable, *args, **kwargs) -> Any:
    """Run a function of `queries/` on the store for the active viewer, cached. When the store stops answering
    (a database restart, a network cut) the page says so in words and stops; cached results still show, and
    the next run after the store is back reads it again (the pool pings before use)."""
    args, kwargs = limited(_viewer(), query, args, kwargs)
    with store_guard():
        return _run(store_url(), query.__module__, query.__name__, args, tuple(sorted(kwargs.items())))


@contextmanager
def store_guard() -> Iterator[None]:
    """Inside it, a store that stops answering (a database restart, a network cut) ends the run with a message
    in words instead of a traceback. The app wraps every run in it; `load` too, so the message appears where
    the data was wanted. On a big screen (OUTAGE_RAISES) it raises StoreOutage for the screen to handle."""
    try:
        yield
    except (OperationalError, InterfaceError) as error:
        if st.session_state.get(OUTAGE_RAISES):  # a big screen keeps its last figures instead
            raise StoreOutage(type(error.orig).__name__) from error
        st.error(unreachable(engine(), error), icon=":material/cloud_off:")
        st.stop()
