"""Phone numbers and emails are masked before free text is stored at all; names and
places are left to a moderator, who reads every word before anyone else does."""

from __future__ import annotations

import re

MASK = "[hidden]"
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +.
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")


def mask(text: str) -> str:
    text = _EMAIL.sub(MASK, text)
    return _PHONE.sub(lambda m: MASK if sum(ch.isdigit() for ch in m.group()) >= 7 else m.group(), text)


def tidy(text: str | None) -> str:
    """Free text as it will be kept: trimmed, masked, "" when there is nothing."""
    return mask(" ".join((text or "").split()))[:1000]
