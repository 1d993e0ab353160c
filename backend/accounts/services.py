"""Signing in and out, sessions and changing a PIN or password. Knows nothing of HTTP."""

from __future__ import annotations

import datetime as dt
import time
import uuid

from backend import clock, security
from backend.accounts import rules, throttle
from backend.accounts.actor import Actor
from backend.accounts.tables import PROFESSIONAL_ROLES, Session, User
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Invalid, NotFound, Unauthenticated
from backend.security import (
    decrypt,
    digest,
    hash_secret,
    new_token,
    totp_match,
    verify_secret,
)
from backend.young_people.tables import YoungPerson

# Device sessions (young people, carers) stay signed in: an alert must be one tap away.
DEVICE_ROLES = ("young_person", "carer")
SEEN_WRITE_EVERY = dt.timedelta(seconds=60)


def _no_match() -> Unauthenticated:
    # One answer for every failure, so nobody learns which accounts exist.
    return Unauthenticated("Check them and try again.", title="Those details don't match")


async def sign_in(
    identifier: str,
    secret: str,
    code: str | None,
    device_name: str | None,
    address: str,
    now: dt.datetime,
    device_token: str | None = None,
) -> tuple[str, Actor]:
    """Check the details and open a session; returns the cookie token and the actor.

    A browser holding a device token for this very account (given at an earlier sign-in,
    see `remember_device`) has its own budget of tries: guesses from elsewhere cannot
    lock the person out of a phone they already use. Everyone else shares the account's
    budget and their address's, so guessing is stopped all the same.
    """
    ident = identifier.strip().lower()[:254]
    user = await User.select().where((User.username == ident) | (User.email == ident)).first()
    device = security.device_of(device_token, user["id"], now.timestamp()) if user else None
    if device is not None:
        keys = [throttle.device_key(device)]
    else:
        keys = [throttle.account_key(ident), throttle.address_key(address)]
    await throttle.attempt(keys, now)
    ok = await verify_secret(user["secret_hash"] if user else None, secret[: rules.MAX_SECRET])
    step = None
    if ok and user["role"] in PROFESSIONAL_ROLES:
        step = (
            totp_match(decrypt(user["totp_secret"]), code or "", user["totp_last_step"], time.time())
            if user["totp_secret"]
            else None
        )
        ok = step is not None
    if not ok or not user["active"]:
        raise _no_match()  # the attempt is already counted
    token = await _open_session(user, device_name, now, totp_step=step)
    await throttle.succeeded(*keys)
    return token, await actor_for_token(token, now)


def remember_device(actor: Actor, now: dt.datetime) -> str:
    """A device token for the browser this person has just signed in (or joined) on."""
    return security.new_device_token(actor.user_id, now.timestamp())


async def _open_session(
    user: dict, device_name: str | None, now: dt.datetime, totp_step: int | None = None
) -> str:
    token = new_token()
    kind = "device" if user["role"] in DEVICE_ROLES else "browser"
    async with write_transaction():
        if totp_step is not None:
            # Conditional: of sign-ins racing with one code, only the first may use it.
            claimed = await User.update(totp_last_step=totp_step).where(
                (User.id == user["id"])
                & (User.totp_last_step.is_null() | (User.totp_last_step < totp_step))
            ).returning(User.id)
            if not claimed:
                raise _no_match()
        await User.update(last_sign_in_at=now).where(User.id == user["id"])
        await Session.insert(
            Session(
                id=digest(token),
                user=user["id"],
                kind=kind,
                device_name=(device_name or "").strip()[:60] or "This phone",
                csrf_token=new_token(),
                created_at=now,
                last_seen_at=now,
            )
        )
    return token


async def open_session_for(user_id: uuid.UUID, device_name: str | None, now: dt.datetime) -> str:
    """A session for someone who has just joined (inside the caller's transaction)."""
    user = await User.select().where(User.id == user_id).first()
    return await _open_session(user, device_name, now)


def _expired(session: dict, now: dt.datetime) -> bool:
    if session["revoked_at"] is not None:
        return True
    settings = get_settings()
    if session["kind"] == "device":
        # Renewed by use (last_seen_at): a phone in someone's pocket stays signed in, a
        # lost or forgotten one does not stay open for ever.
        return now - as_utc(session["last_seen_at"]) > dt.timedelta(days=settings.device_session_idle_days)
    idle = now - as_utc(session["last_seen_at"]) > dt.timedelta(minutes=settings.session_idle_minutes)
    too_old = now - as_utc(session["created_at"]) > dt.timedelta(hours=settings.session_absolute_hours)
    return idle or too_old


