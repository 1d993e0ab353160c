"""Signing in: PINs and passwords, the second factor, one answer for every failure,
throttling per account and per address, and a cookie scripts cannot read."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from backend import clock
from backend.accounts.tables import Throttle
from backend.config import get_settings
from backend.security import digest
from tests.factories import COOKIE, HOST, PINS

LOGIN = "/api/auth/login"
NO_MATCH = {
    "type": "about:blank",
    "title": "Those details don't match",
    "status": 401,
    "detail": "Check them and try again.",
}
WINDOW = dt.timedelta(minutes=15)


def wrong_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def refusal(reply) -> tuple:
    """Everything a caller can see of a failed sign-in."""
    return reply.status_code, reply.json(), reply.headers.get("set-cookie")


async def test_young_person_signs_in_with_username_and_pin_and_stays_signed_in_on_that_phone(world):
    phone = world.anonymous()
    reply = await phone.post(
        LOGIN, json={"identifier": "jade", "secret": PINS["jade"], "device_name": "Jade's phone"}
    )
    assert reply.status_code == 200
    me = reply.json()
    assert me["user"]["display_name"] == "Jade"
    assert me["young_person_id"] == str(world.young["jade"])
    assert me["session"] == {"kind": "device", "device_name": "Jade's phone", "expires_at": None}
    assert (await phone.get("/api/auth/me")).json()["user"]["id"] == str(world.jade.user_id)


async def test_username_is_matched_whatever_the_capitals_and_spaces(world):
    reply = await world.anonymous().post(LOGIN, json={"identifier": " Jade ", "secret": PINS["jade"]})
    assert reply.status_code == 200


async def test_carer_signs_in_with_username_and_password_on_a_device_session(world):
    reply = await world.anonymous().post(LOGIN, json=world.priya.login_body())
    assert reply.status_code == 200
    assert reply.json()["user"]["role"] == "carer"
    assert reply.json()["session"]["kind"] == "device"


async def test_social_worker_signs_in_with_email_password_and_authenticator_code(world):
    laptop = world.anonymous()
    reply = await laptop.post(LOGIN, json=world.sam.login_body())
    assert reply.status_code == 200
    session = reply.json()["session"]
    assert session["kind"] == "browser"
    assert session["expires_at"] is not None
    assert (await laptop.get("/api/auth/me")).status_code == 200


async def test_professional_without_or_with_a_wrong_code_gets_the_same_answer_as_a_wrong_password(world):
    client = world.anonymous()
    sam = world.sam
    missing = await client.post(LOGIN, json={"identifier": sam.identifier, "secret": sam.secret})
    wrong = await client.post(LOGIN, json=sam.login_body(code=wrong_code(sam.code())))
    bad_password = await client.post(LOGIN, json=sam.login_body(secret="not the password"))
    assert refusal(missing) == refusal(wrong) == refusal(bad_password) == (401, NO_MATCH, None)
    assert (await client.get("/api/auth/me")).status_code == 401
    assert (await client.post(LOGIN, json=sam.login_body())).status_code == 200


async def test_authenticator_code_cannot_be_used_twice(world):
    body = world.ruth.login_body()
    first = await world.anonymous().post(LOGIN, json=body)
    replayed = await world.anonymous("198.51.100.20").post(LOGIN, json=body)
    assert first.status_code == 200
    assert refusal(replayed) == (401, NO_MATCH, None)


async def test_unknown_account_and_wrong_pin_get_identical_answers(world):
    client = world.anonymous()
    unknown = await client.post(LOGIN, json={"identifier": "nobody", "secret": "246810"})
    wrong_pin = await client.post(LOGIN, json={"identifier": "jade", "secret": "975318"})
    unknown_email = await client.post(
        LOGIN, json={"identifier": "nobody@test.example", "secret": "correct horse battery", "code": "123456"}
    )
    assert refusal(unknown) == refusal(wrong_pin) == refusal(unknown_email) == (401, NO_MATCH, None)


async def test_deactivated_account_gets_the_same_answer_even_with_the_right_pin(world):
    reply = await world.admin.client.post(f"/api/admin/users/{world.priya.user_id}/deactivate")
    assert reply.status_code == 204
    refused = await world.anonymous().post(LOGIN, json=world.priya.login_body())
    assert refusal(refused) == (401, NO_MATCH, None)


async def test_five_wrong_pins_throttle_the_account_until_the_window_ends(world):
    guesser = world.anonymous()
    replies = [
        await guesser.post(LOGIN, json={"identifier": "jade", "secret": f"{975300 + n}"}) for n in range(20)
    ]
    assert [r.status_code for r in replies] == [401] * 5 + [429] * 15
    throttled = replies[-1]
    assert throttled.headers["content-type"] == "application/problem+json"
    assert throttled.json()["title"] == "Too many tries. Please wait and try again."
    assert 0 < int(throttled.headers["retry-after"]) <= WINDOW.total_seconds() + 1

    # Even the right PIN, even from another address, waits for the window to end.
    for client in (guesser, world.anonymous("198.51.100.30")):
        right = await client.post(LOGIN, json={"identifier": "jade", "secret": PINS["jade"]})
        assert right.status_code == 429
        assert "retry-after" in right.headers
    # Other accounts from the same address are not held up by Jade's.
    assert (await guesser.post(LOGIN, json={"identifier": "mia", "secret": PINS["mia"]})).status_code == 200

    clock.travel(WINDOW + dt.timedelta(minutes=1))
    again = await guesser.post(LOGIN, json={"identifier": "jade", "secret": PINS["jade"]})
    assert again.status_code == 200


async def test_a_successful_sign_in_clears_the_count_of_wrong_pins(world):
    client = world.anonymous()
    statuses = []
    for secret in ["975300"] * 4 + [PINS["jade"]] + ["975300"] * 4 + [PINS["jade"]]:
        reply = await client.post(LOGIN, json={"identifier": "jade", "secret": secret})
        statuses.append(reply.status_code)
    assert statuses == [401] * 4 + [200] + [401] * 4 + [200]


async def test_one_address_guessing_across_many_accounts_is_throttled(world):
    attacker = world.client_for("198.51.100.7")
    names = [f"guess{n}" for n in range(16)] + ["jade", "mia", "priya", "olu"]
    statuses = [
        (await attacker.post(LOGIN, json={"identifier": name, "secret": "975318"})).status_code
        for name in names
    ]
    assert statuses == [401] * 20
    blocked = await attacker.post(LOGIN, json=world.priya.login_body())
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= WINDOW.total_seconds() + 1
    # Priya herself, from her own address, is not locked out by someone else's guessing.
    own_phone = world.client_for("203.0.113.50")
    assert (await own_phone.post(LOGIN, json=world.priya.login_body())).status_code == 200

    clock.travel(WINDOW + dt.timedelta(minutes=1))
    assert (await attacker.post(LOGIN, json=world.priya.login_body())).status_code == 200


def set_cookie(reply, name: str) -> tuple[str, set[str]]:
    """The Set-Cookie header for one cookie: its whole text and its attributes."""
    (cookie,) = [c for c in reply.headers.get_list("set-cookie") if c.startswith(f"{name}=")]
    return cookie, {part.strip().lower() for part in cookie.split(";")[1:]}


async def test_session_cookie_is_httponly_secure_and_samesite_strict(world):
    for person in (world.jade, world.sam):
        reply = await world.anonymous().post(LOGIN, json=person.login_body())
        cookie, parts = set_cookie(reply, COOKIE)
        assert {"httponly", "secure", "samesite=strict", "path=/"} <= parts, cookie
    # A professional's cookie ends with the browser; the server's time-outs do the rest.
    assert "max-age" not in cookie.lower()
    assert "expires" not in cookie.lower()


async def test_session_token_never_appears_in_a_reply_body(world):
    client = world.anonymous()
    reply = await client.post(LOGIN, json=world.jade.login_body())
    token = client.cookies[COOKIE]
    bodies = [reply.text] + [
        (await client.get(url)).text
        for url in ("/api/auth/me", "/api/auth/sessions", f"/api/young-people/{world.young['jade']}/devices")
    ]
    for body in bodies:
        assert token not in body
        assert digest(token) not in body  # the database key of the session is secret too


async def test_guesses_sent_all_at_once_are_throttled_like_guesses_sent_one_by_one(world):
    guesses = [{"identifier": "jade", "secret": f"{975300 + n}"} for n in range(20)]
    replies = await asyncio.gather(
        *[world.client_for(f"198.51.100.{n}").post(LOGIN, json=guess) for n, guess in enumerate(guesses)]
    )
    assert sorted(reply.status_code for reply in replies) == [401] * 5 + [429] * 15


async def test_one_authenticator_code_sent_twice_at_once_signs_in_only_once(world):
    body = world.sam.login_body()
    replies = await asyncio.gather(
        *[world.client_for(f"198.51.100.{n}").post(LOGIN, json=body) for n in range(3)]
    )
    assert sorted(reply.status_code for reply in replies) == [200, 401, 401]


async def test_many_people_signing_in_correctly_from_one_address_are_never_throttled(world):
    # A children's home or a council office: many right sign-ins behind one address.
    office = world.client_for("198.51.100.80")
    people = [world.jade, world.mia] * 11
    statuses = [(await office.post(LOGIN, json=person.login_body())).status_code for person in people]
    assert statuses == [200] * 22


# -- the address that is throttled, behind proxies -----------------------------------------

PROXY = "192.0.2.1"  # what the app's socket sees behind a proxy


@pytest.fixture
def trusted_proxies(monkeypatch):
    """Run as if started with HOMEWARD_TRUSTED_PROXY_COUNT=n (settings are read once)."""

    def start_with(count: int) -> None:
        monkeypatch.setenv("HOMEWARD_TRUSTED_PROXY_COUNT", str(count))
        get_settings.cache_clear()

    yield start_with
    monkeypatch.delenv("HOMEWARD_TRUSTED_PROXY_COUNT", raising=False)
    get_settings.cache_clear()


async def guess(client, name: str, forwarded: str | None = None):
    headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
    return await client.post(LOGIN, json={"identifier": name, "secret": "975318"}, headers=headers)


async def test_behind_one_proxy_the_address_it_saw_is_throttled_whatever_the_client_wrote(
    world, trusted_proxies
):
    trusted_proxies(1)
    proxy = world.client_for(PROXY)
    # The attacker writes a new address on the left each time; the proxy appends theirs.
    statuses = [
        (await guess(proxy, f"guess{n}", f"198.18.0.{n}, 198.51.100.7")).status_code for n in range(21)
    ]
    assert statuses == [401] * 20 + [429]
    # Someone else behind the same proxy is not held up by the attacker.
    other = await proxy.post(
        LOGIN, json=world.priya.login_body(), headers={"X-Forwarded-For": "198.51.100.8"}
    )
    assert other.status_code == 200


async def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(world, trusted_proxies):
    trusted_proxies(2)
    proxy = world.client_for(PROXY)
    statuses = [
        (await guess(proxy, f"guess{n}", f"198.18.0.{n}, 198.51.100.7, 192.0.2.9")).status_code
        for n in range(21)
    ]
    assert statuses == [401] * 20 + [429]
    other = await proxy.post(
        LOGIN,
        json=world.priya.login_body(),
        headers={"X-Forwarded-For": "198.51.100.7, 198.51.100.8, 192.0.2.9"},
    )
    assert other.status_code == 200


async def test_without_trusted_proxies_x_forwarded_for_is_ignored(world):
    attacker = world.client_for("198.51.100.7")
    statuses = [(await guess(attacker, f"guess{n}", f"198.18.0.{n}")).status_code for n in range(21)]
    assert statuses == [401] * 20 + [429]


async def test_a_long_or_nonsense_forwarded_header_falls_back_to_the_socket_address(world, trusted_proxies):
    trusted_proxies(1)
    proxy = world.client_for(PROXY)
    headers = [
        "x" * 8000,
        "198.51.100.7, " + "9" * 5000,
        "not an address",
        "",
        " , ",
        "198.51.100.7:443:1",
        "fe80::1%" + "e" * 300,
    ]
    for n, header in enumerate(headers):
        reply = await guess(proxy, f"guess{n}", header)
        assert reply.status_code == 401, (header[:40], reply.text)
    keys = [row["key"] for row in await Throttle.select(Throttle.key)]
    assert f"address:{PROXY}" in keys
    assert max(len(key) for key in keys) <= 60


async def test_too_few_forwarded_entries_fall_back_to_the_socket_address(world, trusted_proxies):
    trusted_proxies(2)
    proxy = world.client_for(PROXY)
    for n in range(20):
        assert (await guess(proxy, f"guess{n}", f"198.18.0.{n}")).status_code == 401
    assert (await guess(proxy, "guess", "198.18.1.1")).status_code == 429


async def test_one_address_written_several_ways_is_one_address(world, trusted_proxies):
    trusted_proxies(1)
    proxy = world.client_for(PROXY)
    spellings = ["198.51.100.7", "198.51.100.7:5000", "::ffff:198.51.100.7", " 198.51.100.7 "]
    statuses = [(await guess(proxy, f"guess{n}", spellings[n % 4])).status_code for n in range(21)]
    assert statuses == [401] * 20 + [429]


async def test_ipv6_addresses_in_one_64_block_share_a_budget(world, trusted_proxies):
    # A home or phone network hands out a whole /64: changing address within it is free.
    trusted_proxies(1)
    proxy = world.client_for(PROXY)
    statuses = [
        (await guess(proxy, f"guess{n}", f"[2001:db8:1:2::{n:x}]:443")).status_code for n in range(21)
    ]
    assert statuses == [401] * 20 + [429]
    neighbour = await proxy.post(
        LOGIN, json=world.priya.login_body(), headers={"X-Forwarded-For": "2001:db8:1:3::1"}
    )
    assert neighbour.status_code == 200


# -- a phone that signed in before (device cookies) ------------------------------------------

DEVICE = "homeward_device"


async def lock_out_jade(world) -> None:
    """Someone elsewhere guesses Jade's PIN until her account refuses untrusted tries."""
    attacker = world.client_for("198.51.100.66")
    statuses = [
        (await attacker.post(LOGIN, json={"identifier": "jade", "secret": f"{975300 + n}"})).status_code
        for n in range(6)
    ]
    assert statuses == [401] * 5 + [429]


