"""Invites: a social worker makes one; the young person or carer joins with it."""

from __future__ import annotations

import base64
import datetime as dt
import io
import uuid

import qrcode
import qrcode.image.svg

from backend.accounts import rules, throttle
from backend.accounts import services as accounts
from backend.accounts.actor import Actor
from backend.accounts.tables import User
from backend.audit import services as audit
from backend.config import get_settings
from backend.db import INTEGRITY_ERRORS, breaks_unique, write_transaction
from backend.errors import Conflict, Invalid, NotFound
from backend.invites.tables import Invite
from backend.security import digest, hash_secret, new_code, normalise_code
from backend.young_people import guards
from backend.young_people import services as young_people
from backend.young_people.tables import Placement, YoungPerson

INVITE_ROLES = ("young_person", "carer")
GONE = "This invite has run out or been used. Ask for a new one."


def qr_data_url(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def invite_url(code: str) -> str:
    # The code rides in the fragment: browsers never send it to a server or a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/join/{code}"


async def create(actor: Actor, role: str, young_person_id: uuid.UUID, now: dt.datetime) -> dict:
    if role not in INVITE_ROLES:
        raise Invalid({"role": "Choose young_person or carer."})
    await young_people.require(actor, young_person_id, guards.may_invite, "make an invite")
    record = await YoungPerson.select(YoungPerson.user).where(
        YoungPerson.id == young_person_id
    ).first()
    if role == "young_person" and record["user"] is not None:
        raise Conflict("This young person has already joined Homeward.")
    code = new_code()
    expires_at = now + dt.timedelta(hours=get_settings().invite_ttl_hours)
    async with write_transaction():
        # One live invite per young person and role: a new one replaces the old.
        await Invite.update(expires_at=now).where(
            (Invite.young_person == young_person_id)
            & (Invite.role == role)
            & Invite.used_at.is_null()
            & (Invite.expires_at > now)
        )
        await Invite.insert(
            Invite(
                code_hash=digest(code), role=role, young_person=young_person_id,
                created_by=actor.user_id, created_at=now, expires_at=expires_at,
            )
        )
        what = "made an invite for you to join" if role == "young_person" else (
            "made an invite for a carer"
        )
        await audit.record_text(actor, "change", what, young_person_id, at=now)
    url = invite_url(code)
    return {"code": code, "url": url, "qr_svg": qr_data_url(url), "expires_at": expires_at}


async def _find(code: str, now: dt.datetime) -> dict | None:
    return await Invite.select(
        Invite.id, Invite.role, Invite.young_person, Invite.expires_at,
        Invite.young_person.preferred_name, Invite.young_person.council,
    ).where(
        (Invite.code_hash == digest(normalise_code(code)))
        & Invite.used_at.is_null()
        & (Invite.expires_at > now)
    ).first()


async def _live(code: str, address: str, now: dt.datetime) -> dict:
    """The live invite for `code`, counting the try against the caller's address and the
    invite: whoever holds a code gets a few tries, not an endless username oracle."""
    row = await _find(code, now)
    keys = [throttle.address_key(address, prefix="invite-address")]
    if row is not None:
        keys.append(throttle.invite_key(row["id"]))
    await throttle.attempt(keys, now)
    if row is None:
        raise NotFound(GONE, title="This invite doesn't work")
    return row


async def lookup(code: str, address: str, now: dt.datetime) -> dict:
    row = await _live(code, address, now)
    return {
        "role": row["role"],
        "name": row["young_person.preferred_name"],
        "expires_at": row["expires_at"],
    }


async def _cannot_use(name: str, now: dt.datetime) -> Invalid:
    """The same answer for a taken name and a reserved one, with two free names to pick."""
    ideas = rules.username_ideas(name, now.year)
    taken = {
        row["username"]
        for row in await User.select(User.username).where(User.username.is_in(ideas))
    }
    free = [idea for idea in ideas if idea not in taken and not rules.reserved_username(idea)][:2]
    message = "That one can't be used."
    if free:
        message += f" Try {' or '.join(free)}."
    return Invalid({"username": message}, suggestions={"username": free})


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
    role = invite["role"]
    errors: dict[str, str] = {}  # name every bad field at once, not one per try
    try:
        rules.check_username(username)
    except Invalid as exc:
        errors.update(exc.errors)
    try:
        rules.check_secret(role, secret, context=(username,))
    except Invalid as exc:
        errors.update(exc.errors)
    if role == "carer":
        shown_name = " ".join((display_name or "").split())
        if not 1 <= len(shown_name) <= 120:
            errors["display_name"] = "Enter your name as the young person knows you."
    else:
        shown_name = invite["young_person.preferred_name"]
    if errors:
        raise Invalid(errors)
    name = rules.normalise_username(username)
    if rules.reserved_username(name) or await User.exists().where(User.username == name):
        raise await _cannot_use(name, now)
    secret_hash = await hash_secret(secret)
    young_person_id = invite["young_person"]
    user = User(
        role=role, display_name=shown_name, username=name, secret_hash=secret_hash,
        council=invite["young_person.council"], created_at=now,
    )
    try:
        async with write_transaction():
            # Conditional update: of two people racing with one code, exactly one wins.
            used = await Invite.update(used_at=now, used_by=None).where(
                (Invite.id == invite["id"]) & Invite.used_at.is_null() & (Invite.expires_at > now)
            ).returning(Invite.id)
            if not used:
                raise NotFound(GONE, title="This invite doesn't work")
            if await User.exists().where(User.username == name):
                raise await _cannot_use(name, now)
            await User.insert(user)
            await Invite.update(used_by=user.id).where(Invite.id == invite["id"])
            if role == "young_person":
                linked = await YoungPerson.update(user=user.id).where(
                    (YoungPerson.id == young_person_id) & YoungPerson.user.is_null()
                ).returning(YoungPerson.id)
                if not linked:
                    raise Conflict("This young person has already joined Homeward.")
                what = "joined Homeward on their phone"
            else:
                await Placement.insert(
                    Placement(young_person=young_person_id, carer=user.id, created_at=now)
                )
                what = f"joined as your carer ({shown_name})"
            token = await accounts.open_session_for(user.id, device_name, now)
            joined = await accounts.actor_for_token(token, now)
            await audit.record_text(joined, "change", what, young_person_id, at=now)
    except INTEGRITY_ERRORS as exc:
        # Someone took the username between the check above and the insert (PostgreSQL
        # runs joins side by side): say so, rather than fail.
        if not breaks_unique(exc, "username"):
            raise
        raise await _cannot_use(name, now) from exc
    return token
