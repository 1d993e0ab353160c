"""The contact's own side, with no account: saying yes to an invite, their cookie and
CSRF token, their language, notifications, and stepping down."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.audit import services as audit
from backend.audit.services import Action, Who
from backend.clock import as_utc
from backend.contacts import guards, words
from backend.contacts.schemas import Contact, ContactInviteInfo, ContactMe, ContactState, LanguageCode
from backend.contacts.services.records import details_of, end, tell_plan, young_person_name
from backend.contacts.tables import TrustedContact
from backend.db import write_transaction
from backend.errors import Forbidden, NotFound, Unauthenticated
from backend.i18n import N_, supported
from backend.push import api as push
from backend.push.schemas import SubscriptionIn
from backend.security import digest, new_token, normalise_code, same

GONE = N_("This invite has run out or been used. Ask for a new one.")
GONE_TITLE = N_("This invite doesn't work")
RELOAD = N_("Reload the page and try again.")
RELOAD_TITLE = N_("This request was refused for safety")
# What a contact whose cookie no longer works was trying to do, by how they left.
ENDED = {
    ContactState.STEPPED_DOWN: words.USE_AFTER_STEPPING_DOWN,
    ContactState.REMOVED: words.USE_AFTER_REMOVED,
}


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
        young_person_name=await young_person_name(row["young_person"], now),
        contact_name=details_of(row).name,
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
        who = Who(row["id"], details_of(row).name, "trusted_contact")
        await audit.record(who, Action.CHANGE, words.ACCEPTED, row["young_person"], at=now)
        await tell_plan(row["young_person"])
    return token


def _contact(row: dict) -> Contact:
    return Contact(
        id=row["id"],
        young_person_id=row["young_person"],
        name=details_of(row).name,
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


async def me(contact: Contact, now: dt.datetime) -> ContactMe:
    return ContactMe(
        id=contact.id,
        name=contact.name,
        young_person_name=await young_person_name(contact.young_person_id, now),
        notifications=await push.has_any(contact_id=contact.id),
        csrf_token=contact.csrf_token,
        # A language Homeward stopped speaking reads as the default one.
        language=LanguageCode(supported(contact.language)),
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
        await end(contact.id, ContactState.STEPPED_DOWN, now)
        await audit.record(contact.who, Action.CHANGE, words.STEPPED_DOWN, contact.young_person_id, at=now)
        # Where they stand is not what everyone signed: no new version, no signature lost.
        await tell_plan(contact.young_person_id)
