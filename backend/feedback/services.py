"""Police-response feedback: issuing single-use links, taking an answer, and the
anonymised figures and supervision prompts made from the answers.

Anonymity is the whole feature (issue 11). A link is stored only as a keyed hash with its
council, force and month. A young person's own link waits in a `Handover` row, deleted
when it is used; an answer is stored with council, force and month only, and its words
apart from its ratings. Nothing here logs, and no address is kept with an answer: only a
wrong or used link counts against the caller's address (accounts' invite throttle), as
guessing links would.
"""

from __future__ import annotations

import datetime as dt
import uuid

from backend.accounts import api as accounts
from backend.accounts.api import Actor
from backend.clock import now as clock_now
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.feedback import guards, periods, words
from backend.feedback.masking import tidy
from backend.feedback.schemas import (
    AnswerIn,
    CardOut,
    FormInfo,
    InvitationOut,
    Question,
    QuoteOut,
    QuoteState,
)
from backend.feedback.tables import Answer, Handover, Invitation, PoliceArea, Quote
from backend.hooks import EpisodeReturned
from backend.notify import api as notify
from backend.qr import qr_data_url
from backend.sealed import seal, unseal
from backend.security import keyed_digest, new_code, normalise_code
from backend.young_people import api as young_people

TOKEN_LENGTH = 16  # about 78 bits from the code alphabet: unguessable, still typeable
PURPOSE = "feedback-link"
RESTAMP = [
    f"UPDATE {table} SET month = month WHERE council = {{}} AND force = {{}} AND month = {{}}"  # noqa: S608 (fixed names)
    for table in ("answer", "quote", "invitation")
]


def feedback_url(token: str) -> str:
    # The link rides in the fragment: browsers never send it to a server, a log or a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/feedback/{token}"


def token_hash(token: str) -> str:
    return keyed_digest(PURPOSE, normalise_code(token))


async def force_of(council_id: uuid.UUID | None) -> str:
    row = await PoliceArea.select(PoliceArea.force).where(PoliceArea.council == council_id).first()
    return row["force"] if row else ""


async def set_force(council_id: uuid.UUID, force: str) -> None:
    """Name the police force a council's young people are reported to (the CLI, the demo)."""
    force = " ".join(force.split())[:120]
    if not force:
        raise Invalid({"force": words.NOT_SET})
    async with write_transaction():
        await PoliceArea.insert(PoliceArea(council=council_id, force=force)).on_conflict(
            target=PoliceArea.council, action="DO UPDATE", values=[PoliceArea.force]
        )


async def _issue(council_id: uuid.UUID, at: dt.datetime) -> tuple[str, str]:
    """A new link for a council, kept only as a hash (inside the caller's transaction)."""
    token, month = new_code(TOKEN_LENGTH), periods.month_of(at)
    await Invitation.insert(
        Invitation(
            token_hash=token_hash(token), council=council_id, force=await force_of(council_id), month=month
        )
    )
    return token, month


async def invite_after_return(returned: EpisodeReturned) -> None:
    """A return was recorded: the young person gets a link in their app (hooks)."""
    async with write_transaction():
        # Issued now, whenever the return was: a return recorded late still gets a link
        # that works for a month or more.
        token, month = await _issue(returned.council_id, clock_now())
        await Handover.insert(
            Handover(
                young_person=returned.young_person_id,
                token=seal(token),
                token_hash=token_hash(token),
                month=month,
            )
        )
        found = await young_people.record(returned.young_person_id)
        if found is not None and found.user_id is not None:
            # The notice links to the list of their links, never to a link itself.
            await notify.send(
                to_user=found.user_id,
                code=words.INVITED,
                young_person_id=returned.young_person_id,
                link="#/feedback",
                once_key=f"feedback:{returned.episode_id}",
            )


async def mine(actor: Actor, now: dt.datetime) -> list[InvitationOut]:
    """The young person's own links still to use; run-out ones are forgotten here."""
    if not guards.may_collect(actor.role):
        raise Forbidden(words.ONLY_YOUNG_PEOPLE)
    if actor.young_person_id is None:
        return []
    rows = await Handover.select().where(Handover.young_person == actor.young_person_id)
    live: list[tuple[dict, dt.datetime]] = []
    gone: list[tuple[dict, dt.datetime]] = []
    for row in rows:
        expires = periods.expires_at(row["month"])
        (live if now < expires else gone).append((row, expires))
    if gone:
        async with write_transaction():
            await Handover.delete().where(Handover.id.is_in([row["id"] for row, _ in gone]))
    out = []
    for row, expires in live:
        token = unseal(row["token"])
        out.append(InvitationOut(token=token, url=feedback_url(token), expires_on=_last_day(expires)))
    return out


def _last_day(expires: dt.datetime) -> dt.date:
    return (expires - dt.timedelta(days=1)).date()


