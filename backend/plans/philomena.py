"""The Philomena Protocol form, made from the agreed plan for the police.

Only what the young person agreed to share with the police goes in (seed 003: a recent
photograph, description, places; PRODUCT.md: trusted people and places).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
from pathlib import Path
from typing import Any

from fpdf import FPDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
POLICE = "police"


def _shared(content: dict[str, Any], part: str) -> bool:
    return POLICE in content.get("sharing", {}).get(part, [])


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
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def heading(self, text: str) -> None:
        self.ln(3)
        self.font(bold=True, size=13)
        self.cell(0, 8, self.text_of(text), new_x="LMARGIN", new_y="NEXT")

    def field(self, label: str, value: Any) -> None:
        self.font(bold=True)
        self.multi_cell(0, 6, self.text_of(label), new_x="LMARGIN", new_y="NEXT")
        self.font()
        self.multi_cell(0, 6, self.text_of(value), new_x="LMARGIN", new_y="NEXT")


def render(
    young_person: dict[str, Any],
    content: dict[str, Any],
    version: dict[str, Any],
    photo: tuple[str, str] | None,
    made_at: dt.datetime,
) -> bytes:
    """The form as PDF bytes. `photo` is (media type, base64 data) when shared."""
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
    pdf.heading("Young person")
    about = content.get("about_me") or {}
    pdf.field("Name they like to be called", about.get("name_i_like") or young_person["preferred_name"])
    pdf.field("Date of birth", f"{young_person['date_of_birth']:%d %B %Y} (age {young_person['age']})")
    if photo and _shared(content, "photo"):
        pdf.heading("Photograph")
        pdf.image(io.BytesIO(base64.b64decode(photo[1])), w=45)
    if _shared(content, "about_me"):
        pdf.heading("Description")
        for label, key in (
            ("Height", "height"),
            ("Build", "build"),
            ("Hair", "hair"),
            ("Usually wears", "usually_wear"),
            ("Marks, scars, tattoos", "marks"),
        ):
            pdf.field(label, about.get(key))
    if _shared(content, "health"):
        pdf.heading("Health")
        pdf.field("Health needs", about.get("health_needs"))
        pdf.field("Medication", about.get("medication"))
    if _shared(content, "trio"):
        pdf.heading("Trusted people (the trusted trio)")
        for person in content.get("trio") or [{"name": "None named"}]:
            reach = ", ".join(v for v in (person.get("phone"), person.get("email")) if v)
            pdf.field(person.get("name"), f"{person.get('how_they_know_me') or ''}  {reach}".strip())
    if _shared(content, "places"):
        places = content.get("places") or {}
        pdf.heading("Places they might go")
        for place in places.get("might_go") or [{"name": "None named"}]:
            pdf.field(place.get("name"), " ".join(v for v in (place.get("where"), place.get("notes")) if v))
        pdf.heading("Places that are safe for them")
        for place in places.get("safe") or [{"name": "None named"}]:
            pdf.field(place.get("name"), " ".join(v for v in (place.get("where"), place.get("notes")) if v))
    if _shared(content, "worries"):
        worries = content.get("worries") or {}
        pdf.heading("What worries them")
        pdf.field("What worries me", worries.get("what_worries_me"))
        pdf.field("What can set it off", worries.get("what_sets_it_off"))
        pdf.field("What helps me feel safe", worries.get("what_helps_me_feel_safe"))
    pdf.heading("For the police to fill in")
    pdf.field("Police reference (CAD) number", "")
    pdf.field("Date and time reported missing", "")
    return bytes(pdf.output())
