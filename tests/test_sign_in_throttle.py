"""Sign-in under attack, on every backend: attempts made at the same moment (threads, and two processes on
one store) never get more password checks than the throttle allows; a refusal costs one Argon2 check and
the same time whether the name exists, is disabled or is unknown; every refusal is audited with its reason
and address."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import select

from dashboard import accounts
from dashboard.accounts import AccountError
from dashboard.db import ROOT
from dashboard.schema import SignInThrottle
from tests.fixture_data import build_fixture

PASSWORD = "Correct-Horse-9"
T0 = dt.datetime(2018, 7, 1, 9, 0, 0)
PARALLEL = 8


@pytest.fixture
def store(migrated_engine):
    build_fixture(migrated_engine)
    accounts.add_user(migrated_engine, "analyst", PASSWORD, "analyst")
    accounts.add_user(migrated_engine, "gone", PASSWORD, "analyst")
    accounts.change_user(migrated_engine, "gone", active=False)
    return migrated_engine


class CountedChecks:
    """Stands in for accounts.HASHER, counting its password checks (verify) across threads."""

    def __init__(self, monkeypatch) -> None:
        self.count, self.hashes = 0, []
        self._lock = threading.Lock()
        self._real = accounts.HASHER
        monkeypatch.setattr(accounts, "HASHER", self)

    def verify(self, hashed: str, password: str) -> bool:
        with self._lock:
            self.count += 1
            self.hashes.append(hashed)
        return self._real.verify(hashed, password)

    def __getattr__(self, name: str):
        return getattr(self._real, name)


def attempt_in_parallel(store, username: str, password: str, now: dt.datetime) -> list[str]:
    """PARALLEL attempts released at once; what each was told."""
    start, answers = threading.Barrier(PARALLEL), []

    def one() -> None:
        start.wait()
        try:
            accounts.authenticate(store, username, password, now=now, address="10.0.0.9")
            answers.append("signed in")
        except AccountError as error:
            answers.append(str(error))

    threads = [threading.Thread(target=one) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def failures(store, username: str) -> int:
    with store.connect() as connection:
        return connection.execute(select(SignInThrottle.failures).where(SignInThrottle.username == username)
                                  ).scalar() or 0


def test_parallel_attempts_get_no_more_checks_than_the_throttle_allows(store, monkeypatch):
    checks = CountedChecks(monkeypatch)
    refused, wait_5, wait_10 = "用户名或密码不正确,或账号已停用。", "登录失败次数过多,请 5 秒后再试。", \
        "登录失败次数过多,请 10 秒后再试。"
    answers = attempt_in_parallel(store, "analyst", "wrong-password", T0)
    # a fresh name: FREE_ATTEMPTS (3) checked, each counted; the others told to wait 5 s
    assert checks.count == accounts.FREE_ATTEMPTS == 3
    assert sorted(answers) == sorted([refused] * 3 + [wait_5] * 5)
    assert failures(store, "analyst") == 3
    # after three failures, once the 5 s are over: one more attempt is checked, however many arrive at once
    answers = attempt_in_parallel(store, "analyst", "wrong-password", T0 + dt.timedelta(seconds=5))
    assert checks.count == 4 and sorted(answers) == sorted([refused] + [wait_10] * 7)
    assert failures(store, "analyst") == 4
    assert accounts.authenticate(store, "analyst", PASSWORD, now=T0 + dt.timedelta(seconds=15)).role == "analyst"
    assert failures(store, "analyst") == 0  # forgiven by the success
    throttled = accounts.audit_entries(store, event="sign_in_throttled")
    assert len(throttled) == 12
    assert set(throttled["address"]) == {"10.0.0.9"} and throttled["detail"].str.contains("连续失败次数过多").all()


WORKER = """
import datetime as dt, json, sys, threading, time
from dashboard import accounts
from dashboard.db import make_engine
engine = make_engine(sys.argv[1])
count, lock, start_at = [0], threading.Lock(), float(sys.argv[2])
class Counted:
    def __init__(self, real):
        self.real = real
    def verify(self, hashed, password):
        with lock:
            count[0] += 1
        return self.real.verify(hashed, password)
    def __getattr__(self, name):
        return getattr(self.real, name)
accounts.HASHER = Counted(accounts.HASHER)
def one():
    try:
        accounts.authenticate(engine, "analyst", "wrong-password", now=dt.datetime(2018, 7, 1, 9, 0, 0))
    except accounts.AccountError:
        pass
threads = [threading.Thread(target=one) for _ in range(4)]
time.sleep(max(0.0, start_at - time.time()))
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps(count[0]))
"""


def test_two_app_processes_on_one_store_share_the_throttle(store):
    url = store.url.render_as_string(hide_password=False)
    start_at = str(time.time() + 6)  # both processes are up and release their attempts together
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, url, start_at], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(2)]
    checked = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-2000:]
        checked.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(checked) == accounts.FREE_ATTEMPTS  # 8 attempts from two processes, 3 checked
    assert failures(store, "analyst") == 3


def test_every_refusal_costs_one_check_and_is_audited_with_its_reason(store, monkeypatch):
    checks = CountedChecks(monkeypatch)
    for number, name in enumerate(["analyst", "gone", "nobody", ""]):
        with pytest.raises(AccountError, match="用户名或密码不正确"):
            accounts.authenticate(store, name, PASSWORD if name == "gone" else "wrong", now=T0 + dt.timedelta(
                hours=number), address="10.1.2.3")
    assert checks.count == 4  # one Argon2 check each, the dummy hash for the disabled and the unknown names
    assert len({len(h) for h in checks.hashes}) == 1 and all(h.startswith("$argon2id$v=19$m=65536,t=3") for h in
                                                               checks.hashes)
    log = accounts.audit_entries(store, event="sign_in_failed")
    assert log["detail"].tolist() == ["原因:用户名为空", "原因:用户名不存在", "原因:账号已停用", "原因:密码错误"]
    assert set(log["address"]) == {"10.1.2.3"}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_refusal_takes_as_long_for_unknown_disabled_and_existing_names(store):
    """Medians of 25 interleaved attempts each (an hour apart in the throttle's clock, so none waits). Measured
    as this process's CPU time, which is where the difference was (Argon2 ran only for existing names): wall
    time would also count whatever else the machine runs meanwhile (the suite's other worker)."""
    timings = {"analyst": [], "gone": [], "nobody-here": []}
    for round_number in range(25):
        for name, spent in timings.items():
            began = time.process_time()
            with pytest.raises(AccountError):
                accounts.authenticate(store, name, "wrong-password", now=T0 + dt.timedelta(hours=round_number))
            spent.append(time.process_time() - began)
    medians = {name: statistics.median(spent) for name, spent in timings.items()}
    assert max(medians.values()) < 1.2 * min(medians.values()), medians


def test_a_token_lifetime_must_be_positive(store):
    for days in (-1, 0, 367):
        with pytest.raises(AccountError, match="有效天数须为 1 至 366"):
            accounts.create_display_token(store, "大屏", days=days)
    assert accounts.display_tokens(store).empty
