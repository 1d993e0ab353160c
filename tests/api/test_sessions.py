"""Sessions: how long people stay signed in, signing out (here and on a lost phone),
changing a PIN, and the request checks that protect a signed-in person (CSRF, JSON
only, size limit)."""

from __future__ import annotations

import datetime as dt

from backend import clock
from tests.factories import PINS, audit_count, use_token

ME = "/api/auth/me"
CHANGE = "/api/auth/change-secret"
LOGIN = "/api/auth/login"


async def status(client, url: str = ME) -> int:
    return (await client.get(url)).status_code


async def can_sign_in(world, identifier: str, secret: str) -> bool:
    reply = await world.anonymous().post(LOGIN, json={"identifier": identifier, "secret": secret})
    return reply.status_code == 200


async def names_on_caseload(person) -> list[str]:
    return [row["preferred_name"] for row in (await person.client.get("/api/young-people")).json()]


# -- how long a session lasts -----------------------------------------------------------


async def test_young_person_and_carer_stay_signed_in_on_their_phones_for_60_days(world):
    clock.travel(dt.timedelta(days=60))
    assert await status(world.jade.client) == 200
    assert await status(world.priya.client) == 200


async def test_a_phone_in_use_stays_signed_in_but_one_unused_for_90_days_is_signed_out(world):
    drawer = await world.device("priya", "Phone in a drawer")
    for _ in range(4):  # a year of use, a visit every 89 days
        clock.travel(dt.timedelta(days=89))
        assert await status(world.jade.client) == 200
        assert await status(world.priya.client) == 200
    clock.travel(dt.timedelta(days=1))
    assert await status(drawer.client) == 401  # last used a year ago
    # It no longer lets anyone in, so it is not listed as signed in either.
    listed = (await world.priya.client.get("/api/auth/sessions")).json()
    assert [phone["device_name"] for phone in listed] == ["Test phone"]
    sam = (await world.device("sam", "Sam's laptop")).client  # his own session timed out long ago
    (priya,) = await carer_phones(sam, "jade", world)
    assert [phone["device_name"] for phone in priya["devices"]] == ["Test phone"]
    clock.travel(dt.timedelta(days=90, minutes=1))
    assert await status(world.jade.client) == 401
    assert await status(world.priya.client) == 401
    assert await can_sign_in(world, "jade", PINS["jade"])  # signing in again is all it takes


async def test_professional_is_signed_out_after_15_minutes_without_activity(world):
    me = (await world.sam.client.get(ME)).json()
    expires = dt.datetime.fromisoformat(me["session"]["expires_at"])
    assert dt.timedelta(minutes=14) < expires - clock.now() <= dt.timedelta(minutes=15)
    for _ in range(3):
        clock.travel(dt.timedelta(minutes=14))
        assert await status(world.sam.client) == 200  # each visit keeps the session alive
    clock.travel(dt.timedelta(minutes=16))
    assert await status(world.sam.client) == 401
    assert await status(world.sam.client) == 401


async def test_professional_is_signed_out_after_8_hours_even_while_active(world):
    for _ in range(47):  # a visit every 10 minutes for 7 h 50 min
        clock.travel(dt.timedelta(minutes=10))
        assert await status(world.alex.client) == 200
    clock.travel(dt.timedelta(minutes=14))
    assert await status(world.alex.client) == 401


# -- signing out --------------------------------------------------------------------------


async def test_logout_ends_the_session_even_if_the_cookie_is_kept(world):
    other_phone = await world.device("jade")
    reply = await world.jade.client.post("/api/auth/logout")
    assert reply.status_code == 204
    assert 'homeward_session=""' in reply.headers["set-cookie"]
    use_token(world.jade.client, world.jade.extra["token"])  # a copy of the old cookie
    assert await status(world.jade.client) == 401
    assert await status(other_phone.client) == 200


async def test_changing_pin_signs_out_other_phones_but_keeps_this_one(world):
    other_phone = await world.device("jade")
    reply = await world.jade.client.post(
        CHANGE, json={"current_secret": PINS["jade"], "new_secret": "975318"}
    )
    assert reply.status_code == 204
    assert await status(world.jade.client) == 200
    assert await status(other_phone.client) == 401
    assert await can_sign_in(world, "jade", "975318")
    assert not await can_sign_in(world, "jade", PINS["jade"])


async def test_wrong_current_pin_is_refused_naming_current_secret_and_changes_nothing(world):
    other_phone = await world.device("jade")
    reply = await world.jade.client.post(CHANGE, json={"current_secret": "975310", "new_secret": "975318"})
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in reply.json()["errors"]] == ["current_secret"]
    assert await status(other_phone.client) == 200
    assert await can_sign_in(world, "jade", PINS["jade"])
    assert not await can_sign_in(world, "jade", "975318")


