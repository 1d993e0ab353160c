"""Routes for missing episodes: the carer's worried guide and the episode record, and
the shared checklist of places (for the adults, and for a trusted contact with their
own sign-in and no account)."""

from __future__ import annotations

import uuid

from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.contacts.controllers import provide_contact
from backend.contacts.schemas import Contact
from backend.episodes import services
from backend.episodes.schemas import (
    ContactSearch,
    EpisodeOut,
    EpisodeSummary,
    FollowUpIn,
    FoundIn,
    PlaceOut,
    ReportIn,
    RiskIn,
    Ssda903Choices,
    StartIn,
    TickIn,
)
from backend.episodes.services import ssda903

PLACE = "/places/{place_id:uuid}"


class YoungPersonEpisodesController(Controller):
    path = "/api/young-people/{young_person_id:uuid}/episodes"
    tags = ["episodes"]

    @get("/")
    async def history(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
    ) -> list[EpisodeSummary]:
        return await services.history(actor, young_person_id)

    @post("/")
    async def start(
        self, actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID], data: JSONBody[StartIn]
    ) -> EpisodeOut:
        return await services.start(actor, young_person_id, data, now())


class EpisodesController(Controller):
    path = "/api/episodes/{episode_id:uuid}"
    tags = ["episodes"]

    @get("/")
    async def episode(self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID]) -> EpisodeOut:
        return await services.get(actor, episode_id)

    @put("/risk")
    async def risk(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], data: JSONBody[RiskIn]
    ) -> EpisodeOut:
        return await services.assess(actor, episode_id, data, now())

    @post("/report", status_code=200)
    async def report(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], data: JSONBody[ReportIn]
    ) -> EpisodeOut:
        return await services.report(actor, episode_id, data, now())

    @post("/return", status_code=200)
    async def returned(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], data: JSONBody[FoundIn]
    ) -> EpisodeOut:
        return await services.record_return(actor, episode_id, data, now())

    @post("/close-unreported", status_code=200)
    async def close_unreported(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], data: JSONBody[FoundIn]
    ) -> EpisodeOut:
        return await services.close_unreported(actor, episode_id, data, now())

    @put("/follow-up")
    async def follow_up(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], data: JSONBody[FollowUpIn]
    ) -> EpisodeOut:
        return await services.follow_up(actor, episode_id, data, now())

    @get("/places")
    async def places(self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID]) -> list[PlaceOut]:
        return await services.list_places(actor, episode_id)

    @post(PLACE + "/claim", status_code=200)
    async def claim(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], place_id: FromPath[uuid.UUID]
    ) -> PlaceOut:
        return await services.claim(actor, episode_id, place_id, now())

    @post(PLACE + "/unclaim", status_code=200)
    async def unclaim(
        self, actor: NamedDependency[Actor], episode_id: FromPath[uuid.UUID], place_id: FromPath[uuid.UUID]
    ) -> PlaceOut:
        return await services.unclaim(actor, episode_id, place_id, now())

    @put(PLACE + "/check")
    async def check(
        self,
        actor: NamedDependency[Actor],
        episode_id: FromPath[uuid.UUID],
        place_id: FromPath[uuid.UUID],
        data: JSONBody[TickIn],
    ) -> PlaceOut:
        return await services.tick(actor, episode_id, place_id, data, now())


class Ssda903Controller(Controller):
    """The council's SSDA903 Missing and Header tables for a collection year ("2025-26"),
    as the CSV files the DfE takes: for the council's manager only, audited."""

    path = "/api/councils/{council_id:uuid}/ssda903/{year:str}"
    tags = ["episodes", "exports"]

    @get("/missing", media_type="text/csv")
    async def missing(
        self, actor: NamedDependency[Actor], council_id: FromPath[uuid.UUID], year: FromPath[str]
    ) -> Response[str]:
        return await _csv(actor, council_id, year, "missing")

    @get("/header", media_type="text/csv")
    async def header(
        self, actor: NamedDependency[Actor], council_id: FromPath[uuid.UUID], year: FromPath[str]
    ) -> Response[str]:
        return await _csv(actor, council_id, year, "header")


@get("/api/council/ssda903", tags=["episodes", "exports"])
async def ssda903_choices(actor: NamedDependency[Actor]) -> Ssda903Choices:
    """The manager's council and the years its SSDA903 return can be downloaded for."""
    return await ssda903.choices(actor, now())


async def _csv(actor: Actor, council_id: uuid.UUID, year: str, table: str) -> Response[str]:
    text = await ssda903.download(actor, council_id, year, table, now())
    name = f"ssda903-{table}-{year}.csv"
    return Response(
        text,
        media_type="text/csv",  # Litestar adds "; charset=utf-8"
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


class ContactSearchController(Controller):
    """A trusted contact helping to look: the places only."""

    path = "/api/contact/episodes"
    tags = ["episodes", "trusted contacts"]
    dependencies = {"contact": Provide(provide_contact)}

    @get("/")
    async def open_search(self, contact: NamedDependency[Contact]) -> list[ContactSearch]:
        return await services.contact_search(contact)

    @get("/{episode_id:uuid}/places")
    async def places(
        self, contact: NamedDependency[Contact], episode_id: FromPath[uuid.UUID]
    ) -> list[PlaceOut]:
        return await services.contact_places(contact, episode_id)

    @post("/{episode_id:uuid}" + PLACE + "/claim", status_code=200)
    async def claim(
        self,
        contact: NamedDependency[Contact],
        episode_id: FromPath[uuid.UUID],
        place_id: FromPath[uuid.UUID],
    ) -> PlaceOut:
        return await services.claim(contact, episode_id, place_id, now())

    @post("/{episode_id:uuid}" + PLACE + "/unclaim", status_code=200)
    async def unclaim(
        self,
        contact: NamedDependency[Contact],
        episode_id: FromPath[uuid.UUID],
        place_id: FromPath[uuid.UUID],
    ) -> PlaceOut:
        return await services.unclaim(contact, episode_id, place_id, now())

    @put("/{episode_id:uuid}" + PLACE + "/check")
    async def check(
        self,
        contact: NamedDependency[Contact],
        episode_id: FromPath[uuid.UUID],
        place_id: FromPath[uuid.UUID],
        data: JSONBody[TickIn],
    ) -> PlaceOut:
        return await services.tick(contact, episode_id, place_id, data, now())
