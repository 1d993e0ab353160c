"""Signing in and out, sessions, changing a PIN or password or the language. Knows
nothing of HTTP."""

from __future__ import annotations

import datetime as dt
import time
import uuid

from backend import clock, phones, security
from backend.accounts import guards, rules, sql, throttle
from backend.accounts.actor import Actor
from backend.accounts.kept_sessions import KEPT
from backend.accounts.schemas import Language, MeOut, Role, SessionInfo, SessionKind, SessionOut, UserOut
from backend.accounts.tables import Session, User
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Invalid, NotFound, Unauthenticated
from backend.i18n import N_
from backend.sealed import seal, unseal
from backend.security import (
    decrypt,
    digest,
    hash_secret,
    new_token,
    totp_match,
    verify_secret,
)

SEEN_WRITE_EVERY = dt.timedelta(seconds=60)
NOT_SIGNED_IN = N_("That phone or browser is not signed in.")


def _no_match() -> Unauthenticated:
    # One answer for every failure, so nobody learns which accounts exist.
    return Unauthenticated(N_("Check them and try again."), title=N_("Those details don't match"))


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
    if not ok or user is None:  # no such person never matches (verify_secret(None) is False)
        raise _no_match()  # the attempt is already counted
    step = None
    if guards.needs_second_factor(user["role"]):
        step = (
            totp_match(decrypt(user["totp_secret"]), code or "", user["totp_last_step"], time.time())
            if user["totp_secret"]
            else None
        )
        ok = step is not None
    if not ok or not user["active"]:
        raise _no_match()  # the attempt is already counted
    token = await _open_session(user["id"], Role(user["role"]), device_name, now, totp_step=step)
    await throttle.succeeded(*keys)
    return token, await actor_for_token(token, now)


def remember_device(actor: Actor, now: dt.datetime) -> str:
    """A device token for the browser this person has just signed in (or joined) on."""
    return security.new_device_token(actor.user_id, now.timestamp())


async def _open_session(
    user_id: uuid.UUID, role: Role, device_name: str | None, now: dt.datetime, totp_step: int | None = None
) -> str:
    token = new_token()
    async with write_transaction():
        if totp_step is not None:
            # Conditional: of sign-ins racing with one code, only the first may use it.
            claimed = (
                await User.update(totp_last_step=totp_step)
                .where(
                    (User.id == user_id) & (User.totp_last_step.is_null() | (User.totp_last_step < totp_step))
                )
                .returning(User.id)
            )
            if not claimed:
                raise _no_match()
        await User.update(last_sign_in_at=now).where(User.id == user_id)
        await Session.insert(
            Session(
                id=digest(token),
                user=user_id,
                kind=guards.session_kind(role),
                device_name=(device_name or "").strip()[:60] or "This phone",
                csrf_token=new_token(),
                created_at=now,
                last_seen_at=now,
            )
        )
    return token


async def open_session_for(user_id: uuid.UUID, device_name: str | None, now: dt.datetime) -> str:
    """A session for someone who has just joined (inside the caller's transaction)."""
    user = await User.select(User.role).where(User.id == user_id).first()
    assert user is not None  # made by the caller's transaction
    return await _open_session(user_id, Role(user["role"]), device_name, now)


def _expired(session: dict, now: dt.datetime) -> bool:
    if session["revoked_at"] is not None:
        return True
    settings = get_settings()
    if session["kind"] == SessionKind.DEVICE:
        # Renewed by use (last_seen_at): a phone in someone's pocket stays signed in, a
        # lost or forgotten one does not stay open for ever.
        return now - as_utc(session["last_seen_at"]) > dt.timedelta(days=settings.device_session_idle_days)
    idle = now - as_utc(session["last_seen_at"]) > dt.timedelta(minutes=settings.session_idle_minutes)
    too_old = now - as_utc(session["created_at"]) > dt.timedelta(hours=settings.session_absolute_hours)
    return idle or too_old


async def actor_for_token(token: str | None, now: dt.datetime) -> Actor:
    """The signed-in person behind a cookie token, or Unauthenticated.

    A young person's own record is not looked up here: accounts know nothing of records.
    The edge adds it (see backend/app.py)."""
    if not token:
        raise Unauthenticated()
    session_id = digest(token)
    session = KEPT.get(session_id)
    if session is None:
        stamp = KEPT.stamp()
        session = await sql.SESSION_WITH_USER.first(id=session_id)
        if session is not None:
            KEPT.put(session_id, session, stamp)
    if session is None or not session["active"] or _expired(session, now):
        raise Unauthenticated()
    if now - as_utc(session["last_seen_at"]) > SEEN_WRITE_EVERY:
        async with write_transaction():
            await sql.SEEN.rows(at=now, id=session["id"])
    return Actor(
        user_id=session["user"],
        role=Role(session["role"]),
        display_name=session["display_name"],
        council_id=session["council"],
        session_id=session["id"],
        session_kind=SessionKind(session["kind"]),
        csrf_token=session["csrf_token"],
        language=session["language"],
    )


