"""Events are stored as a code and its parameters; the sentence is made when it is read,
for the reader and in their language.

A domain declares the wording of each of its event codes once, next to the code that
records it:

    PLAN_OPENED = wording(
        "plan.opened",
        you=N_("looked at your safety plan"),
        adult=N_("looked at {young_person}'s safety plan"),
    )

`you` is said to the young person the event is about; `adult` to anyone else (a carer,
a social worker, a trusted contact). Parameters are filled in after translation, so a
translation may move them (Arabic puts the name where Arabic needs it). A parameter
that is a list of names is joined the reader's way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from backend.i18n import N_, translate


class Reader(StrEnum):
    YOUNG_PERSON = "young_person"
    ADULT = "adult"


@dataclass(frozen=True)
class Wording:
    code: str
    you: str
    adult: str


_WORDINGS: dict[str, Wording] = {}
UNKNOWN = N_("something happened")
LIST_SEPARATOR = N_(", ")


def wording(code: str, *, you: str, adult: str | None = None) -> str:
    """Declare how an event code reads; returns the code, to be stored."""
    words = Wording(code, you, adult if adult is not None else you)
    if _WORDINGS.get(code, words) != words:
        raise ValueError(f"event code {code!r} is declared twice with different words")
    _WORDINGS[code] = words
    return code


def declared(code: str) -> Wording | None:
    return _WORDINGS.get(code)


def render(code: str, params: dict[str, Any] | None, reader: Reader, language: str | None = None) -> str:
    """The sentence for `reader`, in `language` (default: the current one)."""
    words = _WORDINGS.get(code)
    if words is None:
        return translate(UNKNOWN, language)
    message = words.you if reader is Reader.YOUNG_PERSON else words.adult
    values = {
        key: translate(LIST_SEPARATOR, language).join(value) if isinstance(value, list) else value
        for key, value in (params or {}).items()
    }
    try:
        return translate(message, language, **values)
    except (KeyError, IndexError):
        # A stored event from before a wording gained a parameter: say it without them.
        return translate(message, language)
