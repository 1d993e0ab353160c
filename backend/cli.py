"""`homeward`: serve, worker, migrate, demo, demo-code, create-user, council-settings,
export ssda903, vapid-keys, new-data-key, rotate-data-keys."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import MutableMapping

from backend.config import SettingsError, get_settings


def _run(coro):
    async def run_and_close():
        from backend.db import close_pools

        try:
            return await coro
        finally:
            await close_pools()

    return asyncio.run(run_and_close())


def cmd_migrate(_args) -> int:
    from backend.migrate import migrate

    _run(migrate())
    print("Database is up to date.")
    return 0


def cmd_serve(args) -> int:
    import uvicorn

    from backend.migrate import migrate

    settings = get_settings()
    _run(migrate())
    if settings.is_sqlite and args.workers > 1:
        print("SQLite takes one app process; use PostgreSQL for several.", file=sys.stderr)
        return 2
    mailbox = None
    if settings.demo_mailbox:
        from backend import mailbox as demo_mailbox

        mailbox = demo_mailbox.start(demo_mailbox.folder(), settings.smtp_port)
    print(f"Homeward is running at http://{args.host}:{args.port}/ (Ctrl+C stops it)")
    if mailbox is not None:
        print(f"What it emails goes to the demo mailbox: {settings.base_url}/#/mailbox")
    try:
        _serve(uvicorn, args)
    finally:
        if mailbox is not None:
            mailbox.stop()
    return 0


def _serve(uvicorn, args) -> None:
    uvicorn.run(
        "backend.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # Homeward reads X-Forwarded-For itself (HOMEWARD_TRUSTED_PROXY_COUNT).
        proxy_headers=False,
        server_header=False,
        log_level="warning",
    )


def _refuse_in_production(what: str) -> None:
    if get_settings().production:
        raise SystemExit(f"{what} is not available in production mode.")


def cmd_demo(_args) -> int:
    from backend import demo
    from backend.migrate import migrate

    _refuse_in_production("Demo data")

    async def go() -> bool:
        await migrate()
        return await demo.load()

    loaded = _run(go())
    print("Demo data loaded." if loaded else "Demo data was already there; nothing changed.")
    _ensure_vapid_keys()
    print("\nDemo sign-ins (fictional people, Northbrook Council):")
    for role, name, ident, secret in demo.sign_ins():
        extra = "  + code from: homeward demo-code " + ident if "@" in ident else ""
        print(f"  {role:<13} {name:<18} {ident:<26} {secret}{extra}")
    return 0


def _ensure_vapid_keys() -> None:
    """The demo needs a push key pair so trusted contacts can turn on notifications."""
    from backend.vapid import make_keys

    path = get_settings().vapid_private_key_file
    assert path is not None  # load_settings() always fills it in
    if not path.exists():
        make_keys(path)
        print(f"Made a Web Push (VAPID) key pair in {path}.")


def cmd_demo_code(args) -> int:
    from backend.accounts.directory import current_code

    _refuse_in_production("demo-code")
    code = _run(current_code(args.email))
    if code is None:
        print("No professional with that email.", file=sys.stderr)
        return 1
    print(code)
    return 0


def cmd_create_user(args) -> int:
    from backend.users import create_user

    secret = (
        sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password or PIN: ")
    )
    result = _run(create_user(args.role, args.name, args.email, args.username, secret, args.council))
    print(f"Created {args.role} {args.name}.")
    if result.get("totp_uri"):
        print("Add this to an authenticator app (shown once):")
        print(f"  secret: {result['totp_secret']}")
        print(f"  {result['totp_uri']}")
    return 0


def cmd_council_settings(args) -> int:
    """Show or change a council's settings (`backend/councils/command.py` has the keys)."""
    from backend.accounts import api as accounts
    from backend.clock import now
    from backend.councils import command
    from backend.errors import Invalid
    from backend.migrate import migrate

    async def go() -> list[str] | None:
        await migrate()
        council_id = await accounts.find_council(args.council)
        if council_id is None:
            return None
        if args.set:
            return await command.change(council_id, args.set, now())
        return await command.show(council_id)

    try:
        shown = _run(go())
    except Invalid as problem:
        print("Nothing was changed:", file=sys.stderr)
        for key, message in problem.errors.items():
            print(f"  {key}: {message}", file=sys.stderr)
        return 1
    if shown is None:
        print(f"No council is called {args.council!r}.", file=sys.stderr)
        return 2
    if args.set:
        print("Saved. The settings are now:")
    print("\n".join(shown))
    return 0


