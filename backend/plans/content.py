"""What a Missing Safety Plan holds, section by section, and how two versions differ.

The words are the young person's where the plan is theirs (seed 000: co-designed;
seed 003: description, places, what to do when they are not back).
"""

from __future__ import annotations

import json
import uuid
from typing import Annotated, Any

import msgspec
import phonenumbers

from backend.security import keyed_digest

Line = Annotated[str, msgspec.Meta(max_length=200)]
Text = Annotated[str, msgspec.Meta(max_length=2000)]

SECTIONS = ("about_me", "worries", "places", "carer_steps", "sharing", "professional_notes")
# The trio lives in the contacts area and is copied into each version (see services).
SNAPSHOT_SECTIONS = ("trio",)
AUDIENCES = ("carer", "school", "police", "trusted_contacts")
SHAREABLE = ("about_me", "photo", "health", "worries", "places", "trio")
# Sections only professionals write; the young person can read them.
PROFESSIONAL_ONLY = ("professional_notes",)


class AboutMe(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=False):
    name_i_like: Line = ""
    phone: Annotated[str, msgspec.Meta(max_length=30)] = ""  # my phone: my people call me on it
    height: Line = ""
    build: Line = ""
    hair: Line = ""
    usually_wear: Line = ""
    marks: Line = ""
    health_needs: Text = ""
    medication: Text = ""


class Worries(msgspec.Struct, forbid_unknown_fields=True):
    what_worries_me: Text = ""
    what_sets_it_off: Text = ""
    what_helps_me_feel_safe: Text = ""


class Place(msgspec.Struct, forbid_unknown_fields=True):
    name: Line
    where: Line = ""
    notes: Line = ""


class Places(msgspec.Struct, forbid_unknown_fields=True):
    might_go: Annotated[list[Place], msgspec.Meta(max_length=10)] = []
    safe: Annotated[list[Place], msgspec.Meta(max_length=10)] = []


class CarerStep(msgspec.Struct, forbid_unknown_fields=True):
    after_minutes: Annotated[int, msgspec.Meta(ge=0, le=7 * 24 * 60)]
    action: Line


class CarerSteps(msgspec.Struct, forbid_unknown_fields=True):
    steps: Annotated[list[CarerStep], msgspec.Meta(max_length=12)] = []


class Sharing(msgspec.Struct, forbid_unknown_fields=True):
    """Per part of the plan, who outside the young person's social worker may see it."""

    about_me: list[str] = msgspec.field(default_factory=lambda: ["carer", "police", "trusted_contacts"])
    photo: list[str] = msgspec.field(default_factory=lambda: ["carer", "police"])
    health: list[str] = msgspec.field(default_factory=lambda: ["carer", "police"])
    worries: list[str] = msgspec.field(default_factory=lambda: ["carer"])
    places: list[str] = msgspec.field(default_factory=lambda: ["carer", "police", "trusted_contacts"])
    trio: list[str] = msgspec.field(default_factory=lambda: ["carer", "police"])


class ProfessionalNotes(msgspec.Struct, forbid_unknown_fields=True):
    text: Annotated[str, msgspec.Meta(max_length=5000)] = ""


SECTION_TYPES: dict[str, type] = {
    "about_me": AboutMe,
    "worries": Worries,
    "places": Places,
    "carer_steps": CarerSteps,
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
    value = msgspec.convert(data, SECTION_TYPES[section])
    if isinstance(value, Sharing):
        for part in SHAREABLE:
            unknown = set(getattr(value, part)) - set(AUDIENCES)
            if unknown:
                raise msgspec.ValidationError(f"Unknown audience {sorted(unknown)[0]!r} - at `$.{part}`")
    if isinstance(value, AboutMe) and value.phone.strip():
        value.phone = normalise_phone(value.phone)
    if isinstance(value, CarerSteps):
        value.steps.sort(key=lambda step: step.after_minutes)
    return msgspec.to_builtins(value)


def plain_error(exc: msgspec.ValidationError) -> tuple[str, str]:
    """(field path like "might_go.1.name", a message in plain words) for a bad section."""
    text = str(exc)
    message, _, where = text.partition(" - at `$")
    path = where.rstrip("`").lstrip(".").replace("[", ".").replace("]", "")
    if message.startswith("Object missing required field"):
        missing = message.split("`")[1]
        path = f"{path}.{missing}" if path else missing
        message = "Please fill this in."
    elif "length <=" in message:
        message = f"That is too long: use {message.rsplit('<= ', 1)[1].rstrip('`')} characters or fewer."
    elif "Expected `int`" in message or "Expected `float`" in message:
        message = "Use a number of minutes (0 or more)." if path.endswith("after_minutes") else (
            "Use a number here.")
    elif message.startswith("Object contains unknown field"):
        unknown = message.split("`")[1]
        path = f"{path}.{unknown}" if path else unknown
        message = "That is not part of this section."
    elif message.startswith("Unknown audience"):
        message = "Choose from: carer, school, police, trusted contacts."
    elif message.startswith("Expected `array` of length <="):
        message = f"That is too many: {message.rsplit('<= ', 1)[1]} at most."
    return path, message


def normalise_phone(raw: str) -> str:
    """+44... (E.164), so call and text links work; a bad number names the field."""
    try:
        parsed = phonenumbers.parse(raw, "GB")
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    raise msgspec.ValidationError("That doesn't look like a phone number - at `$.phone`")


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
