"""What a good username, PIN or password looks like, per role."""

from __future__ import annotations

import re
from itertools import pairwise

from backend.errors import Invalid

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,29}$")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
MAX_SECRET = 128
MIN_PASSWORD = {"carer": 10, "social_worker": 12, "manager": 12, "admin": 12}
# PINs so common that throttling alone would not protect them.
WEAK_PINS = {"123456", "654321", "123123", "121212", "112233", "111222", "123321", "696969"}


def normalise_username(value: str) -> str:
    return value.strip().lower()


def check_username(value: str, field: str = "username") -> str:
    name = normalise_username(value)
    if not USERNAME.match(name):
        raise Invalid({field: "Use 3 to 30 letters or numbers (you can also use . _ -)."})
    return name


def check_email(value: str, field: str = "email") -> str:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL.match(email):
        raise Invalid({field: "Enter an email address like name@example.org."})
    return email


def check_secret(role: str, secret: str, field: str = "secret") -> str:
    """Young people choose a 6-number PIN or a password of 8+ characters; adults a longer
    password. Refuse the ones anyone would guess first."""
    if len(secret) > MAX_SECRET:
        raise Invalid({field: f"Use {MAX_SECRET} characters or fewer."})
    if role == "young_person":
        if secret.isdigit():
            if len(secret) != 6:
                raise Invalid({field: "A PIN needs exactly 6 numbers."})
            if len(set(secret)) == 1 or secret in WEAK_PINS or _is_run(secret):
                raise Invalid({field: "That PIN is too easy to guess. Try different numbers."})
            return secret
        if len(secret) < 8:
            raise Invalid({field: "Use 6 numbers, or a password of 8 or more letters."})
        return secret
    minimum = MIN_PASSWORD.get(role, 12)
    if len(secret) < minimum:
        raise Invalid({field: f"Use a password of at least {minimum} characters."})
    return secret


def _is_run(digits: str) -> bool:
    steps = {int(b) - int(a) for a, b in pairwise(digits)}
    return steps in ({1}, {-1})
