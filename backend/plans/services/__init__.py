"""Co-designing a Missing Safety Plan: drafts, signatures, agreed versions and reviews.

A plan has numbered versions. Editing starts a draft (a copy of the latest agreed
version); a draft becomes *agreed* when the young person, their carer and their social
worker have each signed its exact content; agreeing supersedes the version before.
Who may do what is in guards; who sees which part is in sharing.
"""

from backend.plans.services.editing import edit_section, set_photo, sign
from backend.plans.services.photos import photo, police_form
from backend.plans.services.reviews import attention, mark_review_due, reviews_due
from backend.plans.services.versions import (
    agreed,
    change,
    choices_in_force,
    forget_trio_people,
    known_worker,
    set_known_worker,
    set_trio_states,
)
from backend.plans.services.view import compare, required_signers, versions, view, view_for

__all__ = [
    "agreed",
    "attention",
    "change",
    "choices_in_force",
    "compare",
    "edit_section",
    "forget_trio_people",
    "known_worker",
    "mark_review_due",
    "photo",
    "police_form",
    "required_signers",
    "reviews_due",
    "set_known_worker",
    "set_photo",
    "set_trio_states",
    "sign",
    "versions",
    "view",
    "view_for",
]
