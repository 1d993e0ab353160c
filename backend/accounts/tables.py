"""Councils, people who sign in, their sessions and sign-in throttles."""

from piccolo.columns import (
    UUID,
    Boolean,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.uuid import UUID4
from piccolo.table import Table

from backend.accounts.schemas import Language, Role, SessionKind
from backend.i18n import DEFAULT as DEFAULT_LANGUAGE
from backend.personal import Personal, declare
from backend.sealed import encrypted


class Council(Table):
    id = UUID(primary_key=True, default=UUID4())
    name = Varchar(length=200, unique=True)
    created_at = Timestamptz()


class Team(Table):
    id = UUID(primary_key=True, default=UUID4())
    council = ForeignKey(references=Council, null=False)
    name = Varchar(length=200)


class User(Table, tablename="homeward_user"):
    id = UUID(primary_key=True, default=UUID4())
    role = Varchar(length=20, index=True, choices=Role)
    display_name = Varchar(length=120)
    # Young people and carers sign in with a username; professionals with an email.
    username = Varchar(length=40, null=True, default=None, unique=True)
    email = Varchar(length=254, null=True, default=None, unique=True)
    secret_hash = Text()
    # Encrypted with the secret key (see backend/crypto.py); professionals only.
    totp_secret = encrypted(null=True, default=None)
    totp_last_step = Integer(null=True, default=None)
    council = ForeignKey(references=Council, null=True)
    team = ForeignKey(references=Team, null=True)
    active = Boolean(default=True)
    created_at = Timestamptz()
    last_sign_in_at = Timestamptz(null=True, default=None)
    # The language they read Homeward in (i18n.LANGUAGES), kept from one phone to the next.
    language = Varchar(length=10, default=DEFAULT_LANGUAGE, choices=Language)
    # A carer's or professional's phone (E.164), for the police form; sealed.
    phone = encrypted(null=True, default=None)


class Session(Table, tablename="user_session"):
    # The id is the SHA-256 of the cookie token, so a database leak yields no sessions.
    id = Varchar(length=64, primary_key=True)
    user = ForeignKey(references=User, null=False, index=True)
    kind = Varchar(length=10, choices=SessionKind)
    device_name = Varchar(length=60)
    csrf_token = Varchar(length=64)
    created_at = Timestamptz()
    last_seen_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    public_id = UUID(default=UUID4(), unique=True)


class Throttle(Table):
    """Failed sign-ins per key ("account:<identifier>" or "address:<ip>"), in the
    database so every app process sees the same count."""

    key = Varchar(length=300, primary_key=True)
    failures = Integer(default=0)
    window_started_at = Timestamptz()


class SignInLink(Table):
    """A one-time way back in: a young person who forgot their PIN or lost their phone
    (made by their social worker or carer), or a professional whose password or second
    factor is gone (made by an admin). Only the SHA-256 of the code is kept."""

    id = UUID(primary_key=True, default=UUID4())
    code_hash = Varchar(length=64, unique=True)
    user = ForeignKey(references=User, null=False, index=True)
    made_by = ForeignKey(references=User, null=False)
    created_at = Timestamptz()
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    # A professional's new second factor, chosen when the link is made, so the person
    # resetting can add it to their app before they choose a password.
    totp_secret = encrypted(null=True, default=None)


ACCOUNT = "while the account exists"

declare(Council, not_personal=("name",))
declare(Team, not_personal=("name",))
declare(
    User,
    not_personal=("role", "secret_hash"),
    display_name=Personal(
        "the name a person is shown by",
        "people tied to the same young person; admins of their council",
        ACCOUNT,
        plain_because="shown beside every change and alert to the people who work together",
    ),
    username=Personal(
        "a young person's or carer's sign-in name",
        "the person; admins",
        ACCOUNT,
        plain_because="looked up at every sign-in",
    ),
    email=Personal(
        "a professional's work email (their sign-in name)",
        "the person; admins",
        ACCOUNT,
        plain_because="looked up at every sign-in",
    ),
    totp_secret=Personal("the second-factor secret", "nobody: only checked at sign-in", ACCOUNT),
    phone=Personal(
        "a carer's or professional's phone number",
        "the person; the police through the police form of a young person they care for",
        ACCOUNT,
    ),
    language=Personal(
        "the language a person reads Homeward in",
        "the person",
        ACCOUNT,
        plain_because="read on every request to choose the words shown; never shown to anyone else",
    ),
)
declare(
    Session,
    not_personal=("id", "kind", "csrf_token"),
    device_name=Personal(
        "the name a person gave a phone or browser",
        "the person; a young person's social worker",
        "as long as the session row",
        plain_because="a label the person chose for their own list of phones",
    ),
)
declare(
    Throttle,
    key=Personal(
        "a sign-in name or network address that failed to sign in",
        "nobody",
        "the throttle window",
        plain_because="the lookup key of an atomic counter; forgotten when the window ends",
    ),
)
declare(
    SignInLink,
    not_personal=("code_hash",),
    totp_secret=Personal(
        "a professional's new second-factor secret, until they use the link",
        "nobody: shown once to whoever holds the link",
        "until the link is used or runs out, then kept with the account",
    ),
)
