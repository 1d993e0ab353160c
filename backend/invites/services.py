"""Invites: a social worker makes one; the young person or carer joins with it.

Accounts are made through accounts' API and tied to the record through young people's
API: invites keeps only its own table, the invite."""

from __future__ import annotations

import datetime as dt
import uuid

from backend import i18n
from backend.accounts import api as accounts
from backend.accounts.api import Actor, Role
from backend.audit import services as audit
from backend.audit.services import Action
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Conflict, Invalid, NotFound
from backend.invites import guards, words
from backend.invites.schemas import (
    InviteEmailed,
    InviteInfo,
    InviteOut,
    InviteRole,
    InviteState,
    InviteSummary,
)
from backend.invites.tables import Invite
from backend.outbound import EmailChannel
from backend.qr import qr_data_url
from backend.security import digest, hash_secret, new_code, normalise_code
from backend.young_people import api as young_people


def invite_url(code: str) -> str:
    # The code rides in the fragment: browsers never send it to a server or a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/join/{code}"


async def create(actor: Actor, role: InviteRole, young_person_id: uuid.UUID, now: dt.datetime) -> InviteOut:
    await young_people.require(actor, young_person_id, guards.may_make, words.MAKE)
    found = await young_people.known(young_person_id)
    if not guards.may_invite_for(role, has_joined=found.user_id is not None):
        raise Conflict(words.ALREADY_JOINED)
    code = new_code()
    expires_at = now + dt.timedelta(hours=get_settings().invite_ttl_hours)
    async with write_transaction():
        # One live invite per young person and role: a new one replaces the old.
        await Invite.update(expires_at=now).where(
            (Invite.young_person == young_person_id)
            & (Invite.role == role.value)
            & Invite.used_at.is_null()
            & (Invite.expires_at > now)
        )
        await Invite.insert(
            Invite(
                code_hash=digest(code),
                role=role.value,
                young_person=young_person_id,
                created_by=actor.user_id,
                created_at=now,
                expires_at=expires_at,
            )
        )
        made = words.MADE_FOR_YOUNG_PERSON if role == InviteRole.YOUNG_PERSON else words.MADE_FOR_CARER
        await audit.record(actor, Action.CHANGE, made, young_person_id, at=now)
    url = invite_url(code)
    return InviteOut(
        code=code,
        url=url,
        qr_svg=qr_data_url(url),
        expires_at=expires_at,
        young_person_id=young_person_id,
        state=InviteState.NOT_SENT,
        can_email=bool(get_settings().smtp_host),
    )


SHOWN = 10  # the newest invites a record lists


async def made_for(actor: Actor, young_person_id: uuid.UUID, now: dt.datetime) -> list[InviteSummary]:
    """The invites made for this young person (to join, or for a carer), newest first,
    each with what really happened to it."""
    await young_people.require(actor, young_person_id, guards.may_make, words.SEE)
    rows = (
        await Invite.select(
            Invite.role, Invite.created_at, Invite.expires_at, Invite.emailed_at, Invite.used_at
        )
        .where(Invite.young_person == young_person_id)
        .order_by(Invite.created_at, ascending=False)
        .limit(SHOWN)
    )
    return [
        InviteSummary(
            role=InviteRole(row["role"]),
            state=guards.state_of(
                row["used_at"],
                row["emailed_at"],
                as_utc(row["expires_at"]),
                now,
            ),
            created_at=row["created_at"],
            expires_at=row["expires_at"],
            emailed_at=row["emailed_at"],
            used_at=row["used_at"],
        )
        for row in rows
    ]


