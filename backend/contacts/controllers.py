"""Routes for the trusted trio: the young person's side and the contact's own side, and
the copy of the agreed plan (with the trio as it is now) that phones keep offline."""

from __future__ import annotations

import uuid

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.actor import Actor
from backend.clock import now
from backend.contacts import services
from backend.contacts.schemas import (
    AcceptIn,
    Contact,
    ContactDetails,
    ContactInviteInfo,
    ContactMe,
    ContactOut,
    LanguageCode,
    LanguageIn,
)
from backend.i18n import from_accept_language, supported
from backend.invites.schemas import CodeIn, InviteOut
from backend.push.schemas import SubscriptionIn
from backend.web.auth import DEVICE_COOKIE_SECONDS, UNSAFE

CONTACT_COOKIE = "homeward_contact"


async def provide_contact(request: Request) -> Contact:
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
        return await services.list_for(actor, young_person_id)

    @post("/")
    async def add(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        data: JSONBody[ContactDetails],
    ) -> ContactOut:
        return await services.add(actor, young_person_id, data, now())

    @put("/{contact_id:uuid}")
    async def update(
        self,
        actor: NamedDependency[Actor],
        young_person_id: FromPath[uuid.UUID],
        contact_id: FromPath[uuid.UUID],
        data: JSONBody[ContactDetails],
    ) -> ContactOut:
        return await services.update(actor, young_person_id, contact_id, data, now())

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
        return await services.invite(actor, young_person_id, contact_id, now())


# The plan's path, served here: the copy holds the trio's state now, which is this
# domain's, and plans cannot call contacts (contacts calls plans).
@get("/api/young-people/{young_person_id:uuid}/plan/agreed", tags=["plans"])
async def offline_plan(
    request: Request, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> Response[bytes]:
    """The latest agreed plan and the trio's current state, for reading offline.
    Phones revalidate with If-None-Match and get 304 when nothing changed."""
    etag, body = await services.offline_copy(
        actor, young_person_id, now(), request.headers.get("if-none-match")
    )
    if body is None:
        return Response(b"", status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


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
        return await services.lookup(data.code, now())

    @post("/contact-invites/accept", status_code=201)
    async def accept(self, request: Request, data: JSONBody[AcceptIn]) -> Response[ContactMe]:
        if data.language:
            language = supported(data.language)
        else:
            language = from_accept_language(request.headers.get("accept-language"))
        token = await services.accept(data.code, now(), LanguageCode(language))
        contact = await services.contact_for_token(token, None, unsafe=False)
        response = Response(await services.me(contact, now()), status_code=201)
        _contact_cookie(response, token)
        return response

    @get("/contact/me", dependencies={"contact": Provide(provide_contact)})
    async def me(self, contact: NamedDependency[Contact]) -> ContactMe:
        return await services.me(contact, now())

    @put("/contact/me/language", dependencies={"contact": Provide(provide_contact)})
    async def language(self, contact: NamedDependency[Contact], data: JSONBody[LanguageIn]) -> ContactMe:
        return await services.set_language(contact, data.language, now())

    @post(
        "/contact/push-subscription",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def subscribe(self, contact: NamedDependency[Contact], data: JSONBody[SubscriptionIn]) -> None:
        await services.subscribe(contact, data, now())

    @delete(
        "/contact/push-subscription",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def unsubscribe(self, contact: NamedDependency[Contact]) -> None:
        await services.unsubscribe(contact)

    @post(
        "/contact/step-down",
        status_code=HTTP_204_NO_CONTENT,
        dependencies={"contact": Provide(provide_contact)},
    )
    async def step_down(self, contact: NamedDependency[Contact]) -> Response[None]:
        await services.step_down(contact, now())
        response = Response(None, status_code=HTTP_204_NO_CONTENT)
        _contact_cookie(response, None)
        return response
