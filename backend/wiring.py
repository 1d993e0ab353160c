"""Connects domains to the hooks of the domains below them (backend/hooks.py), and
registers their periodic jobs (backend/background.py).

Called once by everything that runs domain code: the app, the worker command and the
demo loader. Calling it again changes nothing.
"""

from __future__ import annotations

from backend import background
from backend.notify import api as notify


def connect() -> None:
    """Subscribe each domain's reactions. Domains add their line here as they arrive."""
    background.every("notify.push", notify.PUSH_PERIOD, notify.deliver_pushes)
