"""A council's retention settings (issue 15): safe defaults, kept by an admin on the
settings screen or with `homeward council-settings`; unsafe ones (shorter than the law
asks for a looked-after child's record, or so long that little is deleted) are refused,
field by field, and nothing is saved."""

from __future__ import annotations

import pytest

from tests.api.test_council_settings import URL, admin_view, body_from, homeward
from tests.factories import audit_events

DEFAULTS = {
    "alert_location_hours": 72,
    "stepped_down_contact_days": 30,
    "feedback_answers_days": 90,
    "looked_after_until_age": 75,
    "other_until_age": 25,
}


async def test_a_council_starts_with_the_safe_defaults_and_an_admin_changes_them(world):
    view = await admin_view(world)
    assert view["retention"] == DEFAULTS and view["default_retention"] == DEFAULTS
    changed = {**DEFAULTS, "alert_location_hours": 24, "looked_after_until_age": 80}
    reply = await world.admin.client.put(URL, json=body_from(view, retention=changed))
    assert reply.status_code == 200, reply.text
    assert reply.json()["retention"] == changed
    assert (await admin_view(world))["retention"] == changed
    assert len(await audit_events(code="councils.settings_changed")) == 1
    # A change that leaves retention out leaves it as it is.
    again = await world.admin.client.put(URL, json=body_from(await admin_view(world)) | {"retention": None})
    assert again.status_code == 200 and again.json()["retention"] == changed
    # A social worker reads them; they cannot change them.
    assert (await world.sam.client.get(URL)).json()["retention"] == changed
    refused = await world.sam.client.put(URL, json=body_from(view, retention=DEFAULTS))
    assert refused.status_code == 403 and (await admin_view(world))["retention"] == changed


async def test_unsafe_retention_is_refused_field_by_field_and_nothing_is_saved(world):
    before = await admin_view(world)
    unsafe = {
        "alert_location_hours": 0,
        "stepped_down_contact_days": 366,
        "feedback_answers_days": 0,
        "looked_after_until_age": 74,
        "other_until_age": 17,
    }
    reply = await world.admin.client.put(URL, json=body_from(before, retention=unsafe))
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
    errors = {error["field"]: error["message"] for error in reply.json()["errors"]}
    assert errors == {
        "retention.alert_location_hours": "Choose a number of hours from 1 to 720 (30 days).",
        "retention.stepped_down_contact_days": "Choose a number of days from 1 to 365.",
        "retention.feedback_answers_days": "Choose a number of days from 1 to 365.",
        "retention.looked_after_until_age": (
            "The law keeps a looked-after child's record until their 75th birthday: choose 75 to 100."
        ),
        "retention.other_until_age": "Choose an age from 18 to 75.",
    }
    assert await admin_view(world) == before
    assert await audit_events(code="councils.settings_changed") == []


@pytest.mark.parametrize(
    "retention",
    [
        {**DEFAULTS, "surprise": 1},
        {key: value for key, value in DEFAULTS.items() if key != "other_until_age"},
        {**DEFAULTS, "alert_location_hours": "soon"},
    ],
)
async def test_retention_of_the_wrong_shape_is_refused_and_nothing_is_saved(world, retention):
    before = await admin_view(world)
    reply = await world.admin.client.put(URL, json=body_from(before, retention=retention))
    assert reply.status_code in (400, 422)
    assert reply.headers["content-type"] == "application/problem+json"
    assert await admin_view(world) == before


async def test_the_command_line_shows_and_changes_retention_and_refuses_unsafe_values(world):
    shown = homeward("council-settings", "--council", "Testshire Council", "--show")
    assert shown.returncode == 0, shown.stderr
    assert "retention.alert_location_hours=72" in shown.stdout.splitlines()
    changed = homeward(
        "council-settings",
        "--council",
        "Testshire Council",
        "--set",
        "retention.stepped_down_contact_days=14",
    )
    assert changed.returncode == 0, changed.stderr
    assert "retention.stepped_down_contact_days=14" in changed.stdout.splitlines()
    assert (await admin_view(world))["retention"]["stepped_down_contact_days"] == 14
    unsafe = homeward(
        "council-settings", "--council", "Testshire Council", "--set", "retention.looked_after_until_age=18"
    )
    assert unsafe.returncode == 1
    assert "retention.looked_after_until_age: The law keeps" in unsafe.stderr
    assert (await admin_view(world))["retention"]["looked_after_until_age"] == 75
