"""Forgetting a trusted contact (contacts.api.forget_contacts): their details are
erased everywhere Homeward copied them, a placeholder stays so the young person's plan
and alerts still read sensibly, signatures stay, and the audit log has only a count."""

from __future__ import annotations

import uuid

import pytest

from backend.contacts import api as contacts
from tests.api.alerts_helpers import active_contact, send_alert, subscribe_contact
from tests.api.test_plans import plan_url, sign_all
from tests.factories import audit_events

pytestmark = pytest.mark.usefixtures("out_of_hours_now")
PLACEHOLDER = "A person who stepped down"


def contacts_url(world):
    return f"/api/young-people/{world.young['jade']}/contacts"


async def test_a_forgotten_contact_leaves_a_placeholder_and_nothing_personal(world, push_service):
    lou_phone = await active_contact(world, "Lou Mensah", email="lou@example.org", phone="020 7946 0123")
    await active_contact(world, "Dan Price")
    await subscribe_contact(lou_phone, push_service)
    url = plan_url(world)
    await sign_all(world, url)
    alert = await send_alert(world)
    lou_id = uuid.UUID((await lou_phone.get("/api/contact/me")).json()["id"])
    assert (await lou_phone.post("/api/contact/step-down")).status_code == 204

    story_before = str((await world.jade.client.get(f"/api/alerts/{alert['id']}")).json()["status"]["events"])
    assert "Lou Mensah" in story_before  # the alert's story names who was asked

    assert await contacts.forget_contacts([lou_id]) == 1

    people = {p["id"]: p for p in (await world.jade.client.get(contacts_url(world))).json()}
    lou = people[str(lou_id)]
    assert (lou["name"], lou["phone"], lou["email"], lou["how_they_know_me"]) == (PLACEHOLDER, "", "", "")
    assert (lou["state"], lou["notifications"]) == ("stepped_down", False)
    assert "Dan Price" in [p["name"] for p in people.values()]  # the others are untouched

    # The agreed plan still reads, still agreed, with the placeholder where Lou was.
    plan = (await world.jade.client.get(url)).json()
    agreed = plan["agreed"]
    assert agreed is not None and plan["draft"] is None
    trio = {p["id"]: p for p in agreed["content"]["trio"]}
    assert (trio[str(lou_id)]["name"], trio[str(lou_id)]["phone"]) == (PLACEHOLDER, "")
    assert "Lou Mensah" not in str(plan) and "7946 0123" not in str(plan)
    assert trio[str(lou_id)]["state"] == "stepped_down"

    # The alert still says a trusted person was asked, not who.
    whole = (await world.jade.client.get(f"/api/alerts/{alert['id']}")).json()
    assert "Lou Mensah" not in str(whole)  # nor in its story ("sent to ...")
    assert "Dan Price" in str(whole["status"]["events"])  # the others stay named
    status = whole["status"]
    names = [r["name"] for r in status["recipients"] if r["role"] == "trusted_contact"]
    assert PLACEHOLDER in names and "Lou Mensah" not in names and "Dan Price" in names

    # Their old cookie is not even known any more; the audit has a count and no name.
    assert (await lou_phone.get("/api/contact/me")).status_code == 401
    (event,) = await audit_events(code="contacts.forgotten")
    assert event["young_person_id"] is None and event["actor_role"] == "system"
    assert "Lou" not in str(event)

    # Nothing is left to ask again: they can only be taken off the plan.
    assert lou["can"] == ["remove"]
    again = await world.jade.client.post(f"{contacts_url(world)}/{lou_id}/invite")
    assert again.status_code == 409 and "erased" in again.json()["detail"]
    # A later change to the people copies the placeholder into the new draft, no details.
    added = await world.jade.client.post(
        contacts_url(world), json={"name": "Ann Lee", "phone": "020 7946 0555"}
    )
    assert added.status_code == 201, added.text
    draft = (await world.jade.client.get(url)).json()["draft"]["content"]["trio"]
    copy = {p["id"]: p for p in draft}[str(lou_id)]
    assert (copy["name"], copy["phone"], copy["email"]) == (PLACEHOLDER, "", "")

    # Forgetting again (or an unknown id) forgets nothing and writes nothing.
    assert await contacts.forget_contacts([lou_id, uuid.uuid4()]) == 0
    assert len(await audit_events(code="contacts.forgotten")) == 1


async def test_forgetting_someone_still_in_the_trio_ends_them_first(world):
    lou_phone = await active_contact(world, "Lou Mensah")
    lou_id = uuid.UUID((await lou_phone.get("/api/contact/me")).json()["id"])
    assert await contacts.forget_contacts([lou_id]) == 1
    (lou,) = (await world.jade.client.get(contacts_url(world))).json()
    assert (lou["name"], lou["state"]) == (PLACEHOLDER, "stepped_down")
    assert (await lou_phone.get("/api/contact/me")).status_code == 401
    assert await contacts.reachable(world.young["jade"]) == []
