"""Who sees which part of a plan, for the owner (the young person), the members (their
carer and social worker) and an outsider; and what each reader's police form holds."""

from __future__ import annotations

import pytest

from backend.plans import sharing
from backend.plans.content import SHAREABLE, empty_content

OWNER, CARER, SOCIAL_WORKER, OUTSIDER = "self", "carer", "social_worker", None


def plan(**choices: list[str]) -> dict:
    content = empty_content()
    content["sharing"].update(choices)
    content["about_me"].update(height="160cm", medication="Inhaler")
    content["worries"]["what_worries_me"] = "Noise"
    content["photo_id"] = "a-photo"
    content["trio"] = [{"name": "Lou"}]
    return content


@pytest.mark.parametrize("relation", [OWNER, SOCIAL_WORKER])
def test_young_person_and_social_worker_see_every_part(relation):
    content = plan(**{part: [] for part in SHAREABLE})
    assert sharing.kept_from(relation, content) == set()
    assert sharing.visible_to(relation, content) == content


def test_carer_sees_only_what_is_shared_with_carers():
    content = plan(worries=["police"], health=[], photo=["police"])
    assert sharing.kept_from(CARER, content) == {"worries", "health", "photo"}
    shown = sharing.visible_to(CARER, content)
    assert shown["worries"] is None and shown["photo_id"] is None
    assert shown["about_me"]["height"] == "160cm" and shown["about_me"]["medication"] is None
    assert shown["trio"] == [{"name": "Lou"}]


def test_about_me_kept_from_a_carer_keeps_its_health_details_too():
    content = plan(about_me=["police"], health=["carer", "police"])
    assert sharing.kept_from(CARER, content) >= {"about_me", "health"}
    assert sharing.visible_to(CARER, content)["about_me"] is None


def test_an_outsider_sees_no_part():
    content = plan()
    assert sharing.kept_from(OUTSIDER, content) == set(SHAREABLE)
    assert sharing.police_form(OUTSIDER, content)[1] == set()


def test_an_older_version_follows_the_young_persons_latest_choices():
    older, latest = plan(), plan(worries=[])
    assert sharing.visible_in_history(CARER, older, latest)["worries"] is None
    assert sharing.visible_in_history(SOCIAL_WORKER, older, latest)["worries"] == older["worries"]


def test_police_form_holds_parts_shared_with_police_and_visible_to_its_reader():
    content = plan(
        about_me=["carer", "police"],
        health=["police"],
        worries=["carer"],
        places=["police"],
        photo=["carer", "police"],
        trio=["carer"],
    )
    form, parts, left_out = sharing.police_form(CARER, content)
    assert parts == {"about_me", "photo"} and left_out == {"health", "places"}
    assert form["about_me"]["medication"] is None and form["places"] is None
    assert form["worries"] is None and form["trio"] is None  # not shared with the police
    form, parts, left_out = sharing.police_form(SOCIAL_WORKER, content)
    assert parts == {"about_me", "photo", "health", "places"} and left_out == set()
    assert form["about_me"]["medication"] == "Inhaler" and form["worries"] is None


def test_health_can_go_to_the_police_without_the_description():
    content = plan(about_me=["carer"], health=["police"])
    form, parts, _ = sharing.police_form(SOCIAL_WORKER, content)
    assert "about_me" not in parts and "health" in parts
    assert form["about_me"]["medication"] == "Inhaler" and form["about_me"]["height"] is None
