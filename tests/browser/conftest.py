"""What the browser tests share: one chromium per module, the skip rule, the accounts' password, signing in and
waiting for a run."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "Correct-Horse-9"  # of every account the browser tests make
# Locally the browser tests are skipped without chromium and fonts; CI installs both (.ci/run) and never skips them.
NEEDS_CHROMIUM = pytest.mark.skipif(
    not os.environ.get("CI") and not (shutil.which(CHROMIUM) and shutil.which("fc-list")),
    reason="chromium not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield chromium
        chromium.close()


def settle(page) -> None:
    """Wait until the app's run is over."""
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-test-script-state='notRunning']", timeout=60_000)


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill the sign-in form as a person does and press 登录 (the caller waits for what should appear)."""
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