def cmd_export_ssda903(args) -> int:
    """Write the SSDA903 Missing and Header CSV files of a council's collection year."""
    from pathlib import Path

    from backend.accounts import api as accounts
    from backend.clock import now
    from backend.episodes import api as episodes
    from backend.errors import HomewardError, Invalid
    from backend.migrate import migrate

    async def go():
        await migrate()
        council_id = await accounts.find_council(args.council)
        if council_id is None:
            return None
        return await episodes.ssda903_tables(council_id, args.year, now())

    try:
        made = _run(go())
    except Invalid as problem:
        for key, message in problem.errors.items():
            print(f"{key}: {message}", file=sys.stderr)
        return 1
    except HomewardError as problem:
        print(str(problem), file=sys.stderr)
        return 1
    if made is None:
        print(f"No council is called {args.council!r}.", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in (("missing", made.missing), ("header", made.header)):
        path = out / f"ssda903-{name}-{made.year.label}.csv"
        # newline="": the rows end in CRLF exactly as the DfE's tools expect.
        path.write_text(text, encoding="utf-8", newline="")
        print(f"{path} ({text.count(chr(10)) - 1} rows)")
    return 0


def cmd_police_force(args) -> int:
    """Name the police force a council's young people are reported to (police feedback)."""
    from backend.accounts import api as accounts
    from backend.feedback import api as feedback
    from backend.migrate import migrate

    async def go() -> bool:
        await migrate()
        council_id = await accounts.find_council(args.council)
        if council_id is not None:
            await feedback.set_force(council_id, args.force)
        return council_id is not None

    if not _run(go()):
        print(f"No council is called {args.council!r}.", file=sys.stderr)
        return 2
    print(f"Police feedback for {args.council} is now counted for {args.force}.")
    return 0


def cmd_vapid_keys(args) -> int:
    from backend.vapid import make_keys

    path = get_settings().vapid_private_key_file
    assert path is not None  # load_settings() always fills it in
    public = make_keys(path, force=args.force)
    print(f"Private key: {path} (keep it secret, outside the repository)")
    print(f"Public key (applicationServerKey): {public}")
    return 0


def cmd_worker(_args) -> int:
    """Run the alert worker and the periodic jobs (backend/background.py) on their own
    (with HOMEWARD_IN_PROCESS_WORKER=false in the app)."""
    import signal

    from backend import background, wiring
    from backend.alerts.wakeup import bell_for
    from backend.alerts.worker import AlertWorker
    from backend.migrate import migrate

    async def go() -> None:
        await migrate()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            # Finish the batch in hand, then stop: nothing claimed is left half-sent.
            loop.add_signal_handler(signum, stop.set)
        engine = get_engine()
        if isinstance(engine, PostgresEngine):  # SQLite has no pool to start
            await start_pool(engine, 1, 4)
        try:
            settings = get_settings()
            wiring.connect()
            await asyncio.gather(
                AlertWorker(settings, bell=bell_for(settings.database_url)).run(stop),
                background.run(stop),
            )
        finally:
            if not is_sqlite(engine):
                await engine.close_connection_pool()

    from piccolo.engine.postgres import PostgresEngine

    from backend.db import get_engine, is_sqlite, start_pool

    print("Homeward worker running: alerts and periodic jobs (Ctrl+C stops it).", flush=True)
    _run(go())
    return 0


def cmd_new_data_key(_args) -> int:
    from backend.security import new_data_key

    print(new_data_key())
    return 0


def cmd_rotate_data_keys(_args) -> int:
    from backend.sealed import rotate_keys

    changed = _run(rotate_keys())
    print(f"Re-encrypted {changed} values with the newest key in HOMEWARD_DATA_KEYS.")
    return 0


def cmd_retention(args) -> int:
    from backend.retention.services import run

    report = _run(run(dry_run=args.dry_run))
    for line in report.lines():
        print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="homeward", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="bring the database schema up to date").set_defaults(func=cmd_migrate)
    serve = sub.add_parser("serve", help="migrate, then serve the app and the PWA")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("demo", help="load fictional demo data (not in production)").set_defaults(func=cmd_demo)
    code = sub.add_parser("demo-code", help="print a demo professional's current 6-digit code")
    code.add_argument("email")
    code.set_defaults(func=cmd_demo_code)
    create = sub.add_parser("create-user", help="create an account")
    create.add_argument(
        "--role",
        required=True,
        choices=["young_person", "carer", "social_worker", "manager", "admin", "police_liaison"],
    )
    create.add_argument("--name", required=True, help="display name")
    create.add_argument("--email", help="sign-in email (professionals)")
    create.add_argument("--username", help="sign-in username (carers)")
    create.add_argument("--council", required=True, help="council name (made if new)")
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    create.set_defaults(func=cmd_create_user)
    council = sub.add_parser(
        "council-settings", help="show or change a council's settings (alerts, duty rota, thresholds)"
    )
    council.add_argument("--council", required=True, help="council name")
    what = council.add_mutually_exclusive_group()
    what.add_argument("--show", action="store_true", help="print every setting as key=value (the default)")
    what.add_argument(
        "--set",
        nargs="+",
        metavar="KEY=VALUE",
        help="change settings, e.g. thresholds.repeat_window_days=30 "
        "'rota=alex@example.org/out_of_hours/07700 900123'",
    )
    council.set_defaults(func=cmd_council_settings)
    force = sub.add_parser("police-force", help="name the police force of a council's police feedback")
    force.add_argument("--council", required=True, help="council name")
    force.add_argument("--force", required=True, help="police force or area, e.g. 'Northbrook Police'")
    force.set_defaults(func=cmd_police_force)
    export = sub.add_parser("export", help="make a statutory return's files")
    returns = export.add_subparsers(dest="what", required=True)
    ssda = returns.add_parser("ssda903", help="the SSDA903 Missing and Header tables (CSV) of a year")
    ssda.add_argument("--year", required=True, help='collection year, 1 April to 31 March: "2025-26"')
    ssda.add_argument("--council", required=True, help="council name")
    ssda.add_argument("--out", required=True, help="folder to write the two CSV files into")
    ssda.set_defaults(func=cmd_export_ssda903)
    vapid = sub.add_parser("vapid-keys", help="make the Web Push (VAPID) key pair")
    vapid.add_argument("--force", action="store_true", help="replace an existing key")
    vapid.set_defaults(func=cmd_vapid_keys)
    sub.add_parser(
        "worker", help="run the alert delivery worker and the periodic jobs on their own"
    ).set_defaults(func=cmd_worker)
    sub.add_parser("new-data-key", help="print a new key for HOMEWARD_DATA_KEYS").set_defaults(
        func=cmd_new_data_key
    )
    sub.add_parser(
        "rotate-data-keys", help="re-encrypt sensitive fields with the first HOMEWARD_DATA_KEYS key"
    ).set_defaults(func=cmd_rotate_data_keys)
    retention = sub.add_parser("retention", help="delete what is due (audited as counts)")
    retention.add_argument("--dry-run", action="store_true", help="only say what would be deleted")
    retention.set_defaults(func=cmd_retention)
    return top


