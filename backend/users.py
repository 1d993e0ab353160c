"""Creating accounts from the command line (the first admin, professionals, carers)."""

from __future__ import annotations

from backend.accounts import rules
from backend.accounts.tables import PROFESSIONAL_ROLES, Council, User
from backend.clock import now
from backend.db import write_transaction
from backend.errors import Invalid
from backend.security import encrypt, hash_secret, new_totp_secret, totp_uri


async def create_user(
    role: str, name: str, email: str | None, username: str | None, secret: str, council_name: str
) -> dict:
    """Young people join by invite only, so that their record is linked from the start."""
    if role == "young_person":
        raise Invalid({"role": "Young people join with an invite from their social worker."})
    if role in PROFESSIONAL_ROLES:
        if not email:
            raise Invalid({"email": "Professionals sign in with an email address."})
        email = rules.check_email(email)
        username = None
    else:
        if not username:
            raise Invalid({"username": "Carers sign in with a username."})
        username = rules.check_username(username)
        email = None
    rules.check_secret(role, secret, context=(email, username))
    at = now()
    user = User(role=role, display_name=name.strip()[:120], email=email, username=username,
                secret_hash=await hash_secret(secret), created_at=at)
    result: dict = {}
    if role in PROFESSIONAL_ROLES:
        totp_secret = new_totp_secret()
        user.totp_secret = encrypt(totp_secret)
        result = {"totp_secret": totp_secret, "totp_uri": totp_uri(totp_secret, email)}
    async with write_transaction():
        if await User.exists().where((User.email == email) if email else (User.username == username)):
            raise Invalid({"email" if email else "username": "That account already exists."})
        council = await Council.select(Council.id).where(Council.name == council_name).first()
        if council is None:
            new = Council(name=council_name, created_at=at)
            await Council.insert(new)
            council = {"id": new.id}
        user.council = council["id"]
        await User.insert(user)
    return result
