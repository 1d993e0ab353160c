"""How many SQL statements and transactions one request of each read route costs.

A count does not depend on how busy the machine is, so it is the steadiest figure the
optimisation work can aim at. In-process, through the real app over ASGI (as
signin_timing.py does), on a fresh SQLite or PostgreSQL database with the demo data and
Jade signed in. The count wraps the engine's `run_querystring` and `transaction` in this
process only; the application code is not changed.

Usage: python bench/queries.py [--database sqlite|postgres] [--show plan]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

PG_SERVER = "postgresql://postgres@127.0.0.1:5432"


def psql(statement: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", statement], check=True
    )


def configure(database: str, tmp: str) -> str:
    os.environ["HOMEWARD_DATA_DIR"] = tmp
    name = ""
    if database == "postgres":
        name = f"homeward_bench_queries_{os.getpid()}"
        psql(f"CREATE DATABASE {name}")
        os.environ["HOMEWARD_DATABASE_URL"] = f"{PG_SERVER}/{name}"
    else:
        os.environ["HOMEWARD_DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    return name


class Counting:
    """Counts statements (by their first word and table) and transactions begun."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.statements: list[str] = []
        self.transactions = 0
        # On the class (PostgresEngine has slots): this process has one engine anyway.
        cls = type(engine)
        run, transaction = cls.run_querystring, cls.transaction

        async def counted_run(this, querystring, *args, **kwargs):
            sql, _ = querystring.compile_string(engine_type=this.engine_type)
            self.statements.append(" ".join(sql.split()))
            return await run(this, querystring, *args, **kwargs)

        def counted_transaction(this, *args, **kwargs):
            self.transactions += 1
            return transaction(this, *args, **kwargs)

        cls.run_querystring = counted_run
        cls.transaction = counted_transaction

        # Statements written once (db.Sql) do not go through run_querystring.
        from backend import db

        run_sql = db._run_sql

        async def counted_sql(statement, params):
            self.statements.append(statement.text)
            return await run_sql(statement, params)

        db._run_sql = counted_sql

    def reset(self) -> None:
        self.statements, self.transactions = [], 0


def kind(statement: str) -> str:
    words = statement.split()
    verb = words[0].upper() if words else "?"
    keyword = "UPDATE" if verb == "UPDATE" else "INTO" if verb == "INSERT" else "FROM"
    table = next((words[i + 1] for i, w in enumerate(words[:-1]) if w.upper() == keyword), "")
    return f"{verb} {table.strip(chr(34))}"


async def main(args) -> None:
    import logging

    logging.getLogger("httpx").setLevel(logging.WARNING)
    import httpx

    from backend import demo
    from backend.app import create_app
    from backend.db import close_pools, get_engine
    from backend.migrate import migrate

    await migrate()
    await demo.load()
    engine = get_engine()
    app = create_app()
    # ASGITransport runs no lifespan: start the PostgreSQL pool as the app's lifespan does.
    transport = httpx.ASGITransport(app=app, client=("192.0.2.1", 1))
    pooled = engine.engine_type == "postgres"
    if pooled:
        await engine.start_connection_pool(min_size=1, max_size=4)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench.test") as client:
            reply = await client.post(
                "/api/auth/login", json={"identifier": "jade", "secret": "246810", "device_name": "bench"}
            )
            reply.raise_for_status()
            cookie = {"Cookie": f"homeward_session={reply.cookies['homeward_session']}"}
            plan = f"/api/young-people/{reply.json()['young_person_id']}/plan"
            etag = (await client.get(plan + "/agreed", headers=cookie)).headers["etag"]
            routes = {
                "health": ("/health", {}),
                "plan": (plan, cookie),
                "agreed": (plan + "/agreed", cookie),
                "agreed-304": (plan + "/agreed", {**cookie, "If-None-Match": etag}),
                "me": ("/api/auth/me", cookie),
            }
            counting = Counting(engine)
            print(
                f"statements per request ({args.database}; the second request of each, so a session's "
                "periodic last-seen write is left out)"
            )
            print(f"{'route':<12}{'status':>7}{'statements':>11}{'transactions':>13}  by kind")
            for name, (path, headers) in routes.items():
                await client.get(path, headers=headers)
                counting.reset()
                reply = await client.get(path, headers=headers)
                kinds = Counter(kind(s) for s in counting.statements)
                print(
                    f"{name:<12}{reply.status_code:>7}{len(counting.statements):>11}"
                    f"{counting.transactions:>13}  "
                    + ", ".join(f"{k} x{n}" if n > 1 else k for k, n in kinds.most_common())
                )
                if name == "health":
                    print(
                        "    (db.check_database: SELECT 1 through the engine's _run_in_new_connection,"
                        " outside this count; on PostgreSQL that is a new connection each time)"
                    )
                if name in args.show:
                    for statement in counting.statements:
                        print(f"    {statement[:160]}")
    finally:
        if pooled:
            await engine.close_connection_pool()
        await close_pools()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--show", default="", help="comma-separated routes whose statements to print")
    arguments = parser.parse_args()
    arguments.show = arguments.show.split(",")
    folder = tempfile.mkdtemp(prefix="homeward-bench-queries-")
    database_name = configure(arguments.database, folder)
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    try:
        asyncio.run(main(arguments))
    finally:
        if database_name:
            psql(f"DROP DATABASE IF EXISTS {database_name} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)
