"""Missing Safety Plans: co-design, signatures, agreement, versions, reviews."""

import datetime as dt

from piccolo.querystring import QueryString

from backend import clock
from backend.db import get_engine
from backend.plans import services as plans
from tests.factories import sign_in_directly


def plan_url(world, who="jade"):
    return f"/api/young-people/{world.young[who]}/plan"


async def edit(person, url, section, body):
    return await person.client.put(f"{url}/sections/{section}", json=body)


async def sign_all(world, url, people=("jade", "priya", "sam")):
    reply = None
    for key in people:
        person = getattr(world, key)
        draft = (await person.client.get(url)).json()["draft"]
        reply = await person.client.post(f"{url}/sign", json={"content_hash": draft["content_hash"]})
        assert reply.status_code == 200, reply.text
    return reply.json()


async def test_young_person_drafts_their_plan_and_every_change_says_who(world):
    url = plan_url(world)
    reply = await edit(world.jade, url, "worries", {"what_worries_me": "Being shouted at"})
    assert reply.status_code == 200, reply.text
    draft = reply.json()["draft"]
    assert draft["status"] == "draft" and draft["number"] == 1
    assert draft["content"]["worries"]["what_worries_me"] == "Being shouted at"
    assert draft["changes"][0]["name"] == "Jade"
    assert draft["changes"][0]["section"] == "what worries me"
    reply = await edit(world.sam, url, "professional_notes", {"text": "Jade likes art club."})
    assert reply.json()["draft"]["changes"][0]["name"] == "Sam Okafor"


async def test_plan_is_agreed_only_when_young_person_carer_and_social_worker_have_signed(world):
    url = plan_url(world)
    await edit(world.jade, url, "places", {"might_go": [{"name": "Aunt Lou's flat"}], "safe": []})
    view = await sign_all(world, url, ("jade", "sam"))
    assert view["agreed"] is None
    assert view["draft"]["still_to_sign"] == ["carer"]
    view = await sign_all(world, url, ("priya",))
    assert view["draft"] is None
    assert view["agreed"]["number"] == 1
    assert {s["role"] for s in view["agreed"]["signatures"]} == {"young_person", "carer", "social_worker"}


