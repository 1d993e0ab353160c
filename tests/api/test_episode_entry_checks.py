"""Entry checks on missing episodes (the DfE rules the SSDA903 return is checked with,
backend/exports/episode_rules.py) and whether a time away from care was missing or away
without authorisation (seed 004)."""

from __future__ import annotations

from backend.episodes import api as episodes
from tests.api.test_episodes import ago, start, yp_url


async def count(world) -> int:
    return len(await episodes.for_young_person(world.young["jade"]))


def field_of(reply) -> tuple[str, str]:
    problem = reply.json()
    assert reply.status_code == 422, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    return problem["errors"][0]["field"], problem["errors"][0]["message"]


async def close(world, episode_id, back, **body):
    reply = await world.priya.client.post(
        f"/api/episodes/{episode_id}/close-unreported", json={"returned_at": back, **body}
    )
    return reply


async def test_a_start_before_they_were_born_is_refused_and_nothing_is_saved(world):
    reply = await world.priya.client.post(yp_url(world), json={"last_seen_at": ago(days=365 * 15)})
    field, message = field_of(reply)
    assert field == "last_seen_at" and "date of birth" in message
    assert await count(world) == 0


async def test_a_start_in_year_one_is_refused_not_a_server_error(world):
    # Found by schema fuzzing: year 1 has no local date in England to compare with.
    reply = await world.priya.client.post(yp_url(world), json={"last_seen_at": "0001-01-01T00:01:03Z"})
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["field"] == "last_seen_at"
    assert await episodes.for_young_person(world.young["jade"]) == []


async def test_a_start_in_the_future_names_the_field(world):
    field, _ = field_of(await world.priya.client.post(yp_url(world), json={"last_seen_at": ago(hours=-3)}))
    assert field == "last_seen_at"
    assert await count(world) == 0


async def test_a_return_before_the_start_is_refused_and_the_episode_stays_open(world):
    episode = await start(world, last_seen_at=ago(hours=5))
    for back in (ago(hours=6), ago(hours=5, seconds=1)):
        field, message = field_of(await close(world, episode["id"], back))
        assert field == "returned_at" and "before the time they went missing" in message
    after = await episodes.get(episode["id"])
    assert after.state == "open" and after.returned_at is None


async def test_a_new_episode_cannot_start_inside_an_earlier_one(world):
    first = await start(world, last_seen_at=ago(hours=10))
    assert (await close(world, first["id"], ago(hours=4))).status_code == 200
    reply = await world.priya.client.post(yp_url(world), json={"last_seen_at": ago(hours=6)})
    field, message = field_of(reply)
    assert field == "last_seen_at" and "already missing then" in message
    assert await count(world) == 1
    # Right after they came back is fine.
    await start(world, last_seen_at=ago(hours=3))
    assert await count(world) == 2


async def test_a_new_episode_cannot_start_while_another_is_open(world):
    await start(world, last_seen_at=ago(hours=2))
    again = await world.sam.client.post(yp_url(world), json={"last_seen_at": ago(hours=1)})
    assert again.status_code == 409
    assert await count(world) == 1


async def test_the_messages_are_in_arabic_for_an_arabic_reader(world):
    chosen = await world.priya.client.put("/api/auth/me/language", json={"language": "ar"})
    assert chosen.status_code == 200, chosen.text
    reply = await world.priya.client.post(yp_url(world), json={"last_seen_at": ago(days=365 * 15)})
    _, message = field_of(reply)
    assert "تاريخ ميلادهم" in message


async def test_missing_or_away_is_recorded_for_a_time_away_from_care(world):
    episode = await start(world, last_seen_at=ago(hours=3))
    assert episode["absence"] is None
    back = await close(world, episode["id"], ago(hours=1), absence="away")
    assert back.status_code == 200, back.text
    assert back.json()["absence"] == "away"
    assert (await episodes.get(episode["id"])).absence == "away"
    url = f"/api/episodes/{episode['id']}"
    changed = await world.sam.client.put(f"{url}/follow-up", json={"absence": "missing"})
    assert changed.status_code == 200, changed.text
    history = (await world.sam.client.get(yp_url(world))).json()
    assert history[0]["absence"] == "missing"


async def test_missing_or_away_is_refused_for_a_time_away_from_home(world):
    episode = await start(world, last_seen_at=ago(hours=3), missing_from="home")
    field, _ = field_of(await close(world, episode["id"], ago(hours=1), absence="missing"))
    assert field == "absence"
    after = await episodes.get(episode["id"])
    assert after.state == "open" and after.absence is None


async def test_an_earlier_episode_recorded_late_must_end_before_the_later_one_began(world):
    later = await start(world, last_seen_at=ago(hours=10))
    assert (await close(world, later["id"], ago(hours=8))).status_code == 200
    earlier = await start(world, last_seen_at=ago(hours=30))
    field, message = field_of(await close(world, earlier["id"], ago(hours=9)))
    assert field == "returned_at" and "went missing again" not in message and "overlaps" in message
    assert (await episodes.get(earlier["id"])).state == "open"
    assert (await close(world, earlier["id"], ago(hours=20))).status_code == 200