async def test_weak_new_pin_or_password_is_refused_and_changes_nothing(world):
    other_phone = await world.device("jade")
    for weak in ("123456", "111111", "12345", "1234567", "letters"):
        reply = await world.jade.client.post(
            CHANGE, json={"current_secret": PINS["jade"], "new_secret": weak}
        )
        assert reply.status_code == 422, weak
        assert [e["field"] for e in reply.json()["errors"]] == ["new_secret"]
    short = await world.sam.client.post(
        CHANGE, json={"current_secret": world.sam.secret, "new_secret": "elevenchars"}
    )
    assert [e["field"] for e in short.json()["errors"]] == ["new_secret"]
    assert await status(other_phone.client) == 200
    assert await can_sign_in(world, "jade", PINS["jade"])


# -- a lost phone -------------------------------------------------------------------------


async def test_young_person_signs_out_a_lost_phone_from_another(world):
    lost = await world.device("jade", "Old phone")
    jade = world.jade.client
    phones = (await jade.get(f"/api/young-people/{world.young['jade']}/devices")).json()
    by_name = {phone["device_name"]: phone for phone in phones}
    assert by_name["Old phone"]["id"] == str(lost.public_id)
    assert by_name["Old phone"]["current"] is False
    assert by_name["Test phone"]["current"] is True

    reply = await jade.delete(f"/api/young-people/{world.young['jade']}/devices/{lost.public_id}")
    assert reply.status_code == 204
    assert await status(lost.client) == 401
    assert await status(jade) == 200


async def test_young_person_signs_out_a_lost_phone_from_their_own_session_list(world):
    lost = await world.device("mia", "Old phone")
    assert (await world.mia.client.delete(f"/api/auth/sessions/{lost.public_id}")).status_code == 204
    assert await status(lost.client) == 401


async def test_social_worker_signs_out_their_young_persons_lost_phone_and_it_is_audited(world):
    lost = await world.device("jade", "Old phone")
    url = f"/api/young-people/{world.young['jade']}/devices/{lost.public_id}"
    assert (await world.sam.client.delete(url)).status_code == 204
    assert await status(lost.client) == 401
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    assert {"name": "Sam Okafor", "what": "signed out one of your phones"} in [
        {"name": look["name"], "what": look["what"]} for look in looked
    ]


async def test_stranger_or_carer_cannot_sign_out_a_young_persons_phone(world):
    phone = await world.device("jade", "Old phone")
    url = f"/api/young-people/{world.young['jade']}/devices/{phone.public_id}"
    for person in (world.alex, world.priya, world.mia, world.admin):
        assert (await person.client.delete(url)).status_code == 404
        assert (await person.client.delete(f"/api/auth/sessions/{phone.public_id}")).status_code == 404
    assert await status(phone.client) == 200


async def test_young_person_cannot_sign_out_someone_elses_phone_through_their_own_record(world):
    mias = world.mia.extra["public_id"]
    url = f"/api/young-people/{world.young['jade']}/devices/{mias}"
    assert (await world.jade.client.delete(url)).status_code == 404
    assert (await world.sam.client.delete(url)).status_code == 404
    assert await status(world.mia.client) == 200


async def carer_phones(client, young_key, world):
    reply = await client.get(f"/api/young-people/{world.young[young_key]}/carers/devices")
    assert reply.status_code == 200, reply.text
    return reply.json()


def carer_phone_url(world, young_key, carer_key, session_id):
    carer_id = world.people[carer_key].user_id
    return f"/api/young-people/{world.young[young_key]}/carers/{carer_id}/devices/{session_id}"


async def test_social_worker_sees_and_signs_out_a_carers_lost_phone_and_it_is_audited(world):
    lost = await world.device("priya", "Old phone")
    carers = await carer_phones(world.sam.client, "jade", world)
    assert [(c["carer_id"], c["name"]) for c in carers] == [(str(world.priya.user_id), "Priya Shah")]
    phones = {phone["device_name"]: phone for phone in carers[0]["devices"]}
    assert set(phones) == {"Old phone", "Test phone"}
    assert phones["Old phone"]["id"] == str(lost.public_id)
    assert not any(phone["current"] for phone in phones.values())

    reply = await world.sam.client.delete(carer_phone_url(world, "jade", "priya", lost.public_id))
    assert reply.status_code == 204
    assert await status(lost.client) == 401
    assert await status(world.priya.client) == 200
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    said = [(look["name"], look["what"]) for look in looked]
    assert ("Sam Okafor", "signed out one of Priya Shah's phones") in said
    assert ("Sam Okafor", "looked at which phones your carers are signed in on") in said


