"""A way back in: a new sign-in link for a young person who forgot their PIN or lost
their phone (from their social worker or the carer they live with), and a reset link
for a professional (from an admin). One use, two hours, stored hashed, written to the
log and told to the person; strangers and other councils' workers are refused."""

from __future__ import annotations

import datetime as dt
import hashlib

import pyotp

from backend import clock
from backend.accounts.tables import SignInLink
from tests.factories import PINS, audit_events, make_council, make_user

LINKS = "/api/sign-in-links"
LOGIN = "/api/auth/login"
NEW_PIN = "482915"
NEW_PASSWORD = "a brand new long password"


async def make(person, young_person_id):
    return await person.client.post(LINKS, json={"young_person_id": str(young_person_id)})


async def use(client, code, secret=NEW_PIN, **extra):
    return await client.post(f"{LINKS}/use", json={"code": code, "secret": secret, **extra})


async def sign_in(world, identifier, secret, address="198.51.100.20", code=None):
    body = {"identifier": identifier, "secret": secret}
    if code:
        body["code"] = code
    return await world.client_for(address).post(LOGIN, json=body)


async def test_social_worker_makes_a_two_hour_link_and_jade_is_told_who_made_it(world):
    reply = await make(world.sam, world.young["jade"])
    assert reply.status_code == 201, reply.text
    link = reply.json()
    assert link["url"] == f"https://homeward.test/#/recover/{link['code']}"
    assert link["name"] == "Jade"
    assert link["qr_svg"].startswith("data:image/svg+xml;base64,")
    lasts = dt.datetime.fromisoformat(link["expires_at"]) - clock.now()
    assert dt.timedelta(minutes=119) < lasts <= dt.timedelta(minutes=120)

    notices = (await world.jade.client.get("/api/notices")).json()["notices"]
    assert notices[0]["text"].startswith("Sam Okafor made you a new sign-in link.")
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    assert "made you a new sign-in link" in str(looked)


async def test_only_a_hash_of_the_code_is_kept(world):
    code = (await make(world.sam, world.young["jade"])).json()["code"]
    (row,) = await SignInLink.select(SignInLink.code_hash)
    assert row["code_hash"] == hashlib.sha256(code.encode()).hexdigest()
    assert code not in str(await SignInLink.select())


async def test_the_carer_jade_lives_with_can_make_one_but_nobody_else(world):
    assert (await make(world.priya, world.young["jade"])).status_code == 201
    # Olu is not Jade's carer; Alex is not her social worker; Jade cannot make her own.
    for person in (world.olu, world.alex, world.jade, world.ruth, world.admin):
        reply = await make(person, world.young["jade"])
        assert reply.status_code in (403, 404), person.key
    refused = await audit_events(action="refused", young_person_id=world.young["jade"])
    assert len(refused) >= 3


async def test_another_councils_social_worker_is_refused(world):
    other = await make_council("Elsewhere Council")
    stranger = await make_user(
        "social_worker", "Kit Far", "kit@elsewhere.example", "a long enough pw 1", other
    )
    from tests.factories import sign_in_directly

    client = world.client_for()
    await sign_in_directly(stranger, client)
    reply = await make(stranger, world.young["jade"])
    assert reply.status_code == 404
    assert await SignInLink.count() == 0


async def test_a_young_person_who_has_not_joined_gets_an_invite_instead(world):
    reply = await make(world.sam, world.young["tyler"])
    assert reply.status_code == 409
    assert "invite" in reply.json()["detail"]


async def test_jade_chooses_a_new_pin_and_every_other_phone_is_signed_out(world):
    code = (await make(world.sam, world.young["jade"])).json()["code"]
    new_phone = world.anonymous()
    info = await new_phone.post(f"{LINKS}/lookup", json={"code": code})
    assert info.status_code == 200
    assert (info.json()["name"], info.json()["role"], info.json()["username"]) == (
        "Jade",
        "young_person",
        "jade",
    )
    assert info.json()["second_factor_uri"] is None

    reply = await use(new_phone, code, device_name="Jade's new phone")
    assert reply.status_code == 201, reply.text
    assert reply.json()["young_person_id"] == str(world.young["jade"])
    assert (await new_phone.get("/api/auth/me")).status_code == 200
    # The lost phone is signed out; the old PIN no longer works, the new one does.
    assert (await world.jade.client.get("/api/auth/me")).status_code == 401
    assert (await sign_in(world, "jade", PINS["jade"])).status_code == 401
    assert (await sign_in(world, "jade", NEW_PIN, "198.51.100.21")).status_code == 200
    used = await audit_events(young_person_id=world.young["jade"])
    assert any(event["code"] == "invites.sign_in_link_used" for event in used)


