"""The rules of a Return Home Interview: opened on every return, offered within 24 hours
and held within 72 hours of the return (the council's thresholds; seeds 001 and 003
7.9), the young person's choice of who they talk to (seed 000), parental consent for a
child missing from home under 16 (seed 002), and the young person's sharing choices,
enforced whenever the record is read.

Times are the caller's `now` (backend.clock), so tests move them. Every write is in
`db.write_transaction()` and emits its hook there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from backend import hooks
from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.councils import api as councils
from backend.db import write_transaction
from backend.episodes import api as episodes
from backend.episodes.vocabulary import Term
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.hooks import EpisodeReturned, InterviewEvent, Topic
from backend.interviews import guards, notices, vocabulary, words
from backend.interviews.schemas import (
    CONSENT_CLEARS,
    Audience,
    CarerNoteIn,
    CarerReport,
    Choice,
    ChoiceIn,
    Consent,
    ConsentIn,
    DeclineIn,
    HeldIn,
    InterviewerIn,
    InterviewerKind,
    InterviewerOut,
    InterviewPart,
    InterviewSummary,
    InterviewView,
    RhiForm,
    Risk,
    SharingIn,
    State,
    SummaryItem,
    Timing,
    YoungPersonSummary,
)
from backend.interviews.tables import Interview, Interviewer
from backend.sealed import seal, seal_json, unseal, unseal_json
from backend.young_people import api as young_people

CONTEXTS = {"home": "missing_from_home", "care": "missing_from_care"}

# Which parts of the form each shareable part holds (vocabulary.SHAREABLE_PARTS).
PART_FIELDS: dict[InterviewPart, tuple[str, ...]] = {
    InterviewPart.WHY_YOU_WENT: ("push_factors", "push_other", "pull_factors", "pull_other"),
    InterviewPart.WHERE_YOU_WENT: (
        "where_went",
        "where_text",
        "who_with",
        "who_with_text",
        "how_travelled",
        "how_text",
    ),
    InterviewPart.HOW_YOU_FELT: (),
    InterviewPart.WHAT_WOULD_HELP: ("what_would_help", "what_would_help_text", "follow_up"),
}
PART_QUESTIONS: dict[InterviewPart, tuple[str, ...]] = {
    InterviewPart.WHY_YOU_WENT: ("why_not_tell",),
    InterviewPart.WHERE_YOU_WENT: (
        "who_reported",
        "how_long",
        "where_slept",
        "left_from",
        "where_went",
        "how_travelled",
        "what_did",
        "who_with",
    ),
    InterviewPart.HOW_YOU_FELT: ("felt_safe", "thinking_feeling", "who_affected"),
    InterviewPart.WHAT_WOULD_HELP: ("what_would_help",),
}
# The lists a young person sees again in plain words, in the order they are told.
SUMMARY_LISTS = ("where_went", "who_with", "how_travelled", "what_would_help", "follow_up")
FORM_LISTS: dict[str, tuple[Term, ...]] = {
    "push_factors": vocabulary.PUSH_FACTORS,
    "pull_factors": vocabulary.PULL_FACTORS,
    "high_risk": vocabulary.HIGH_RISK_CATEGORIES,
    "where_went": vocabulary.WHERE_WENT,
    "who_with": vocabulary.WHO_WITH,
    "how_travelled": vocabulary.HOW_TRAVELLED,
    "what_would_help": vocabulary.WHAT_WOULD_HELP,
    "follow_up": vocabulary.FOLLOW_UP_SUPPORT,
    "referrals": vocabulary.REFERRALS,
}
# Appendix 8's other boxes (RhiForm.details); the risk of going missing again has its own field.
DETAIL_CODES = {
    term.code
    for terms in (vocabulary.EPISODE_DETAIL_FIELDS, vocabulary.ASSESSMENT_FIELDS, vocabulary.SHARING_FIELDS)
    for term in terms
} - {"risk_of_going_missing_again"}
# vocabulary list names (catalogue keys) of the form's lists.
CATALOGUE_LIST = {
    "follow_up": "follow_up_support",
    "referrals": "referral",
    "high_risk": "high_risk_category",
}


def _codes(terms: tuple[Term, ...]) -> set[str]:
    return {term.code for term in terms}


def normal(row: dict[str, Any]) -> dict[str, Any]:
    """A row with every time aware and in UTC (SQLite hands some back naive)."""
    return {key: as_utc(value) if isinstance(value, dt.datetime) else value for key, value in row.items()}


def minutes(start: dt.datetime, end: dt.datetime | None) -> int | None:
    return None if end is None else int((end - start).total_seconds() // 60)


def state_of(row: dict[str, Any]) -> State:
    if row["held_at"] is not None:
        return State.HELD
    if row["accepted"] is True:
        return State.ACCEPTED
    if row["accepted"] is False:
        return State.DECLINED
    if row["offered_at"] is not None:
        return State.OFFERED
    return State.OPEN


def timing(row: dict[str, Any], now: dt.datetime) -> Timing:
    offered, held = row["offered_at"], row["held_at"]
    return Timing(
        returned_at=row["returned_at"],
        offer_due_at=row["offer_due_at"],
        held_due_at=row["held_due_at"],
        offered_at=offered,
        held_at=held,
        offer_late=(offered or now) > row["offer_due_at"],
        held_late=(held or now) > row["held_due_at"] if row["accepted"] is not False or held else False,
        minutes_to_offer=minutes(row["returned_at"], offered),
        minutes_to_interview=minutes(row["returned_at"], held),
    )


def sharing_of(row: dict[str, Any]) -> SharingIn:
    return msgspec.convert(unseal_json(row["sharing"]), SharingIn) if row["sharing"] else SharingIn()


def form_of(row: dict[str, Any]) -> RhiForm | None:
    return msgspec.convert(unseal_json(row["form"]), RhiForm) if row["form"] else None


def _open(value: str | None) -> str | None:
    return unseal(value) if value else None


def consent_applies(missing_from: str, age: int | None) -> bool:
    return vocabulary.parental_consent_applies(CONTEXTS.get(missing_from, missing_from), age)


def risks_found(form: RhiForm | None) -> list[str]:
    """The high-risk categories found, then the risk of going missing again."""
    if form is None:
        return []
    found = [f"high_risk_category.{code}" for code in form.high_risk]
    if form.risk_again:
        found.append(f"repeat_risk.{form.risk_again}")
    return found


# -- the hook: a return opens an interview ---------------------------------------------------------


async def open_for_return(payload: EpisodeReturned) -> None:
    """EPISODE_RETURNED (inside the episodes' transaction): open the interview, with its
    deadlines from the council's thresholds. A second return of the same episode changes
    nothing, and neither does a return of an episode the episodes domain never recorded."""
    if await Interview.exists().where(Interview.episode == payload.episode_id):
        return
    if await episodes.get(payload.episode_id) is None:
        return  # an interview belongs to a recorded episode (other domains' stories make some up)
    thresholds = (await councils.settings(payload.council_id)).thresholds
    returned = as_utc(payload.returned_at)
    found = await young_people.record(payload.young_person_id)
    age = found.age(returned.date()) if found else None
    consent = None if consent_applies(payload.missing_from, age) else Consent.NOT_NEEDED.value
    await Interview.insert(
        Interview(
            episode=payload.episode_id,
            young_person=payload.young_person_id,
            council=payload.council_id,
            missing_from=payload.missing_from,
            started_at=as_utc(payload.started_at),
            returned_at=returned,
            consent=consent,
            offer_due_at=returned + dt.timedelta(hours=thresholds.rhi_offer_within_hours),
            held_due_at=returned + dt.timedelta(hours=thresholds.rhi_held_within_hours),
        )
    )


# -- finding one, with the caller's relation ---------------------------------------------------------


async def _row(interview_id: uuid.UUID) -> dict[str, Any] | None:
    row = await Interview.select().where(Interview.id == interview_id).first()
    return normal(row) if row else None


async def _existing(actor: Actor, interview_id: uuid.UUID, attempt: str) -> dict[str, Any]:
    """The interview, or NotFound; probing for ids that do not exist is audited too."""
    row = await _row(interview_id)
    if row is None:
        async with write_transaction():
            await audit.record(actor, Action.REFUSED, attempt)
        raise NotFound(words.NOT_FOUND)
    return row


async def _find(actor: Actor, interview_id: uuid.UUID, allowed, attempt: str) -> tuple[dict[str, Any], str]:
    """The interview and the caller's relation, or the same 404 as a missing one (audited)."""
    row = await _existing(actor, interview_id, attempt)
    return row, await _require(actor, row["young_person"], allowed, attempt)


async def _require(actor: Actor, young_person_id: uuid.UUID, allowed, attempt: str) -> str:
    """young_people.require, answering as for an interview that does not exist."""
    try:
        return str(await young_people.require(actor, young_person_id, allowed, attempt))
    except NotFound:
        raise NotFound(words.NOT_FOUND) from None


async def _interviewers(council_id: uuid.UUID, active_only: bool = True) -> list[InterviewerOut]:
    query = Interviewer.select().where(Interviewer.council == council_id)
    if active_only:
        query = query.where(Interviewer.active == True)
    rows = await query
    found = [
        InterviewerOut(id=r["id"], name=unseal(r["name"]), organisation=r["organisation"], active=r["active"])
        for r in rows
    ]
    return sorted(found, key=lambda person: person.name.casefold())


async def _interviewer(interviewer_id: uuid.UUID | None) -> InterviewerOut | None:
    if interviewer_id is None:
        return None
    r = await Interviewer.select().where(Interviewer.id == interviewer_id).first()
    if r is None:
        return None
    return InterviewerOut(
        id=r["id"], name=unseal(r["name"]), organisation=r["organisation"], active=r["active"]
    )


async def _consent(row: dict[str, Any]) -> Consent | None:
    """Set to not_needed when the interview opened (not from home, or 16 and over)."""
    return Consent(row["consent"]) if row["consent"] else None


async def _choice(row: dict[str, Any]) -> Choice:
    kind = row["interviewer_kind"]
    return Choice(
        kind=InterviewerKind(kind) if kind else None,
        interviewer=await _interviewer(row["interviewer"]),
        trusted_adult=_open(row["trusted_adult"]) or "",
    )


def summary(row: dict[str, Any], relation: str, now: dt.datetime) -> InterviewSummary:
    state = state_of(row)
    return InterviewSummary(
        id=row["id"],
        young_person_id=row["young_person"],
        episode_id=row["episode"],
        state=state,
        timing=timing(row, now),
        can=guards.can(relation, state, list(sharing_of(row).carer)),
    )


async def view_of(row: dict[str, Any], relation: str, now: dt.datetime) -> InterviewView:
    state = state_of(row)
    sharing = sharing_of(row)
    worker = relation == "social_worker"
    form = form_of(row) if worker else None
    found = await young_people.record(row["young_person"])
    answering = guards.may_answer(relation, state)
    return InterviewView(
        id=row["id"],
        young_person_id=row["young_person"],
        young_person_name=found.preferred_name if found else "",
        episode_id=row["episode"],
        missing_from=row["missing_from"],
        state=state,
        timing=timing(row, now),
        choice=await _choice(row),
        declined_reason=row["declined_reason"],
        declined_why=_open(row["declined_why"]) if relation in ("self", "social_worker") else None,
        consent=await _consent(row),
        consent_why=_open(row["consent_why"]) if worker else None,
        sharing=sharing,
        held_by=_open(row["held_by"]),
        held_where=_open(row["held_where"]) if worker else None,
        late_reason=row["late_reason"] if worker else None,
        late_why=_open(row["late_why"]) if worker else None,
        carer_note=_open(row["carer_note"]) if relation in ("carer", "social_worker") else None,
        form=form,
        risks_found=risks_found(form),
        interviewers=await _interviewers(row["council"]) if answering else [],
        can=guards.can(relation, state, list(sharing.carer)),
    )


# -- reads ---------------------------------------------------------------------------------------------


async def list_for(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> list[InterviewSummary]:
    relation = await young_people.require(actor, young_person_id, guards.may_see, words.TRY_OPEN)
    rows = (
        await Interview.select()
        .where(Interview.young_person == young_person_id)
        .order_by(Interview.returned_at, ascending=False)
    )
    return [summary(normal(row), str(relation), now) for row in rows]


async def view(actor: Actor, interview_id: uuid.UUID, now: dt.datetime) -> InterviewView:
    row, relation = await _find(actor, interview_id, guards.may_see, words.TRY_OPEN)
    async with write_transaction():
        await audit.record(actor, Action.READ, words.OPENED, row["young_person"], at=now)
    return await view_of(row, relation, now)


async def report(actor: Actor, interview_id: uuid.UUID, now: dt.datetime) -> CarerReport:
    """What was written, as the caller may read it: the social worker all of it; a carer
    only the parts the young person shared with them, and nothing (refused, audited,
    answered as for a missing record) when they shared nothing."""
    row = await _existing(actor, interview_id, words.TRY_REPORT)
    carer_parts = list(sharing_of(row).carer)
    relation = await _require(
        actor, row["young_person"], lambda rel: guards.may_read_report(rel, carer_parts), words.TRY_REPORT
    )
    async with write_transaction():
        await audit.record(actor, Action.READ, words.REPORT_READ, row["young_person"], at=now)
    form = form_of(row) or RhiForm()
    parts = (
        list(InterviewPart) if relation == "social_worker" else [InterviewPart(part) for part in carer_parts]
    )
    return CarerReport(
        id=row["id"],
        state=state_of(row),
        timing=timing(row, now),
        shared_parts=parts,
        form=form if relation == "social_worker" else only_parts(form, parts),
        carer_note=_open(row["carer_note"]),
    )


def only_parts(form: RhiForm, parts: list[InterviewPart]) -> RhiForm:
    """The form with everything but these parts left empty (the assessment is never in a part)."""
    kept: dict[str, Any] = {}
    for part in parts:
        for name in PART_FIELDS[part]:
            kept[name] = getattr(form, name)
    questions = {code for part in parts for code in PART_QUESTIONS[part]}
    kept["answers"] = {code: text for code, text in form.answers.items() if code in questions}
    return RhiForm(**kept)


async def young_person_summary(actor: Actor, interview_id: uuid.UUID, now: dt.datetime) -> YoungPersonSummary:
    row, _relation = await _find(actor, interview_id, guards.may_read_summary, words.TRY_REPORT)
    async with write_transaction():
        await audit.record(actor, Action.READ, words.SUMMARY_READ, row["young_person"], at=now)
    form = form_of(row) or RhiForm()
    items = []
    texts = {"where_went": form.where_text, "who_with": form.who_with_text, "how_travelled": form.how_text}
    texts["what_would_help"] = form.what_would_help_text
    for name in SUMMARY_LISTS:
        codes = list(getattr(form, name))
        if codes or texts.get(name):
            items.append(
                SummaryItem(kind=CATALOGUE_LIST.get(name, name), codes=codes, text=texts.get(name, ""))
            )
    professional = bool(
        form.push_factors
        or form.pull_factors
        or form.high_risk
        or form.risk_again
        or form.referrals
        or form.analysis
    )
    return YoungPersonSummary(
        id=row["id"],
        state=state_of(row),
        held_at=row["held_at"],
        talked_to=await _choice(row),
        held_by=_open(row["held_by"]),
        items=items,
        for_you=form.for_young_person,
        shared_with=sharing_of(row),
        more_for_professionals=professional,
    )


# -- changes -----------------------------------------------------------------------------------------


def _event(row: dict[str, Any], at: dt.datetime, risk: str | None = None) -> InterviewEvent:
    return InterviewEvent(
        interview_id=row["id"],
        episode_id=row["episode"],
        young_person_id=row["young_person"],
        council_id=row["council"],
        at=at,
        risk_of_going_missing_again=risk,
    )


async def _reread(interview_id: uuid.UUID) -> dict[str, Any]:
    row = await _row(interview_id)
    assert row is not None
    return row


async def offer(actor: Actor, interview_id: uuid.UUID, now: dt.datetime) -> InterviewView:
    row, relation = await _find(actor, interview_id, guards.may_offer, words.TRY_CHANGE)
    async with write_transaction():
        await young_people.hold(row["young_person"])
        row = await _reread(interview_id)
        if not guards.may_offer(relation, state_of(row)):
            raise Conflict(words.ALREADY_ANSWERED)
        await Interview.update({Interview.offered_at: now, Interview.offered_by: actor.user_id}).where(
            Interview.id == interview_id
        )
        await audit.record(actor, Action.CHANGE, words.OFFERED, row["young_person"], at=now)
        await hooks.emit(Topic.INTERVIEW_OFFERED, _event(row, now))
        await notices.offered(row)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


async def _answerable(actor: Actor, interview_id: uuid.UUID) -> tuple[dict[str, Any], str]:
    row, relation = await _find(actor, interview_id, guards.may_answer, words.TRY_CHANGE)
    state = state_of(row)
    if state == State.OPEN:
        raise Conflict(words.NOT_OFFERED)
    if not guards.may_answer(relation, state):
        raise Conflict(words.ALREADY_HELD)
    return row, relation


async def choose(actor: Actor, interview_id: uuid.UUID, choice: ChoiceIn, now: dt.datetime) -> InterviewView:
    row, relation = await _answerable(actor, interview_id)
    interviewer_id, trusted = None, ""
    if choice.kind == InterviewerKind.INDEPENDENT_WORKER:
        listed = {person.id for person in await _interviewers(row["council"])}
        if choice.interviewer_id not in listed:
            raise Invalid({"interviewer_id": words.CHOOSE_INTERVIEWER})
        interviewer_id = choice.interviewer_id
    elif choice.kind == InterviewerKind.SOMEONE_THEY_TRUST:
        trusted = " ".join(choice.trusted_adult.split())
        if not trusted:
            raise Invalid({"trusted_adult": words.NAME_NEEDED})
    async with write_transaction():
        await Interview.update(
            {
                Interview.interviewer_kind: choice.kind.value,
                Interview.interviewer: interviewer_id,
                Interview.trusted_adult: seal(trusted) if trusted else None,
                Interview.accepted: True,
                Interview.answered_at: now,
                Interview.declined_reason: None,
                Interview.declined_why: None,
            }
        ).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.CHOSEN, row["young_person"], at=now)
        await notices.answered(row)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


async def decline(
    actor: Actor, interview_id: uuid.UUID, answer: DeclineIn, now: dt.datetime
) -> InterviewView:
    row, relation = await _answerable(actor, interview_id)
    if answer.reason not in _codes(vocabulary.DECLINE_REASONS):
        raise Invalid({"reason": words.UNKNOWN_CODE})
    why = answer.why.strip()
    if answer.reason == "other" and not why:
        raise Invalid({"why": words.WHY_NEEDED})
    async with write_transaction():
        await Interview.update(
            {
                Interview.accepted: False,
                Interview.answered_at: now,
                Interview.declined_reason: answer.reason,
                Interview.declined_why: seal(why) if why else None,
                Interview.interviewer_kind: None,
                Interview.interviewer: None,
                Interview.trusted_adult: None,
            }
        ).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.DECLINED, row["young_person"], at=now)
        await hooks.emit(Topic.INTERVIEW_DECLINED, _event(row, now))
        await notices.answered(row)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


