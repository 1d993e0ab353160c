"""The trusted trio: adding, inviting, accepting with no account, push, stepping down."""

import uuid

from piccolo.querystring import QueryString

from backend.contacts import api as contacts
from backend.db import get_engine
from tests.factories import audit_count, audit_events, make_council

LOU = {
    "name": "Lou Mensah",
    "how_they_know_me": "My aunt",
    "phone": "020 7946 0123",
    "what_they_will_do": "Pick me up, any time",
}
DAN = {"name": "Dan Price", "how_they_know_me": "Youth worker", "email": "dan@example.org"}
SUBSCRIPTION = {
    "endpoint": "https://fcm.googleapis.com/fcm/send/abc123",
    "keys": {"p256dh": "B" + "x" * 86, "auth": "y" * 22},
}


def contacts_url(world, who="jade"):
    return f"/api/young-people/{world.young[who]}/contacts"


async def add_and_invite(world, details=LOU):
    url = contacts_url(world)
    added = await world.jade.client.post(url, json=details)
    assert added.status_code == 201, added.text
    invite = await world.jade.client.post(f"{url}/{added.json()['id']}/invite")
    assert invite.status_code == 201, invite.text
    return added.json(), invite.json()


async def test_young_person_adds_two_people_with_checked_phone_numbers(world):
    url = contacts_url(world)
    lou = (await world.jade.client.post(url, json=LOU)).json()
    assert lou["phone"] == "+442079460123"
    assert lou["state"] == "not_invited"
    await world.jade.client.post(url, json=DAN)
    names = [c["name"] for c in (await world.sam.client.get(url)).json()]
    assert names == ["Lou Mensah", "Dan Price"]
    trio = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/plan")).json()
    assert [p["name"] for p in trio["draft"]["content"]["trio"]] == ["Lou Mensah", "Dan Price"]


async def test_real_mobiles_outside_the_allocation_tables_are_accepted(world):
    # 07911 654321 works on a real phone, though libphonenumber's tables do not list it.
    url = contacts_url(world)
    reply = await world.jade.client.post(url, json={**LOU, "phone": "07911 654321"})
    assert reply.status_code == 201, reply.text
    assert reply.json()["phone"] == "+447911654321"
    reply = await world.jade.client.post(url, json={**DAN, "phone": "0161 496 0000"})
    assert reply.json()["phone"] == "+441614960000"


async def test_bad_contact_details_name_the_field_and_save_nothing(world):
    url = contacts_url(world)
    reply = await world.jade.client.post(url, json={**LOU, "phone": "12"})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "phone"
    reply = await world.jade.client.post(url, json={"name": "Grace", "email": "not-an-email"})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "email"
    reply = await world.jade.client.post(url, json={"name": "Grace"})
    assert reply.status_code == 422
    assert (await world.jade.client.get(url)).json() == []


async def test_a_fourth_person_is_refused(world):
    url = contacts_url(world)
    for name in ("A", "B", "C"):
        assert (await world.jade.client.post(url, json={**LOU, "name": name})).status_code == 201
    reply = await world.jade.client.post(url, json={**LOU, "name": "D"})
    assert reply.status_code == 409
    assert len((await world.jade.client.get(url)).json()) == 3


async def test_contact_accepts_on_their_own_phone_and_turns_on_notifications(world):
    _, invite = await add_and_invite(world)
    assert "/#/contact/" in invite["url"] and invite["qr_svg"].startswith("data:image/svg+xml")
    phone = world.anonymous("198.51.100.20")
    info = (await phone.post("/api/contact-invites/lookup", json={"code": invite["code"]})).json()
    assert (info["young_person_name"], info["contact_name"]) == ("Jade", "Lou Mensah")
    assert info["expires_at"]
    accepted = await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})
    assert accepted.status_code == 201
    assert "homeward_contact=" in accepted.headers["set-cookie"]
    assert "httponly" in accepted.headers["set-cookie"].lower()
    phone.headers["X-CSRF-Token"] = accepted.json()["csrf_token"]
    states = {
        c["name"]: (c["state"], c["notifications"])
        for c in (await world.jade.client.get(contacts_url(world))).json()
    }
    assert states["Lou Mensah"] == ("active", False)
    assert (await phone.post("/api/contact/push-subscription", json=SUBSCRIPTION)).status_code == 204
    me = (await phone.get("/api/contact/me")).json()
    assert me["notifications"] is True and me["young_person_name"] == "Jade"
    states = {
        c["name"]: (c["state"], c["notifications"])
        for c in (await world.jade.client.get(contacts_url(world))).json()
    }
    assert states["Lou Mensah"] == ("active", True)
    # The same code cannot be used again.
    again = await world.anonymous().post("/api/contact-invites/accept", json={"code": invite["code"]})
    assert again.status_code == 404


