"""Routes for police-response feedback. The form's routes need no account: the link in
the body is the permission, and nothing about the caller is kept with an answer."""

from __future__ import annotations

import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_204_NO_CONTENT

from backend.accounts.api import Actor
from backend.clock import now
from backend.feedback import figures as counted
from backend.feedback import services
from backend.feedback import supervision as reflection
from backend.feedback.schemas import (
    AgreementIn,
    AgreementOut,
    AnswerIn,
    CardOut,
    CardsIn,
    FiguresOut,
    FormInfo,
    InvitationOut,
    QuoteOut,
    ReleaseIn,
    SupervisionOut,
    TokenIn,
)
from backend.web.auth import client_address

Period = Annotated[str, msgspec.Meta(max_length=7)]


class FeedbackController(Controller):
    path = "/api/feedback"
    tags = ["feedback"]

    @post("/check", status_code=200)
    async def check(self, request: Request, data: JSONBody[TokenIn]) -> FormInfo:
        return await services.check(data.token, client_address(request), now())

    @post("/answers", status_code=HTTP_204_NO_CONTENT)
    async def answer(self, request: Request, data: JSONBody[AnswerIn]) -> None:
        await services.answer(data, client_address(request), now())

    @get("/mine")
    async def mine(self, actor: NamedDependency[Actor]) -> list[InvitationOut]:
        return await services.mine(actor, now())

    @post("/cards", status_code=201)
    async def cards(self, actor: NamedDependency[Actor], data: JSONBody[CardsIn]) -> list[CardOut]:
        return await services.make_cards(actor, data.count, now())

    @get("/figures")
    async def figures(
        self, actor: NamedDependency[Actor], period: FromQuery[Period | None] = None
    ) -> FiguresOut:
        return await counted.figures(actor, period, now())

    @get("/figures.csv", media_type="text/csv")
    async def figures_csv(
        self, actor: NamedDependency[Actor], period: FromQuery[Period | None] = None
    ) -> Response[str]:
        found = await counted.figures(actor, period, now())
        name = f"police-feedback-{found.period}.csv"
        return Response(
            counted.as_csv(found),
            media_type="text/csv",  # Litestar adds "; charset=utf-8"
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @get("/quotes")
    async def quotes(self, actor: NamedDependency[Actor]) -> list[QuoteOut]:
        return await services.waiting_quotes(actor)

    @post("/quotes/{quote_id:uuid}/release", status_code=HTTP_204_NO_CONTENT)
    async def release(
        self, actor: NamedDependency[Actor], quote_id: FromPath[uuid.UUID], data: JSONBody[ReleaseIn]
    ) -> None:
        await services.moderate(actor, quote_id, data.text)

    @post("/quotes/{quote_id:uuid}/withhold", status_code=HTTP_204_NO_CONTENT)
    async def withhold(self, actor: NamedDependency[Actor], quote_id: FromPath[uuid.UUID]) -> None:
        await services.moderate(actor, quote_id, None)

    @get("/supervision")
    async def supervision(
        self, actor: NamedDependency[Actor], quarter: FromQuery[Period | None] = None
    ) -> SupervisionOut:
        return await reflection.supervision(actor, quarter, now())

    @post("/supervision", status_code=201)
    async def agree(self, actor: NamedDependency[Actor], data: JSONBody[AgreementIn]) -> AgreementOut:
        return await reflection.agree(actor, data, now())
