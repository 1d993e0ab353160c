"""Invites: a social worker makes one; a young person or carer joins with it on their
own phone. One use only, 72 hours, nothing saved when the details are wrong."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt

from backend import clock
from backend.accounts import rules
from backend.accounts.tables import User
from tests.factories import PASSWORD, audit_count

INVITES = "/api/invites"
GONE = "This invite has run out or been used. Ask for a new one."


async def make(person, young_person_id, role="young_person"):
    return await person.client.post(INVITES, json={"role": role, "young_person_id": str(young_person_id)})


async def lookup(world, code):
    return await world.anonymous().post(f"{INVITES}/lookup", json={"code": code})


async def accept(client, code, username="tyler", secret="975318", **extra):
    return await client.post(
        f"{INVITES}/accept", json={"code": code, "username": username, "secret": secret, **extra}
    )


async def users() -> int:
    return await User.count()


async def test_social_worker_makes_an_invite_with_a_link_and_qr_code_for_72_hours(world):
    reply = await make(world.sam, world.young["tyler"])
    assert reply.status_code == 201
    invite = reply.json()
    assert len(invite["code"]) >= 10
    assert invite["url"] == f"https://homeward.test/#/join/{invite['code']}"
    prefix = "data:image/svg+xml;base64,"
    assert invite["qr_svg"].startswith(prefix)
    assert b"<svg" in base64.b64decode(invite["qr_svg"][len(prefix) :])
    lasts = dt.datetime.fromisoformat(invite["expires_at"]) - clock.now()
    assert dt.timedelta(hours=71, minutes=59) < lasts <= dt.timedelta(hours=72)


async def test_lookup_shows_who_the_invite_is_for_and_as_what(world):
    code = (await world.invite("tyler"))["code"]
    reply = await lookup(world, code)
    assert reply.status_code == 200
    assert reply.json()["name"] == "Tyler"
    assert reply.json()["role"] == "young_person"
    carer = await lookup(world, (await world.invite("jade", "carer"))["code"])
    assert (carer.json()["name"], carer.json()["role"]) == ("Jade", "carer")


async def test_code_typed_in_small_letters_with_spaces_still_works(world):
    code = (await world.invite("tyler"))["code"]
    typed = " ".join([code[:4], code[4:8], code[8:]]).lower()
    assert (await lookup(world, typed)).status_code == 200


async def test_young_person_joins_signs_in_and_is_linked_to_their_record(world):
    code = (await world.invite("tyler"))["code"]
    phone = world.anonymous()
    reply = await accept(phone, code, device_name="Tyler's phone")
    assert reply.status_code == 201
    me = reply.json()
    assert me["user"]["role"] == "young_person"
    assert me["user"]["display_name"] == "Tyler"
    assert me["young_person_id"] == str(world.young["tyler"])
    assert me["session"]["device_name"] == "Tyler's phone"
    assert "homeward_session=" in reply.headers["set-cookie"]
    assert [row["preferred_name"] for row in (await phone.get("/api/young-people")).json()] == ["Tyler"]
    record = (await world.sam.client.get(f"/api/young-people/{world.young['tyler']}")).json()
    assert record["has_account"] is True
    # Tyler can sign in again later with what he chose.
    again = await world.anonymous().post("/api/auth/login", json={"identifier": "tyler", "secret": "975318"})
    assert again.status_code == 200


async def test_invite_works_only_once(world):
    code = (await world.invite("tyler"))["code"]
    assert (await accept(world.anonymous(), code)).status_code == 201
    second = await accept(world.anonymous(), code, username="tyler2")
    assert second.status_code == 404
    assert second.json()["detail"] == GONE
    assert "run out or been used" in (await lookup(world, code)).json()["detail"]


async def test_invite_stops_working_after_72_hours(world):
    code = (await world.invite("tyler"))["code"]
    clock.travel(dt.timedelta(hours=71, minutes=50))
    assert (await lookup(world, code)).status_code == 200
    clock.travel(dt.timedelta(minutes=11))
    assert (await lookup(world, code)).status_code == 404
    before = await users()
    late = await accept(world.anonymous(), code)
    assert late.status_code == 404
    assert late.json()["detail"] == GONE
    assert await users() == before


async def test_unknown_code_gets_the_same_answer_as_a_used_one(world):
    used = (await world.invite("tyler"))["code"]
    await accept(world.anonymous(), used)
    assert (await lookup(world, "ABCDEFGHJKMN")).json() == (await lookup(world, used)).json()


async def test_weak_pin_or_taken_username_is_refused_naming_the_field_and_the_invite_still_works(world):
    code = (await world.invite("tyler"))["code"]
    before = await users()
    for username, secret, field in (
        ("tyler", "123456", "secret"),
        ("tyler", "2468", "secret"),
        ("jade", "975318", "username"),
        ("JADE", "975318", "username"),
        ("no", "975318", "username"),
    ):
        reply = await accept(world.anonymous(), code, username=username, secret=secret)
        assert reply.status_code == 422, (username, secret)
        assert reply.headers["content-type"] == "application/problem+json"
        assert [error["field"] for error in reply.json()["errors"]] == [field]
        assert "set-cookie" not in reply.headers
    assert await users() == before
    assert (await lookup(world, code)).status_code == 200
    assert (await accept(world.anonymous(), code)).status_code == 201


async def test_carer_must_give_their_name_to_join(world):
    code = (await world.invite("jade", "carer"))["code"]
    nameless = await accept(world.anonymous(), code, username="kim", secret=PASSWORD)
    assert [error["field"] for error in nameless.json()["errors"]] == ["display_name"]
    short = await accept(world.anonymous(), code, username="kim", secret="tooshort", display_name="Kim Lee")
    assert [error["field"] for error in short.json()["errors"]] == ["secret"]
    joined = await accept(world.anonymous(), code, username="kim", secret=PASSWORD, display_name="Kim Lee")
    assert joined.status_code == 201


async def test_stranger_social_worker_cannot_invite_for_another_workers_young_person_and_it_is_audited(world):
    refused = await make(world.alex, world.young["tyler"])
    assert refused.status_code == 404
    missing = await make(world.alex, "00000000-0000-4000-8000-000000000000")
    assert refused.json() == missing.json()
    assert (
        await audit_count(action="refused", actor_id=world.alex.user_id, young_person_id=world.young["tyler"])
        == 1
    )


async def test_young_person_who_already_joined_cannot_be_invited_again(world):
    reply = await make(world.sam, world.young["jade"])
    assert reply.status_code == 409
    assert reply.headers["content-type"] == "application/problem+json"


async def test_a_new_invite_replaces_the_old_one(world):
    old = (await world.invite("tyler"))["code"]
    new = (await world.invite("tyler"))["code"]
    assert (await lookup(world, old)).status_code == 404
    assert (await accept(world.anonymous(), old)).status_code == 404
    assert (await accept(world.anonymous(), new)).status_code == 201


async def test_carer_invite_places_the_young_person_with_the_new_carer(world):
    code = (await world.invite("jade", "carer"))["code"]
    phone = world.anonymous()
    reply = await accept(phone, code, username="kim", secret=PASSWORD, display_name="Kim Lee")
    assert reply.status_code == 201
    assert reply.json()["user"]["role"] == "carer"
    assert reply.json()["young_person_id"] is None
    phone.headers["X-CSRF-Token"] = reply.json()["csrf_token"]
    assert [row["preferred_name"] for row in (await phone.get("/api/young-people")).json()] == ["Jade"]
    record = await phone.get(f"/api/young-people/{world.young['jade']}")
    assert record.status_code == 200
    assert record.json()["carers"] == ["Kim Lee", "Priya Shah"]
    assert (await phone.get(f"/api/young-people/{world.young['mia']}")).status_code == 404


async def test_ten_people_racing_with_one_code_make_exactly_one_account(world):
    code = (await world.invite("tyler"))["code"]
    before = await users()
    replies = await asyncio.gather(
        *[accept(world.anonymous(f"198.51.100.{n}"), code, username=f"racer{n}") for n in range(10)]
    )
    statuses = sorted(reply.status_code for reply in replies)
    assert statuses == [201] + [404] * 9
    assert await users() == before + 1
    linked = (await world.sam.client.get(f"/api/young-people/{world.young['tyler']}")).json()
    assert linked["has_account"] is True


async def test_people_joining_at_once_with_the_same_username_get_a_clear_answer(world):
    codes = [
        (await world.invite(key, role))["code"]
        for key, role in (("tyler", "young_person"), ("tyler", "carer"), ("jade", "carer"))
    ]
    before = await users()
    replies = await asyncio.gather(
        *[
            accept(world.anonymous(), code, username="sky", secret=PASSWORD, display_name="Sky Lee")
            for code in codes
        ]
    )
    assert sorted(reply.status_code for reply in replies) == [201, 422, 422]
    for refused in replies:
        if refused.status_code == 422:
            assert [error["field"] for error in refused.json()["errors"]] == ["username"]
    assert await users() == before + 1


async def test_join_form_with_several_mistakes_names_every_one(world):
    code = (await world.invite("jade", "carer"))["code"]
    reply = await accept(world.anonymous(), code, username="x", secret="short", display_name=" ")
    assert reply.status_code == 422
    assert {error["field"] for error in reply.json()["errors"]} == {"username", "secret", "display_name"}


# -- no username oracle, and a limit on tries ---------------------------------------------


async def username_refusal(reply) -> tuple[str, list[str]]:
    assert reply.status_code == 422, reply.text
    (error,) = reply.json()["errors"]
    assert error["field"] == "username"
    return error["message"], error.get("suggestions", [])


async def test_a_taken_username_is_not_confirmed_but_two_free_ones_are_offered(world):
    code = (await world.invite("tyler"))["code"]
    message, ideas = await username_refusal(await accept(world.anonymous(), code, username="jade"))
    assert "taken" not in message
    assert len(ideas) == 2
    assert message == f"That one can't be used. Try {ideas[0]} or {ideas[1]}."
    for idea in ideas:
        assert idea.startswith("jade") and idea != "jade"
        assert rules.check_username(idea) == idea
        assert not await User.exists().where(User.username == idea)
    # A name kept back for Homeward itself gets an answer of the same shape.
    reserved_message, reserved_ideas = await username_refusal(
        await accept(world.anonymous(), code, username="admin")
    )
    assert reserved_message.startswith("That one can't be used. Try admin")
    assert len(reserved_ideas) == 2
    # Taking one of the ideas works.
    joined = await accept(world.anonymous(), code, username=ideas[1])
    assert joined.status_code == 201
    assert joined.json()["user"]["username"] == ideas[1]


async def test_tries_with_one_invite_are_limited_wherever_they_come_from(world):
    code = (await world.invite("tyler"))["code"]
    statuses = [
        (await accept(world.anonymous(f"198.51.100.{n}"), code, username="jade")).status_code
        for n in range(13)
    ]
    assert statuses == [422] * 12 + [429]
    assert (await lookup(world, code)).status_code == 429
    assert (await accept(world.anonymous("198.51.100.99"), code)).status_code == 429
    # The invite itself is not lost: it works again once the window has passed.
    clock.travel(dt.timedelta(minutes=16))
    assert (await accept(world.anonymous(), code)).status_code == 201


async def test_invite_lookups_from_one_address_are_limited(world):
    code = (await world.invite("tyler"))["code"]
    guesser = world.anonymous("198.51.100.40")
    statuses = [
        (await guesser.post(f"{INVITES}/lookup", json={"code": f"ABCDEFGH{n:04d}"})).status_code
        for n in range(31)
    ]
    assert statuses == [404] * 30 + [429]
    assert (await guesser.post(f"{INVITES}/lookup", json={"code": code})).status_code == 429
    assert (await accept(guesser, code)).status_code == 429
    # Tyler, elsewhere, is not held up.
    assert (await lookup(world, code)).status_code == 200
    assert (await accept(world.anonymous("203.0.113.70"), code)).status_code == 201


async def test_an_easy_password_is_refused_when_a_carer_joins(world):
    code = (await world.invite("jade", "carer"))["code"]
    for easy in ("aaaaaaaaaa", "password123", "qwertyuiop1", "abcdefghijkl", "kimlee2024!", "Password2024!"):
        reply = await accept(world.anonymous(), code, username="kimlee", secret=easy, display_name="Kim Lee")
        assert reply.status_code == 422, easy
        assert reply.json()["errors"] == [{"field": "secret", "message": rules.GUESSABLE}], easy
    joined = await accept(world.anonymous(), code, username="kimlee", secret=PASSWORD, display_name="Kim Lee")
    assert joined.status_code == 201
