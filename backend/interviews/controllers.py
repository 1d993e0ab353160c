"""Routes for return interviews and the council's list of interviewers (thin: parse,
call one service, return its Struct)."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.actor import Actor
from backend.clock import now
from backend.interviews import services
from backend.interviews.schemas import (
    CarerNoteIn,
    CarerReport,
    ChoiceIn,
    ConsentIn,
    DeclineIn,
    HeldIn,
    InterviewerIn,
    InterviewerOut,
    InterviewSummary,
    InterviewView,
    SharingIn,
    YoungPersonSummary,
)


@get("/api/young-people/{young_person_id:uuid}/interviews", tags=["interviews"])
async def interviews_of(
    actor: NamedDependency[Actor], young_person_id: FromPath[uuid.UUID]
) -> list[InterviewSummary]:
    return await services.list_for(actor, young_person_id, now())


class InterviewsController(Controller):
    path = "/api/interviews/{interview_id:uuid}"
    tags = ["interviews"]

    @get("/")
    async def show(self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID]) -> InterviewView:
        return await services.view(actor, interview_id, now())

    @get("/report")
    async def report(self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID]) -> CarerReport:
        return await services.report(actor, interview_id, now())

    @get("/summary")
    async def summary(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID]
    ) -> YoungPersonSummary:
        return await services.young_person_summary(actor, interview_id, now())

    @post("/offer", status_code=200)
    async def offer(self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID]) -> InterviewView:
        return await services.offer(actor, interview_id, now())

    @post("/choice", status_code=200)
    async def choose(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[ChoiceIn]
    ) -> InterviewView:
        return await services.choose(actor, interview_id, data, now())

    @post("/decline", status_code=200)
    async def decline(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[DeclineIn]
    ) -> InterviewView:
        return await services.decline(actor, interview_id, data, now())

    @put("/sharing")
    async def share(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[SharingIn]
    ) -> InterviewView:
        return await services.share(actor, interview_id, data, now())

    @put("/consent")
    async def consent(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[ConsentIn]
    ) -> InterviewView:
        return await services.record_consent(actor, interview_id, data, now())

    @put("/held")
    async def held(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[HeldIn]
    ) -> InterviewView:
        return await services.record_held(actor, interview_id, data, now())

    @put("/carer-note")
    async def carer_note(
        self, actor: NamedDependency[Actor], interview_id: FromPath[uuid.UUID], data: JSONBody[CarerNoteIn]
    ) -> InterviewView:
        return await services.add_carer_note(actor, interview_id, data, now())


class InterviewersController(Controller):
    path = "/api/council/interviewers"
    tags = ["interviews"]

    @get("/")
    async def list_them(self, actor: NamedDependency[Actor]) -> list[InterviewerOut]:
        return await services.interviewers(actor)

    @post("/")
    async def add(self, actor: NamedDependency[Actor], data: JSONBody[InterviewerIn]) -> InterviewerOut:
        return await services.add_interviewer(actor, data, now())

    @put("/{interviewer_id:uuid}")
    async def change(
        self,
        actor: NamedDependency[Actor],
        interviewer_id: FromPath[uuid.UUID],
        data: JSONBody[InterviewerIn],
    ) -> InterviewerOut:
        return await services.change_interviewer(actor, interviewer_id, data)
