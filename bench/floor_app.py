"""The real app with one more route, GET /bench/bare: the floor the read benchmarks divide by.

Issue 13 states its targets as a fraction of "a bare route of the same app": a handler
that returns a small struct and touches no database, behind the same hooks (security
headers, JSON-only writes, problem+json) and the same uvicorn options as `homeward
serve`. Litestar lets an app take a route after it is built (`Litestar.register`), so
the floor is added here, outside the application code, and only when a benchmark asks
for it (bench/plan_read.py without `--plain-serve`).

Served with: uvicorn floor_app:create_app --factory --app-dir bench (plan_read.py does it).
"""

from __future__ import annotations

import msgspec
from litestar import Litestar, get

from backend.app import create_app as create_homeward_app


class Bare(msgspec.Struct):
    status: str
    service: str


@get("/bench/bare", include_in_schema=False, sync_to_thread=False)
def bare() -> Bare:
    return Bare(status="ok", service="homeward")


def create_app() -> Litestar:
    app = create_homeward_app()
    app.register(bare)
    return app
