"""The trusted trio: adding, inviting, accepting with no account, push, stepping down."""

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
