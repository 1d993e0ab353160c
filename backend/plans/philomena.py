"""The Philomena Protocol form, made from the agreed plan for the police.

Only what the young person agreed to share with the police goes in (seed 003: a recent
photograph, description, places; PRODUCT.md: trusted people and places), and only what
the person downloading it may see (`sharing.police_form` decides both). Where a part is
left out for them, the form says so and who holds the full one, so whoever it is
handed to knows to ask.

The form is in English whatever language its reader uses: it is for a UK police force,
so its words are not marked for translation.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import logging
import unicodedata
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF

from backend.phones import national

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DESCRIPTION = (
    ("Height", "height"),
    ("Build", "build"),
    ("Hair", "hair"),
    ("Usually wears", "usually_wear"),
    ("Marks, scars, tattoos", "marks"),
)

# fontTools tells INFO about every table it subsets (~150 lines a PDF): not our news.
logging.getLogger("fontTools").setLevel(logging.WARNING)


@functools.cache
def _covered() -> frozenset[int]:
    """The characters the form's font can draw (both weights: the bold one is smaller)."""
    found: set[int] | None = None
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        cmap = set(TTFont(str(FONT_DIR / name), lazy=True).getBestCmap())
        found = cmap if found is None else found & cmap
    return frozenset(found or ())


def drawable(text: str) -> str:
    """The text with every character the font cannot draw (an emoji, a script it lacks)
    written as its name in brackets, so nothing is silently lost: "[SMILING FACE WITH
    SMILING EYES]". Joiners and variation selectors, which draw nothing, are dropped."""
    covered = _covered()
    out = []
    for char in text:
        if ord(char) in covered or char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) in ("Cf", "Mn") or 0xFE00 <= ord(char) <= 0xFE0F:
            continue
        else:
            out.append(f"[{unicodedata.name(char, f'U+{ord(char):04X}')}]")
    return "".join(out)


class _Form(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold))
            self.unicode = True
        else:  # core font: Latin-1 only, so other characters become "?"
            self.unicode = False
        self.set_auto_page_break(auto=True, margin=15)

    def font(self, bold: bool = False, size: int = 11) -> None:
        self.set_font("Body" if self.unicode else "Helvetica", "B" if bold else "", size)

    def text_of(self, value: Any) -> str:
        text = str(value or "").strip() or "-"
        if not self.unicode:
            return text.encode("latin-1", "replace").decode("latin-1")
        return drawable(text)

    def heading(self, text: str) -> None:
        self.ln(3)
        self.font(bold=True, size=13)
        self.cell(0, 8, self.text_of(text), new_x="LMARGIN", new_y="NEXT")

    def field(self, label: str, value: Any) -> None:
        self.font(bold=True)
        self.multi_cell(0, 6, self.text_of(label), new_x="LMARGIN", new_y="NEXT")
        self.font()
        self.multi_cell(0, 6, self.text_of(value), new_x="LMARGIN", new_y="NEXT")


def _photo(pdf: _Form, content: dict[str, Any], photo: tuple[str, str] | None) -> None:
    if photo:
        pdf.heading("Photograph")
        pdf.image(io.BytesIO(base64.b64decode(photo[1])), w=45)


def _description(pdf: _Form, content: dict[str, Any], _photo) -> None:
    about = content.get("about_me") or {}
    pdf.heading("Description")
    for label, key in DESCRIPTION:
        pdf.field(label, about.get(key))


def _health(pdf: _Form, content: dict[str, Any], _photo) -> None:
    about = content.get("about_me") or {}
    pdf.heading("Health")
    pdf.field("Health needs", about.get("health_needs"))
    pdf.field("Medication", about.get("medication"))


def _trio(pdf: _Form, content: dict[str, Any], _photo) -> None:
    pdf.heading("Trusted people (the trusted trio)")
    for person in content.get("trio") or [{"name": "None named"}]:
        reach = ", ".join(v for v in (national(person.get("phone")), person.get("email")) if v)
        name = person.get("name")
        if person.get("state") in ("stepped_down", "removed"):
            since = person.get("state_since")
            when = f" on {since:%d %B %Y}" if isinstance(since, dt.datetime) else ""
            name = f"{name} (STEPPED DOWN{when}: no longer one of their trusted people)"
        pdf.field(name, f"{person.get('how_they_know_me') or ''}  {reach}".strip())


