"""What other domains may ask of rights requests: nothing yet but the deadline rule."""

from backend.rights.services import add_months

__all__ = ["add_months"]
