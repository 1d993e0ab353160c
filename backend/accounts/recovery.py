"""A way back in: one-time sign-in links.

A young person who forgot their PIN or lost their phone gets a link from their social
worker or carer; a professional whose password or second factor is gone gets one from
an admin. Who may make a link is decided by the caller's domain (invites for a young
person's record, admin for the council's accounts); accounts keeps the link.

A link works once, for `sign_in_link_minutes`, and only its SHA-256 is stored. Making
a new one ends the person's earlier links. Using it sets a new PIN or password (and,
for a professional, the new second factor chosen when the link was made), signs the
person out everywhere else and lifts any sign-in lock-out on their account.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass

from backend.accounts import guards, rules, throttle
from backend.accounts.schemas import Role, SignInLinkInfo, SignInLinkOut
from backend.accounts.services import open_session_for
from backend.accounts.tables import Session, SignInLink, Throttle, User
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import Invalid, NotFound
from backend.i18n import N_
from backend.qr import qr_data_url
from backend.security import (
    decrypt,
    digest,
    encrypt,
    hash_secret,
    new_code,
    new_totp_secret,
    normalise_code,
    totp_match,
    totp_uri,
)

GONE = N_("This sign-in link has run out or been used. Ask for a new one.")
DOES_NOT_WORK = N_("This sign-in link doesn't work")
WRONG_CODE = N_("That code doesn't match. Add Homeward to your app again and type the code it shows now.")


@dataclass(frozen=True)
class Used:
    """A link just used: the new session's token and whose account it was."""

    token: str
    user_id: uuid.UUID
    role: Role
    made_by: uuid.UUID


def link_url(code: str) -> str:
    # In the fragment, like an invite: never sent to a server or in a Referer.
    return f"{get_settings().base_url.rstrip('/')}/#/recover/{code}"


def is_live(used_at: dt.datetime | None, expires_at: dt.datetime, now: dt.datetime) -> bool:
    return used_at is None and now < expires_at


async def make_link(user_id: uuid.UUID, made_by: uuid.UUID, now: dt.datetime) -> SignInLinkOut:
    """A new link for `user_id` (inside the caller's transaction, if any); the person's
    earlier links stop working. NotFound if there is no such active account."""
    user = (
        await User.select(User.role, User.display_name, User.active, User.email)
        .where(User.id == user_id)
        .first()
    )
    if user is None or not user["active"]:
        raise NotFound()
    code = new_code()
    expires_at = now + dt.timedelta(minutes=get_settings().sign_in_link_minutes)
    second_factor = new_totp_secret() if guards.needs_second_factor(user["role"]) else None
    async with write_transaction():
        await SignInLink.update(expires_at=now).where(
            (SignInLink.user == user_id) & SignInLink.used_at.is_null() & (SignInLink.expires_at > now)
        )
        await SignInLink.insert(
            SignInLink(
                code_hash=digest(code),
                user=user_id,
                made_by=made_by,
                created_at=now,
                expires_at=expires_at,
                totp_secret=encrypt(second_factor) if second_factor else None,
            )
        )
    url = link_url(code)
    return SignInLinkOut(
        code=code, url=url, qr_svg=qr_data_url(url), expires_at=expires_at, name=user["display_name"]
    )


async def _live(code: str, address: str, now: dt.datetime) -> dict:
    """The live link for `code`, counting the try against the caller's address and the
    link, so whoever holds a code gets a few tries, not endless guesses."""
    row = (
        await SignInLink.select(
            SignInLink.id,
            SignInLink.user,
            SignInLink.made_by,
            SignInLink.expires_at,
            SignInLink.used_at,
            SignInLink.totp_secret,
            SignInLink.user.role,
            SignInLink.user.display_name,
            SignInLink.user.username,
            SignInLink.user.email,
            SignInLink.user.active,
        )
        .where(SignInLink.code_hash == digest(normalise_code(code)))
        .first()
    )
    if row is not None and not (
        is_live(row["used_at"], as_utc(row["expires_at"]), now) and row["user.active"]
    ):
        row = None
    keys = [throttle.address_key(address, prefix="invite-address")]
    if row is not None:
        keys.append(throttle.link_key(row["id"]))
    await throttle.attempt(keys, now)
    if row is None:
        raise NotFound(GONE, title=DOES_NOT_WORK)
    return row


async def link_info(code: str, address: str, now: dt.datetime) -> SignInLinkInfo:
    row = await _live(code, address, now)
    uri = key = None
    if row["totp_secret"]:
        key = decrypt(row["totp_secret"])
        uri = totp_uri(key, row["user.email"] or row["user.display_name"])
    return SignInLinkInfo(
        name=row["user.display_name"],
        role=Role(row["user.role"]),
        username=row["user.username"],
        expires_at=row["expires_at"],
        second_factor_uri=uri,
        second_factor_qr=qr_data_url(uri) if uri else None,
        second_factor_key=key,
    )


async def use_link(
    code: str,
    secret: str,
    second_factor_code: str | None,
    device_name: str | None,
    address: str,
    now: dt.datetime,
) -> Used:
    """Set the new PIN or password (and second factor), sign the person out everywhere
    else, lift a lock-out and sign this phone in."""
    row = await _live(code, address, now)
    role = Role(row["user.role"])
    errors: dict = {}
    try:
        rules.check_secret(role, secret, context=(row["user.username"], row["user.email"]))
    except Invalid as exc:
        errors.update(exc.errors)
    step = None
    new_second_factor = decrypt(row["totp_secret"]) if row["totp_secret"] else None
    if new_second_factor is not None:
        step = totp_match(new_second_factor, second_factor_code or "", None, time.time())
        if step is None:
            errors["second_factor_code"] = WRONG_CODE
    if errors:
        raise Invalid(errors)
    secret_hash = await hash_secret(secret)
    user_id = row["user"]
    async with write_transaction():
        # Conditional: of two phones racing with one link, exactly one wins.
        used = (
            await SignInLink.update(used_at=now)
            .where(
                (SignInLink.id == row["id"]) & SignInLink.used_at.is_null() & (SignInLink.expires_at > now)
            )
            .returning(SignInLink.id)
        )
        if not used:
            raise NotFound(GONE, title=DOES_NOT_WORK)
        changes: dict = {User.secret_hash: secret_hash}
        if new_second_factor is not None:
            changes.update({User.totp_secret: row["totp_secret"], User.totp_last_step: step})
        await User.update(changes).where(User.id == user_id)
        await Session.update(revoked_at=now).where((Session.user == user_id) & Session.revoked_at.is_null())
        sign_in_names = [name for name in (row["user.username"], row["user.email"]) if name]
        await Throttle.delete().where(Throttle.key.is_in([throttle.account_key(n) for n in sign_in_names]))
        token = await open_session_for(user_id, device_name, now)
    return Used(token=token, user_id=user_id, role=role, made_by=row["made_by"])
