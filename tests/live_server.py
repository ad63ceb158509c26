"""A real `streamlit run` server of the app on the loopback, for the browser tests and the load benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

from dashboard.auth import SIGN_IN_ENV
from dashboard.db import ROOT, URL_ENV


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, port: int, sign_in: str = "off") -> subprocess.Popen:
    """The app on 127.0.0.1:`port` with the store `url` and sign-in off (or "on"), once it answers its health
    check."""
    env = {**os.environ, URL_ENV: url, SIGN_IN_ENV: sign_in}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the streamlit server did not start within 120 s")


def serving(url: str, sign_in: str = "off") -> Iterator[str]:
    """For a module's server fixture (`yield from serving(url)`): the app on a free port with the store `url`;
    its base URL, and the server stopped when the module is done."""
    port = free_port()
    process = start_server(url, port, sign_in=sign_in)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)
