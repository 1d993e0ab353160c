"""What a Missing Safety Plan holds, section by section, and how two versions differ.

The words are the young person's where the plan is theirs (seed 000: co-designed;
seed 003: description, places, what to do when they are not back).
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import msgspec

from backend import phones
from backend.i18n import N_
from backend.plans.schemas import (
    AboutMe,
    Audience,
    CarerStep,
    CarerSteps,
    ComingBack,
    Part,
    Places,
    ProfessionalNotes,
    Section,
    Sharing,
    Worries,
)
from backend.security import keyed_digest

# The sections people write, in order (the trio and the photo are written otherwise).
SECTIONS = (
    Section.ABOUT_ME,
    Section.WORRIES,
    Section.PLACES,
    Section.CARER_STEPS,
    Section.COMING_BACK,
    Section.SHARING,
    Section.PROFESSIONAL_NOTES,
)
AUDIENCES = tuple(Audience)
SHAREABLE = tuple(Part)
# Sections only professionals write; the young person can read them.
PROFESSIONAL_ONLY = (Section.PROFESSIONAL_NOTES,)


SECTION_TYPES: dict[str, type] = {
    "about_me": AboutMe,
    "worries": Worries,
    "places": Places,
    "carer_steps": CarerSteps,
    "coming_back": ComingBack,
    "sharing": Sharing,
    "professional_notes": ProfessionalNotes,
}

DEFAULT_CARER_STEPS = CarerSteps(
    steps=[
        CarerStep(after_minutes=15, action="Send a message and try calling"),
        CarerStep(after_minutes=30, action="Call the people they trust"),
        CarerStep(after_minutes=45, action="Check the places in the plan"),
        CarerStep(after_minutes=60, action="Call the police on 101 (999 if in danger now)"),
    ]
)


def empty_content() -> dict[str, Any]:
    content = {name: msgspec.to_builtins(kind()) for name, kind in SECTION_TYPES.items()}
    content["carer_steps"] = msgspec.to_builtins(DEFAULT_CARER_STEPS)
    content["photo_id"] = None
    content["trio"] = []
    return content


def check_section(section: str, data: Any) -> dict[str, Any]:
    """Validate one section; raises msgspec.ValidationError naming the bad field."""
    value: Any = msgspec.convert(data, SECTION_TYPES[section])
    if isinstance(value, AboutMe) and value.phone.strip():
        value.phone = normalise_phone(value.phone)
    if isinstance(value, CarerSteps):
        value.steps.sort(key=lambda step: step.after_minutes)
    if isinstance(value, Sharing):
        for part, audiences in msgspec.structs.asdict(value).items():
            if Audience.SCHOOL in audiences:
                raise msgspec.ValidationError(f"{NO_SCHOOL} - at `$.{part}`")
    return msgspec.to_builtins(value)


FILL_IN = N_("Please fill this in.")
TOO_LONG = N_("That is too long: use {limit} characters or fewer.")
MINUTES = N_("Use a number of minutes (0 or more).")
NUMBER = N_("Use a number here.")
NOT_IN_SECTION = N_("That is not part of this section.")
CHOOSE_AUDIENCE = N_("Choose from: carer, police, trusted contacts.")
# Schools have no way to receive anything from Homeward: offering them would be a promise
# nobody keeps. Plans that chose it before still read (the value stays in the enum).
NO_SCHOOL = N_("Homeward can't send anything to a school, so a school can't be chosen.")
TOO_MANY = N_("That is too many: {limit} at most.")
NOT_A_PHONE = N_("That doesn't look like a phone number")


def plain_error(exc: msgspec.ValidationError) -> tuple[str, str]:
    """(field path like "might_go.1.name", a message in plain words) for a bad section.

    Read from msgspec's message, by its fixed prefixes and its " - at `$...`" suffix (no
    regular expression): msgspec's ValidationError carries no path or kind of its own.
    tests/unit/test_plan_section_errors.py pins each case, so a msgspec release that
    rewords one fails there, not silently. (web/problems.py avoids this for whole
    request bodies by comparing the body with its Struct instead.)"""
    text = str(exc)
    message, _, where = text.partition(" - at `$")
    path = where.rstrip("`").lstrip(".").replace("[", ".").replace("]", "")
    if message.startswith("Object missing required field"):
        missing = message.split("`")[1]
        path = f"{path}.{missing}" if path else missing
        message = FILL_IN
    elif message.startswith("Expected `array` of length <="):
        message = TOO_MANY.format(limit=message.rsplit("<= ", 1)[1].rstrip("`"))
    elif "length <=" in message:
        message = TOO_LONG.format(limit=message.rsplit("<= ", 1)[1].rstrip("`"))
    elif "Expected `int`" in message or "Expected `float`" in message:
        message = MINUTES if path.endswith("after_minutes") else NUMBER
    elif message.startswith("Object contains unknown field"):
        unknown = message.split("`")[1]
        path = f"{path}.{unknown}" if path else unknown
        message = NOT_IN_SECTION
    elif message.startswith("Invalid enum value"):
        # An audience nobody knows: the field is the part ("worries"), not its n-th entry.
        path = path.split(".")[0]
        message = CHOOSE_AUDIENCE
    return path, message


def normalise_phone(raw: str) -> str:
    """+44... (E.164), so call and text links work; a bad number names the field."""
    phone = phones.e164(raw)
    if phone is not None:
        return phone
    raise msgspec.ValidationError(f"{NOT_A_PHONE} - at `$.phone`")


def _flatten(value: Any, prefix: str) -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{prefix}.{key}" if prefix else key))
        return flat
    return {prefix: value}


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Field-by-field changes between two versions' contents, in a stable order."""
    old, new = _flatten(before, ""), _flatten(after, "")
    changes = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            section, _, field = key.partition(".")
            changes.append(
                {"section": section, "field": field, "before": old.get(key), "after": new.get(key)}
            )
    return changes


def seal(version_id: uuid.UUID | str, content: dict[str, Any]) -> str:
    """What everyone signs: a digest of the version's exact content, keyed with the
    server's secret and bound to the version.

    Any change to the content changes it, so a signature is on exact content. It is not
    a plain hash: a carer sees it although some parts are kept from them, and a plain
    hash would let them check a guess of those parts offline. It still changes when a
    part kept from them changes, so by watching it they can tell that something changed
    (the list of changes says as much), never what.
    """
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return keyed_digest("plan-version-seal", str(version_id), canonical)