async def test_a_carers_phone_can_only_be_signed_out_by_a_social_worker_of_a_young_person_placed_with_them(
    world,
):
    phone = await world.device("priya", "Old phone")
    refused = [
        (world.alex, "mia", "priya"),  # Priya is not Mia's carer
        (world.alex, "jade", "priya"),  # Jade is not on Alex's caseload
        (world.sam, "tyler", "priya"),  # Sam's young person, but Priya is not placed with Tyler
        (world.sam, "jade", "olu"),  # the session is Priya's, not Olu's
        (world.priya, "jade", "priya"),  # carers manage their own phones at /api/auth/sessions
        (world.jade, "jade", "priya"),
        (world.ruth, "jade", "priya"),
        (world.admin, "jade", "priya"),
    ]
    for person, young_key, carer_key in refused:
        reply = await person.client.delete(carer_phone_url(world, young_key, carer_key, phone.public_id))
        assert reply.status_code == 404, (person.key, young_key, carer_key)
    for person in (world.alex, world.priya, world.jade):
        reply = await person.client.get(f"/api/young-people/{world.young['jade']}/carers/devices")
        assert reply.status_code == 404
    assert await audit_count(action="refused", actor_id=world.priya.user_id) == 2
    assert await status(phone.client) == 200


async def test_social_worker_sees_no_carers_phones_when_nobody_is_placed(world):
    assert await carer_phones(world.sam.client, "tyler", world) == []


# -- request checks -----------------------------------------------------------------------


async def send_without_csrf(client, method, url, **kwargs):
    request = client.build_request(method, url, **kwargs)
    del request.headers["X-CSRF-Token"]
    return await client.send(request)


async def test_unsafe_request_without_csrf_token_is_refused_and_changes_nothing(world):
    sam = world.sam.client
    added = await send_without_csrf(
        sam, "POST", "/api/young-people", json={"preferred_name": "Kai", "date_of_birth": "2012-05-01"}
    )
    assert added.status_code == 403
    assert added.json()["title"] == "This request was refused for safety"
    logout = await send_without_csrf(world.jade.client, "POST", "/api/auth/logout")
    assert logout.status_code == 403
    assert await names_on_caseload(world.sam) == ["Jade", "Tyler"]
    assert await status(world.jade.client) == 200


async def test_unsafe_request_with_a_wrong_csrf_token_is_refused_and_changes_nothing(world):
    phone = await world.device("jade", "Old phone")
    for token in ("nonsense", world.mia.csrf, phone.csrf + "x"):
        reply = await world.jade.client.delete(
            f"/api/auth/sessions/{phone.public_id}", headers={"X-CSRF-Token": token}
        )
        assert reply.status_code == 403
    changed = await world.jade.client.post(
        CHANGE,
        headers={"X-CSRF-Token": world.mia.csrf},
        json={"current_secret": PINS["jade"], "new_secret": "975318"},
    )
    assert changed.status_code == 403
    assert await status(phone.client) == 200
    assert await can_sign_in(world, "jade", PINS["jade"])


async def test_request_body_that_is_not_json_is_refused_with_415(world):
    form = await world.sam.client.post(
        "/api/young-people",
        content="preferred_name=Kai&date_of_birth=2012-05-01",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    text = await world.sam.client.post(
        "/api/young-people",
        content='{"preferred_name": "Kai", "date_of_birth": "2012-05-01"}',
        headers={"Content-Type": "text/plain"},
    )
    login = await world.anonymous().post(
        LOGIN,
        content="identifier=jade&secret=246810",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    for reply in (form, text, login):
        assert reply.status_code == 415
        assert reply.headers["content-type"] == "application/problem+json"
    assert await names_on_caseload(world.sam) == ["Jade", "Tyler"]


async def test_request_body_over_one_mebibyte_is_refused_with_413(world):
    huge = {"preferred_name": "K" * (1024 * 1024), "date_of_birth": "2012-05-01"}
    reply = await world.sam.client.post("/api/young-people", json=huge)
    assert reply.status_code == 413
    assert reply.headers["content-type"] == "application/problem+json"
    login = await world.anonymous().post(LOGIN, json={"identifier": "jade", "secret": "1" * 1_100_000})
    assert login.status_code == 413
    assert await names_on_caseload(world.sam) == ["Jade", "Tyler"]


async def test_guessing_the_current_pin_on_a_found_phone_is_throttled_like_sign_in(world):
    answers = []
    for guess in ("111119", "222228", "333337", "444446", "555554", "666663"):
        reply = await world.jade.client.post(
            "/api/auth/change-secret", json={"current_secret": guess, "new_secret": "975318"}
        )
        answers.append(reply.status_code)
    assert answers == [422] * 5 + [429]
    # The budget is the account's: signing in elsewhere is refused too, even with the right PIN.
    reply = await world.anonymous("198.51.100.50").post("/api/auth/login", json=world.jade.login_body())
    assert reply.status_code == 429