async def test_a_link_works_once(world):
    code = (await make(world.priya, world.young["jade"])).json()["code"]
    assert (await use(world.anonymous(), code)).status_code == 201
    again = await use(world.anonymous(), code, secret="592816")
    assert again.status_code == 404
    assert (await world.anonymous().post(f"{LINKS}/lookup", json={"code": code})).status_code == 404


async def test_a_link_runs_out_after_two_hours_and_a_newer_one_replaces_it(world):
    first = (await make(world.sam, world.young["jade"])).json()["code"]
    second = (await make(world.sam, world.young["jade"])).json()["code"]
    assert (await world.anonymous().post(f"{LINKS}/lookup", json={"code": first})).status_code == 404
    clock.travel(dt.timedelta(minutes=121))
    assert (await use(world.anonymous(), second)).status_code == 404
    assert (await sign_in(world, "jade", PINS["jade"])).status_code == 200


async def test_a_weak_pin_changes_nothing_and_the_link_still_works(world):
    code = (await make(world.sam, world.young["jade"])).json()["code"]
    weak = await use(world.anonymous(), code, secret="123456")
    assert weak.status_code == 422
    assert (await world.jade.client.get("/api/auth/me")).status_code == 200
    assert (await use(world.anonymous(), code)).status_code == 201


async def test_guessing_codes_is_throttled(world):
    guesser = world.client_for("198.51.100.90")
    statuses = [
        (await guesser.post(f"{LINKS}/lookup", json={"code": f"WRONGCODE{n:03d}"})).status_code
        for n in range(31)
    ]
    assert statuses[-1] == 429
    assert set(statuses[:-1]) == {404}


async def test_the_link_lets_jade_in_while_someone_elsewhere_has_locked_her_account(world):
    attacker = world.client_for("198.51.100.66")
    for n in range(6):
        await attacker.post(LOGIN, json={"identifier": "jade", "secret": f"{975300 + n}"})
    assert (await sign_in(world, "jade", PINS["jade"], "198.51.100.70")).status_code == 429
    code = (await make(world.sam, world.young["jade"])).json()["code"]
    assert (await use(world.anonymous(), code)).status_code == 201
    # The lock-out is lifted with the new PIN.
    assert (await sign_in(world, "jade", NEW_PIN, "198.51.100.71")).status_code == 200


# -- an admin's reset link for a professional ------------------------------------------


async def reset_link(world, user_id):
    return await world.admin.client.post(f"/api/admin/users/{user_id}/reset-link")


async def test_admin_resets_a_social_workers_password_and_second_factor(world):
    reply = await reset_link(world, world.sam.user_id)
    assert reply.status_code == 201, reply.text
    code = reply.json()["code"]
    browser = world.anonymous()
    info = (await browser.post(f"{LINKS}/lookup", json={"code": code})).json()
    assert info["role"] == "social_worker"
    assert info["second_factor_uri"].startswith("otpauth://totp/")
    new_factor = pyotp.TOTP(info["second_factor_key"])

    wrong = await use(browser, code, secret=NEW_PASSWORD, second_factor_code="000000")
    assert wrong.status_code == 422
    assert "second_factor_code" in str(wrong.json())
    done = await use(browser, code, secret=NEW_PASSWORD, second_factor_code=new_factor.now())
    assert done.status_code == 201, done.text
    assert done.json()["user"]["email"] == "sam@test.example"
    assert (await world.sam.client.get("/api/auth/me")).status_code == 401
    # The old password and the old app's codes are gone.
    old = await sign_in(world, "sam@test.example", world.sam.secret, code=world.sam.code())
    assert old.status_code == 401
    notices = (await browser.get("/api/notices")).json()["notices"]
    assert any("made you a link to reset" in notice["text"] for notice in notices)


async def test_admin_reset_links_are_for_adults_of_their_own_council_only(world):
    assert (await reset_link(world, world.priya.user_id)).status_code == 201
    assert (await reset_link(world, world.jade.user_id)).status_code == 409
    assert (await reset_link(world, world.admin.user_id)).status_code == 404
    other = await make_council("Elsewhere Council")
    far = await make_user("social_worker", "Kit Far", "kit@elsewhere.example", "a long enough pw 1", other)
    assert (await reset_link(world, far.user_id)).status_code == 404
    refused = await world.sam.client.post(f"/api/admin/users/{world.priya.user_id}/reset-link")
    assert refused.status_code == 403
    users = (await world.admin.client.get("/api/admin/users")).json()
    can = {user["display_name"]: user["can"] for user in users}
    assert "reset_link" in can["Sam Okafor"]
    assert "reset_link" not in can["Jade"]
