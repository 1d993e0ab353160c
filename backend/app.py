"""create_app(settings): wiring only. Routes, hooks and the database lifespan."""

from __future__ import annotations

import asyncio
import mimetypes
from contextlib import asynccontextmanager
from pathlib import Path

from litestar import Litestar
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.static_files import create_static_files_router
from piccolo.engine.postgres import PostgresEngine

from backend.accounts.controllers import AuthController
from backend.admin.controllers import AdminController
from backend.alerts.controllers import (
    AlertsController,
    ContactAlertsController,
    alert_history,
    subscribe_user,
)
from backend.config import Settings, get_settings
from backend.contacts.controllers import ContactSideController, TrioController
from backend.councils.controllers import CouncilSettingsController
from backend.db import close_pools, get_engine
from backend.figures.controllers import figures
from backend.health import health
from backend.invites.controllers import InvitesController
from backend.plans.controllers import PlansController, reviews_due
from backend.web.auth import provide_actor, require_json
from backend.web.headers import make_before_send
from backend.web.problems import HANDLERS
from backend.young_people.controllers import CouncilPeopleController, YoungPeopleController

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")


def _lifespan(settings: Settings):
    @asynccontextmanager
    async def lifespan(_app: Litestar):
        engine = get_engine()
        pooled = isinstance(engine, PostgresEngine)
        if pooled:
            await engine.start_connection_pool(
                min_size=settings.pg_pool_min, max_size=settings.pg_pool_max
            )
        stop, task = asyncio.Event(), None
        if settings.in_process_worker:
            from backend.alerts.worker import AlertWorker

            task = asyncio.create_task(AlertWorker(settings).run(stop))
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task
            if pooled:
                await engine.close_connection_pool()
            await close_pools()

    return lifespan


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    return Litestar(
        route_handlers=[
            health,
            AuthController,
            YoungPeopleController,
            CouncilPeopleController,
            CouncilSettingsController,
            InvitesController,
            AdminController,
            figures,
            PlansController,
            reviews_due,
            TrioController,
            ContactSideController,
            AlertsController,
            ContactAlertsController,
            alert_history,
            subscribe_user,
            create_static_files_router(
                path="/", directories=[PWA_DIR], html_mode=True, include_in_schema=False
            ),
        ],
        dependencies={"actor": Provide(provide_actor)},
        before_request=require_json,
        before_send=[make_before_send(settings.https)],
        exception_handlers=HANDLERS,
        request_max_body_size=settings.max_request_bytes,
        lifespan=[_lifespan(settings)],
        openapi_config=OpenAPIConfig(
            title="Homeward",
            version="0.1.0",
            path="/schema",
            render_plugins=[JsonRenderPlugin()],
        ),
        debug=False,
    )
