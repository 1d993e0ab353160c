"""Connects domains to the hooks of the domains below them (backend/hooks.py).

Called once by everything that runs domain code: the app, the worker command and the
demo loader. Calling it again changes nothing.
"""

from __future__ import annotations


def connect() -> None:
    """Subscribe each domain's reactions. Domains add their line here as they arrive."""
    from backend import hooks
    from backend.feedback import api as feedback

    # A return gives the young person a police-feedback link in their app (issue 11).
    hooks.on(hooks.Topic.EPISODE_RETURNED, feedback.invite_after_return)