async def email(
    actor: Actor, young_person_id: uuid.UUID, code: str, address: str, now: dt.datetime
) -> InviteEmailed:
    """Email a live invite for this young person, which the caller may make (they hold
    its code), to `address`; marked emailed only when the mail server took the email."""
    settings = get_settings()
    await young_people.require(actor, young_person_id, guards.may_make, words.MAKE)
    to = accounts.check_email(address)
    row = await _find(code, now)
    if row is None or row["young_person"] != young_person_id:
        raise NotFound(words.GONE, title=words.DOES_NOT_WORK)
    if not settings.smtp_host:
        raise Conflict(words.NO_EMAIL)
    found = await young_people.known(young_person_id)  # it passed `require`
    url = invite_url(normalise_code(code))
    # The invitee's language is not known yet: the sender's is the best guess.
    body = i18n.translate(
        words.EMAIL_BODY,
        sender=actor.display_name,
        young_person=found.preferred_name,
        url=url,
        code=normalise_code(code),
        until=as_utc(row["expires_at"]).strftime("%d %b %Y %H:%M UTC"),
    )
    result = await EmailChannel(settings).send(
        {"email": to}, body, i18n.translate(words.EMAIL_SUBJECT), key=f"invite-{row['id']}"
    )
    if not result.ok:
        raise Conflict(words.NOT_EMAILED)
    async with write_transaction():
        await Invite.update(emailed_at=now).where(Invite.id == row["id"])
        await audit.record(actor, Action.CHANGE, words.EMAILED, young_person_id, at=now)
    return InviteEmailed(state=InviteState.EMAILED, email=to, mailbox=settings.demo_mailbox)


async def _find(code: str, now: dt.datetime) -> dict | None:
    row = (
        await Invite.select(Invite.id, Invite.role, Invite.young_person, Invite.expires_at, Invite.used_at)
        .where(Invite.code_hash == digest(normalise_code(code)))
        .first()
    )
    if row is None or not guards.is_live(row["used_at"], as_utc(row["expires_at"]), now):
        return None
    return row


async def _live(code: str, address: str, now: dt.datetime) -> dict:
    """The live invite for `code`, counting the try against the caller's address and the
    invite: whoever holds a code gets a few tries, not an endless username oracle."""
    row = await _find(code, now)
    await accounts.count_invite_try(row["id"] if row else None, address, now)
    if row is None:
        raise NotFound(words.GONE, title=words.DOES_NOT_WORK)
    return row


async def lookup(code: str, address: str, now: dt.datetime) -> InviteInfo:
    row = await _live(code, address, now)
    found = await young_people.known(row["young_person"])  # kept by the invite's foreign key
    return InviteInfo(role=InviteRole(row["role"]), name=found.preferred_name, expires_at=row["expires_at"])


async def accept(
    code: str,
    username: str,
    secret: str,
    display_name: str | None,
    device_name: str | None,
    address: str,
    now: dt.datetime,
) -> str:
    """Create the account, use up the invite and sign in; returns the session token."""
    invite = await _live(code, address, now)
    role = InviteRole(invite["role"])
    young_person_id = invite["young_person"]
    found = await young_people.known(young_person_id)  # kept by the invite's foreign key
    errors: dict[str, str] = {}  # name every bad field at once, not one per try
    try:
        accounts.check_username(username)
    except Invalid as exc:
        errors.update(exc.errors)
    try:
        accounts.check_secret(role, secret, context=(username,))
    except Invalid as exc:
        errors.update(exc.errors)
    if role == InviteRole.CARER:
        shown_name = " ".join((display_name or "").split())
        if not 1 <= len(shown_name) <= 120:
            errors["display_name"] = words.NAME_NEEDED
    else:
        shown_name = found.preferred_name
    if errors:
        raise Invalid(errors)
    name = accounts.normalise_username(username)
    await accounts.check_new_username(name, now)
    secret_hash = await hash_secret(secret)
    async with write_transaction():
        # Conditional update: of two people racing with one code, exactly one wins.
        used = (
            await Invite.update(used_at=now, used_by=None)
            .where((Invite.id == invite["id"]) & Invite.used_at.is_null() & (Invite.expires_at > now))
            .returning(Invite.id)
        )
        if not used:
            raise NotFound(words.GONE, title=words.DOES_NOT_WORK)
        # The language the join screen was read in becomes theirs (Amir joins in Arabic).
        user_id = await accounts.create_account(
            role=Role(role),
            display_name=shown_name,
            council_id=found.council_id,
            secret_hash=secret_hash,
            username=name,
            language=i18n.current(),
            at=now,
        )
        await Invite.update(used_by=user_id).where(Invite.id == invite["id"])
        if role == InviteRole.YOUNG_PERSON:
            if not await young_people.link_account(young_person_id, user_id):
                raise Conflict(words.ALREADY_JOINED)
            joined_as = words.JOINED
        else:
            await young_people.place(young_person_id, user_id, now)
            joined_as = words.CARER_JOINED
        token = await accounts.open_session_for(user_id, device_name, now)
        joined = await accounts.actor_for_token(token, now)
        await audit.record(joined, Action.CHANGE, joined_as, young_person_id, at=now)
    return token
