"""Phone numbers, the one way Homeward reads them.

A number is kept as E.164 (+447911654321) so call and text links work everywhere. We
accept any number that is *possible* for its country, not only those in allocated
ranges: the allocation tables lag behind real numbers (07911 654321 is a working mobile
that libphonenumber does not call valid), and a refused real number means a trusted
person who cannot be called.
"""

from __future__ import annotations

import phonenumbers

HOME_REGION = "GB"
UK_CODE = 44


def e164(raw: str) -> str | None:
    """The number as +44..., or None when it cannot be a phone number."""
    try:
        parsed = phonenumbers.parse(raw, HOME_REGION)
    except phonenumbers.NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    # Every UK number someone can be called on from a mobile has 9 or 10 digits after
    # the 0; shorter ones are local-only or short codes.
    if parsed.country_code == UK_CODE and len(phonenumbers.national_significant_number(parsed)) < 9:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def national(number: str | None) -> str:
    """A kept number (E.164) as people write it at home: 020 7946 0123, 07911 654321,
    0161 496 0000; a number from abroad stays international (+33 1 ...). "" for none;
    a number that cannot be read is given back as it was, never lost."""
    if not number:
        return ""
    try:
        parsed = phonenumbers.parse(number, HOME_REGION)
    except phonenumbers.NumberParseException:
        return number
    if parsed.country_code == UK_CODE:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
