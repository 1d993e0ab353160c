"""The trusted trio: adding people, inviting them, and their side (no account needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.audit.services import Action, Who
from backend.clock import as_utc
from backend.config import get_settings
from backend.contacts import guards, words
from backend.contacts.rules import clean_details
from backend.contacts.schemas import (
    Contact,
    ContactDetails,
    ContactInviteInfo,
    ContactMe,
    ContactOut,
    ContactState,
    LanguageCode,
    OfflineCopy,
    TrustedPerson,
)
from backend.contacts.tables import TrustedContact
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, NotFound, Unauthenticated
from backend.i18n import N_
from backend.invites.schemas import InviteOut
from backend.invites.services import qr_data_url
from backend.plans import api as plans
from backend.plans.schemas import Part, TrioPerson
from backend.push import api as push
from backend.push.schemas import SubscriptionIn
from backend.sealed import seal_json, unseal_json
from backend.security import digest, new_code, new_token, normalise_code, same
from backend.young_people import services as young_people

MAX_TRIO = 3
GONE = N_("This invite has run out or been used. Ask for a new one.")
GONE_TITLE = N_("This invite doesn't work")
TRIO_FULL = N_("You can have up to 3 people. Remove one to add someone new.")
NOT_ONE_OF_THEM = N_("That person is not one of the trusted people.")
SAID_YES_ALREADY = N_("This person has already said yes.")
RELOAD = N_("Reload the page and try again.")
RELOAD_TITLE = N_("This request was refused for safety")
# What a contact whose cookie no longer works was trying to do, by how they left.
ENDED = {
    ContactState.STEPPED_DOWN: words.USE_AFTER_STEPPING_DOWN,
    ContactState.REMOVED: words.USE_AFTER_REMOVED,
}


def _details(row: dict) -> ContactDetails:
    return msgspec.convert(unseal_json(row["details"]), ContactDetails)


def _out(row: dict, notifications: bool, relation: str | None) -> ContactOut:
    details = _details(row)
    state = ContactState(row["state"])
    return ContactOut(
        id=row["id"],
        name=details.name,
        how_they_know_me=details.how_they_know_me,
        phone=details.phone,
        email=details.email,
        what_they_will_do=details.what_they_will_do,
        state=state,
        notifications=notifications,
        invite_expires_at=row["invite_expires_at"] if state == ContactState.INVITED else None,
        can=guards.can(relation, state),
    )


async def _rows(young_person_id: uuid.UUID, states=guards.LIVE) -> list[dict]:
    return (
        await TrustedContact.select()
        .where((TrustedContact.young_person == young_person_id) & TrustedContact.state.is_in(list(states)))
        .order_by(TrustedContact.position)
        .order_by(TrustedContact.created_at)
    )


async def _trio(
    young_person_id: uuid.UUID, relation: str | None, with_stepped_down: bool = False
) -> list[ContactOut]:
    states = (*guards.LIVE, ContactState.STEPPED_DOWN) if with_stepped_down else guards.LIVE
    rows = await _rows(young_person_id, states)
    subscribed = await push.contacts_with_any([row["id"] for row in rows])
    return [_out(row, row["id"] in subscribed, relation) for row in rows]


async def _young_person_name(young_person_id: uuid.UUID, now: dt.datetime) -> str:
    return (await young_people.detail_of(young_person_id, now.date()))["preferred_name"]


async def _refresh_plan(young_person_id: uuid.UUID, now: dt.datetime, by: Actor | Who) -> None:
    """The plan's trio section is a copy of the live trio, so versions keep who it was."""
    people = [
        TrioPerson(
            id=str(row["id"]),
            name=(details := _details(row)).name,
            how_they_know_me=details.how_they_know_me,
            phone=details.phone,
            email=details.email,
            what_they_will_do=details.what_they_will_do,
        )
        for row in await _rows(young_person_id)
    ]
    await plans.refresh_trio(young_person_id, people, now, by)


async def list_for(actor: Actor, young_person_id: uuid.UUID) -> list[ContactOut]:
    relation = await young_people.require(actor, young_person_id, guards.may_see_people, words.SEE)
    people = await visible_trio(relation, young_person_id)
    await audit.record(actor, Action.READ, words.LOOKED, young_person_id)
    return people


async def visible_trio(relation: str | None, young_person_id: uuid.UUID) -> list[ContactOut]:
    """The trio as `relation` may see it: none for a carer the young person keeps them from."""
    if not await plans.may_see_live(relation, young_person_id, Part.TRIO):
        return []
    return await _trio(young_person_id, relation, with_stepped_down=True)


