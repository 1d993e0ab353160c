"""Routes for the trusted trio: the young person's side and the contact's own side."""

from __future__ import annotations

import uuid

import msgspec
from litestar import Controller, Request, Response, delete, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.clock import now
from backend.contacts import services
from backend.contacts.rules import ContactDetails
from backend.contacts.schemas import ContactInviteInfo, ContactMe, ContactOut
from backend.invites.schemas import CodeIn, InviteOut
from backend.push.schemas import SubscriptionIn
from backend.web.auth import DEVICE_COOKIE_SECONDS, UNSAFE

CONTACT_COOKIE = "homeward_contact"


async def provide_contact(request: Request) -> dict:
    """The trusted contact behind the contact cookie (no account, no password)."""
    return await services.contact_for_token(
        request.cookies.get(CONTACT_COOKIE),
        request.headers.get("x-csrf-token"),
        request.method in UNSAFE,
    )


class TrioController(Controller):
    path = "/api/young-people/{young_person_id:uuid}/contacts"
    tags = ["trusted contacts"]

    @get("/")
    async def list_contacts(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[ContactOut]:
        return msgspec.convert(await services.list_for(actor, young_person_id), list[ContactOut])

    @post("/")
    async def add(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[ContactDetails],
    ) -> ContactOut:
        return msgspec.convert(await services.add(actor, young_person_id, data, now()), ContactOut)

    @put("/{contact_id:uuid}")
    async def update(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        contact_id: FromPath[uuid.UUID],
        data: JSONBody[ContactDetails],
    ) -> ContactOut:
        row = await services.update(actor, young_person_id, contact_id, data, now())
        return msgspec.convert(row, ContactOut)

    @delete("/{contact_id:uuid}", status_code=HTTP_204_NO_CONTENT)
    async def remove(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        contact_id: FromPath[uuid.UUID],
    ) -> None:
        await services.remove(actor, young_person_id, contact_id, now())

    @post("/{contact_id:uuid}/invite")
    async def invite(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        contact_id: FromPath[uuid.UUID],
    ) -> InviteOut:
        row = await services.invite(actor, young_person_id, contact_id, now())
        return msgspec.convert(row, InviteOut)


def _contact_cookie(response: Response, token: str | None) -> None:
    if token is None:
        response.delete_cookie(key=CONTACT_COOKIE, path="/")
        return
    response.set_cookie(
        key=CONTACT_COOKIE,
        value=token,
        max_age=DEVICE_COOKIE_SECONDS,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


class ContactSideController(Controller):
    path = "/api"
    tags = ["trusted contacts"]

    @post("/contact-invites/lookup", status_code=200)
    async def lookup(self, data: JSONBody[CodeIn]) -> ContactInviteInfo:
        return msgspec.convert(await services.lookup(data.code, now()), ContactInviteInfo)

    @post("/contact-invites/accept", status_code=201)
    async def accept(self, data: JSONBody[CodeIn]) -> Response[ContactMe]:
        token = await services.accept(data.code, now())
        contact = await services.contact_for_token(token, None, unsafe=False)
        response = Response(msgspec.convert(await services.me(contact), ContactMe), status_code=201)
        _contact_cookie(response, token)
        return response

    @get("/contact/me", dependencies={"contact": Provide(provide_contact)})
    async def me(self, contact: NamedDependency[dict]) -> ContactMe:
        return msgspec.convert(await services.me(contact), ContactMe)

    @post(
        "/contact/push-subscription",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def subscribe(self, contact: NamedDependency[dict], data: JSONBody[SubscriptionIn]) -> None:
        await services.subscribe(contact, data, now())

    @delete(
        "/contact/push-subscription",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def unsubscribe(self, contact: NamedDependency[dict]) -> None:
        await services.unsubscribe(contact)

    @post(
        "/contact/step-down",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def step_down(self, contact: NamedDependency[dict]) -> Response[None]:
        await services.step_down(contact, now())
        response = Response(None, status_code=HTTP_204_NO_CONTENT)
        _contact_cookie(response, None)
        return response
