"""Events stored as English sentences (before events became codes), and callers not yet
moved to codes: the words they were written with, turned for the reader the old way.

Only `legacy.sentence` events come here. A new event is a code with its own words for
each reader (backend/words.py); nothing new should be written as a sentence.
"""

from __future__ import annotations

import re

# What a refused attempt was after, from the words it was written with (most specific
# first), in the words a young person reads ("tried to look at your plan").
_TOPICS = (
    (("who has looked",), "who has looked at your information"),
    (("who can see",), "who can see your information"),
    (("phone", "device"), "the phones you are signed in on"),
    (("trusted", "people", "contact"), "your people"),
    (("alert",), "your alerts"),
    (("plan", "police", "photo", "version"), "your plan"),
)
_LOOKING = (
    "tried to open",
    "tried to see",
    "tried to look",
    "tried to compare",
    "tried to download",
    "tried to use",
)


def _topic(what: str) -> str:
    lowered = what.lower()
    for words, topic in _TOPICS:
        if any(word in lowered for word in words):
            return topic
    return "your information"


def refusal_for_young_person(what: str) -> str:
    """A refused attempt in plain words for the young person, who is not told who it
    was: "Someone who isn't allowed tried to look at your plan. They were stopped."."""
    verb = "look at" if what.lower().startswith(_LOOKING) else "change"
    return f"Someone who isn't allowed tried to {verb} {_topic(what)}. They were stopped."


def refusal_for_adult(what: str) -> str:
    """A refused attempt for their social worker, who can follow it up."""
    return f"{what} and was stopped"


def about_them(what: str) -> str:
    """A sentence written to the young person ("changed your plan") as an adult reads it
    ("changed their plan")."""
    return re.sub(r"\byou\b", "them", re.sub(r"\byour\b", "their", what))