async def signed_in_phone(world, person, address="203.0.113.44"):
    phone = world.client_for(address)
    assert (await phone.post(LOGIN, json=person.login_body())).status_code == 200
    return phone


async def test_sign_in_gives_a_private_device_cookie_only_for_the_sign_in_routes(world):
    reply = await world.anonymous().post(LOGIN, json=world.jade.login_body())
    cookie, parts = set_cookie(reply, DEVICE)
    assert {"httponly", "secure", "samesite=strict", "path=/api/auth"} <= parts, cookie
    assert any(part.startswith("max-age=") for part in parts)


async def test_the_phone_that_signed_in_before_gets_in_while_someone_elsewhere_is_locked_out(world):
    phone = await signed_in_phone(world, world.jade)
    await lock_out_jade(world)

    assert (await phone.post(LOGIN, json=world.jade.login_body())).status_code == 200
    # Anyone else, even with the right PIN, still waits: the account's limit holds.
    assert (
        await world.anonymous("198.51.100.67").post(LOGIN, json=world.jade.login_body())
    ).status_code == 429
    assert (
        await world.client_for("198.51.100.66").post(LOGIN, json={"identifier": "jade", "secret": "975399"})
    ).status_code == 429


async def test_the_phone_that_signed_in_before_has_its_own_limit_of_wrong_pins(world):
    phone = await signed_in_phone(world, world.jade)
    wrong = [
        (await phone.post(LOGIN, json={"identifier": "jade", "secret": f"{975300 + n}"})).status_code
        for n in range(6)
    ]
    assert wrong == [401] * 5 + [429]
    assert (await phone.post(LOGIN, json=world.jade.login_body())).status_code == 429
    # ...and its mistakes did not use up Jade's budget anywhere else.
    assert (
        await world.anonymous("198.51.100.68").post(LOGIN, json=world.jade.login_body())
    ).status_code == 200


