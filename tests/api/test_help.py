"""Help and reporting (Children's Code standard 15): a young person asks for help from
any screen, and their own social worker, and nobody else, is told what kind of help."""

from __future__ import annotations

import datetime as dt

from backend import clock


async def notices(person) -> list[str]:
    reply = await person.client.get("/api/notices")
    assert reply.status_code == 200, reply.text
    return [notice["text"] for notice in reply.json()["notices"]]


async def test_jade_asks_for_help_and_only_her_social_worker_is_told(world):
    reply = await world.jade.client.post("/api/help", json={"about": "talk"})
    assert reply.status_code == 200, reply.text
    assert reply.json() == {"told": 1}
    assert await notices(world.sam) == ["Jade asked you to get in touch"]
    for person in (world.alex, world.priya, world.olu, world.mia, world.admin):
        assert await notices(person) == []


async def test_each_kind_of_help_reads_as_what_she_asked_and_a_double_tap_is_one_notice(world):
    for about in ("problem", "problem", "my_information"):
        assert (await world.jade.client.post("/api/help", json={"about": about})).status_code == 200
    assert sorted(await notices(world.sam)) == [
        "Jade says something Homeward holds about them is wrong",
        "Jade wants to tell you about a problem",
    ]
    clock.travel(dt.timedelta(minutes=2))
    await world.jade.client.post("/api/help", json={"about": "problem"})
    assert len(await notices(world.sam)) == 3


async def test_the_notice_reads_in_the_social_workers_language(world):
    await world.sam.client.put("/api/auth/me/language", json={"language": "ar"})
    await world.jade.client.post("/api/help", json={"about": "talk"})
    assert await notices(world.sam) == ["طلب Jade أن تتواصل معه"]


async def test_bad_input_and_adults_are_refused_and_nothing_is_sent(world):
    for body in ({"about": "everything"}, {}, {"about": "talk", "extra": 1}):
        reply = await world.jade.client.post("/api/help", json=body)
        assert reply.status_code == 422, body
    reply = await world.priya.client.post("/api/help", json={"about": "talk"})
    assert reply.status_code == 403
    assert await notices(world.sam) == []