async def test_contact_can_step_down_and_the_young_person_sees_it(world):
    _, invite = await add_and_invite(world)
    phone = world.anonymous()
    accepted = (await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})).json()
    phone.headers["X-CSRF-Token"] = accepted["csrf_token"]
    await phone.post("/api/contact/push-subscription", json=SUBSCRIPTION)
    assert (await phone.post("/api/contact/step-down")).status_code == 204
    assert (await phone.get("/api/contact/me")).status_code == 401
    lou = (await world.jade.client.get(contacts_url(world))).json()[0]
    assert (lou["state"], lou["notifications"]) == ("stepped_down", False)
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    assert any(e["what"] == "stepped down from your people" for e in looked)


async def test_someone_who_stepped_down_can_be_asked_again(world):
    contact, invite = await add_and_invite(world)
    old_phone = world.anonymous()
    accepted = (await old_phone.post("/api/contact-invites/accept", json={"code": invite["code"]})).json()
    old_phone.headers["X-CSRF-Token"] = accepted["csrf_token"]
    assert (await old_phone.post("/api/contact/step-down")).status_code == 204
    lou = (await world.jade.client.get(contacts_url(world))).json()[0]
    assert lou["can"] == ["invite", "remove"]
    plan_url = f"/api/young-people/{world.young['jade']}/plan"
    trio = (await world.jade.client.get(plan_url)).json()["draft"]["content"]["trio"]
    assert [(p["name"], p["state"]) for p in trio] == [("Lou Mensah", "stepped_down")]

    again = await world.jade.client.post(f"{contacts_url(world)}/{contact['id']}/invite")
    assert again.status_code == 201, again.text
    lou = (await world.jade.client.get(contacts_url(world))).json()[0]
    assert lou["state"] == "invited"
    trio = (await world.jade.client.get(plan_url)).json()["draft"]["content"]["trio"]
    assert [p["name"] for p in trio] == ["Lou Mensah"]
    # The old phone stays signed out; the new link works once.
    assert (await old_phone.get("/api/contact/me")).status_code == 401
    new_phone = world.anonymous()
    code = again.json()["code"]
    assert (await new_phone.post("/api/contact-invites/accept", json={"code": code})).status_code == 201
    assert (await new_phone.get("/api/contact/me")).json()["young_person_name"] == "Jade"


async def test_asking_someone_again_is_refused_when_the_trio_is_full(world):
    contact, invite = await add_and_invite(world)
    phone = world.anonymous()
    accepted = (await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})).json()
    phone.headers["X-CSRF-Token"] = accepted["csrf_token"]
    await phone.post("/api/contact/step-down")
    for name in ("Dan Price", "Grace Obi", "Ife Bello"):
        added = await world.jade.client.post(contacts_url(world), json={**DAN, "name": name})
        assert added.status_code == 201
    again = await world.jade.client.post(f"{contacts_url(world)}/{contact['id']}/invite")
    assert again.status_code == 409
    lou = [c for c in (await world.jade.client.get(contacts_url(world))).json() if c["name"] == "Lou Mensah"]
    assert lou[0]["state"] == "stepped_down"


async def test_contact_writes_need_their_csrf_token(world):
    _, invite = await add_and_invite(world)
    phone = world.anonymous()
    await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})
    assert (await phone.post("/api/contact/step-down")).status_code == 403
    assert (await phone.get("/api/contact/me")).status_code == 200


