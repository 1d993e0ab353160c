"""Small numbers could identify a child: every figure a professional sees goes through here."""

from backend.i18n import N_, Message

SMALLEST_SHOWN = 10
ROUND_TO = 5
FEWER_THAN = N_("fewer than {count}")


def shown(count: int) -> str:
    """Fewer than 10 is never shown exactly; larger counts are rounded to the nearest 5."""
    if count < SMALLEST_SHOWN:
        return Message(FEWER_THAN, count=SMALLEST_SHOWN)
    return str(int(ROUND_TO * round(count / ROUND_TO)))
