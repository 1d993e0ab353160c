"""Who may do what with a missing episode: the carer and social worker record it, the
young person and anyone else do not; what they may do follows the episode's state."""

from __future__ import annotations

import pytest

from backend.episodes import guards
from backend.episodes.schemas import EpisodeAction

EVERYONE = ("carer", "social_worker", "self", None)


def test_only_the_carer_and_social_worker_read_start_and_record():
    assert [guards.may_read(r) for r in EVERYONE] == [True, True, False, False]
    assert [guards.may_start(r) for r in EVERYONE] == [True, True, False, False]
    assert [guards.may_record(r) for r in EVERYONE] == [True, True, False, False]


@pytest.mark.parametrize(
    ("state", "actions"),
    [
        ("open", ["report", "assess_risk", "close_unreported", "edit_follow_up", "search"]),
        ("reported", ["assess_risk", "record_return", "edit_follow_up", "search"]),
        ("returned", ["edit_follow_up"]),
        ("closed_unreported", ["edit_follow_up"]),
    ],
)
def test_what_a_carer_may_do_follows_the_state(state, actions):
    assert guards.can("carer", state) == [EpisodeAction(a) for a in actions]
    assert guards.can("social_worker", state) == guards.can("carer", state)
    assert guards.can("self", state) == [] and guards.can(None, state) == []


def test_a_trusted_contact_searches_only_an_open_episode_whose_places_are_shared():
    assert guards.contact_may_search(True, "open") and guards.contact_may_search(True, "reported")
    assert not guards.contact_may_search(False, "open")
    assert not guards.contact_may_search(True, "returned")
    assert not guards.contact_may_search(True, "closed_unreported")
