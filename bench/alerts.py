"""Alert delivery under load: tap to push service, p50/p99, lost and duplicated.

Starts the real app (uvicorn, one process, its in-process worker) on a fresh database and
the push service stand-in (web-push-testing, which checks VAPID and decrypts), makes
young people whose trusted contact has a real subscription, then sends alerts at a fixed
rate through HTTP, each tap from a young person with no alert on (a tap while one is on
sends that alert again rather than a new one). Latency is from the moment the alert
request is sent to the moment the push service accepted the encrypted message (the
delivery's sent_at, written when the push service answered 201). Lost: alerts whose
delivery was never accepted. Duplicated: messages the push service delivered beyond one
per alert.

Several processes (PostgreSQL): `--apps 2` runs two app processes (each with its own
worker), `--worker` adds a `homeward worker` apart from them, and `--kill app|worker`
SIGKILLs one of them half-way (a killed worker is started again a second later, as a
supervisor would; a killed app is not, and the phone's retry goes to the other app with
the same key). Every send is counted once per worker that made it.

Usage: python bench/alerts.py [--rate 50] [--seconds 60] [--database sqlite|postgres]
                              [--apps 2] [--worker] [--kill app|worker] [--profile FILE]
Needs `npm ci --prefix tests/pushservice` (scripts/test.sh does it). `--profile FILE`
samples the (first) app process with py-spy while the alerts are sent (py-spy in the venv:
.venv/bin/pip install py-spy); summary: python bench/profile_summary.py FILE.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="homeward-bench-alerts-"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PG_NAME = f"homeward_bench_{os.getpid()}"


def psql(statement: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-qc", statement], check=True)


def configure(database: str) -> str:
    os.environ["HOMEWARD_DATA_DIR"] = str(TMP)
    os.environ["HOMEWARD_BASE_URL"] = "https://bench.test"
    if database == "postgres":
        psql(f"CREATE DATABASE {PG_NAME}")
        url = f"postgresql://postgres@127.0.0.1:5432/{PG_NAME}"
    else:
        url = f"sqlite:///{TMP / 'bench.sqlite3'}"
    os.environ["HOMEWARD_DATABASE_URL"] = url
    return url


async def setup(people: int, push) -> list[dict]:
    """Young people, each with one active trusted contact subscribed at the stand-in."""
    import json

    from backend.accounts import services as accounts
    from backend.accounts.schemas import Role
    from backend.accounts.tables import Council, Session, User
    from backend.clock import now
    from backend.contacts.tables import TrustedContact
    from backend.db import get_engine, is_sqlite, start_pool
    from backend.migrate import migrate
    from backend.push import api as subscriptions
    from backend.security import encrypt, hash_secret
    from backend.vapid import make_keys
    from backend.young_people.tables import YoungPerson

    await migrate()
    engine = get_engine()
    if not is_sqlite(engine):
        # One pool for the set-up: a new PostgreSQL connection per statement made setting
        # up 3,000 young people take 5-14 minutes.
        await start_pool(engine, 1, 4)
    public_key = make_keys(Path(os.environ["HOMEWARD_DATA_DIR"]) / "vapid_private.pem", force=True)
    at = now()
    council = Council(name="Bench Council", created_at=at)
    await Council.insert(council)
    secret_hash = await hash_secret("bench-pin-2468")
    young = []
    for index in range(people):
        user = User(
            role="young_person",
            display_name=f"YP{index}",
            username=f"yp{index}",
            secret_hash=secret_hash,
            council=council.id,
            created_at=at,
        )
        await User.insert(user)
        record = YoungPerson(
            council=council.id,
            preferred_name=f"YP{index}",
            user=user.id,
            date_of_birth=dt.date(2011, 1, 1),
            created_at=at,
        )
        await YoungPerson.insert(record)
        contact = TrustedContact(
            young_person=record.id,
            state="active",
            created_by=user.id,
            created_at=at,
            details=encrypt(json.dumps({"name": f"Contact {index}", "email": "", "phone": ""})),
        )
        await TrustedContact.insert(contact)
        subscription = push.subscribe(public_key)
        await subscriptions.store(subscription, at, contact_id=contact.id)
        token = await accounts._open_session(user.id, Role.YOUNG_PERSON, "bench", at)
        session = await Session.select(Session.csrf_token).where(Session.user == user.id).first()
        young.append(
            {
                "token": token,
                "csrf": session["csrf_token"],
                "endpoint": subscription["endpoint"],
                "young_person": record.id,
            }
        )
    if not is_sqlite(engine):
        await engine.close_connection_pool()
    return young


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


async def load(
    bases: list[str], young: list[dict], rate: float, seconds: float, halfway=None
) -> dict[str, float]:
    """Send alerts at `rate` per second, round robin over the app processes, and call
    `halfway()` half-way through; returns idempotency key -> wall-clock send time."""
    import httpx

    sent: dict[str, float] = {}
    answered: list[float] = []
    failures = 0
    unanswered = 0
    retried = 0
    errors: dict[str, int] = {}
    # uvicorn closes a connection idle for 5 s (its --timeout-keep-alive). A client that
    # keeps idle connections as long (httpx's default) races that close on a busy
    # machine: a request written as the server closes gets no answer (httpx:
    # RemoteProtocolError "Server disconnected without sending a response"), though the
    # app never saw it. Browsers send such a request again; here idle connections are
    # dropped well before the server would, and a tap with no answer is sent again.
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200, keepalive_expiry=2.0)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:

        async def one(index: int, person: dict) -> None:
            nonlocal failures, unanswered, retried
            key = uuid.uuid4().hex
            sent[key] = time.time()
            headers = {"Cookie": f"homeward_session={person['token']}", "X-CSRF-Token": person["csrf"]}
            reply = None
            # A phone whose tap got no answer (its app process died, its connection was
            # closed under it, it waited 30 s) sends the same tap (same key) again, to
            # the other app process when there are two: the app answers a retry with the
            # alert the first one made, if it made one.
            for attempt in range(max(3, len(bases))):
                base = bases[(index + attempt) % len(bases)]
                try:
                    reply = await client.post(
                        f"{base}/api/alerts", json={"idempotency_key": key}, headers=headers
                    )
                    break
                except httpx.HTTPError as exc:
                    retried += 1
                    name = f"{type(exc).__name__} ({exc})" if str(exc) else type(exc).__name__
                    errors[name] = errors.get(name, 0) + 1
            if reply is None:
                unanswered += 1  # never answered; if the server kept it, it shows as "stored"
                return
            answered.append((time.time() - sent[key]) * 1000)
            if reply.status_code not in (200, 201):
                failures += 1
                sent.pop(key, None)

        tasks = []
        start = time.monotonic()
        total = int(rate * seconds)
        for index in range(total):
            delay = start + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if halfway and index == total // 2:
                halfway()
            tasks.append(asyncio.create_task(one(index, young[index % len(young)])))
        await asyncio.gather(*tasks)
    if failures:
        print(f"  {failures} alert requests were refused (an HTTP error status)")
    if retried:
        print(f"  {retried} requests got no answer and were sent again with the same key (as a phone does)")
        print(
            "  the errors (client side): "
            + ", ".join(f"{name}: {count}" for name, count in sorted(errors.items()))
        )
    if unanswered:
        print(f"  {unanswered} taps got no answer even when sent again")
    print(f"alert request answered (ms): p50 {pct(answered, 50):.1f}  p99 {pct(answered, 99):.1f}")
    return sent


async def measure(sent: dict[str, float], young: list[dict], push, wait: float) -> None:
    from backend.alerts.tables import Alert, Delivery

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        pending = await Delivery.count().where(Delivery.state.is_in(["pending", "sending"]))
        if pending == 0:
            break
        await asyncio.sleep(0.5)
    rows = await Delivery.select(Delivery.sent_at, Delivery.state, Delivery.recipient.alert.idempotency_key)
    accepted: dict[str, float] = {}
    for row in rows:
        key = row["recipient.alert.idempotency_key"].split(":", 1)[1]  # stored as "<young person>:<key>"
        if row["state"] == "sent" and key in sent:
            accepted.setdefault(key, row["sent_at"].timestamp())
    latencies = [(accepted[key] - sent[key]) * 1000 for key in accepted]
    lost = len(sent) - len(accepted)
    alerts = await Alert.count()
    received = push.received()
    per_endpoint: dict[str, int] = {}
    expected = {}
    for person in young:
        expected[person["endpoint"]] = 0
    by_person = {p["young_person"]: p["endpoint"] for p in young}
    for row in await Alert.select(Alert.young_person):
        expected[by_person[row["young_person"]]] += 1
    duplicated = 0
    for endpoint, count in expected.items():
        delivered = received.get(endpoint, {}).get("delivered", 0)
        per_endpoint[endpoint] = delivered
        duplicated += max(0, delivered - count)
    print(f"alerts sent: {len(sent)}  stored: {alerts}  accepted by the push service: {len(accepted)}")
    print(
        f"tap -> push service accepted (ms): p50 {pct(latencies, 50):.1f}  p90 {pct(latencies, 90):.1f}"
        f"  p99 {pct(latencies, 99):.1f}  max {max(latencies, default=float('nan')):.1f}"
    )
    print(f"lost: {lost}  duplicated: {duplicated}")
    await sent_by_worker()


async def sent_by_worker() -> None:
    """How the workers shared the sending (claimed_by is the worker's id)."""
    from backend.alerts.tables import Delivery, OutboxWorker

    names = {str(row["id"]): row["name"] for row in await OutboxWorker.select()}
    counts: dict[str, int] = {}
    for row in await Delivery.select(Delivery.claimed_by).where(Delivery.state == "sent"):
        name = names.get(row["claimed_by"], f"a worker that stopped ({row['claimed_by'][:8]})")
        counts[name] = counts.get(name, 0) + 1
    print("sent by: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())))


def start_app(port: int, in_process_worker: bool) -> subprocess.Popen:
    env = {
        **os.environ,
        "HOMEWARD_PUSH_TIMEOUT_SECONDS": "10",
        "HOMEWARD_IN_PROCESS_WORKER": "true" if in_process_worker else "false",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "backend.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
    )


def profile(pid: int, seconds: float, output: str) -> subprocess.Popen:
    """py-spy samples the app process (every thread, idle too) for the load's length."""
    spy = Path(sys.executable).parent / "py-spy"
    if not spy.exists():
        raise SystemExit("--profile needs py-spy in the venv: .venv/bin/pip install py-spy")
    command = [str(spy), "record", "--pid", str(pid), "--rate", "100", "--duration", str(int(seconds))]
    command += ["--idle", "--format", "raw", "--output", output]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1)  # py-spy attaching
    return recorder


def start_worker() -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "worker"],
        env=dict(os.environ),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


