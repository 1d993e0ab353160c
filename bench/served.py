"""The real app served for a benchmark: a fresh database with the demo data, one uvicorn
process, and Jade signed in. Shared by plan_read.py and lighthouse.py.

SQLite: a file in a new temporary folder (on the same disk as everything else here).
PostgreSQL: a database made for the run on postgresql://postgres@127.0.0.1:5432 (trust
auth, as the tests use) and dropped after, whatever happens.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
YOUNG_PERSON = ("jade", "246810")  # demo sign-in (README, "Demo sign-ins")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(statement: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", statement], check=True
    )


def load_average() -> float:
    """The machine's 1-minute load average (this run's own processes included)."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def fsync_floor(seconds: float = 5.0, folder: str | None = None) -> str:
    """The disk's own latency, measured before a run: 4 KB written and fsync'd over and
    over for `seconds` (in `folder`, on the databases' disk). Every commit waits for one
    fsync, so a slow one here is the floor of a slow commit (and of a p99) there."""
    fd, path = tempfile.mkstemp(prefix="fsync-", dir=folder)
    took: list[float] = []
    try:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            os.write(fd, b"x" * 4096)
            started = time.perf_counter()
            os.fsync(fd)
            took.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        os.unlink(path)
    took.sort()
    n = len(took)
    return (
        f"disk: {n} fsyncs in {seconds:g} s, p50 {took[n // 2]:.2f} ms, p99 {took[int(n * 0.99)]:.2f} ms, "
        f"max {took[-1]:.0f} ms (each commit waits for one)"
    )


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its threads so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, timeout: float = 60) -> None:
    """Until the server has finished what a load generator left in flight: wrk stops on
    time but up to one request per connection is still being served, and that CPU would
    otherwise count against the next route measured."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(0.25)
        if cpu_seconds(pid) - before < 0.025:  # under 10% of a core: the worker's polling
            return


def homeward_command() -> list[str]:
    script = Path(sys.executable).parent / "homeward"
    return [str(script)] if script.exists() else [sys.executable, "-m", "backend.cli"]


@dataclass
class Served:
    database: str  # "sqlite" or "postgres"
    bare_route: bool = True  # serve bench/floor_app.py (the app + GET /bench/bare)
    base: str = ""
    pid: int = 0
    cookie: str = ""
    young_person_id: str = ""
    _tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="homeward-bench-")))
    _pg_name: str = ""
    _server: subprocess.Popen | None = None

    def __enter__(self) -> Served:
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _env(self) -> dict[str, str]:
        if self.database == "postgres":
            url = f"{PG_SERVER}/{self._pg_name}"
        else:
            url = f"sqlite:///{self._tmp / 'bench.sqlite3'}"
        return {
            **os.environ,
            "HOMEWARD_DATA_DIR": str(self._tmp),
            "HOMEWARD_DATABASE_URL": url,
            "HOMEWARD_MODE": "development",
        }

    def _start(self) -> None:
        if self.database == "postgres":
            self._pg_name = f"homeward_bench_{os.getpid()}"
            psql(f"CREATE DATABASE {self._pg_name}")
        env = self._env()
        subprocess.run(
            [*homeward_command(), "demo"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        port = free_port()
        if self.bare_route:
            # The same uvicorn options as `homeward serve` (backend/cli.py), on the
            # factory that adds the bare route.
            command = [
                sys.executable,
                "-m",
                "uvicorn",
                "floor_app:create_app",
                "--factory",
                "--app-dir",
                str(BENCH),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-proxy-headers",
                "--no-server-header",
                "--log-level",
                "warning",
            ]
        else:
            command = [*homeward_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
        self._server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        self.pid = self._server.pid
        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.base}/health").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self._server.poll() is not None:
                raise RuntimeError("the app did not start")
            time.sleep(0.1)
        self._sign_in()

    def _sign_in(self) -> None:
        identifier, secret = YOUNG_PERSON
        reply = httpx.post(
            f"{self.base}/api/auth/login",
            json={"identifier": identifier, "secret": secret, "device_name": "bench"},
        )
        reply.raise_for_status()
        self.cookie = f"homeward_session={reply.cookies['homeward_session']}"
        self.young_person_id = reply.json()["young_person_id"]

    def settle(self, timeout: float = 240) -> None:
        """Until the backlog a load run left is served: the process is near idle and a
        signed-in read (which queues for the database behind any backlog) answers within
        a second. CPU alone is not enough on PostgreSQL, where queued requests wait for
        the pool while this process sits idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            wait_until_idle(self.pid, timeout=max(1.0, deadline - time.monotonic()))
            began = time.monotonic()
            try:
                httpx.get(f"{self.base}/api/auth/me", headers={"Cookie": self.cookie}, timeout=timeout)
            except httpx.HTTPError:
                continue
            if time.monotonic() - began < 1:
                return

    def __exit__(self, *_exc) -> None:
        if self._server is not None:
            self._server.terminate()
            try:
                self._server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._server.kill()
                self._server.wait()
            self._server = None
        if self._pg_name:
            psql(f"DROP DATABASE IF EXISTS {self._pg_name} WITH (FORCE)")
            self._pg_name = ""
        shutil.rmtree(self._tmp, ignore_errors=True)
