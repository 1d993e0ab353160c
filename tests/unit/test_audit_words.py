"""How a refused attempt reads to the young person: plain words, and not who it was."""

from __future__ import annotations

import pytest

from backend.audit.legacy import refusal_for_adult, refusal_for_young_person


@pytest.mark.parametrize(
    ("what", "words"),
    [
        ("tried to open a record", "tried to look at your information"),
        ("tried to open a plan", "tried to look at your plan"),
        ("tried to download a police form", "tried to look at your plan"),
        ("tried to sign a plan", "tried to change your plan"),
        ("tried to see trusted people", "tried to look at your people"),
        ("tried to remove a trusted person", "tried to change your people"),
        ("tried to open an alert", "tried to look at your alerts"),
        ("tried to see who has looked", "tried to look at who has looked at your information"),
        ("tried to see who can see a record", "tried to look at who can see your information"),
        ("tried to sign out a phone", "tried to change the phones you are signed in on"),
        ("tried to use Homeward after stepping down", "tried to look at your information"),
        ("tried to change something without the safety check", "tried to change your information"),
    ],
)
def test_a_refused_attempt_reads_plainly_for_the_young_person_without_saying_who(what, words):
    assert refusal_for_young_person(what) == f"Someone who isn't allowed {words}. They were stopped."


def test_their_social_worker_reads_what_was_tried_and_that_it_was_stopped():
    assert refusal_for_adult("tried to open their plan") == "tried to open their plan and was stopped"
