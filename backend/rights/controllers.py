"""Routes for rights requests: the young person's corrections, a trusted contact's
forget-me (through their contact cookie), and the social worker's list and answers."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.contacts.api import Contact
from backend.contacts.controllers import provide_contact
from backend.rights import services
from backend.rights.schemas import AnswerIn, CorrectionIn, DashboardRequest, RightsRequestOut


class YoungPersonRightsController(Controller):
    path = "/api/young-people/{young_person_id:uuid}/rights-requests"
    tags = ["rights requests"]

    @get("/")
    async def list_requests(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[RightsRequestOut]:
        return await services.of_young_person(actor, young_person_id, now())

    @post("/", status_code=201)
    async def ask(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[CorrectionIn],
    ) -> RightsRequestOut:
        return await services.ask_correction(actor, young_person_id, data, now())

    @post("/{request_id:uuid}/answer", status_code=200)
    async def answer(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        request_id: FromPath[uuid.UUID],
        data: JSONBody[AnswerIn],
    ) -> RightsRequestOut:
        return await services.answer(actor, young_person_id, request_id, data, now())


@get("/api/rights-requests", tags=["rights requests"])
async def rights_dashboard(actor: NamedDependency[Actor]) -> list[DashboardRequest]:
    return await services.dashboard(actor, now())


class ContactRightsController(Controller):
    """The contact's side, behind the contacts domain's own cookie check."""

    path = "/api/contact"
    tags = ["rights requests"]
    dependencies = {"contact": Provide(provide_contact)}

    @get("/rights-requests")
    async def mine(self, contact: NamedDependency[Contact]) -> list[RightsRequestOut]:
        return await services.of_contact(contact, now())

    @post("/forget-me", status_code=201)
    async def forget_me(self, contact: NamedDependency[Contact]) -> RightsRequestOut:
        return await services.forget_me(contact, now())