async def share(actor: Actor, interview_id: uuid.UUID, choices: SharingIn, now: dt.datetime) -> InterviewView:
    row, relation = await _find(actor, interview_id, guards.may_share, words.TRY_CHANGE)
    tidy = {audience.value: sorted(set(getattr(choices, audience.value))) for audience in Audience}
    async with write_transaction():
        await Interview.update({Interview.sharing: seal_json(tidy)}).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.SHARING_CHANGED, row["young_person"], at=now)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


async def record_consent(
    actor: Actor, interview_id: uuid.UUID, data: ConsentIn, now: dt.datetime
) -> InterviewView:
    row, relation = await _find(actor, interview_id, guards.may_record, words.TRY_CHANGE)
    if state_of(row) == State.HELD:
        raise Conflict(words.ALREADY_HELD)
    if await _consent(row) == Consent.NOT_NEEDED:
        if data.state != Consent.NOT_NEEDED:
            raise Conflict(words.CONSENT_NOT_NEEDED)
    elif data.state == Consent.NOT_NEEDED:
        raise Invalid({"state": words.UNKNOWN_CODE})
    why = data.why.strip()
    if data.state in (Consent.REFUSED, Consent.OVERRIDDEN) and not why:
        raise Invalid({"why": words.WHY_NEEDED})
    async with write_transaction():
        await Interview.update(
            {Interview.consent: data.state.value, Interview.consent_why: seal(why) if why else None}
        ).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.CONSENT_RECORDED, row["young_person"], at=now)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


