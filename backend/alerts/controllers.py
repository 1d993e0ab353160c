"""Routes for alerts: the young person's tap, the recipients' answers, the history."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, delete, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody, Parameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.alerts import known, readiness, services
from backend.alerts.schemas import (
    AlertForUser,
    AlertIn,
    AlertReadiness,
    AlertStatus,
    AlertSummary,
    Answer,
    KnownWorkerIn,
    KnownWorkerView,
    RecipientView,
)
from backend.alerts.wakeup import Bell
from backend.clock import now
from backend.contacts.controllers import provide_contact
from backend.contacts.schemas import Contact
from backend.push.schemas import SubscriptionIn


class AlertsController(Controller):
    path = "/api/alerts"
    tags = ["alerts"]

    @post("/")
    async def raise_alert(
        self, actor: NamedDependency[Actor], bell: NamedDependency[Bell], data: JSONBody[AlertIn]
    ) -> Response[AlertStatus]:
        status, created = await services.raise_alert(
            actor, data.idempotency_key, data.kind, data.location, now(), bell.ring
        )
        return Response(status, status_code=201 if created else 200)

    @get("/{alert_id:uuid}")
    async def alert(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertForUser:
        return await services.view_for_user(actor, alert_id, now())

    @post("/{alert_id:uuid}/acknowledge", status_code=200)
    async def acknowledge(
        self, actor: NamedDependency[Actor], bell: NamedDependency[Bell], alert_id: FromPath[uuid.UUID]
    ) -> AlertForUser:
        return await services.respond_as_user(actor, alert_id, Answer.ACKNOWLEDGE, now(), bell.ring)

    @post("/{alert_id:uuid}/decline", status_code=200)
    async def decline(
        self, actor: NamedDependency[Actor], bell: NamedDependency[Bell], alert_id: FromPath[uuid.UUID]
    ) -> AlertForUser:
        return await services.respond_as_user(actor, alert_id, Answer.DECLINE, now(), bell.ring)

    @post("/{alert_id:uuid}/cancel", status_code=200)
    async def cancel(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertStatus:
        return await services.cancel(actor, alert_id, now())

    @get("/mine")
    async def mine(self, actor: NamedDependency[Actor]) -> list[AlertSummary]:
        return await services.open_for_user(actor)

    @get("/caseload")
    async def caseload(self, actor: NamedDependency[Actor]) -> list[AlertSummary]:
        """Alerts of the caller's caseload (a social worker's young people), any on first."""
        return await services.for_caseload(actor)


@get("/api/young-people/{young_person_id:uuid}/alerts", tags=["alerts"])
async def alert_history(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> list[AlertStatus]:
    return await services.history(actor, young_person_id)


@get("/api/young-people/{young_person_id:uuid}/alerts/readiness", tags=["alerts"])
async def alert_readiness(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> AlertReadiness:
    """Who an alert sent now would reach, step by step, and how."""
    return await readiness.readiness(actor, young_person_id, now())


@get("/api/young-people/{young_person_id:uuid}/out-of-hours-worker", tags=["alerts"])
async def known_worker(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> KnownWorkerView:
    """The out-of-hours worker who knows the young person: asked first when an alert
    reaches the social worker's step outside office hours, before the duty rota."""
    return await known.view(actor, young_person_id, now())


@put("/api/young-people/{young_person_id:uuid}/out-of-hours-worker", tags=["alerts"])
async def choose_known_worker(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], data: JSONBody[KnownWorkerIn]
) -> KnownWorkerView:
    """Name one of the council's out-of-hours people (or nobody): the young person's
    social worker only. Kept beside the plan: no new plan version."""
    return await known.choose(actor, young_person_id, data.worker_id, now())


@post("/api/push/subscription", status_code=HTTP_204_NO_CONTENT, tags=["alerts"])
async def subscribe_user(actor: NamedDependency[Actor], data: JSONBody[SubscriptionIn]) -> None:
    await services.subscribe_user(actor, msgspec.to_builtins(data), now())


@delete("/api/push/subscription", status_code=HTTP_204_NO_CONTENT, tags=["alerts"])
async def unsubscribe_user(
    actor: NamedDependency[Actor],
    endpoint: Annotated[str | None, Parameter(max_length=2048)] = None,
) -> None:
    """Turn my alerts off: every browser of mine stops getting them, or only the one whose
    push endpoint is given (the PWA does this when someone signs out on it)."""
    await services.unsubscribe_user(actor, endpoint)


class ContactAlertsController(Controller):
    path = "/api/contact/alerts"
    tags = ["alerts"]
    dependencies = {"contact": Provide(provide_contact)}

    @get("/")
    async def mine(self, contact: NamedDependency[Contact]) -> list[AlertSummary]:
        return await services.open_for_contact(contact)

    @get("/{alert_id:uuid}")
    async def alert(self, contact: NamedDependency[Contact], alert_id: FromPath[uuid.UUID]) -> RecipientView:
        return await services.view_for_contact(contact, alert_id, now())

    @post("/{alert_id:uuid}/acknowledge", status_code=200)
    async def acknowledge(
        self, contact: NamedDependency[Contact], bell: NamedDependency[Bell], alert_id: FromPath[uuid.UUID]
    ) -> RecipientView:
        return await services.respond_as_contact(contact, alert_id, Answer.ACKNOWLEDGE, now(), bell.ring)

    @post("/{alert_id:uuid}/decline", status_code=200)
    async def decline(
        self, contact: NamedDependency[Contact], bell: NamedDependency[Bell], alert_id: FromPath[uuid.UUID]
    ) -> RecipientView:
        return await services.respond_as_contact(contact, alert_id, Answer.DECLINE, now(), bell.ring)