async def actor_for_token(token: str | None, now: dt.datetime) -> Actor:
    """The signed-in person behind a cookie token, or Unauthenticated."""
    if not token:
        raise Unauthenticated()
    session = (
        await Session.select(
            Session.all_columns(),
            Session.user.role,
            Session.user.display_name,
            Session.user.council,
            Session.user.active,
        )
        .where(Session.id == digest(token))
        .first()
    )
    if session is None or not session["user.active"] or _expired(session, now):
        raise Unauthenticated()
    if now - as_utc(session["last_seen_at"]) > SEEN_WRITE_EVERY:
        async with write_transaction():
            await Session.update(last_seen_at=now).where(Session.id == session["id"])
    young_person_id = None
    if session["user.role"] == "young_person":
        young_person_id = await YoungPerson.select(YoungPerson.id).where(
            YoungPerson.user == session["user"]
        ).first()
        young_person_id = young_person_id["id"] if young_person_id else None
    return Actor(
        user_id=session["user"],
        role=session["user.role"],
        display_name=session["user.display_name"],
        council_id=session["user.council"],
        session_id=session["id"],
        session_kind=session["kind"],
        csrf_token=session["csrf_token"],
        young_person_id=young_person_id,
    )


async def me(actor: Actor) -> dict:
    user = await User.select(
        User.id, User.role, User.display_name, User.username, User.email
    ).where(User.id == actor.user_id).first()
    session = await Session.select().where(Session.id == actor.session_id).first()
    expires_at = None
    if session["kind"] == "browser":
        settings = get_settings()
        expires_at = min(
            as_utc(session["created_at"]) + dt.timedelta(hours=settings.session_absolute_hours),
            as_utc(session["last_seen_at"]) + dt.timedelta(minutes=settings.session_idle_minutes),
        )
    return {
        "user": user,
        "young_person_id": actor.young_person_id,
        "csrf_token": actor.csrf_token,
        "session": {
            "kind": session["kind"],
            "device_name": session["device_name"],
            "expires_at": expires_at,
        },
    }


async def sign_out(actor: Actor, now: dt.datetime) -> None:
    async with write_transaction():
        await Session.update(revoked_at=now).where(Session.id == actor.session_id)


async def list_sessions(user_id: uuid.UUID, current_session_id: str | None = None) -> list[dict]:
    """Where a person is signed in now: sessions that have timed out are left out, since
    they no longer let anyone in."""
    rows = await Session.select(
        Session.public_id, Session.id, Session.kind, Session.device_name,
        Session.created_at, Session.last_seen_at, Session.revoked_at,
    ).where(
        (Session.user == user_id) & Session.revoked_at.is_null()
    ).order_by(Session.last_seen_at, ascending=False)
    at = clock.now()
    return [
        {
            "id": row["public_id"],
            "kind": row["kind"],
            "device_name": row["device_name"],
            "created_at": row["created_at"],
            "last_seen_at": row["last_seen_at"],
            "current": row["id"] == current_session_id,
        }
        for row in rows
        if not _expired(row, at)
    ]


async def revoke_session(user_id: uuid.UUID, public_id: uuid.UUID, now: dt.datetime) -> None:
    """Sign one of a person's sessions out (a lost phone); NotFound if it is not theirs."""
    async with write_transaction():
        done = await Session.update(revoked_at=now).where(
            (Session.public_id == public_id)
            & (Session.user == user_id)
            & Session.revoked_at.is_null()
        ).returning(Session.id)
    if not done:
        raise NotFound("That phone or browser is not signed in.")


async def change_secret(actor: Actor, current: str, new: str, now: dt.datetime) -> None:
    """Change a PIN or password; every other session is signed out."""
    user = await User.select(User.secret_hash, User.username, User.email).where(
        User.id == actor.user_id
    ).first()
    # Guesses here share the account's sign-in budget: a found phone gives no extra tries.
    key = throttle.account_key(user["username"] or user["email"])
    await throttle.attempt([key], now)
    if not await verify_secret(user["secret_hash"], current):
        raise Invalid({"current_secret": "That isn't your current PIN or password."})
    await throttle.succeeded(key)
    rules.check_secret(actor.role, new, field="new_secret", context=(user["username"], user["email"]))
    new_hash = await hash_secret(new)
    async with write_transaction():
        await User.update(secret_hash=new_hash).where(User.id == actor.user_id)
        await Session.update(revoked_at=now).where(
            (Session.user == actor.user_id)
            & (Session.id != actor.session_id)
            & Session.revoked_at.is_null()
        )