async def main(args) -> None:
    configure(args.database)
    from tests.support.pushservice import PushService

    with PushService() as push:
        young = await setup(args.people, push)
        ports = [free_port() for _ in range(args.apps)]
        apps = [start_app(port, in_process_worker=True) for port in ports]
        workers = [start_worker()] if args.worker else []
        killed: list[str] = []

        def halfway() -> None:
            if args.kill == "app" and len(apps) > 1:
                apps[-1].send_signal(signal.SIGKILL)
                killed.append("app")
            elif args.kill == "worker" and workers:
                workers[0].send_signal(signal.SIGKILL)
                killed.append("worker")
                # A supervisor starts it again.
                asyncio.get_running_loop().call_later(1.0, lambda: workers.append(start_worker()))

        try:
            import httpx

            for port in ports:
                for _ in range(300):
                    try:
                        if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                            break
                    except httpx.HTTPError:
                        pass
                    await asyncio.sleep(0.1)
            shape = (
                f"{args.apps} app processes, each with its worker"
                if args.apps > 1
                else ("one app process with its worker")
            )
            if args.worker:
                shape += " and a worker apart"
            if args.kill:
                shape += f", one {args.kill} killed (SIGKILL) half-way"
            print(
                f"{args.rate:g} alerts/s for {args.seconds:g} s, {args.people} young people, "
                f"{args.database}, {shape}, 2-core machine"
            )
            from served import fsync_floor  # bench/, this script's folder

            print(fsync_floor(folder=str(TMP)))
            recorder = profile(apps[0].pid, args.seconds, args.profile) if args.profile else None
            sent = await load(
                [f"http://127.0.0.1:{port}" for port in ports],
                young,
                args.rate,
                args.seconds,
                halfway if args.kill else None,
            )
            if recorder is not None:
                _, errors = recorder.communicate(timeout=120)
                if recorder.returncode != 0:
                    print(f"py-spy failed: {errors}")
                else:
                    print(f"profile: {args.profile} (python bench/profile_summary.py {args.profile})")
            await measure(sent, young, push, wait=60)
        finally:
            for process in apps + workers:
                if process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)
            if args.database == "postgres":
                psql(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--people",
        type=int,
        default=None,
        help="young people (default: one per alert, so every tap starts an alert)",
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--apps", type=int, default=1, help="app processes (more than one: PostgreSQL)")
    parser.add_argument("--worker", action="store_true", help="also run `homeward worker` apart")
    parser.add_argument("--kill", choices=["app", "worker"], help="SIGKILL one half-way")
    parser.add_argument("--profile", metavar="FILE", help="py-spy the app process during the load into FILE")
    arguments = parser.parse_args()
    if arguments.apps > 1 and arguments.database != "postgres":
        parser.error("several app processes need PostgreSQL")
    arguments.people = arguments.people or int(arguments.rate * arguments.seconds)
    asyncio.run(main(arguments))
