"""Browser tests: a real Homeward server with demo data, driven by Debian's chromium.

Run on their own (`pytest tests/browser`): Playwright's sync API must not share a
process with the asyncio tests.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from tests.browser.pages import DEMO, Screen, sign_in
from tests.support.fixtures import push_service, push_service_controls_reset  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("HOMEWARD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOTP_STEP_SECONDS = 30
# Anything not on our own server (e.g. the quick-exit site) gets this instead.
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
STUB_PAGE = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"


@pytest.fixture(autouse=True)
def clean_database():
    """Replaces the API tests' per-test database: here the server owns its own."""
    yield


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    ours = [item for item in items if Path(str(item.fspath)).is_relative_to(here)]
    if ours and len(ours) < len(items):
        # Playwright's sync API and pytest-asyncio's loop break each other in one
        # process (the async tests error out), so browser tests need a run of their own.
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if item not in ours]
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(
                f"browser tests left out ({len(ours)}): run them on their own with `pytest tests/browser`",
                yellow=True,
            )
        return
    for item in ours:
        item.add_marker(pytest.mark.browser)
    # Sign-in tests first: the sessions they open are reused by later tests, so none
    # of those waits for a professional's next one-time code (one per 30 seconds).
    items.sort(key=lambda item: Path(str(item.fspath)) != here / "test_sign_in.py")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed (or timed-out) browser test shows the end of each server's log with it."""
    report = yield
    if report.failed:
        for name in ("server", "mail_server"):
            srv = getattr(item, "funcargs", {}).get(name)
            if isinstance(srv, Server) and (tail := srv.log_text().splitlines()[-60:]):
                report.sections.append((f"{name} log, last {len(tail)} lines", "\n".join(tail)))
    return report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base_url: str
    env: dict[str, str]
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    # email -> TOTP time step last used: the server refuses a step it has seen.
    used_steps: dict[str, int] = field(default_factory=dict)

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "backend.cli", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, f"homeward {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def demo_code(self, email: str) -> str:
        """A TOTP code for a demo professional that the server has not seen used."""
        while int(time.time() // TOTP_STEP_SECONDS) <= self.used_steps.get(email, -1):
            time.sleep(0.5)
        step = int(time.time() // TOTP_STEP_SECONDS)
        code = self.cli("demo-code", email).strip()
        self.used_steps[email] = step
        assert re.fullmatch(r"\d{6}", code), code
        return code


def _wait_for_health(server: Server, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"homeward serve exited early:\n{server.log_text()}")
        try:
            with urllib.request.urlopen(f"{server.base_url}/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"homeward serve did not answer /health in time:\n{server.log_text()}")


def _serve(tmp_path_factory, **settings: str):
    data = tmp_path_factory.mktemp("homeward-data")
    port = _free_port()
    env = {
        **os.environ,
        "HOMEWARD_DATA_DIR": str(data),
        "HOMEWARD_DATABASE_URL": f"sqlite:///{data}/homeward.sqlite3",
        "HOMEWARD_BASE_URL": f"http://127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
        **settings,
    }
    env.pop("HOMEWARD_MODE", None)
    srv = Server(base_url=f"http://127.0.0.1:{port}", env=env, log_path=data / "server.log")
    srv.cli("demo")
    log = srv.log_path.open("w")
    srv.process = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_health(srv)
        yield srv
    finally:
        srv.process.terminate()
        try:
            srv.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            srv.process.kill()
            srv.process.wait()
        log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """The demo as `homeward serve` runs it, with email not set up: who an alert reaches
    is then push or nobody, as the alert tests expect."""
    yield from _serve(tmp_path_factory, HOMEWARD_DEMO_MAILBOX="0")


@pytest.fixture(scope="session")
def mail_server(tmp_path_factory) -> Iterator[Server]:
    """The demo exactly as the README's command runs it: email goes to the demo mailbox."""
    yield from _serve(tmp_path_factory)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _stub_elsewhere(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body=STUB_PAGE)


class PageProblems:
    """Uncaught errors and CSP refusals: either means a screen is broken."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.items.append(f"page error: {error}"))
        page.on(
            "console",
            lambda msg: (
                self.items.append(f"console: {msg.text}")
                if msg.type == "error" and "Content Security Policy" in msg.text
                else None
            ),
        )


@pytest.fixture
def new_context(browser: Browser, server: Server):
    """Make fresh browser contexts (a second phone, say); all are closed after the test."""
    contexts: list[BrowserContext] = []
    problems = PageProblems()

    def make(**options) -> BrowserContext:
        options.setdefault("viewport", {"width": 390, "height": 844})
        options.setdefault("locale", "en-GB")
        options.setdefault("base_url", server.base_url)
        context = browser.new_context(**options)
        context.route(ELSEWHERE, _stub_elsewhere)
        context.on("page", problems.watch)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not problems.items, "\n".join(problems.items)


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def _saved_sign_ins() -> dict:
    return {}


@pytest.fixture
def keep_sign_in(_saved_sign_ins: dict):
    """Keep a context's cookies so `signed_in` can reuse the session later."""

    def keep(who: str, context: BrowserContext) -> None:
        _saved_sign_ins.setdefault(who, context.storage_state())

    return keep


@pytest.fixture
def signed_in(new_context, server: Server, _saved_sign_ins: dict):
    """A page in a fresh context, already signed in as a demo person.

    The first time, sign in through the screen; later, reuse those cookies. A
    professional's code works once per 30 seconds, so this saves waiting.
    """

    def make(who: str) -> Page:
        saved = _saved_sign_ins.get(who)
        if saved:
            page = new_context(storage_state=saved).new_page()
            page.goto("/#/home")
            screen = Screen(page)
            screen.expect_title(DEMO[who].home_title)
            screen.wait_until_loaded()
            return page
        context = new_context()
        page = context.new_page()
        sign_in(page, who, server)
        _saved_sign_ins[who] = context.storage_state()
        return page

    return make
