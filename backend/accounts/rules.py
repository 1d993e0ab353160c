"""What a good username, PIN or password looks like, per role."""

from __future__ import annotations

import re
import secrets
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from backend.accounts.schemas import Role
from backend.errors import Invalid
from backend.i18n import N_, Message

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,29}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
MAX_SECRET = 128
MIN_PASSWORD: dict[str, int] = {Role.CARER: 10, Role.SOCIAL_WORKER: 12, Role.MANAGER: 12, Role.ADMIN: 12}
# PINs so common that throttling alone would not protect them.
WEAK_PINS = {"123456", "654321", "123123", "121212", "112233", "111222", "123321", "696969"}
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")
GUESSABLE = N_("That password is too easy to guess. Try a few words that mean something to you.")
# Sequences people type instead of choosing: the alphabet, numbers and keyboard rows.
SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# Names nobody may take, so "can't be used" never simply means "someone has it".
RESERVED_USERNAMES = frozenset(
    {
        "admin",
        "administrator",
        "homeward",
        "support",
        "help",
        "helpdesk",
        "root",
        "system",
        "staff",
        "police",
        "moderator",
        "security",
        "social-worker",
        "carer",
        "manager",
    }
)


def normalise_username(value: str) -> str:
    return value.strip().lower()


def check_username(value: str, field: str = "username") -> str:
    name = normalise_username(value)
    if not USERNAME.match(name):
        raise Invalid({field: N_("Use 3 to 30 letters or numbers (you can also use . _ -).")})
    return name


def reserved_username(name: str) -> bool:
    return name in RESERVED_USERNAMES


def username_ideas(name: str, year: int) -> list[str]:
    """Other usernames like `name` ("jade.k7", "jade-2026", ...), longest first to try.

    Partly random, so the ideas offered say nothing about which names exist.
    """
    base = re.sub(r"[._-]+$", "", name[:24]) or "me"
    letters = "abcdefghjkmnpqrstuvwxyz"
    digits = "23456789"
    ideas = [
        f"{base}.{secrets.choice(letters)}{secrets.choice(digits)}",
        f"{base}-{year}",
        f"{base}{secrets.randbelow(900) + 100}",
        f"{base}_{secrets.choice(letters)}{secrets.choice(letters)}",
        f"{base}.{secrets.choice(letters)}{secrets.randbelow(90) + 10}",
    ]
    return [idea for idea in ideas if USERNAME.match(idea)]


def check_email(value: str, field: str = "email") -> str:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL.match(email):
        raise Invalid({field: N_("Enter an email address like name@example.org.")})
    return email


def check_secret(
    role: Role | str, secret: str, field: str = "secret", context: tuple[str | None, ...] = ()
) -> str:
    """Young people choose a 6-number PIN or a password of 8+ characters; adults a longer
    password. Refuse the ones anyone would guess first: common passwords, repeats and
    runs, and passwords built on `context` (the person's username or email)."""
    if len(secret) > MAX_SECRET:
        raise Invalid({field: Message(N_("Use {count} characters or fewer."), count=MAX_SECRET)})
    if role == Role.YOUNG_PERSON:
        if secret.isdigit():
            if len(secret) != 6:
                raise Invalid({field: N_("A PIN needs exactly 6 numbers.")})
            if len(set(secret)) == 1 or secret in WEAK_PINS or _is_run(secret):
                raise Invalid({field: N_("That PIN is too easy to guess. Try different numbers.")})
            return secret
        if len(secret) < 8:
            raise Invalid({field: N_("Use 6 numbers, or a password of 8 or more letters.")})
    else:
        minimum = MIN_PASSWORD.get(role, 12)
        if len(secret) < minimum:
            too_short = N_("Use a password of at least {count} characters.")
            raise Invalid({field: Message(too_short, count=minimum)})
    if easy_to_guess(secret, context):
        raise Invalid({field: GUESSABLE})
    return secret


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The bundled list (see the header of common_passwords.txt for where it came from)."""
    _header, _, body = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").partition("\n\n")
    return frozenset(line.strip() for line in body.splitlines() if line.strip())


def easy_to_guess(password: str, context: tuple[str | None, ...] = ()) -> bool:
    """On the common list (also once trailing numbers and symbols or the spaces are taken
    off: "Password2024!" is "password"), a repeat ("abcabcabc"), a few characters, one or
    two runs ("abcdef123456", "qwertyuiop"), or built on the person's own name."""
    lowered = password.lower()
    bare = re.sub(r"[\W\d_]+$", "", lowered)
    common = common_passwords()
    variants = {lowered, lowered.replace(" ", ""), bare if len(bare) >= 4 else lowered}
    if variants & common:
        return True
    if len(set(lowered)) <= 3 or (lowered + lowered).find(lowered, 1) < len(lowered):
        return True
    if _runs(lowered) <= 2:
        return True
    letters = re.sub(r"[\W_]+", "", lowered)
    words = {"homeward"} | {re.sub(r"[\W_]+", "", (word or "").lower().split("@")[0]) for word in context}
    return any(len(word) >= 4 and word in letters for word in words)


def _runs(text: str) -> int:
    """How many stretches of typing in order (either way along a sequence) make up `text`."""
    steps = {a + b for sequence in SEQUENCES for a, b in pairwise(sequence)}
    steps |= {pair[::-1] for pair in steps}
    runs = 1
    for a, b in pairwise(text):
        if a + b not in steps:
            runs += 1
    return runs


def _is_run(digits: str) -> bool:
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return steps in ({1}, {-1})
