"""Routes for alerts: the young person's tap, the recipients' answers, the history."""

from __future__ import annotations

import uuid

import msgspec
from litestar import Controller, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.alerts import services
from backend.alerts.schemas import AlertForUser, AlertIn, AlertStatus, AlertSummary, RecipientView
from backend.clock import now
from backend.contacts.api import Contact
from backend.contacts.controllers import provide_contact
from backend.push.schemas import SubscriptionIn


class AlertsController(Controller):
    path = "/api/alerts"
    tags = ["alerts"]

    @post("/")
    async def raise_alert(
        self, actor: NamedDependency[Actor], data: JSONBody[AlertIn]
    ) -> Response[AlertStatus]:
        status, created = await services.raise_alert(
            actor, data.idempotency_key, data.kind, data.location, now()
        )
        return Response(msgspec.convert(status, AlertStatus), status_code=201 if created else 200)

    @get("/{alert_id:uuid}")
    async def alert(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertForUser:
        return msgspec.convert(await services.view_for_user(actor, alert_id, now()), AlertForUser)

    @post("/{alert_id:uuid}/acknowledge", status_code=200)
    async def acknowledge(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertForUser:
        view = await services.respond_as_user(actor, alert_id, "acknowledge", now())
        return msgspec.convert(view, AlertForUser)

    @post("/{alert_id:uuid}/decline", status_code=200)
    async def decline(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertForUser:
        return msgspec.convert(
            await services.respond_as_user(actor, alert_id, "decline", now()), AlertForUser
        )

    @post("/{alert_id:uuid}/cancel", status_code=200)
    async def cancel(self, actor: NamedDependency[Actor], alert_id: FromPath[uuid.UUID]) -> AlertStatus:
        return msgspec.convert(await services.cancel(actor, alert_id, now()), AlertStatus)

    @get("/mine")
    async def mine(self, actor: NamedDependency[Actor]) -> list[AlertSummary]:
        return msgspec.convert(await services.open_for_user(actor), list[AlertSummary])


@get("/api/young-people/{young_person_id:uuid}/alerts", tags=["alerts"])
async def alert_history(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> list[AlertStatus]:
    return msgspec.convert(await services.history(actor, young_person_id), list[AlertStatus])


@post("/api/push/subscription", status_code=HTTP_204_NO_CONTENT, tags=["alerts"])
async def subscribe_user(actor: NamedDependency[Actor], data: JSONBody[SubscriptionIn]) -> None:
    await services.subscribe_user(actor, msgspec.to_builtins(data), now())


class ContactAlertsController(Controller):
    path = "/api/contact/alerts"
    tags = ["alerts"]
    dependencies = {"contact": Provide(provide_contact)}

    @get("/")
    async def mine(self, contact: NamedDependency[Contact]) -> list[AlertSummary]:
        return msgspec.convert(await services.open_for_contact(contact), list[AlertSummary])

    @get("/{alert_id:uuid}")
    async def alert(self, contact: NamedDependency[Contact], alert_id: FromPath[uuid.UUID]) -> RecipientView:
        return msgspec.convert(await services.view_for_contact(contact, alert_id, now()), RecipientView)

    @post("/{alert_id:uuid}/acknowledge", status_code=200)
    async def acknowledge(
        self, contact: NamedDependency[Contact], alert_id: FromPath[uuid.UUID]
    ) -> RecipientView:
        view = await services.respond_as_contact(contact, alert_id, "acknowledge", now())
        return msgspec.convert(view, RecipientView)

    @post("/{alert_id:uuid}/decline", status_code=200)
    async def decline(
        self, contact: NamedDependency[Contact], alert_id: FromPath[uuid.UUID]
    ) -> RecipientView:
        view = await services.respond_as_contact(contact, alert_id, "decline", now())
        return msgspec.convert(view, RecipientView)