async def test_push_endpoint_must_be_a_push_service(world):
    _, invite = await add_and_invite(world)
    phone = world.anonymous()
    accepted = (await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})).json()
    phone.headers["X-CSRF-Token"] = accepted["csrf_token"]
    bad = {**SUBSCRIPTION, "endpoint": "http://10.0.0.1/steal"}
    reply = await phone.post("/api/contact/push-subscription", json=bad)
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "endpoint"


async def test_carer_and_strangers_cannot_change_the_trio(world):
    url = contacts_url(world)
    assert (await world.priya.client.post(url, json=LOU)).status_code == 404
    assert (await world.alex.client.post(url, json=LOU)).status_code == 404
    assert (await world.alex.client.get(url)).status_code == 404
    assert (await world.jade.client.get(url)).json() == []


async def test_removed_contact_loses_their_sign_in(world):
    lou, invite = await add_and_invite(world)
    phone = world.anonymous()
    await phone.post("/api/contact-invites/accept", json={"code": invite["code"]})
    assert (await world.sam.client.delete(f"{contacts_url(world)}/{lou['id']}")).status_code == 204
    assert (await phone.get("/api/contact/me")).status_code == 401
    assert (await world.jade.client.get(contacts_url(world))).json() == []


# -- what each caller may do with each person -------------------------------------------


async def test_each_person_says_what_the_caller_may_do_with_them(world):
    lou, invite = await add_and_invite(world)
    await world.jade.client.post(contacts_url(world), json=DAN)
    await world.anonymous().post("/api/contact-invites/accept", json={"code": invite["code"]})

    async def can(person) -> dict:
        return {c["name"]: c["can"] for c in (await person.client.get(contacts_url(world))).json()}

    expected = {"Lou Mensah": ["change", "remove"], "Dan Price": ["change", "invite", "remove"]}
    assert await can(world.jade) == expected
    assert await can(world.sam) == expected
    assert await can(world.priya) == {"Lou Mensah": [], "Dan Price": []}  # she sees them, no more
    assert (await world.priya.client.delete(f"{contacts_url(world)}/{lou['id']}")).status_code == 404


# -- a trusted contact's own language ---------------------------------------------------


async def accepted_phone(world, **body):
    _, invite = await add_and_invite(world)
    phone = world.anonymous("198.51.100.30")
    reply = await phone.post(
        "/api/contact-invites/accept",
        json={"code": invite["code"], **body},
        headers={"Accept-Language": "fr"},
    )
    assert reply.status_code == 201, reply.text
    phone.headers["X-CSRF-Token"] = reply.json()["csrf_token"]
    return phone, reply.json()


async def test_a_contact_speaks_english_unless_the_invite_page_said_otherwise(world):
    _, me = await accepted_phone(world)
    assert me["language"] == "en"


async def test_a_contact_keeps_the_language_of_the_page_they_said_yes_on(world):
    phone, me = await accepted_phone(world, language="ar")
    assert me["language"] == "ar"
    assert (await phone.get("/api/contact/me")).json()["language"] == "ar"


async def test_a_page_language_is_read_the_way_pages_write_it_and_never_stops_a_yes(world):
    for tag, kept in (("ar-EG", "ar"), ("EN-gb", "en"), ("fr", "en")):
        _, invite = await add_and_invite(world, {**LOU, "name": f"Lou {tag}"})
        reply = await world.anonymous().post(
            "/api/contact-invites/accept", json={"code": invite["code"], "language": tag}
        )
        assert reply.status_code == 201 and reply.json()["language"] == kept, (tag, reply.text)
        await world.jade.client.delete(f"{contacts_url(world)}/{reply.json()['id']}")


async def test_without_a_page_language_the_browsers_language_is_used(world):
    _, invite = await add_and_invite(world)
    reply = await world.anonymous().post(
        "/api/contact-invites/accept",
        json={"code": invite["code"]},
        headers={"Accept-Language": "ar-EG, en;q=0.5"},
    )
    assert reply.json()["language"] == "ar"


