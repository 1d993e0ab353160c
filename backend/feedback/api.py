"""What other parts of Homeward may call: the reaction to a return (wired in
backend/wiring.py), naming a council's police force (the CLI, the demo), and keeping
answers only as counts once their time is over (backend/retention)."""

from __future__ import annotations

from backend.feedback.retention import answers_due, answers_to_counts_batch
from backend.feedback.services import force_of, invite_after_return, set_force

__all__ = ["answers_due", "answers_to_counts_batch", "force_of", "invite_after_return", "set_force"]