async def test_a_change_after_signing_leaves_old_signatures_behind(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    await sign_all(world, url, ("jade", "priya"))
    await edit(world.sam, url, "worries", {"what_worries_me": "Noise at night"})
    draft = (await world.sam.client.get(url)).json()["draft"]
    assert draft["signatures"] == []
    assert draft["still_to_sign"] == ["young_person", "carer", "social_worker"]


async def test_signing_content_you_did_not_see_is_refused(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    seen = (await world.priya.client.get(url)).json()["draft"]["content_hash"]
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise and crowds"})
    reply = await world.priya.client.post(f"{url}/sign", json={"content_hash": seen})
    assert reply.status_code == 409
    assert (await world.priya.client.get(url)).json()["draft"]["signatures"] == []


async def test_any_change_after_agreement_starts_a_new_draft_and_history_shows_the_difference(world):
    url = plan_url(world)
    await edit(world.jade, url, "about_me", {"hair": "Short, black"})
    await sign_all(world, url)
    await edit(world.jade, url, "about_me", {"hair": "Long, red"})
    view = (await world.jade.client.get(url)).json()
    assert view["agreed"]["number"] == 1 and view["draft"]["number"] == 2
    assert view["agreed"]["content"]["about_me"]["hair"] == "Short, black"
    await sign_all(world, url)
    versions = (await world.sam.client.get(f"{url}/versions")).json()
    assert [(v["number"], v["status"]) for v in versions] == [(2, "agreed"), (1, "superseded")]
    changes = (await world.sam.client.get(f"{url}/compare", params={"first": 1, "second": 2})).json()
    assert {"section": "about_me", "field": "hair", "before": "Short, black", "after": "Long, red"} in changes


async def test_bad_plan_input_names_the_field_and_saves_nothing(world):
    url = plan_url(world)
    reply = await edit(world.jade, url, "about_me", {"height": "x" * 500})
    assert reply.status_code == 422
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.json()["errors"][0]["field"] == "height"
    reply = await edit(world.jade, url, "sharing", {"police": ["everyone"]})
    assert reply.status_code == 422
    reply = await edit(world.jade, url, "sharing", {"worries": ["newspaper"]})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "worries"
    assert (await world.jade.client.get(url)).json()["draft"] is None


async def test_carer_does_not_see_what_the_young_person_keeps_from_carers(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "My dad"})
    await edit(world.jade, url, "sharing", {"worries": [], "health": []})
    await edit(world.jade, url, "about_me", {"hair": "Curly", "medication": "Inhaler"})
    draft = (await world.priya.client.get(url)).json()["draft"]
    assert draft["content"]["worries"] is None
    assert draft["content"]["about_me"]["medication"] is None
    assert "My dad" not in str(draft)
    # Saving the parts she can see keeps the parts she cannot.
    reply = await edit(world.priya, url, "about_me", {"hair": "Curly, tied back"})
    assert reply.status_code == 200
    full = (await world.jade.client.get(url)).json()["draft"]["content"]["about_me"]
    assert full == {**full, "hair": "Curly, tied back", "medication": "Inhaler"}
    reply = await edit(world.priya, url, "worries", {"what_worries_me": "x"})
    assert reply.status_code == 403
    reply = await edit(world.priya, url, "sharing", {"worries": ["carer"]})
    assert reply.status_code == 403


async def test_stranger_social_worker_cannot_see_or_edit_the_plan(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Secret"})
    assert (await world.alex.client.get(url)).status_code == 404
    assert (await edit(world.alex, url, "worries", {"what_worries_me": "x"})).status_code == 404
    assert (await world.olu.client.get(url)).status_code == 404


async def test_review_hook_marks_a_review_due_and_agreement_clears_it(world):
    url = plan_url(world)
    await plans.mark_review_due(world.young["jade"], "Came back after being missing", clock.now())
    due = (await world.sam.client.get("/api/plans/reviews-due")).json()
    assert [(d["preferred_name"], d["overdue"]) for d in due] == [("Jade", False)]
    clock.travel(dt.timedelta(days=8))
    for key in ("sam", "alex", "priya"):  # professionals' sessions ended in the meantime
        await sign_in_directly(getattr(world, key), world.client_for())
    due = (await world.sam.client.get("/api/plans/reviews-due")).json()
    assert due[0]["overdue"] is True
    assert (await world.alex.client.get("/api/plans/reviews-due")).json() == []
    await edit(world.jade, url, "worries", {"what_worries_me": "Being blamed"})
    await sign_all(world, url)
    assert (await world.sam.client.get("/api/plans/reviews-due")).json() == []


async def test_plan_errors_name_the_row_in_plain_words(world):
    url = plan_url(world)
    reply = await edit(world.jade, url, "places", {"might_go": [{"name": "Park"}, {"where": "x"}]})
    assert reply.status_code == 422
    assert reply.json()["errors"] == [{"field": "might_go.1.name", "message": "Please fill this in."}]
    reply = await edit(world.priya, url, "carer_steps", {"steps": [{"after_minutes": -5, "action": "x"}]})
    assert reply.json()["errors"][0] == {
        "field": "steps.0.after_minutes",
        "message": "Use a number of minutes (0 or more).",
    }


async def test_a_new_plan_shows_its_defaults_before_any_edit(world):
    view = (await world.mia.client.get(plan_url(world, "mia"))).json()
    assert view["draft"] is None and view["agreed"] is None
    assert view["blank"]["sharing"]["worries"] == ["carer"]
    assert "trio" not in str(view["blank"]["carer_steps"])


# -- what each reader may do: the plan's `can`, from the same rules that refuse ---------


async def can(person, url) -> set[str]:
    return set((await person.client.get(url)).json()["can"])


async def test_each_reader_is_told_what_they_may_do_and_the_server_holds_to_it(world):
    url = plan_url(world)
    edits = {"edit_about_me", "edit_worries", "edit_places", "edit_carer_steps"}
    # "When I come back" is the young person's own words (their social worker may help).
    mine = {"edit_sharing", "edit_coming_back", "add_photo", "change_people"}
    assert await can(world.jade, url) == edits | mine
    assert await can(world.priya, url) == edits | {
        "edit_professional_notes",
        "add_photo",
        "download_police_form",
    }
    assert await can(world.sam, url) == edits | {
        "edit_sharing",
        "edit_coming_back",
        "edit_professional_notes",
        "add_photo",
        "download_police_form",
        "change_people",
    }
    # The same rules refuse what `can` leaves out.
    assert (await edit(world.jade, url, "professional_notes", {"text": "x"})).status_code == 403
    assert (await edit(world.priya, url, "sharing", {"worries": []})).status_code == 403
    assert (await edit(world.priya, url, "coming_back", {"what_helps": "x"})).status_code == 403


async def test_signing_is_offered_to_those_still_to_sign(world):
    url = plan_url(world)
    signers = (world.jade, world.priya, world.sam)

    async def offered() -> list[bool]:
        return ["sign" in await can(person, url) for person in signers]

    assert await offered() == [False, False, False]  # nothing to sign yet
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    assert await offered() == [True, True, True]
    await sign_all(world, url, ("jade",))
    assert await offered() == [False, True, True]
    await sign_all(world, url, ("priya", "sam"))
    assert await offered() == [False, False, False]  # agreed


async def test_what_jade_keeps_from_carers_is_neither_offered_to_nor_changed_by_her_carer(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "My dad"})
    await edit(world.jade, url, "sharing", {"worries": [], "photo": ["police"]})
    assert {"edit_worries", "add_photo"} & await can(world.priya, url) == set()
    draft = (await world.priya.client.get(url)).json()["draft"]
    assert draft["kept_from_me"] == ["photo", "worries"]
    assert (await world.jade.client.get(url)).json()["draft"]["kept_from_me"] == []


async def test_a_part_kept_from_carers_in_the_agreed_plan_cannot_be_overwritten_by_a_carer(world):
    """With no draft, a change starts one from the agreed plan: its choices are the rule,
    not a blank plan's defaults."""
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "SECRET-WORRY my dad"})
    await edit(world.jade, url, "sharing", {"worries": []})
    await sign_all(world, url)
    assert (await world.priya.client.get(url)).json()["draft"] is None
    assert "edit_worries" not in await can(world.priya, url)
    reply = await edit(world.priya, url, "worries", {"what_worries_me": "nothing"})
    assert reply.status_code == 403
    assert (await world.jade.client.get(url)).json()["draft"] is None  # nothing started


async def test_who_changed_the_plan_is_sealed_where_it_is_kept(world):
    url = plan_url(world)
    await edit(world.priya, url, "carer_steps", {"steps": [{"after_minutes": 10, "action": "Ring Jade"}]})
    rows = await get_engine().run_querystring(QueryString("SELECT * FROM plan_change"))
    assert rows and "Priya" not in str(rows)
    assert (await world.sam.client.get(url)).json()["draft"]["changes"][0]["name"] == "Priya Shah"


async def test_a_carer_saving_about_me_after_agreement_keeps_the_health_details_kept_from_them(world):
    url = plan_url(world)
    await edit(world.jade, url, "about_me", {"hair": "Curly", "medication": "Inhaler"})
    await edit(world.jade, url, "sharing", {"health": ["police"]})
    await sign_all(world, url)
    reply = await edit(world.priya, url, "about_me", {"hair": "Curly, tied back"})
    assert reply.status_code == 200 and reply.json()["draft"]["content"]["about_me"]["medication"] is None
    full = (await world.jade.client.get(url)).json()["draft"]["content"]["about_me"]
    assert (full["hair"], full["medication"]) == ("Curly, tied back", "Inhaler")