def check_form(form: RhiForm) -> None:
    errors = {}
    for name, terms in FORM_LISTS.items():
        if set(getattr(form, name)) - _codes(terms):
            errors[name] = words.UNKNOWN_CODE
    if set(form.answers) - _codes(vocabulary.DISCUSSION_QUESTIONS):
        errors["answers"] = words.UNKNOWN_CODE
    if set(form.details) - DETAIL_CODES:
        errors["details"] = words.UNKNOWN_CODE
    if errors:
        raise Invalid(errors)


async def record_held(actor: Actor, interview_id: uuid.UUID, data: HeldIn, now: dt.datetime) -> InterviewView:
    """The interview was held: when, by whom, where, and the Appendix 8 form. The report
    reaches the young person's social workers with the risks it found."""
    row, relation = await _find(actor, interview_id, guards.may_record, words.TRY_CHANGE)
    if state_of(row) == State.HELD:
        raise Conflict(words.ALREADY_HELD)
    check_form(data.form)
    held_at = data.held_at if data.held_at.tzinfo else data.held_at.replace(tzinfo=dt.UTC)
    errors = {}
    if held_at < row["returned_at"]:
        errors["held_at"] = words.NOT_BEFORE_RETURN
    elif held_at > now + dt.timedelta(minutes=5):
        errors["held_at"] = words.NOT_IN_FUTURE
    if not data.held_by.strip():
        errors["held_by"] = words.NAME_NEEDED
    if data.late_reason and data.late_reason not in _codes(vocabulary.NOT_HELD_REASONS):
        errors["late_reason"] = words.UNKNOWN_CODE
    if data.interviewer_id and data.interviewer_id not in {
        p.id for p in await _interviewers(row["council"], False)
    }:
        errors["interviewer_id"] = words.CHOOSE_INTERVIEWER
    if errors:
        raise Invalid(errors)
    consent = await _consent(row)
    if consent is not Consent.NOT_NEEDED and consent not in CONSENT_CLEARS:
        raise Conflict(words.CONSENT_FIRST)
    form = data.form
    async with write_transaction():
        await young_people.hold(row["young_person"])
        if state_of(await _reread(interview_id)) == State.HELD:
            raise Conflict(words.ALREADY_HELD)
        changes: dict[Any, Any] = {
            Interview.held_at: held_at,
            Interview.held_by: seal(data.held_by.strip()),
            Interview.held_where: seal(data.where.strip()),
            Interview.recorded_by: actor.user_id,
            Interview.late_reason: data.late_reason,
            Interview.late_why: seal(data.late_why) if data.late_why else None,
            Interview.form: seal_json(msgspec.to_builtins(form)),
            Interview.risk_again: Risk(form.risk_again).value if form.risk_again else None,
            Interview.follow_up_given: bool(form.follow_up or form.referrals),
        }
        if row["accepted"] is not True:
            # Held although not answered on the phone (or after a no): they said yes in the end.
            changes |= {Interview.accepted: True, Interview.answered_at: row["answered_at"] or held_at}
        if data.interviewer_id:
            changes |= {Interview.interviewer: data.interviewer_id}
        if row["offered_at"] is None:
            changes |= {Interview.offered_at: held_at, Interview.offered_by: actor.user_id}
        await Interview.update(changes).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.HELD, row["young_person"], at=now)
        risk = Risk(form.risk_again).value if form.risk_again else None
        await hooks.emit(Topic.INTERVIEW_HELD, _event(row, held_at, risk))
        await notices.report_ready(row, risks_found(form))
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