async def make_cards(actor: Actor, count: int, now: dt.datetime) -> list[CardOut]:
    """A page of printed cards, each with its own single-use link, tied to no young person."""
    if not guards.may_make_cards(actor.role) or actor.council_id is None:
        raise Forbidden(words.ONLY_CARDS)
    async with write_transaction():
        issued = [await _issue(actor.council_id, now) for _ in range(count)]
    cards = []
    for token, month in issued:
        url = feedback_url(token)
        cards.append(
            CardOut(
                token=token, url=url, qr_svg=qr_data_url(url), expires_on=_last_day(periods.expires_at(month))
            )
        )
    return cards


async def _live(token: str, address: str, now: dt.datetime) -> dict:
    row = (
        await Invitation.select(
            Invitation.id, Invitation.council, Invitation.force, Invitation.month, Invitation.used
        )
        .where(Invitation.token_hash == token_hash(token))
        .first()
    )
    if row is None or row["used"] or not guards.is_live(False, periods.expires_at(row["month"]), now):
        # Counted like a wrong invite code: whoever guesses links meets the same limit.
        await accounts.count_invite_try(None, address, now)
    if row is None:
        raise NotFound(words.GONE, title=words.DOES_NOT_WORK)
    if row["used"]:
        raise Conflict(words.USED, title=words.DOES_NOT_WORK)
    if not guards.is_live(False, periods.expires_at(row["month"]), now):
        raise NotFound(words.GONE, title=words.DOES_NOT_WORK)
    return row


async def check(token: str, address: str, now: dt.datetime) -> FormInfo:
    row = await _live(token, address, now)
    return FormInfo(expires_on=_last_day(periods.expires_at(row["month"])))


async def answer(data: AnswerIn, address: str, now: dt.datetime) -> None:
    """Keep one answer and use the link up. Stored: council, force, month, the answers;
    the words masked and apart. Not stored: the link, the young person, any time."""
    ratings = {q.value: getattr(data, q.value) for q in Question}
    text = tidy(data.words)
    if (
        not text
        and all(v is None for v in ratings.values())
        and data.searched is None
        and data.restrained is None
    ):
        raise Invalid({"respect": words.NOT_ANSWERED})
    row = await _live(data.token, address, now)
    async with write_transaction():
        # Conditional update: of two sends of one link, exactly one is kept.
        used = (
            await Invitation.update(used=True)
            .where((Invitation.id == row["id"]) & (Invitation.used == False))
            .returning(Invitation.id)
        )
        if not used:
            raise Conflict(words.USED, title=words.DOES_NOT_WORK)
        # The last tie between the young person and the link goes with the answer.
        await Handover.delete().where(Handover.token_hash == token_hash(data.token))
        place = {"council": row["council"], "force": row["force"], "month": row["month"]}
        await Answer.insert(
            Answer(
                **place,
                **ratings,
                searched=data.searched.value if data.searched else None,
                restrained=data.restrained.value if data.restrained else None,
            )
        )
        if text:
            await Quote.insert(Quote(**place, text=seal(text)))
        await _restamp(place)


async def _restamp(place: dict) -> None:
    """Write every row of the answer's group (council, force, month) again, in the same
    transaction. On PostgreSQL a row carries the id of the transaction that last wrote
    it: without this, the answer, its words and the used link would share one id that no
    other row has, and so point at each other. Afterwards the whole group shares it.
    (The used links are written in the order they were issued, not used.)"""
    for statement in RESTAMP:
        await Answer.raw(statement, place["council"], place["force"], place["month"])


# -- moderation ----------------------------------------------------------------------


async def waiting_quotes(actor: Actor) -> list[QuoteOut]:
    """Words waiting for a manager: the text alone, with no month, rating or force."""
    if not guards.may_moderate(actor.role):
        raise Forbidden(words.ONLY_MANAGERS)
    rows = await Quote.select(Quote.id, Quote.text).where(
        (Quote.council == actor.council_id) & (Quote.state == QuoteState.WAITING.value)
    )
    return sorted((QuoteOut(id=r["id"], text=unseal(r["text"])) for r in rows), key=lambda q: q.text)


async def moderate(actor: Actor, quote_id: uuid.UUID, text: str | None) -> None:
    """Release the words as the manager redacted them (`text`), or withhold them (None).
    The words as first written are not kept once moderated."""
    if not guards.may_moderate(actor.role):
        raise Forbidden(words.ONLY_MANAGERS)
    changes: dict = {Quote.state: QuoteState.WITHHELD.value, Quote.text: seal("")}
    if text is not None:
        redacted = tidy(text)
        if not redacted:
            raise Invalid({"text": words.NOT_ANSWERED})
        changes = {Quote.state: QuoteState.RELEASED.value, Quote.text: seal(redacted)}
    async with write_transaction():
        done = (
            await Quote.update(changes)
            .where(
                (Quote.id == quote_id)
                & (Quote.council == actor.council_id)
                & (Quote.state == QuoteState.WAITING.value)
            )
            .returning(Quote.id)
        )
        if not done:
            raise NotFound(words.NO_SUCH_QUOTE)
