"""Connects domains to the hooks of the domains below them (backend/hooks.py).

Called once by everything that runs domain code: the app, the worker command and the
demo loader. Calling it again changes nothing.
"""

from __future__ import annotations

from backend.actions import triggers as actions


def connect() -> None:
    """Subscribe each domain's reactions. Domains add their line here as they arrive."""
    actions.connect()
