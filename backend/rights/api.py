"""What others may call of rights requests: the deadline rule, and the periodic job that
tells social workers of overdue requests (registered in backend/wiring.py)."""

from backend.rights.services import SWEEP_PERIOD, add_months, tell_overdue

__all__ = ["SWEEP_PERIOD", "add_months", "tell_overdue"]