def follow_port(host: str, port: int, environ: MutableMapping[str, str] = os.environ) -> None:
    """Links Homeward writes (invites, recovery, the demo mailbox) must reach this server:
    unless HOMEWARD_BASE_URL is set, it follows `serve --host/--port`."""
    if environ.get("HOMEWARD_BASE_URL"):
        return
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host  # noqa: S104 (a name, not a bind)
    environ["HOMEWARD_BASE_URL"] = f"http://{shown}:{port}"


def demo_mailbox(environ: MutableMapping[str, str] = os.environ) -> None:
    """Trying Homeward out (not production, no SMTP server set): what it emails goes to
    a mailbox on this machine, read at #/mailbox. HOMEWARD_DEMO_MAILBOX=0 turns it off."""
    if environ.get("HOMEWARD_MODE") == "production" or environ.get("HOMEWARD_SMTP_HOST"):
        return
    if environ.get("HOMEWARD_DEMO_MAILBOX", "1").lower() in ("0", "false", "no", "off"):
        return
    from backend.mailbox import free_port

    environ.update(
        HOMEWARD_DEMO_MAILBOX="1",
        HOMEWARD_SMTP_HOST="127.0.0.1",
        HOMEWARD_SMTP_PORT=str(free_port()),
        HOMEWARD_SMTP_SECURITY="none",
        HOMEWARD_SMTP_FROM=environ.get("HOMEWARD_SMTP_FROM", "homeward@demo.invalid"),
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "serve":
        follow_port(args.host, args.port)  # before the settings are read (once)
        demo_mailbox()
    try:
        get_settings()
    except SettingsError as exc:
        print(f"Homeward will not start: {exc}", file=sys.stderr)
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