async def add_carer_note(
    actor: Actor, interview_id: uuid.UUID, data: CarerNoteIn, now: dt.datetime
) -> InterviewView:
    row, relation = await _find(actor, interview_id, guards.may_add_carer_note, words.TRY_CHANGE)
    if not guards.may_add_carer_note(relation, state_of(row)):
        raise Conflict(words.NOT_DECLINED)
    text = data.text.strip()
    if not text:
        raise Invalid({"text": words.WHY_NEEDED})
    async with write_transaction():
        await Interview.update(
            {
                Interview.carer_note: seal(text),
                Interview.carer_note_by: actor.user_id,
                Interview.carer_note_at: now,
            }
        ).where(Interview.id == interview_id)
        await audit.record(actor, Action.CHANGE, words.CARER_NOTE, row["young_person"], at=now)
        row = await _reread(interview_id)
    return await view_of(row, relation, now)


# -- the council's list of interviewers -------------------------------------------------------------


async def interviewers(actor: Actor) -> list[InterviewerOut]:
    if not guards.may_list_interviewers(actor.role) or actor.council_id is None:
        raise Forbidden(words.NOT_FOR_YOUR_ROLE)
    return await _interviewers(actor.council_id, active_only=False)


def _check_interviewer(data: InterviewerIn) -> tuple[str, str]:
    name = " ".join(data.name.split())
    if not name:
        raise Invalid({"name": words.NAME_NEEDED})
    return name, " ".join(data.organisation.split())


