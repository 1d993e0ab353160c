"""Plans people can keep agreed: a trusted person stepping down is no new version and
clears no signature (every reader sees them marked); an edit says who will have to sign
again before it is made; an edit that changes nothing saves nothing."""

from tests.api.test_offline_and_police_form import agree_full_plan, pdf_text
from tests.api.test_plans import edit, plan_url, sign_all
from tests.factories import audit_count


async def lou_steps_down(world) -> dict:
    url = f"/api/young-people/{world.young['jade']}/contacts"
    lou = next(c for c in (await world.jade.client.get(url)).json() if c["name"] == "Lou Mensah")
    code = (await world.jade.client.post(f"{url}/{lou['id']}/invite")).json()["code"]
    phone = world.anonymous()
    me = (await phone.post("/api/contact-invites/accept", json={"code": code})).json()
    phone.headers["X-CSRF-Token"] = me["csrf_token"]
    assert (await phone.post("/api/contact/step-down")).status_code == 204
    return lou


async def test_stepping_down_keeps_the_plan_agreed_and_every_reader_sees_it(world):
    await agree_full_plan(world)
    before = (await world.sam.client.get(plan_url(world))).json()
    assert before["draft"] is None
    await lou_steps_down(world)

    for person in (world.jade, world.priya, world.sam):
        view = (await person.client.get(plan_url(world))).json()
        # No new version, nobody asked to sign again.
        assert view["draft"] is None
        assert view["agreed"]["number"] == before["agreed"]["number"]
        assert len(view["agreed"]["signatures"]) == 3
        lou = view["agreed"]["content"]["trio"][0]
        assert (lou["name"], lou["state"]) == ("Lou Mensah", "stepped_down")
        assert lou["state_since"]

    copy = (await world.priya.client.get(f"{plan_url(world)}/agreed")).json()
    assert copy["agreed"]["content"]["trio"][0]["state"] == "stepped_down"
    assert copy["trio"][0]["state"] == "stepped_down"

    for person in (world.priya, world.sam):
        text = pdf_text((await person.client.get(f"{plan_url(world)}/philomena.pdf")).content)
        assert "Lou Mensah" in text
        assert "STEPPED DOWN" in text


async def test_a_person_who_stepped_down_can_be_asked_again_or_taken_off_the_plan(world):
    await agree_full_plan(world)
    lou = await lou_steps_down(world)
    contacts = f"/api/young-people/{world.young['jade']}/contacts"
    listed = (await world.jade.client.get(contacts)).json()[0]
    assert listed["can"] == ["invite", "remove"]
    again = await world.jade.client.post(f"{contacts}/{lou['id']}/invite")
    assert again.status_code == 201, again.text
    view = (await world.jade.client.get(plan_url(world))).json()
    assert view["draft"] is None  # asked again: still who the plan names
    assert view["agreed"]["content"]["trio"][0]["state"] == "invited"
    # Taking them off is the young person's change to the plan: a new version.
    assert (await world.jade.client.delete(f"{contacts}/{lou['id']}")).status_code == 204
    view = (await world.jade.client.get(plan_url(world))).json()
    assert view["draft"]["content"]["trio"] == []


async def test_the_plan_says_who_will_have_to_sign_again_before_an_edit(world):
    url = plan_url(world)
    assert (await world.jade.client.get(url)).json()["sign_again"] == []
    await agree_full_plan(world)
    # Agreed: an edit by Jade starts a version Priya and Sam must sign.
    again = (await world.jade.client.get(url)).json()["sign_again"]
    assert {(p["name"], p["role"]) for p in again} == {
        ("Priya Shah", "carer"),
        ("Sam Okafor", "social_worker"),
    }
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    await sign_all(world, url, ("jade", "priya"))
    # A draft Jade and Priya signed: Sam's edit would need them both again.
    again = (await world.sam.client.get(url)).json()["sign_again"]
    assert {(p["name"], p["role"]) for p in again} == {("Jade", "young_person"), ("Priya Shah", "carer")}
    again = (await world.jade.client.get(url)).json()["sign_again"]
    assert [(p["name"], p["role"]) for p in again] == [("Priya Shah", "carer")]


async def test_an_edit_that_changes_nothing_saves_nothing_and_says_so(world):
    url = plan_url(world)
    await agree_full_plan(world)
    agreed = (await world.jade.client.get(url)).json()["agreed"]
    worries = {key: value for key, value in agreed["content"]["worries"].items() if value is not None}
    before = await audit_count(action="change")
    reply = await edit(world.jade, url, "worries", worries)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["unchanged"] is True
    assert body["draft"] is None  # no new version
    assert len(body["agreed"]["signatures"]) == 3
    assert await audit_count(action="change") == before
    # A real change is saved and says so.
    changed = (await edit(world.jade, url, "worries", {**worries, "what_worries_me": "Noise"})).json()
    assert changed["unchanged"] is False and changed["draft"]["number"] == agreed["number"] + 1
    # The same again on the draft: nothing new in its list of changes.
    again = (await edit(world.jade, url, "worries", {**worries, "what_worries_me": "Noise"})).json()
    assert again["unchanged"] is True
    assert len(again["draft"]["changes"]) == len(changed["draft"]["changes"])
