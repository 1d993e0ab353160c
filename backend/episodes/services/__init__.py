"""The episodes domain's rules: the worried guide and episode record (recording), the
shared checklist of places (search), what readers see (view), and the typed facts
other domains read (records)."""

from backend.episodes.services.recording import (
    assess,
    close_unreported,
    follow_up,
    record_return,
    report,
    start,
)
from backend.episodes.services.search import claim, contact_places, contact_search, list_places, tick, unclaim
from backend.episodes.services.view import get, history

__all__ = [
    "assess",
    "claim",
    "close_unreported",
    "contact_places",
    "contact_search",
    "follow_up",
    "get",
    "history",
    "list_places",
    "record_return",
    "report",
    "start",
    "tick",
    "unclaim",
]
