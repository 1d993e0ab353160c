"""The plan reply is kept under exactly what it was built from (plans.services.view:
BUILT): whatever changes in between, the next read shows it."""

import datetime as dt

from backend import clock
from backend.plans import services as plans
from tests.api.test_plans import edit, plan_url, sign_all
from tests.factories import sign_in_directly


async def test_a_signature_shows_on_the_next_read(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    before = (await world.jade.client.get(url)).json()["draft"]
    assert before["still_to_sign"] == ["young_person", "carer", "social_worker"]
    await world.jade.client.get(url)  # read twice: kept
    await sign_all(world, url, ("priya",))
    after = (await world.jade.client.get(url)).json()["draft"]
    assert after["still_to_sign"] == ["young_person", "social_worker"]
    assert [s["name"] for s in after["signatures"]] == ["Priya Shah"]


async def test_the_same_plan_reads_in_the_language_just_chosen(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    english = (await world.jade.client.get(url)).json()["draft"]["changes"][0]["section"]
    assert english == "what worries me"
    chosen = await world.jade.client.put("/api/auth/me/language", json={"language": "ar"})
    assert chosen.status_code == 200, chosen.text
    arabic = (await world.jade.client.get(url)).json()["draft"]["changes"][0]["section"]
    assert arabic != english and arabic.strip()


async def test_a_review_becomes_overdue_with_time_alone(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Noise"})
    await sign_all(world, url)
    await plans.mark_review_due(world.young["jade"], "Came back after being missing", clock.now())
    assert (await world.sam.client.get(url)).json()["review_overdue"] is False
    clock.travel(dt.timedelta(days=8))
    await sign_in_directly(world.sam, world.client_for())
    assert (await world.sam.client.get(url)).json()["review_overdue"] is True


async def test_each_reader_gets_their_own_reply_of_the_same_rows(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "Being shouted at"})
    shared = await edit(world.jade, url, "sharing", {"worries": [], "health": []})
    assert shared.status_code == 200, shared.text
    jade = (await world.jade.client.get(url)).json()["draft"]["content"]
    priya = (await world.priya.client.get(url)).json()["draft"]["content"]
    assert jade["worries"]["what_worries_me"] == "Being shouted at"
    assert priya["worries"] is None and "Being shouted at" not in str(priya)
    again = (await world.jade.client.get(url)).json()["draft"]["content"]
    assert again["worries"]["what_worries_me"] == "Being shouted at"