async def add_interviewer(actor: Actor, data: InterviewerIn, now: dt.datetime) -> InterviewerOut:
    if not guards.may_keep_interviewers(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_ADMINS)
    name, organisation = _check_interviewer(data)
    row = Interviewer(
        council=actor.council_id,
        name=seal(name),
        organisation=organisation,
        active=data.active,
        created_at=now,
    )
    async with write_transaction():
        await Interviewer.insert(row)
    return InterviewerOut(id=row.id, name=name, organisation=organisation, active=data.active)


async def change_interviewer(actor: Actor, interviewer_id: uuid.UUID, data: InterviewerIn) -> InterviewerOut:
    if not guards.may_keep_interviewers(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_ADMINS)
    name, organisation = _check_interviewer(data)
    async with write_transaction():
        mine = await Interviewer.exists().where(
            (Interviewer.id == interviewer_id) & (Interviewer.council == actor.council_id)
        )
        if not mine:
            raise NotFound(words.NOT_FOUND)
        await Interviewer.update(
            {
                Interviewer.name: seal(name),
                Interviewer.organisation: organisation,
                Interviewer.active: data.active,
            }
        ).where(Interviewer.id == interviewer_id)
    return InterviewerOut(id=interviewer_id, name=name, organisation=organisation, active=data.active)
