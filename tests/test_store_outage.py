"""The database server goes away while the app runs: a view not yet cached says so in words (no traceback),
and once the server answers again the same view shows its figures without restarting the app.

The app reaches the server through a small TCP relay on the loopback that the test can cut, so the app meets
what it meets in production when the database stops: open connections drop, new ones are refused."""

from __future__ import annotations

import socket
import threading

import pytest
import streamlit as st
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from dashboard import accounts
from dashboard.auth import SIGN_IN_ENV
from dashboard.db import URL_ENV, make_engine
from tests.apptest import APP
from tests.conftest import fill_with_fixture
from tests.live_server import free_port
from tests.test_pages import run_app

SERVER_PORTS = {"postgresql": 5432, "mysql": 3306}


class Relay:
    """Forwards 127.0.0.1:`port` to the database server until `cut`, and again after `restore`."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None

    def restore(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        for open_socket in [self.listener, *self.sockets]:
            try:
                open_socket.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            open_socket.close()
        self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def relayed_fixture_store(databases, backend: str, *extra_fill) -> tuple[Relay, str]:
    """A new store on the backend's server holding the hand-built fixture (and whatever `extra_fill` adds),
    with a relay open to it; returns the relay and the store's URL through the relay."""
    direct = databases.new(backend)
    engine = make_engine(direct)
    fill_with_fixture(engine)
    for fill in extra_fill:
        fill(engine)
    engine.dispose()
    relay = Relay(SERVER_PORTS[backend])
    relay.restore()
    return relay, make_url(direct).set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)


@pytest.mark.parametrize("server_backend", ["postgresql", "mysql"])
def test_a_view_explains_a_lost_store_and_recovers(monkeypatch, databases, server_backend):
    relay, url = relayed_fixture_store(databases, server_backend)
    try:
        shown = run_app(monkeypatch, url)
        assert shown.metric[1].value == "66.7%"  # 4 of 6 in-service members (tests/test_pages.py)

        relay.cut()
        st.cache_data.clear()
        lost = run_app(monkeypatch, url)
        assert any("无法连接数据库" in e.value for e in lost.error), [e.value for e in lost.error]

        relay.restore()
        st.cache_data.clear()
        back = run_app(monkeypatch, url)
        assert back.error == []
        assert back.metric[1].value == "66.7%"
    finally:
        relay.cut()


def test_signing_in_while_the_store_is_away_explains_itself(monkeypatch, databases):
    """Sign-in reads accounts straight from the store: that path, too, shows words, not a traceback."""
    relay, url = relayed_fixture_store(
        databases, "postgresql", lambda engine: accounts.add_user(engine, "city", "Correct-Horse-9", "city_leader"))
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.delenv(SIGN_IN_ENV, raising=False)
    try:
        app = AppTest.from_file(APP, default_timeout=60)
        app.run()
        app.text_input(key="sign_in_user").input("city")
        app.text_input(key="sign_in_password").input("Correct-Horse-9")
        relay.cut()
        st.cache_data.clear()
        next(b for b in app.button if b.label == "登录").click().run()
        assert not app.exception, [e.value for e in app.exception]
        assert any("无法连接数据库" in e.value for e in app.error), [e.value for e in app.error]
    finally:
        relay.cut()