async def offline_copy(
    actor: Actor, young_person_id: uuid.UUID, now: dt.datetime, if_none_match: str | None
) -> tuple[str, bytes | None]:
    """(ETag, body) of the agreed plan and the trio for a phone to keep; body is None when
    the phone's copy is current (a revalidation reads nothing, so it is not audited)."""
    relation = await young_people.require(
        actor, young_person_id, guards.may_keep_plan_copy, words.KEEP_PLAN_COPY
    )
    plan = await plans.offline_copy(relation, young_person_id, now)
    people = await visible_trio(relation, young_person_id)
    body = msgspec.json.encode(
        OfflineCopy(agreed=plan.agreed, trio=people, review_due_at=plan.review_due_at)
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if if_none_match == etag:
        return etag, None
    await audit.record(actor, Action.READ, words.PLAN_COPY_SAVED, young_person_id)
    return etag, body


async def add(
    actor: Actor, young_person_id: uuid.UUID, details: ContactDetails, now: dt.datetime
) -> ContactOut:
    relation = await young_people.require(actor, young_person_id, guards.may_choose_people, words.ADD)
    clean = clean_details(details)
    contact_id = uuid.uuid4()
    async with write_transaction():
        live = await _rows(young_person_id)
        if len(live) >= MAX_TRIO:
            raise Conflict(TRIO_FULL)
        await TrustedContact.insert(
            TrustedContact(
                id=contact_id,
                young_person=young_person_id,
                details=seal_json(msgspec.to_builtins(clean)),
                created_by=actor.user_id,
                created_at=now,
                position=len(live),
            )
        )
        await audit.record(actor, Action.CHANGE, words.ADDED, young_person_id, {"name": clean.name}, at=now)
        await _refresh_plan(young_person_id, now, actor)
    return _out(await _row(contact_id), False, relation)


async def _row(contact_id: uuid.UUID) -> dict:
    return await TrustedContact.select().where(TrustedContact.id == contact_id).first()


async def _one(young_person_id: uuid.UUID, contact_id: uuid.UUID) -> dict:
    row = (
        await TrustedContact.select()
        .where(
            (TrustedContact.id == contact_id)
            & (TrustedContact.young_person == young_person_id)
            & TrustedContact.state.is_in(list(guards.LIVE))
        )
        .first()
    )
    if row is None:
        raise NotFound(NOT_ONE_OF_THEM)
    return row


async def update(
    actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, details: ContactDetails, now: dt.datetime
) -> ContactOut:
    relation = await young_people.require(actor, young_person_id, guards.may_choose_people, words.CHANGE)
    clean = clean_details(details)
    async with write_transaction():
        await _one(young_person_id, contact_id)
        await TrustedContact.update(details=seal_json(msgspec.to_builtins(clean))).where(
            TrustedContact.id == contact_id
        )
        await audit.record(actor, Action.CHANGE, words.CHANGED, young_person_id, {"name": clean.name}, at=now)
        await _refresh_plan(young_person_id, now, actor)
    return _out(await _row(contact_id), await push.has_any(contact_id=contact_id), relation)


async def _end(contact_id: uuid.UUID, state: ContactState, now: dt.datetime) -> None:
    """Stop a contact being reachable: no sign-in, no invite, no notifications."""
    # The token's hash stays (it can no longer sign in: only active contacts can), so a
    # later request with the old cookie is known, refused and audited.
    await TrustedContact.update(
        state=state,
        csrf_token=None,
        invite_code_hash=None,
        stepped_down_at=now,
    ).where(TrustedContact.id == contact_id)
    await push.remove_all(contact_id=contact_id)


async def remove(actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime) -> None:
    await young_people.require(actor, young_person_id, guards.may_choose_people, words.REMOVE)
    async with write_transaction():
        row = await _one(young_person_id, contact_id)
        await _end(contact_id, ContactState.REMOVED, now)
        name = _details(row).name
        await audit.record(actor, Action.CHANGE, words.REMOVED, young_person_id, {"name": name}, at=now)
        await _refresh_plan(young_person_id, now, actor)


def contact_invite_url(code: str) -> str:
    # The code rides in the fragment: browsers never send it to a server or a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/contact/{code}"


async def invite(
    actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime
) -> InviteOut:
    """A single-use link (and QR code) for the contact's own phone; a new one replaces
    the old."""
    await young_people.require(actor, young_person_id, guards.may_choose_people, words.INVITE)
    code = new_code()
    expires_at = now + dt.timedelta(hours=get_settings().invite_ttl_hours)
    async with write_transaction():
        row = await _one(young_person_id, contact_id)
        if not guards.may_invite(row["state"]):
            raise Conflict(SAID_YES_ALREADY)
        await TrustedContact.update(
            state=ContactState.INVITED, invite_code_hash=digest(code), invite_expires_at=expires_at
        ).where(TrustedContact.id == contact_id)
        name = _details(row).name
        await audit.record(actor, Action.CHANGE, words.INVITED, young_person_id, {"name": name}, at=now)
    url = contact_invite_url(code)
    return InviteOut(code=code, url=url, qr_svg=qr_data_url(url), expires_at=expires_at)


async def _by_code(code: str, now: dt.datetime) -> dict:
    row = (
        await TrustedContact.select()
        .where(
            (TrustedContact.invite_code_hash == digest(normalise_code(code)))
            & (TrustedContact.state == ContactState.INVITED)
        )
        .first()
    )
    if row is None or now >= as_utc(row["invite_expires_at"]):
        raise NotFound(GONE, title=GONE_TITLE)
    return row


async def lookup(code: str, now: dt.datetime) -> ContactInviteInfo:
    row = await _by_code(code, now)
    return ContactInviteInfo(
        young_person_name=await _young_person_name(row["young_person"], now),
        contact_name=_details(row).name,
        expires_at=row["invite_expires_at"],
    )


async def accept(code: str, now: dt.datetime, language: LanguageCode) -> str:
    """The contact says yes on their own phone (in the language of the page they said
    it on); returns their sign-in token."""
    row = await _by_code(code, now)
    token = new_token()
    async with write_transaction():
        done = (
            await TrustedContact.update(
                state=ContactState.ACTIVE,
                token_hash=digest(token),
                csrf_token=new_token(),
                invite_code_hash=None,
                accepted_at=now,
                language=language,
            )
            .where(
                (TrustedContact.id == row["id"])
                & (TrustedContact.state == ContactState.INVITED)
                & (TrustedContact.invite_code_hash == row["invite_code_hash"])
            )
            .returning(TrustedContact.id)
        )
        if not done:
            raise NotFound(GONE, title=GONE_TITLE)
        who = Who(row["id"], _details(row).name, "trusted_contact")
        await audit.record(who, Action.CHANGE, words.ACCEPTED, row["young_person"], at=now)
    return token


def _contact(row: dict) -> Contact:
    return Contact(
        id=row["id"],
        young_person_id=row["young_person"],
        name=_details(row).name,
        language=row["language"],
        csrf_token=row["csrf_token"] or "",
    )


async def contact_for_token(token: str | None, csrf: str | None, unsafe: bool) -> Contact:
    """The active contact behind a contact cookie (and, for writes, its CSRF token).
    A known contact who is refused (no longer one of the people, or a write without the
    CSRF token) is audited like an account that is refused."""
    if not token:
        raise Unauthenticated()
    row = await TrustedContact.select().where(TrustedContact.token_hash == digest(token)).first()
    if row is None:
        raise Unauthenticated()
    contact = _contact(row)
    if not guards.may_sign_in(row["state"]):
        attempt = ENDED.get(ContactState(row["state"]), words.USE_AFTER_STEPPING_DOWN)
        await refuse(contact, attempt, contact.young_person_id)
        raise Unauthenticated()
    if unsafe and not (csrf and same(csrf, contact.csrf_token)):
        await refuse(contact, words.CHANGE_WITHOUT_CHECK, contact.young_person_id)
        raise Forbidden(RELOAD, title=RELOAD_TITLE)
    return contact


async def refuse(contact: Contact, attempt: str, young_person_id: uuid.UUID | None) -> None:
    """Audit a refused request by a trusted contact: `attempt` is a declared attempt
    code (backend/words.py); `young_person_id` is whose record it was after (None when
    what they asked for does not exist)."""
    await audit.record(contact.who, Action.REFUSED, attempt, young_person_id)


async def ids_in_council(council_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The ids of every trusted contact of the council's young people."""
    rows = await TrustedContact.select(TrustedContact.id).where(
        TrustedContact.young_person.is_in(young_people.in_council(council_id))
    )
    return [row["id"] for row in rows]


def _person(row: dict) -> TrustedPerson:
    details = _details(row)
    return TrustedPerson(
        id=row["id"],
        young_person_id=row["young_person"],
        name=details.name,
        phone=details.phone,
        email=details.email,
        state=ContactState(row["state"]),
        language=row["language"],
    )


async def reachable(young_person_id: uuid.UUID) -> list[TrustedPerson]:
    """The young person's people who said yes and are still theirs, in their order."""
    return [_person(row) for row in await _rows(young_person_id, (ContactState.ACTIVE,))]


async def person(contact_id: uuid.UUID) -> TrustedPerson | None:
    row = await _row(contact_id)
    return _person(row) if row else None


async def me(contact: Contact, now: dt.datetime) -> ContactMe:
    return ContactMe(
        id=contact.id,
        name=contact.name,
        young_person_name=await _young_person_name(contact.young_person_id, now),
        notifications=await push.has_any(contact_id=contact.id),
        csrf_token=contact.csrf_token,
        language=LanguageCode(contact.language),
    )


async def set_language(contact: Contact, language: LanguageCode, now: dt.datetime) -> ContactMe:
    """The contact chooses the language Homeward speaks to them in (screens and emails)."""
    async with write_transaction():
        await TrustedContact.update(language=language).where(TrustedContact.id == contact.id)
    return await me(
        Contact(contact.id, contact.young_person_id, contact.name, language, contact.csrf_token), now
    )


async def subscribe(contact: Contact, subscription: SubscriptionIn, now: dt.datetime) -> None:
    await push.store(subscription, now, contact_id=contact.id)


async def unsubscribe(contact: Contact) -> None:
    await push.remove_all(contact_id=contact.id)


async def step_down(contact: Contact, now: dt.datetime) -> None:
    """A contact can stop at any time; the young person sees it."""
    async with write_transaction():
        await _end(contact.id, ContactState.STEPPED_DOWN, now)
        await audit.record(contact.who, Action.CHANGE, words.STEPPED_DOWN, contact.young_person_id, at=now)
        await _refresh_plan(contact.young_person_id, now, contact.who)
