"""Load test: N concurrent viewers of a real `streamlit run` server on the loopback, over its websocket.

    python -m bench.load                                  # 16 viewers of the check-in view, 1x SQLite store
    python -m bench.load --sessions 1 4 16 --page overview --views 10
    python -m bench.load --url postgresql+psycopg://postgres@127.0.0.1:5432/dj_bench_x10
    python -m bench.load --processes 2                    # two servers, viewers spread over them (sticky)

Each viewer is a websocket client speaking Streamlit's own protocol (the BackMsg/ForwardMsg protobufs the
browser sends and receives): it asks for the page (a rerun with the page's name and query string) and
waits for the server's `script_finished`, `--views` times in a row. The server is started once with the
store in DANGJIAN_DATABASE_URL and sign-in off, and warmed with one view of the page (a cache hit from then
on, as for a meeting room full of leaders). Prints pages per second and the median and maximum latency.
Budget (issue 8): 16 concurrent viewers of a warm view, median latency at most 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.pages import store_for
from tests.live_server import free_port, start_server

PAGE_NAMES = {"overview": "", "coverage": "coverage", "checkin": "checkin", "meetings": "meetings",
              "two_new": "two_new", "funding": "funding"}
BUDGET_MEDIAN = 1.5


def rerun(page: str, query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.page_name = PAGE_NAMES[page]
    message.rerun_script.query_string = query
    return message.SerializeToString()


async def view(socket_, page: str, query: str) -> float:
    """Ask for the page and wait until the server has finished sending it; returns seconds."""
    started = time.perf_counter()
    await socket_.send(rerun(page, query))
    while True:
        message = ForwardMsg()
        message.ParseFromString(await socket_.recv())
        if message.WhichOneof("type") == "script_finished":
            return time.perf_counter() - started


async def viewer(port: int, page: str, query: str, views: int, latencies: list[float]) -> None:
    address = f"ws://127.0.0.1:{port}/_stcore/stream"
    async with websockets.connect(address, subprotocols=["streamlit"], max_size=None) as socket_:
        for _ in range(views):
            latencies.append(await view(socket_, page, query))


async def load(ports: list[int], page: str, query: str, sessions: int, views: int) -> tuple[float, list[float]]:
    """`sessions` viewers at once, viewer i on server i mod len(ports) for all its views (as a reverse proxy
    with sticky sessions would place them)."""
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(viewer(ports[i % len(ports)], page, query, views, latencies) for i in range(sessions)))
    return time.perf_counter() - started, latencies


def resident_megabytes(pid: int) -> float:
    """A process's resident memory (Linux /proc), in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the store (default: the 1x SQLite benchmark store, built if missing)")
    parser.add_argument("--page", choices=list(PAGE_NAMES), default="checkin")
    parser.add_argument("--query", default="", help="query string of the view, e.g. county=430702")
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--views", type=int, default=8, help="views per viewer")
    parser.add_argument("--processes", type=int, default=1, help="streamlit servers, viewers spread over them")
    args = parser.parse_args(argv)
    url = args.url or store_for(1, None)
    ports = [free_port() for _ in range(args.processes)]
    servers = [start_server(url, port) for port in ports]
    try:
        for port in ports:
            first, _ = asyncio.run(load([port], args.page, args.query, 1, 1))
            print(f"server on 127.0.0.1:{port}, store {url.split('@')[-1]}; first view of {args.page} "
                  f"(cold: imports, queries) {first:.2f} s")
        print(f"{'viewers':>8} {'views':>6} {'seconds':>8} {'pages/s':>8} {'median':>8} {'max':>8}")
        verdicts = []
        for sessions in args.sessions:
            elapsed, latencies = asyncio.run(load(ports, args.page, args.query, sessions, args.views))
            median = statistics.median(latencies)
            print(f"{sessions:>8} {len(latencies):>6} {elapsed:>8.2f} {len(latencies) / elapsed:>8.1f} "
                  f"{median:>7.2f}s {max(latencies):>7.2f}s")
            if sessions == 16:
                verdicts.append("within" if median <= BUDGET_MEDIAN else "OVER")
        for verdict in verdicts:
            print(f"budget: 16 concurrent viewers of a warm view, median <= {BUDGET_MEDIAN} s: {verdict}")
        print("resident memory per server: " + ", ".join(f"{resident_megabytes(s.pid):.0f} MB" for s in servers))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
