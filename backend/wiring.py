"""Connects domains to the hooks of the domains below them (backend/hooks.py), and
registers their periodic jobs (backend/background.py).

Called once by everything that runs domain code: the app, the worker command and the
demo loader. Calling it again changes nothing.
"""

from __future__ import annotations

from backend import background, hooks
from backend.actions import erasing as actions_erasing
from backend.actions import triggers as actions
from backend.alerts import api as alerts
from backend.alerts import erasing as alerts_erasing
from backend.contacts import erasing as contacts_erasing
from backend.episodes import erasing as episodes_erasing
from backend.feedback import api as feedback
from backend.feedback import erasing as feedback_erasing
from backend.interviews import erasing as interviews_erasing
from backend.interviews import services as interviews
from backend.invites import erasing as invites_erasing
from backend.notify import api as notify
from backend.notify import erasing as notify_erasing
from backend.plans import erasing as plans_erasing
from backend.push import api as push
from backend.retention import services as retention
from backend.rights import api as rights
from backend.rights import erasing as rights_erasing


def connect() -> None:
    """Subscribe each domain's reactions. Domains add their line here as they arrive."""
    background.every("notify.push", notify.PUSH_PERIOD, notify.deliver_pushes)
    hooks.on(hooks.Topic.EPISODE_RETURNED, interviews.open_for_return)
    background.every("notify.tidy", notify.TIDY_PERIOD, notify.tidy_pushes)
    actions.connect()
    background.every("actions.sweep", actions.SWEEP_PERIOD, actions.sweep)
    # A return gives the young person a police-feedback link in their app (issue 11).
    hooks.on(hooks.Topic.EPISODE_RETURNED, feedback.invite_after_return)
    # Rights requests past their legal deadline: the social workers told once (issue 15).
    background.every("rights.overdue", rights.SWEEP_PERIOD, rights.tell_overdue)
    # A forgotten trusted contact's copies in alerts are erased with them (issue 15).
    hooks.on(hooks.Topic.CONTACTS_FORGOTTEN, alerts.forget_contacts)
    # What each council keeps only so long is deleted once a day (issue 15).
    background.every("retention.daily", retention.DAILY, retention.daily)
    # A young person's records past their council's schedule are erased in every domain
    # (issue 15), in this order: a domain whose rows point at another's goes first
    # (interviews before episodes; notices before browsers; alerts, episodes and push
    # before trusted contacts); young_people then deletes the records and accounts.
    for erase in (
        rights_erasing.erase,
        actions_erasing.erase,
        interviews_erasing.erase,
        feedback_erasing.erase,
        notify_erasing.erase,
        alerts_erasing.erase,
        episodes_erasing.erase,
        plans_erasing.erase,
        invites_erasing.erase,
        push.erase_young_people,
        contacts_erasing.erase,
    ):
        hooks.on(hooks.Topic.YOUNG_PEOPLE_ERASING, erase)