async def me(actor: Actor) -> MeOut:
    row = await sql.ME.first(session=actor.session_id)
    assert row is not None  # the actor was made from this session and account just now
    user = session = row
    expires_at = None
    if session["kind"] == SessionKind.BROWSER:
        settings = get_settings()
        expires_at = min(
            as_utc(session["created_at"]) + dt.timedelta(hours=settings.session_absolute_hours),
            as_utc(session["last_seen_at"]) + dt.timedelta(minutes=settings.session_idle_minutes),
        )
    return MeOut(
        user=UserOut(
            id=user["id"],
            role=Role(user["role"]),
            display_name=user["display_name"],
            username=user["username"],
            email=user["email"],
            language=Language(user["language"]),
            phone=unseal(user["phone"]) if user["phone"] else None,
        ),
        young_person_id=actor.young_person_id,
        csrf_token=actor.csrf_token,
        session=SessionInfo(
            kind=SessionKind(session["kind"]), device_name=session["device_name"], expires_at=expires_at
        ),
    )


async def set_language(actor: Actor, language: str) -> None:
    """The language this person reads Homeward in, on every phone they use from now on."""
    async with write_transaction():
        await User.update(language=Language(language).value).where(User.id == actor.user_id)


NOT_A_PHONE = N_("That doesn't look like a phone number")


async def set_phone(actor: Actor, raw: str) -> None:
    """A carer's or professional's own phone, for the police form ("" takes it away)."""
    phone = None
    if raw.strip():
        phone = phones.e164(raw)
        if phone is None:
            raise Invalid({"phone": NOT_A_PHONE})
    async with write_transaction():
        await User.update(phone=seal(phone) if phone else None).where(User.id == actor.user_id)


async def sign_out(actor: Actor, now: dt.datetime) -> None:
    async with write_transaction():
        await Session.update(revoked_at=now).where(Session.id == actor.session_id)


async def list_sessions(user_id: uuid.UUID, current_session_id: str | None = None) -> list[SessionOut]:
    """Where a person is signed in now: sessions that have timed out are left out, since
    they no longer let anyone in."""
    rows = (
        await Session.select(
            Session.public_id,
            Session.id,
            Session.kind,
            Session.device_name,
            Session.created_at,
            Session.last_seen_at,
            Session.revoked_at,
        )
        .where((Session.user == user_id) & Session.revoked_at.is_null())
        .order_by(Session.last_seen_at, ascending=False)
    )
    at = clock.now()
    return [
        SessionOut(
            id=row["public_id"],
            kind=SessionKind(row["kind"]),
            device_name=row["device_name"],
            created_at=row["created_at"],
            last_seen_at=row["last_seen_at"],
            current=row["id"] == current_session_id,
        )
        for row in rows
        if not _expired(row, at)
    ]


async def revoke_session(user_id: uuid.UUID, public_id: uuid.UUID, now: dt.datetime) -> None:
    """Sign one of a person's sessions out (a lost phone); NotFound if it is not theirs."""
    async with write_transaction():
        done = (
            await Session.update(revoked_at=now)
            .where(
                (Session.public_id == public_id) & (Session.user == user_id) & Session.revoked_at.is_null()
            )
            .returning(Session.id)
        )
    if not done:
        raise NotFound(NOT_SIGNED_IN)


async def revoke_own(actor: Actor, public_id: uuid.UUID, now: dt.datetime) -> None:
    """The caller signs out one of their own phones or browsers; anyone else's is
    answered as one that is not signed in."""
    row = await Session.select(Session.user).where(Session.public_id == public_id).first()
    if row is None or not guards.may_manage_session(actor.user_id, row["user"]):
        raise NotFound(NOT_SIGNED_IN)
    await revoke_session(row["user"], public_id, now)


async def revoke_all(user_id: uuid.UUID, now: dt.datetime) -> None:
    """Sign a person out everywhere (inside the caller's transaction, if any)."""
    async with write_transaction():
        await Session.update(revoked_at=now).where((Session.user == user_id) & Session.revoked_at.is_null())


async def change_secret(actor: Actor, current: str, new: str, now: dt.datetime) -> None:
    """Change a PIN or password; every other session is signed out."""
    user = (
        await User.select(User.secret_hash, User.username, User.email).where(User.id == actor.user_id).first()
    )
    assert user is not None  # the actor was made from this account
    # Guesses here share the account's sign-in budget: a found phone gives no extra tries.
    key = throttle.account_key(user["username"] or user["email"])
    await throttle.attempt([key], now)
    if not await verify_secret(user["secret_hash"], current):
        raise Invalid({"current_secret": N_("That isn't your current PIN or password.")})
    await throttle.succeeded(key)
    rules.check_secret(actor.role, new, field="new_secret", context=(user["username"], user["email"]))
    new_hash = await hash_secret(new)
    async with write_transaction():
        await User.update(secret_hash=new_hash).where(User.id == actor.user_id)
        await Session.update(revoked_at=now).where(
            (Session.user == actor.user_id) & (Session.id != actor.session_id) & Session.revoked_at.is_null()
        )
