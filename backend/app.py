"""create_app(settings): wiring only. Routes, hooks and the database lifespan."""

from __future__ import annotations

import asyncio
import mimetypes
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from litestar import Litestar, Request
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from piccolo.engine.postgres import PostgresEngine

from backend import background, wiring
from backend.accounts.actor import Actor
from backend.accounts.controllers import AuthController
from backend.accounts.edge import ComposeActor, provide_actor
from backend.accounts.kept_sessions import KEPT as KEPT_SESSIONS
from backend.accounts.schemas import Role
from backend.actions.controllers import ActionsController, dashboard
from backend.admin.controllers import AdminController
from backend.alerts.controllers import (
    AlertsController,
    ContactAlertsController,
    alert_history,
    alert_readiness,
    choose_known_worker,
    known_worker,
    subscribe_user,
    unsubscribe_user,
)
from backend.alerts.wakeup import Bell, bell_for
from backend.config import Settings, get_settings
from backend.contacts.controllers import ContactSideController, TrioController, offline_plan
from backend.councils.controllers import CouncilSettingsController
from backend.db import checkpointing, close_pools, get_engine, start_pool
from backend.episodes.controllers import (
    ContactSearchController,
    EpisodesController,
    Ssda903Controller,
    YoungPersonEpisodesController,
    ssda903_choices,
)
from backend.feedback.controllers import FeedbackController
from backend.figures.controllers import MissingFiguresController, figures
from backend.health import health
from backend.help.controllers import ask_for_help
from backend.interviews.controllers import InterviewersController, InterviewsController, interviews_of
from backend.invites.controllers import (
    InvitesController,
    SignInLinksController,
    YoungPersonInvitesController,
)
from backend.mailbox import demo_mailbox
from backend.notify.controllers import NoticesController
from backend.plans.controllers import PlansController, reviews_due
from backend.push.controllers import public_key
from backend.replies import HANDMADE
from backend.rights.controllers import ContactRightsController, YoungPersonRightsController, rights_dashboard
from backend.web import language
from backend.web.guard import guard_request
from backend.web.headers import make_before_send
from backend.web.openapi import ClosedStructs, DocumentedReplies, schema_router
from backend.web.problems import HANDLERS
from backend.web.static import static_router
from backend.web.static import warm as warm_static
from backend.young_people import api as young_people
from backend.young_people.controllers import CouncilPeopleController, YoungPeopleController

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")


async def complete_actor(actor: Actor) -> Actor:
    """Accounts resolve the session; a young person's own record is young people's to
    say. Joined here, so neither domain imports the other's internals."""
    if actor.role == Role.YOUNG_PERSON:
        return replace(actor, young_person_id=await young_people.young_person_of(actor.user_id))
    return actor


async def _compose_actor() -> ComposeActor:
    return complete_actor


async def before_request(request: Request) -> None:
    """Every request: the words are in the reader's language (until their session says
    otherwise, see accounts.edge.provide_actor), then bad input is refused at the edge."""
    language.use(request)
    await guard_request(request)


def _lifespan(settings: Settings, bell: Bell):
    @asynccontextmanager
    async def lifespan(_app: Litestar):
        engine = get_engine()
        pooled = isinstance(engine, PostgresEngine)
        if isinstance(engine, PostgresEngine):
            await start_pool(engine, settings.pg_pool_min, settings.pg_pool_max)
        stop = asyncio.Event()
        tasks: list[asyncio.Task[object]] = []
        # The PWA's files compressed before the first phone asks (a second or so of CPU).
        tasks.append(asyncio.create_task(asyncio.to_thread(warm_static, PWA_DIR)))
        # SQLite: the write-ahead log copied back in the background, never in a commit.
        tasks.append(asyncio.create_task(checkpointing(stop)))
        if pooled:
            # Sessions kept a few seconds while this process hears of every change to them.
            tasks.append(asyncio.create_task(KEPT_SESSIONS.keep_listening(settings.database_url, stop)))
        if settings.in_process_worker:
            from backend.alerts.worker import AlertWorker

            tasks.append(asyncio.create_task(AlertWorker(settings, bell=bell).run(stop)))
            tasks.append(asyncio.create_task(background.run(stop)))
        try:
            yield
        finally:
            stop.set()
            for task in tasks:
                await task
            if pooled:
                await engine.close_connection_pool()
            await close_pools()

    return lifespan


def create_app(settings: Settings | None = None) -> Litestar:
    settings = settings or get_settings()
    wiring.connect()
    # Rung after a commit that gives the alert worker something to do; on PostgreSQL
    # the worker also hears other processes' commits through it (LISTEN/NOTIFY).
    bell = bell_for(settings.database_url)
    return Litestar(
        route_handlers=[
            health,
            AuthController,
            YoungPeopleController,
            CouncilPeopleController,
            CouncilSettingsController,
            InvitesController,
            SignInLinksController,
            YoungPersonInvitesController,
            demo_mailbox,
            AdminController,
            figures,
            MissingFiguresController,
            FeedbackController,
            PlansController,
            reviews_due,
            TrioController,
            ContactSideController,
            offline_plan,
            public_key,
            AlertsController,
            ContactAlertsController,
            alert_history,
            alert_readiness,
            known_worker,
            choose_known_worker,
            subscribe_user,
            interviews_of,
            InterviewsController,
            InterviewersController,
            unsubscribe_user,
            YoungPersonEpisodesController,
            EpisodesController,
            ContactSearchController,
            Ssda903Controller,
            ssda903_choices,
            dashboard,
            ActionsController,
            NoticesController,
            ask_for_help,
            YoungPersonRightsController,
            ContactRightsController,
            rights_dashboard,
            static_router(PWA_DIR),
        ],
        dependencies={
            "actor": Provide(provide_actor),
            "compose_actor": Provide(_compose_actor),
            "bell": Provide(lambda: bell, sync_to_thread=False),
        },
        before_request=before_request,
        before_send=[make_before_send(settings.https)],
        exception_handlers=HANDLERS,
        request_max_body_size=settings.max_request_bytes,
        # The PWA's files go compressed once, kept in memory (backend/web/static.py).
        # Nothing else is compressed: replies under /api/ carry secrets (CSRF tokens)
        # beside words a stranger can choose, which is what the BREACH attack needs.
        lifespan=[_lifespan(settings, bell)],
        plugins=[DocumentedReplies(HANDMADE), ClosedStructs()],
        openapi_config=OpenAPIConfig(
            title="Homeward",
            version="0.1.0",
            path="/schema",
            render_plugins=[JsonRenderPlugin()],
            openapi_router=schema_router(before_request),
        ),
        debug=False,
    )
