"""What other parts of Homeward may call: the reaction to a return (wired in
backend/wiring.py) and naming a council's police force (the CLI, the demo)."""

from __future__ import annotations

from backend.feedback.services import force_of, invite_after_return, set_force

__all__ = ["force_of", "invite_after_return", "set_force"]