def _places(pdf: _Form, content: dict[str, Any], _photo) -> None:
    places = content.get("places") or {}
    for heading, key in (("Places they might go", "might_go"), ("Places that are safe for them", "safe")):
        pdf.heading(heading)
        for place in places.get(key) or [{"name": "None named"}]:
            pdf.field(place.get("name"), " ".join(v for v in (place.get("where"), place.get("notes")) if v))


def _worries(pdf: _Form, content: dict[str, Any], _photo) -> None:
    worries = content.get("worries") or {}
    pdf.heading("What worries them")
    pdf.field("What worries me", worries.get("what_worries_me"))
    pdf.field("What can set it off", worries.get("what_sets_it_off"))
    pdf.field("What helps me feel safe", worries.get("what_helps_me_feel_safe"))


# (part of the plan, heading when this copy leaves it out, how it is written)
PARTS = (
    ("photo", "Photograph", _photo),
    ("about_me", "Description", _description),
    ("health", "Health", _health),
    ("trio", "Trusted people (the trusted trio)", _trio),
    ("places", "Places", _places),
    ("worries", "What worries them", _worries),
)


def _holder(young_person: dict[str, Any]) -> str:
    names = young_person.get("social_workers") or []
    return f"{' and '.join(names)} (social worker)" if names else "Their social worker"


def render(
    young_person: dict[str, Any],
    content: dict[str, Any],
    version: dict[str, Any],
    photo: tuple[str, str] | None,
    made_at: dt.datetime,
    parts: set[str],
    left_out: set[str],
) -> bytes:
    """The form as PDF bytes. `content` holds only the parts in `parts` (the rest is
    blanked); `left_out` are parts shared with the police that this copy leaves out.
    `photo` is (media type, base64 data) when it is on the form."""
    holder = _holder(young_person)
    pdf = _Form()
    pdf.add_page()
    pdf.font(bold=True, size=16)
    pdf.cell(0, 10, "Philomena Protocol: missing person information", new_x="LMARGIN", new_y="NEXT")
    pdf.font(size=9)
    pdf.multi_cell(
        0,
        5,
        pdf.text_of(
            f"From the Missing Safety Plan agreed on {version['agreed_at']:%d %B %Y} "
            f"(version {version['number']}). Made by Homeward on {made_at:%d %B %Y %H:%M} UTC. "
            "Contains only what the young person agreed to share with the police."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    if left_out:
        pdf.ln(2)
        pdf.font(bold=True)
        pdf.multi_cell(
            0,
            6,
            pdf.text_of(
                "This copy is not the full form. The young person shared more with the police "
                f"than with their carer. {holder} holds the full form: ask them for it."
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.heading("1. The young person")
    about = content.get("about_me") or {}
    pdf.field("Legal name", young_person.get("legal_name") or "Not recorded: ask their social worker")
    pdf.field("Name they like to be called", about.get("name_i_like") or young_person["preferred_name"])
    pdf.field("Date of birth", f"{young_person['date_of_birth']:%d %B %Y} (age {young_person['age']})")
    pdf.field("Their phone", national(about.get("phone")) or "None given")
    pdf.heading("2. Where they live and who to contact")
    pdf.field("Placement address", young_person.get("placement_address") or "Not recorded")
    for label, key in (("Carer", "carers"), ("Social worker", "social_workers")):
        for person in young_person.get(f"{key}_reach") or [{"name": "None named"}]:
            reach = ", ".join(v for v in (national(person.get("phone")), person.get("email")) if v)
            pdf.field(label, f"{person['name']}  {reach or 'Phone not recorded'}")
    for person in young_person.get("known_worker_reach") or []:
        reach = ", ".join(v for v in (national(person.get("phone")), person.get("email")) if v)
        pdf.field("Out-of-hours worker who knows them", f"{person['name']}  {reach or 'Phone not recorded'}")
    for part, heading, write in PARTS:
        if part in parts:
            write(pdf, content, photo)
        elif part in left_out:
            pdf.heading(heading)
            pdf.field("Not in this copy", f"{holder} holds the full form.")
    pdf.heading("For the police to fill in")
    pdf.field("Police reference (CAD) number", "")
    pdf.field("Date and time reported missing", "")
    return bytes(pdf.output())