async def test_a_device_cookie_from_another_account_or_a_forged_one_gives_nothing(world):
    mias_phone = await signed_in_phone(world, world.mia, "203.0.113.45")
    jades_phone = await signed_in_phone(world, world.jade, "203.0.113.46")
    real = jades_phone.cookies[DEVICE]
    mias = mias_phone.cookies[DEVICE]
    await lock_out_jade(world)

    device_id, issued, mac = real.split(".")
    forged = [
        mias,  # a real cookie, but for Mia
        f"{device_id}.{issued}.{mac[:-2]}AA",  # signature changed
        f"{'A' * len(device_id)}.{issued}.{mac}",  # another device id under Jade's signature
        f"{device_id}.{int(issued) + 1}.{mac}",  # another date
        f"{device_id}.{issued}",
        "x" * 500,
    ]
    for value in forged:
        thief = world.client_for("198.51.100.69")
        thief.cookies.set(DEVICE, value, domain=HOST, path="/api/auth")
        reply = await thief.post(LOGIN, json=world.jade.login_body())
        assert reply.status_code == 429, value
    # Mia's phone signs in to Jade's account like any stranger: refused too.
    assert (await mias_phone.post(LOGIN, json=world.jade.login_body())).status_code == 429
    assert (await jades_phone.post(LOGIN, json=world.jade.login_body())).status_code == 200


async def test_joining_from_an_invite_marks_the_phone_as_known(world):
    code = (await world.invite("tyler"))["code"]
    phone = world.client_for("203.0.113.47")
    joined = await phone.post(
        "/api/invites/accept", json={"code": code, "username": "tyler", "secret": "975318"}
    )
    assert joined.status_code == 201
    assert DEVICE in phone.cookies
    attacker = world.client_for("198.51.100.66")
    for n in range(6):
        await attacker.post(LOGIN, json={"identifier": "tyler", "secret": f"{975300 + n}"})
    assert (await phone.post(LOGIN, json={"identifier": "tyler", "secret": "975318"})).status_code == 200
