"""What a trusted contact's details must look like."""

from __future__ import annotations

from typing import Annotated

import msgspec

from backend.accounts.rules import check_email
from backend.errors import Invalid
from backend.plans.content import normalise_phone

Line = Annotated[str, msgspec.Meta(max_length=200)]


class ContactDetails(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(max_length=80)]
    how_they_know_me: Line = ""
    phone: Annotated[str, msgspec.Meta(max_length=30)] = ""
    email: Annotated[str, msgspec.Meta(max_length=254)] = ""
    what_they_will_do: Annotated[str, msgspec.Meta(max_length=500)] = ""


def clean_details(details: ContactDetails) -> dict:
    """Normalise and check; phones become +44... (E.164) so call and text links work."""
    errors: dict[str, str] = {}
    name = " ".join(details.name.split())
    if not name:
        errors["name"] = "Write their name."
    phone = ""
    if details.phone.strip():
        try:
            phone = normalise_phone(details.phone)
        except msgspec.ValidationError:
            errors["phone"] = "That doesn't look like a phone number. Try one like 07123 456789."
    email = ""
    if details.email.strip():
        try:
            email = check_email(details.email)
        except Invalid as exc:
            errors.update(exc.errors)
    if not phone and not email and "phone" not in errors and "email" not in errors:
        errors["phone"] = "Add a phone number or an email so they can be reached."
    if errors:
        raise Invalid(errors)
    return {
        "name": name,
        "how_they_know_me": details.how_they_know_me.strip(),
        "phone": phone,
        "email": email,
        "what_they_will_do": details.what_they_will_do.strip(),
    }
