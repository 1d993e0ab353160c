"""Creating accounts from the command line (the first admin, professionals, carers)."""

from __future__ import annotations

from backend.accounts import api as accounts
from backend.accounts.api import Role
from backend.clock import now
from backend.db import write_transaction
from backend.errors import Invalid
from backend.i18n import N_
from backend.security import encrypt, hash_secret, new_totp_secret, totp_uri


async def create_user(
    role: str, name: str, email: str | None, username: str | None, secret: str, council_name: str
) -> dict:
    """Young people join by invite only, so that their record is linked from the start."""
    if role == Role.YOUNG_PERSON:
        raise Invalid({"role": N_("Young people join with an invite from their social worker.")})
    role = Role(role)
    if accounts.signs_in_with_email(role):
        if not email:
            raise Invalid({"email": N_("Professionals sign in with an email address.")})
        email = accounts.check_email(email)
        username = None
    else:
        if not username:
            raise Invalid({"username": N_("Carers sign in with a username.")})
        username = accounts.check_username(username)
        email = None
    accounts.check_secret(role, secret, context=(email, username))
    at = now()
    secret_hash = await hash_secret(secret)
    result: dict = {}
    totp_secret = None
    if accounts.needs_second_factor(role):
        totp_secret = new_totp_secret()
        assert email is not None  # people with a second factor sign in with email (above)
        result = {"totp_secret": totp_secret, "totp_uri": totp_uri(totp_secret, email)}
    async with write_transaction():
        council_id = await accounts.council_named(council_name, at)
        await accounts.create_account(
            role=role,
            display_name=name.strip()[:120],
            council_id=council_id,
            secret_hash=secret_hash,
            email=email,
            username=username,
            totp_secret=encrypt(totp_secret) if totp_secret else None,
            at=at,
        )
    return result
