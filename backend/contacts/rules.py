"""What a trusted contact's details must look like."""

from __future__ import annotations

import msgspec

from backend.accounts.rules import check_email
from backend.contacts.schemas import ContactDetails
from backend.errors import Invalid
from backend.i18n import N_
from backend.plans.api import normalise_phone

WRITE_NAME = N_("Write their name.")
NOT_A_PHONE = N_("That doesn't look like a phone number. Try one like 07123 456789.")
NO_WAY_TO_REACH = N_("Add a phone number or an email so they can be reached.")


def clean_details(details: ContactDetails) -> ContactDetails:
    """Normalise and check; phones become +44... (E.164) so call and text links work."""
    errors: dict[str, str] = {}
    name = " ".join(details.name.split())
    if not name:
        errors["name"] = WRITE_NAME
    phone = ""
    if details.phone.strip():
        try:
            phone = normalise_phone(details.phone)
        except msgspec.ValidationError:
            errors["phone"] = NOT_A_PHONE
    email = ""
    if details.email.strip():
        try:
            email = check_email(details.email)
        except Invalid as exc:
            errors.update(exc.errors)
    if not phone and not email and "phone" not in errors and "email" not in errors:
        errors["phone"] = NO_WAY_TO_REACH
    if errors:
        raise Invalid(errors)
    return ContactDetails(
        name=name,
        how_they_know_me=details.how_they_know_me.strip(),
        phone=phone,
        email=email,
        what_they_will_do=details.what_they_will_do.strip(),
    )