async def test_a_contact_changes_their_language(world):
    phone, _ = await accepted_phone(world)
    reply = await phone.put("/api/contact/me/language", json={"language": "ar"})
    assert reply.status_code == 200 and reply.json()["language"] == "ar"
    assert (await phone.get("/api/contact/me")).json()["language"] == "ar"


async def test_a_language_we_do_not_speak_is_refused_and_nothing_changes(world):
    phone, _ = await accepted_phone(world)
    for body in ({"language": "xx"}, {"language": ""}, {}, {"language": "ar", "extra": 1}):
        reply = await phone.put("/api/contact/me/language", json=body)
        assert reply.status_code in (400, 422), (body, reply.text)
        assert reply.headers["content-type"] == "application/problem+json"
    assert (await phone.get("/api/contact/me")).json()["language"] == "en"


async def test_changing_language_needs_the_contacts_csrf_token(world):
    phone, _ = await accepted_phone(world)
    del phone.headers["X-CSRF-Token"]
    assert (await phone.put("/api/contact/me/language", json={"language": "ar"})).status_code == 403
    phone.headers["X-CSRF-Token"] = "not-the-token"
    assert (await phone.put("/api/contact/me/language", json={"language": "ar"})).status_code == 403
    assert (await phone.get("/api/contact/me")).json()["language"] == "en"
    assert await audit_count(action="refused", what="contacts.change_without_check") == 2


# -- events name people in sealed parameters --------------------------------------------


async def test_names_in_the_audit_log_are_sealed_and_read_back_for_each_reader(world):
    await world.sam.client.post(contacts_url(world), json=LOU)
    rows = await get_engine().run_querystring(QueryString("SELECT * FROM audit_event"))
    assert rows and "Lou" not in str(rows)
    (added,) = await audit_events(what="contacts.added")
    assert added["params"] == {"name": "Lou Mensah"}
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    assert ("Sam Okafor", "added Lou Mensah to your people") in [(e["name"], e["what"]) for e in looked]


# -- what alerts gets: contacts.api ------------------------------------------------------


async def test_alerts_get_the_reachable_people_in_order_without_touching_the_table(world):
    _, lou_invite = await add_and_invite(world)
    dan, dan_invite = await add_and_invite(world, DAN)
    await add_and_invite(world, {**LOU, "name": "Kim"})  # invited, has not said yes
    for code, language in ((lou_invite["code"], "en"), (dan_invite["code"], "ar")):
        await world.anonymous().post("/api/contact-invites/accept", json={"code": code, "language": language})

    people = await contacts.reachable(world.young["jade"])
    assert [(p.name, p.phone, p.email, p.state, p.language) for p in people] == [
        ("Lou Mensah", "+442079460123", "", "active", "en"),
        ("Dan Price", "", "dan@example.org", "active", "ar"),
    ]
    assert await contacts.person(people[1].id) == people[1]
    assert await contacts.person(uuid.uuid4()) is None
    assert set(await contacts.ids_in_council(world.council_id)) >= {p.id for p in people}
    other = await make_council("Elsewhere Council")
    assert await contacts.ids_in_council(other) == []
    assert dan["id"] == str(people[1].id)


async def test_the_contacts_statement_gives_the_rows_piccolo_gave(world):
    # contacts/sql.py CONTACTS_OF replaced TrustedContact.select() on the hot paths: the
    # same rows, columns and Python types, in the same order, on both databases.
    from backend.contacts.services.records import rows_of
    from backend.contacts.tables import TrustedContact

    await add_and_invite(world)
    await world.jade.client.post(contacts_url(world), json=DAN)
    ours = await rows_of(world.young["jade"], ("not_invited", "invited", "active"))
    piccolo = (
        await TrustedContact.select()
        .where(TrustedContact.young_person == world.young["jade"])
        .order_by(TrustedContact.position)
        .order_by(TrustedContact.created_at)
    )
    assert len(ours) == 2 and ours == piccolo
    assert [type(value) for value in ours[0].values()] == [type(value) for value in piccolo[0].values()]
