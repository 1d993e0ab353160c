"""Managers see anonymised figures; admins manage accounts. Neither ever sees a record."""

from __future__ import annotations

import datetime as dt

from tests.factories import PASSWORD, make_council, make_user

FIGURES = "/api/figures"
USERS = "/api/admin/users"


def values(reply) -> dict[str, str]:
    return {figure["key"]: figure["value"] for figure in reply.json()["figures"]}


async def add_young_people(world, count: int) -> None:
    born = (dt.date.today() - dt.timedelta(days=365 * 13)).isoformat()
    for n in range(count):
        reply = await world.sam.client.post(
            "/api/young-people", json={"preferred_name": f"Child {n}", "date_of_birth": born}
        )
        assert reply.status_code == 201


async def test_manager_sees_figures_for_their_council_with_small_numbers_hidden(world):
    reply = await world.ruth.client.get(FIGURES)
    assert reply.status_code == 200
    assert reply.json()["council"] == "Testshire Council"
    assert values(reply) == {
        "young_people": "fewer than 10",
        "young_people_joined": "fewer than 10",
        "carers": "fewer than 10",
    }
    assert all(figure["label"] for figure in reply.json()["figures"])
    for name in ("Jade", "Mia", "Tyler", "Priya", "Olu"):
        assert name not in reply.text


async def test_figures_of_ten_or_more_are_shown_rounded_to_five(world):
    await add_young_people(world, 10)  # 13 in all
    assert values(await world.ruth.client.get(FIGURES))["young_people"] == "15"
    await add_young_people(world, 2)  # 15
    assert values(await world.ruth.client.get(FIGURES))["young_people"] == "15"


async def test_figures_count_only_the_managers_own_council(world):
    await make_council("Elsewhere Council", young_people=12)
    assert values(await world.ruth.client.get(FIGURES))["young_people"] == "fewer than 10"


async def test_admin_lists_the_accounts_of_their_council_without_any_secrets(world):
    elsewhere = await make_council("Elsewhere Council")
    await make_user("carer", "Far Away", "faraway", PASSWORD, elsewhere)
    reply = await world.admin.client.get(USERS)
    assert reply.status_code == 200
    accounts = {row["display_name"]: row for row in reply.json()}
    assert set(accounts) == {
        "Sam Okafor",
        "Alex Reid",
        "Priya Shah",
        "Olu Adeyemi",
        "Ruth Mensah",
        "Test admin",
        "Jade",
        "Mia",
    }
    assert accounts["Priya Shah"]["username"] == "priya"
    assert accounts["Sam Okafor"]["email"] == "sam@test.example"
    assert all(row["active"] for row in accounts.values())
    for secret in ("secret_hash", "totp", "argon2", "csrf"):
        assert secret not in reply.text


async def test_admin_deactivates_priya_her_session_stops_at_once_and_she_cannot_sign_in(world):
    reply = await world.admin.client.post(f"{USERS}/{world.priya.user_id}/deactivate")
    assert reply.status_code == 204
    assert (await world.priya.client.get("/api/auth/me")).status_code == 401
    login = await world.anonymous().post("/api/auth/login", json=world.priya.login_body())
    assert login.status_code == 401
    assert login.json()["title"] == "Those details don't match"
    listed = {row["display_name"]: row for row in (await world.admin.client.get(USERS)).json()}
    assert (listed["Priya Shah"]["active"], listed["Priya Shah"]["can"]) == (False, ["reactivate"])

    assert (await world.admin.client.post(f"{USERS}/{world.priya.user_id}/reactivate")).status_code == 204
    assert (await world.anonymous().post("/api/auth/login", json=world.priya.login_body())).status_code == 200
    assert (await world.priya.client.get("/api/auth/me")).status_code == 401  # old sessions stay ended


async def test_admin_cannot_deactivate_their_own_account(world):
    listed = {row["display_name"]: row["can"] for row in (await world.admin.client.get(USERS)).json()}
    assert listed["Test admin"] == []
    assert listed["Sam Okafor"] == ["deactivate", "reset_link"]
    reply = await world.admin.client.post(f"{USERS}/{world.admin.user_id}/deactivate")
    assert reply.status_code == 409
    assert reply.headers["content-type"] == "application/problem+json"
    assert (await world.admin.client.get("/api/auth/me")).status_code == 200


async def test_admin_cannot_deactivate_an_account_in_another_council(world):
    elsewhere = await make_council("Elsewhere Council")
    stranger = await make_user("carer", "Far Away", "faraway", PASSWORD, elsewhere)
    reply = await world.admin.client.post(f"{USERS}/{stranger.user_id}/deactivate")
    assert reply.status_code == 404
    login = await world.anonymous().post("/api/auth/login", json=stranger.login_body())
    assert login.status_code == 200


async def test_admin_and_manager_can_never_read_a_record(world):
    for person in (world.admin, world.ruth):
        assert (await person.client.get("/api/young-people")).status_code == 403
        for key in ("jade", "mia", "tyler"):
            base = f"/api/young-people/{world.young[key]}"
            for suffix in ("", "/who-can-see", "/who-has-looked", "/devices"):
                reply = await person.client.get(base + suffix)
                assert reply.status_code == 404, (person.key, key, suffix)
                assert "Jade" not in reply.text and "Tyler" not in reply.text


async def test_admin_sees_refused_attempts_to_open_records(world):
    await world.alex.client.get(f"/api/young-people/{world.young['jade']}")
    await world.ruth.client.get(f"/api/young-people/{world.young['mia']}/who-has-looked")
    reply = await world.admin.client.get("/api/admin/refused")
    assert reply.status_code == 200
    assert reply.json()["older"] is None
    attempts = {(row["actor_name"], row["actor_role"], row["what"]) for row in reply.json()["attempts"]}
    assert attempts == {
        ("Alex Reid", "social_worker", "tried to look at a young person's information"),
        ("Ruth Mensah", "manager", "tried to look at who has looked at a young person's information"),
    }
