"""Words in the reader's language.

The server's words (emails, the story of an alert, "who has looked at my information",
error messages) are English message ids marked with `N_()` in the code; each shipped
language has a gettext catalogue in `backend/locale/<language>/LC_MESSAGES/messages.po`
(Babel reads it at start-up: no compile step). The PWA has its own catalogue per
language in `pwa/i18n/`. English is the source, so it needs no catalogue of its own.

Services never choose a language: they store codes and raise errors in English; the
edge (the web layer, the worker sending an email) renders for the reader.
"""

from __future__ import annotations

import contextvars
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, as a chooser shows it
    direction: str  # "ltr" or "rtl"


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "ltr"),
    "ar": Language("ar", "العربية", "rtl"),
}
DEFAULT = "en"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("homeward_language", default=DEFAULT)


def N_(message: str) -> str:
    """Mark an English message for the catalogues; it is translated when shown."""
    return message


class Message(str):
    """An English message with the values for its {placeholders}: it reads as the
    filled-in English sentence, and `translate()` translates the message first and fills
    it in after (a translation may move the values). For errors raised with values:
    `Invalid({"secret": Message(N_("Use {count} characters or fewer."), count=128)})`.
    """

    message: str
    params: dict[str, object]

    def __new__(cls, message: str, **params: object) -> Message:
        text = super().__new__(cls, message.format(**params) if params else message)
        text.message = message
        text.params = params
        return text


def supported(code: str | None) -> str:
    """A shipped language code for `code` ("ar-EG" -> "ar"), or the default."""
    if not code:
        return DEFAULT
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else DEFAULT


def from_accept_language(header: str | None) -> str:
    """The first shipped language in an Accept-Language header, by preference."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        base = tag.strip().lower().split("-")[0]
        if base in LANGUAGES and quality > 0:
            choices.append((-quality, position, base))
    return min(choices)[2] if choices else DEFAULT


@cache
def catalogue(code: str) -> dict[tuple[str, str | None], str]:
    """(message id, context) -> translation, for a shipped language (English: empty)."""
    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if code == DEFAULT or not path.exists():
        return {}
    with path.open("rb") as handle:
        parsed = read_po(handle, locale=code)
    return {
        (message.id, message.context): message.string
        for message in parsed
        if message.id
        and isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.string
        and not message.fuzzy
    }


def translate(message: str, language: str | None = None, context: str | None = None, **params) -> str:
    """`message` in `language` (default: the current request's), with {params} filled in.

    A message with no translation is shown in English rather than not at all. A
    `Message` brings its own values.
    """
    if isinstance(message, Message):
        params = {**message.params, **params}
        message = message.message
    code = supported(language or _current.get())
    text = catalogue(code).get((message, context), message)
    return text.format(**params) if params else text


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def current() -> str:
    return _current.get()


def use(code: str | None) -> contextvars.Token:
    """Set the language for the rest of this request or task."""
    return _current.set(supported(code))


def direction(code: str) -> str:
    return LANGUAGES[supported(code)].direction
