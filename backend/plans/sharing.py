"""Who sees which part of a plan. The young person's sharing choices are the rule.

Pure functions of a plan's content and the reader's relation to the young person. The
young person and their social worker see everything; a carer sees the parts the young
person shares with carers. The police form holds what is shared with the police, and
never more than its reader may see.
"""

from __future__ import annotations

from typing import Any

import msgspec

from backend.plans.content import SHAREABLE
from backend.plans.schemas import Sharing

CARER, POLICE = "carer", "police"
HEALTH_FIELDS = ("health_needs", "medication")
# Parts that are a whole section of the plan (about me and health share one section).
WHOLE_SECTIONS = ("worries", "places", "trio", "coming_back")
# A part added after a plan's sharing was chosen is shared as a new plan's would be.
DEFAULT_SHARING = msgspec.to_builtins(Sharing())


def shared_with(content: dict[str, Any], audience: str) -> set[str]:
    sharing = content.get("sharing") or {}
    return {part for part in SHAREABLE if audience in sharing.get(part, DEFAULT_SHARING[part])}


def kept_from(relation: str | None, content: dict[str, Any]) -> set[str]:
    """The parts `relation` may not see in this version of the plan."""
    if relation in ("self", "social_worker"):
        return set()
    if relation != CARER:
        return set(SHAREABLE)  # callers refuse strangers first; if one got here, none of it
    kept = set[str](SHAREABLE) - shared_with(content, CARER)
    if "about_me" in kept:
        # A carer who may not see "about me" sees none of its section, health included.
        kept.add("health")
    return kept


def without(content: dict[str, Any], parts: set[str]) -> dict[str, Any]:
    """The content with `parts` blanked out (None), so a screen or form cannot show them."""
    shown = dict(content)
    for section in WHOLE_SECTIONS:
        if section in parts:
            shown[section] = None
    if "photo" in parts:
        shown["photo_id"] = None
    about = shown.get("about_me")
    if about is not None and {"about_me", "health"} & parts:
        if {"about_me", "health"} <= parts:
            shown["about_me"] = None
        elif "about_me" in parts:
            shown["about_me"] = {key: None for key in about} | {key: about[key] for key in HEALTH_FIELDS}
        else:
            shown["about_me"] = {**about, **dict.fromkeys(HEALTH_FIELDS)}
    return shown


def visible_to(relation: str | None, content: dict[str, Any]) -> dict[str, Any]:
    return without(content, kept_from(relation, content))


def visible_in_history(
    relation: str | None, content: dict[str, Any], latest: dict[str, Any]
) -> dict[str, Any]:
    """An older version as `relation` may see it now: what that version kept from them,
    and what the young person's latest choices keep from them, stays hidden."""
    return without(content, kept_from(relation, content) | kept_from(relation, latest))


def police_form(relation: str | None, content: dict[str, Any]) -> tuple[dict[str, Any], set[str], set[str]]:
    """(content for the form, parts on it, parts shared with the police but left out).

    A part goes on the form only when it is shared with the police AND its reader may
    see it: a carer's copy leaves out what is kept from carers, a social worker's copy
    has every part shared with the police.
    """
    to_police = shared_with(content, POLICE)
    kept = kept_from(relation, content)
    on_form = to_police - kept
    return without(content, set[str](SHAREABLE) - on_form), on_form, to_police & kept
