"""What a carer can learn about the parts of a plan the young person keeps from carers:
not through comparing versions, not through the trio."""

from tests.api.test_plans import edit, plan_url, sign_all


async def test_comparing_versions_shows_a_carer_nothing_the_young_person_now_keeps_from_them(world):
    url = plan_url(world)
    await edit(world.jade, url, "worries", {"what_worries_me": "SECRET-WORRY my dad"})
    await sign_all(world, url)  # version 1 shares worries with Priya (the default)
    await edit(world.jade, url, "sharing", {"worries": []})
    await edit(world.jade, url, "worries", {"what_worries_me": "SECRET-WORRY my dad and school"})

    async def priya_compares():
        changes = await world.priya.client.get(f"{url}/compare", params={"first": 1, "second": 2})
        assert changes.status_code == 200
        assert "SECRET-WORRY" not in changes.text
        assert any(c["section"] == "sharing" for c in changes.json())

    await priya_compares()  # while version 2 is a draft
    await sign_all(world, url)
    await priya_compares()  # and once everyone agreed it
    # Jade's social worker still sees the whole history.
    changes = await world.sam.client.get(f"{url}/compare", params={"first": 1, "second": 2})
    assert "SECRET-WORRY" in changes.text


async def test_trio_kept_from_carer_in_a_first_draft_stays_hidden_everywhere(world):
    url = plan_url(world)
    contacts = f"/api/young-people/{world.young['jade']}/contacts"
    await world.jade.client.post(contacts, json={"name": "Lou Mensah", "phone": "020 7946 0123"})
    await edit(world.jade, url, "sharing", {"trio": ["police"]})
    assert (await world.priya.client.get(url)).json()["draft"]["content"]["trio"] is None
    assert (await world.priya.client.get(contacts)).json() == []
    copy = await world.priya.client.get(f"{url}/agreed")
    assert "Lou" not in copy.text and "7946" not in copy.text
    # Jade's choice before any plan was agreed: her social worker still sees her people.
    assert [p["name"] for p in (await world.sam.client.get(contacts)).json()] == ["Lou Mensah"]
