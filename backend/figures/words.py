"""The words of a manager's figures."""

from __future__ import annotations

from backend.figures.schemas import FigureKey
from backend.i18n import N_

LABELS = {
    FigureKey.YOUNG_PEOPLE: N_("Young people on Homeward"),
    FigureKey.YOUNG_PEOPLE_JOINED: N_("Young people who have joined on their own phone"),
    FigureKey.CARERS: N_("Carers using Homeward"),
}
ONLY_MANAGERS = N_("Only managers see council figures.")
