"""Ending and moving placements (carers) and allocations (social workers): only the
young person's social worker does it, it is audited, the young person is told in
plain words, the history is kept, and nobody is ever left without a social worker."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from backend.accounts.tables import User
from backend.young_people.tables import CaseAllocation, Placement
from tests.factories import PASSWORD, audit_count, make_council, make_user


def record(world, key="jade") -> str:
    return f"/api/young-people/{world.young[key]}"


async def team(world, kind: str, key="jade", who="sam") -> list[dict]:
    reply = await world.people[who].client.get(f"{record(world, key)}/{kind}")
    assert reply.status_code == 200, reply.text
    return reply.json()


async def current(world, kind: str, key="jade", who="sam") -> list[str]:
    return [row["name"] for row in await team(world, kind, key, who) if row["active"]]


async def story(world, who="jade") -> list[str]:
    url = f"{record(world)}/who-has-looked"
    return [entry["what"] for entry in (await world.people[who].client.get(url)).json()]


async def placement_of(world, carer_key: str, key="jade") -> int:
    rows = await team(world, "placements", key, "sam" if key != "mia" else "alex")
    return next(row["id"] for row in rows if row["user_id"] == str(world.people[carer_key].user_id))


async def allocation_of(world, worker_key: str, key="jade", who="sam") -> int:
    rows = await team(world, "allocations", key, who)
    return next(
        row["id"] for row in rows if row["user_id"] == str(world.people[worker_key].user_id) and row["active"]
    )


async def test_ending_a_placement_takes_the_record_away_from_the_carer_at_once(world):
    assert (await world.priya.client.get(record(world))).status_code == 200
    placement_id = await placement_of(world, "priya")
    reply = await world.sam.client.post(f"{record(world)}/placements/{placement_id}/end")
    assert reply.status_code == 200, reply.text
    ended = reply.json()
    assert (ended["name"], ended["active"]) == ("Priya Shah", False) and ended["ended_at"]

    assert (await world.priya.client.get(record(world))).status_code == 404
    assert (await world.priya.client.get("/api/young-people")).json() == []
    # The history is kept: the row is ended, not deleted.
    assert await Placement.count().where(Placement.young_person == world.young["jade"]) == 1
    rows = await team(world, "placements")
    assert [(row["name"], row["active"]) for row in rows] == [("Priya Shah", False)]
    assert (await world.sam.client.get(record(world))).json()["carers"] == []


async def test_the_young_person_is_told_in_plain_words_who_can_no_longer_see(world):
    placement_id = await placement_of(world, "priya")
    await world.sam.client.post(f"{record(world)}/placements/{placement_id}/end")

    can_see = (await world.jade.client.get(f"{record(world)}/who-can-see")).json()
    now = [person["name"] for person in can_see if person["can_see"]]
    assert now == ["Sam Okafor", "Your trusted people", "The police", "Managers at your council"]
    (priya,) = [person for person in can_see if not person["can_see"]]
    assert priya["name"] == "Priya Shah" and priya["ended_at"]
    assert priya["why"] == "Priya Shah no longer looks after you, so they can't see your information now."

    (entry,) = [
        e
        for e in (await world.jade.client.get(f"{record(world)}/who-has-looked")).json()
        if "no longer" in e["what"]
    ]
    assert (entry["name"], entry["role"], entry["what"]) == (
        "Sam Okafor",
        "social worker",
        "Priya Shah no longer looks after you",
    )
    # The social worker reads the same stored event about Jade, by name.
    assert "Priya Shah no longer looks after Jade" in await story(world, "sam")
    for_sam = (await world.sam.client.get(f"{record(world)}/who-can-see")).json()
    assert [p["why"] for p in for_sam if not p["can_see"]] == [
        "Priya Shah no longer looks after Jade, so they can't see Jade's information now."
    ]


async def test_moving_a_placement_to_another_carer_of_the_council(world):
    placement_id = await placement_of(world, "priya")
    body = {"carer_id": str(world.olu.user_id), "instead_of": placement_id}
    reply = await world.sam.client.post(f"{record(world)}/placements", json=body)
    assert reply.status_code == 201, reply.text
    assert (reply.json()["name"], reply.json()["active"]) == ("Olu Adeyemi", True)

    assert await current(world, "placements") == ["Olu Adeyemi"]
    assert (await world.olu.client.get(record(world))).status_code == 200
    assert (await world.priya.client.get(record(world))).status_code == 404
    said = await story(world)
    assert "Priya Shah no longer looks after you" in said
    assert "Olu Adeyemi looks after you now" in said
    # A new carer means the plan needs their signature, not Priya's.
    plan = (await world.olu.client.get(f"{record(world)}/plan")).status_code
    assert plan == 200


async def test_handing_over_to_another_social_worker(world):
    allocation_id = await allocation_of(world, "sam")
    body = {"social_worker_id": str(world.alex.user_id), "instead_of": allocation_id}
    reply = await world.sam.client.post(f"{record(world)}/allocations", json=body)
    assert reply.status_code == 201, reply.text

    assert (await world.sam.client.get(record(world))).status_code == 404
    assert [row["preferred_name"] for row in (await world.sam.client.get("/api/young-people")).json()] == [
        "Tyler"
    ]
    assert await current(world, "allocations", who="alex") == ["Alex Reid"]
    said = await story(world)
    assert "Sam Okafor is no longer your social worker" in said
    assert "Alex Reid is your social worker now" in said
    can_see = (await world.jade.client.get(f"{record(world)}/who-can-see")).json()
    assert [(p["name"], p["can_see"]) for p in can_see if p["role"] == "social_worker"] == [
        ("Alex Reid", True),
        ("Sam Okafor", False),
    ]
    assert [p["why"] for p in can_see if p["name"] == "Sam Okafor"] == [
        "Sam Okafor is no longer your social worker, so they can't see your information now."
    ]


async def test_ending_the_last_social_worker_is_refused_and_changes_nothing(world):
    allocation_id = await allocation_of(world, "sam")
    changes = await audit_count(action="change")
    reply = await world.sam.client.post(f"{record(world)}/allocations/{allocation_id}/end")
    assert reply.status_code == 409
    assert reply.headers["content-type"] == "application/problem+json"
    assert "move this allocation to another social worker" in reply.json()["detail"]
    assert await current(world, "allocations") == ["Sam Okafor"]
    assert await audit_count(action="change") == changes


async def test_with_two_social_workers_one_may_end_their_own_allocation(world):
    url = f"{record(world)}/allocations"
    await world.sam.client.post(url, json={"social_worker_id": str(world.alex.user_id)})
    assert sorted(await current(world, "allocations")) == ["Alex Reid", "Sam Okafor"]
    reply = await world.sam.client.post(f"{url}/{await allocation_of(world, 'sam')}/end")
    assert reply.status_code == 200
    assert (await world.sam.client.get(record(world))).status_code == 404
    assert await current(world, "allocations", who="alex") == ["Alex Reid"]
    # ...and now Alex is the last one.
    last = await world.alex.client.post(f"{url}/{await allocation_of(world, 'alex', who='alex')}/end")
    assert last.status_code == 409


async def test_two_social_workers_ending_their_allocations_at_once_leave_one(world):
    url = f"{record(world)}/allocations"
    await world.sam.client.post(url, json={"social_worker_id": str(world.alex.user_id)})
    sam_id, alex_id = await allocation_of(world, "sam"), await allocation_of(world, "alex")
    replies = await asyncio.gather(
        world.sam.client.post(f"{url}/{sam_id}/end"), world.alex.client.post(f"{url}/{alex_id}/end")
    )
    assert sorted(reply.status_code for reply in replies) == [200, 409]
    assert (
        await CaseAllocation.count().where(
            (CaseAllocation.young_person == world.young["jade"]) & (CaseAllocation.active == True)
        )
        == 1
    )


async def bad_choices(world) -> dict[str, tuple[dict, int, str | None]]:
    """Body -> (status, the field named). Each must change nothing."""
    elsewhere = await make_council("Otherton Council")
    stranger = await make_user("carer", "Far Carer", "far.carer", PASSWORD, elsewhere)
    gone = await make_user("carer", "Gone Carer", "gone.carer", PASSWORD, world.council_id)
    await User.update(active=False).where(User.id == gone.user_id)
    priya = await placement_of(world, "priya")
    olu_with_mia = await placement_of(world, "olu", "mia")
    olu = str(world.olu.user_id)
    return {
        "a social worker is not a carer": ({"carer_id": str(world.alex.user_id)}, 422, "carer_id"),
        "a carer of another council": ({"carer_id": str(stranger.user_id)}, 422, "carer_id"),
        "a deactivated carer": ({"carer_id": str(gone.user_id)}, 422, "carer_id"),
        "nobody at all": ({"carer_id": str(uuid.uuid4())}, 422, "carer_id"),
        "not an id": ({"carer_id": "priya"}, 422, "carer_id"),
        "an unknown field": ({"carer_id": olu, "home": "x"}, 422, "home"),
        "no carer": ({"instead_of": priya}, 422, "carer_id"),
        "already their carer": ({"carer_id": str(world.priya.user_id)}, 409, None),
        "instead of nothing": ({"carer_id": olu, "instead_of": 987654}, 404, None),
        "instead of someone else's placement": ({"carer_id": olu, "instead_of": olu_with_mia}, 404, None),
        "instead of Priya, to Priya": (
            {"carer_id": str(world.priya.user_id), "instead_of": priya},
            409,
            None,
        ),
    }


async def test_bad_choices_of_carer_are_refused_clearly_and_change_nothing(world):
    url = f"{record(world)}/placements"
    wrong = []
    for case, (body, status, field) in (await bad_choices(world)).items():
        before = (await Placement.select().order_by(Placement.id), await audit_count(action="change"))
        reply = await world.sam.client.post(url, json=body)
        if reply.status_code != status:
            wrong.append(f"{case}: {reply.status_code} {reply.text}")
            continue
        assert reply.headers["content-type"] == "application/problem+json", case
        if field:
            assert [error["field"] for error in reply.json()["errors"]] == [field], case
        after = (await Placement.select().order_by(Placement.id), await audit_count(action="change"))
        if after != before:
            wrong.append(f"{case}: something changed")
    assert not wrong, "\n".join(wrong)


async def test_ending_twice_or_someone_elses_placement_is_refused(world):
    priya = await placement_of(world, "priya")
    url = f"{record(world)}/placements"
    assert (await world.sam.client.post(f"{url}/{priya}/end")).status_code == 200
    again = await world.sam.client.post(f"{url}/{priya}/end")
    assert again.status_code == 409 and again.json()["detail"].startswith("That has already ended")
    mias = await placement_of(world, "olu", "mia")
    assert (await world.sam.client.post(f"{url}/{mias}/end")).status_code == 404
    assert await current(world, "placements", "mia", "alex") == ["Olu Adeyemi"]


@pytest.mark.parametrize("who", ["priya", "jade", "alex"])
async def test_only_their_social_worker_ends_a_placement_and_refusals_are_audited(world, who):
    priya = await placement_of(world, "priya")
    person = world.people[who]
    reply = await person.client.post(f"{record(world)}/placements/{priya}/end")
    assert reply.status_code == 404
    assert await audit_count(action="refused", actor_id=person.user_id) == 1
    assert await current(world, "placements") == ["Priya Shah"]


async def test_a_social_worker_picks_from_names_and_ids_at_their_own_council(world):
    elsewhere = await make_council("Otherton Council")
    await make_user("carer", "Far Carer", "far.carer", PASSWORD, elsewhere)
    carers = (await world.sam.client.get("/api/council/carers")).json()
    assert carers == [
        {"id": str(world.olu.user_id), "name": "Olu Adeyemi"},
        {"id": str(world.priya.user_id), "name": "Priya Shah"},
    ]
    workers = (await world.sam.client.get("/api/council/social-workers")).json()
    assert [worker["name"] for worker in workers] == ["Alex Reid", "Sam Okafor"]
    for who in ("priya", "jade", "ruth", "admin"):
        assert (await world.people[who].client.get("/api/council/carers")).status_code == 403
