"""What the council counts about a young person (sex, ethnicity, its own child id, in
care, placed out of area): kept by their social worker, sealed at rest, refused to
anyone else."""

from __future__ import annotations

import pytest

from backend.sealed import unseal
from backend.young_people.tables import YoungPerson
from tests.factories import audit_count

BODY = {
    "sex": "F",
    "ethnicity": "MWBC",
    "child_code": "AB123",
    "looked_after": True,
    "placed_out_of_area": True,
    "legal_name": "Jade Amara Mensah",
    "placement_address": "12 Elm Road, Northbrook NB1 2AB",
}


def url(world, key="jade") -> str:
    return f"/api/young-people/{world.young[key]}/details"


async def test_social_worker_records_and_reads_the_details(world):
    empty = await world.sam.client.get(url(world))
    assert empty.status_code == 200
    assert empty.json() == {
        "sex": None,
        "ethnicity": None,
        "child_code": None,
        "looked_after": False,
        "placed_out_of_area": False,
        "legal_name": None,
        "placement_address": None,
    }
    reply = await world.sam.client.put(url(world), json=BODY)
    assert reply.status_code == 200
    assert reply.json() == BODY
    assert (await world.sam.client.get(url(world))).json() == BODY
    record = await world.sam.client.get(f"/api/young-people/{world.young['jade']}")
    assert "edit_details" in record.json()["can"]


async def test_the_details_are_sealed_in_the_database(world):
    await world.sam.client.put(url(world), json=BODY)
    row = await YoungPerson.select().where(YoungPerson.id == world.young["jade"]).first()
    for column in ("sex", "ethnicity", "child_code", "legal_name", "placement_address"):
        assert row[column] not in (None, BODY[column]), column
        assert unseal(row[column]) == BODY[column], column
    assert row["looked_after"] is True


@pytest.mark.parametrize("who", ["priya", "jade", "alex", "ruth", "admin"])
async def test_anyone_but_their_social_worker_is_refused_and_nothing_changes(world, who):
    await world.sam.client.put(url(world), json=BODY)
    person = world.people[who]
    for method, body in (("GET", None), ("PUT", {**BODY, "sex": "M"})):
        reply = await person.client.request(method, url(world), json=body)
        assert reply.status_code == 404, (who, method)
        assert "MWBC" not in reply.text
    assert await audit_count(action="refused", actor_id=person.user_id) == 2
    assert (await world.sam.client.get(url(world))).json() == BODY


async def test_a_stranger_social_worker_is_refused(world):
    # Alex is Mia's social worker, not Jade's.
    assert (await world.alex.client.put(url(world), json=BODY)).status_code == 404
    assert (await world.alex.client.put(url(world, "mia"), json=BODY)).status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [({"child_code": "AB 12"}, "child_code"), ({"child_code": "=SUM(A1)"}, "child_code")],
)
async def test_a_bad_child_id_is_refused_clearly_and_changes_nothing(world, change, field):
    reply = await world.sam.client.put(url(world), json={**BODY, **change})
    assert reply.status_code == 422
    assert field in reply.text
    assert (await world.sam.client.get(url(world))).json()["child_code"] is None


async def test_unknown_codes_are_refused(world):
    for change in ({"sex": "X"}, {"ethnicity": "WHITE"}, {"colour": "red"}):
        reply = await world.sam.client.put(url(world), json={**BODY, **change})
        assert reply.status_code in (400, 422), change
    assert (await world.sam.client.get(url(world))).json()["sex"] is None


async def test_two_young_people_of_a_council_cannot_share_a_child_id(world):
    assert (await world.alex.client.put(url(world, "mia"), json=BODY)).status_code == 200
    reply = await world.sam.client.put(url(world), json={**BODY, "child_code": "ab123"})
    assert reply.status_code == 422
    assert "child_code" in reply.text
    assert (await world.sam.client.put(url(world), json={**BODY, "child_code": "AB124"})).status_code == 200


def test_the_ethnic_codes_are_the_dfe_codes_of_the_return():
    from backend.exports.ssda903 import ETHNIC_CODES, SEX_CODES
    from backend.young_people.schemas import Ethnicity, Sex

    assert {code.value for code in Ethnicity} == ETHNIC_CODES
    assert {code.value for code in Sex} == SEX_CODES
