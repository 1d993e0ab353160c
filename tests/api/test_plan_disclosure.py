"""What a carer can learn about the parts of a plan the young person keeps from carers:
not through the value they sign, not through comparing versions, not through the trio."""

import hashlib
import importlib.util
import json
from pathlib import Path

import msgspec

from backend.db import write_transaction
from backend.plans.content import seal
from backend.plans.tables import PlanSignature, PlanVersion
from backend.security import decrypt
from tests.api.test_plans import edit, plan_url, sign_all

HIDDEN_MEDICATION = "Salbutamol inhaler"


def canonical_forms(content: dict) -> list[bytes]:
    """Ways anyone might serialise a plan before hashing it."""
    return [
        json.dumps(content, sort_keys=True, separators=(",", ":"), default=str).encode(),
        json.dumps(content, sort_keys=True, default=str).encode(),
        json.dumps(content, separators=(",", ":"), default=str).encode(),
        json.dumps(content, default=str).encode(),
        msgspec.json.encode(content),
    ]


def hashes_of(content: dict) -> set[str]:
    return {hashlib.sha256(form).hexdigest() for form in canonical_forms(content)}


async def jade_keeps_her_health_from_priya(world):
    url = plan_url(world)
    await edit(world.jade, url, "about_me", {"hair": "Black", "medication": HIDDEN_MEDICATION})
    await edit(world.jade, url, "sharing", {"health": ["police"]})
    return url


async def test_the_value_a_carer_signs_is_no_hash_of_the_plan_they_could_check_a_guess_against(world):
    url = await jade_keeps_her_health_from_priya(world)
    seen = (await world.priya.client.get(url)).json()["draft"]
    assert seen["content"]["about_me"]["medication"] is None
    full = (await world.sam.client.get(url)).json()["draft"]["content"]
    assert full["about_me"]["medication"] == HIDDEN_MEDICATION
    # The right guess, the carer's own view, or either with the version id: no match.
    candidates = hashes_of(full) | hashes_of(seen["content"])
    candidates |= hashes_of({"version": seen["id"], "content": full})
    assert seen["content_hash"] not in candidates
    # Still the value the whole team signs.
    view = await sign_all(world, url)
    assert view["agreed"]["number"] == 1


async def test_offline_copy_carries_no_hash_of_the_plan_either(world):
    url = await jade_keeps_her_health_from_priya(world)
    await sign_all(world, url)
    copy = (await world.priya.client.get(f"{url}/agreed")).json()
    full = (await world.sam.client.get(url)).json()["agreed"]["content"]
    assert copy["agreed"]["content_hash"] not in hashes_of(full) | hashes_of(copy["agreed"]["content"])


async def test_two_versions_with_the_same_content_have_different_signing_values(world):
    url = plan_url(world)
    await edit(world.sam, url, "professional_notes", {"text": "Likes art club"})
    agreed = (await sign_all(world, url))["agreed"]
    await edit(world.sam, url, "professional_notes", {"text": "Likes art club and football"})
    await edit(world.sam, url, "professional_notes", {"text": "Likes art club"})
    view = (await world.sam.client.get(url)).json()
    assert view["draft"]["content"] == view["agreed"]["content"]
    assert view["draft"]["content_hash"] != agreed["content_hash"]
    # A value from one version signs nothing in another.
    reply = await world.priya.client.post(f"{url}/sign", json={"content_hash": agreed["content_hash"]})
    assert reply.status_code == 409 and reply.json()["title"] == "The plan has changed"


async def test_a_hidden_change_moves_the_carers_value_but_a_stale_value_cannot_sign(world):
    # Accepted: a carer polling the value learns that something changed (the change
    # list says which part anyway), never what it changed to.
    url = await jade_keeps_her_health_from_priya(world)
    before = (await world.priya.client.get(url)).json()["draft"]
    await edit(world.jade, url, "about_me", {"hair": "Black", "medication": "Salbutamol, two puffs"})
    after = (await world.priya.client.get(url)).json()["draft"]
    assert after["content"] == before["content"]
    assert after["content_hash"] != before["content_hash"]
    reply = await world.priya.client.post(f"{url}/sign", json={"content_hash": before["content_hash"]})
    assert reply.status_code == 409 and reply.json()["title"] == "The plan has changed"
    assert (await world.priya.client.get(url)).json()["draft"]["signatures"] == []


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


def seal_migration():
    path = Path(__file__).parents[2] / "migrations" / "plans" / "plans_2026_11_29t12_00_00_000000.py"
    spec = importlib.util.spec_from_file_location("reseal_migration_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_versions_sealed_with_a_plain_hash_are_resealed_and_keep_their_signatures(world):
    url = await jade_keeps_her_health_from_priya(world)
    await sign_all(world, url, ("jade", "priya"))
    await edit(world.sam, url, "professional_notes", {"text": "Seen at school"})
    await sign_all(world, url, ("jade",))  # Priya's signature is now on older content
    # Seal the draft the way versions were sealed before, as an old database has it.
    (row,) = await PlanVersion.select()
    content = json.loads(decrypt(row["content"]))
    plain = hashlib.sha256(
        json.dumps(content, sort_keys=True, separators=(",", ":"), default=str).encode()
    ).hexdigest()
    older_plain = "b" * 64  # stands for a plain hash of the content Priya signed
    await PlanSignature.update({PlanSignature.content_hash: older_plain}).where(
        PlanSignature.content_hash != row["content_hash"]
    )
    await PlanSignature.update({PlanSignature.content_hash: plain}).where(
        PlanSignature.content_hash == row["content_hash"]
    )
    await PlanVersion.update({PlanVersion.content_hash: plain}).where(PlanVersion.id == row["id"])
    assert (await world.priya.client.get(url)).json()["draft"]["content_hash"] == plain

    migration = seal_migration()
    async with write_transaction():
        assert await migration.reseal() == 1
    async with write_transaction():
        assert await migration.reseal() == 0  # running it again changes nothing

    draft = (await world.priya.client.get(url)).json()["draft"]
    assert draft["content_hash"] == seal(row["id"], content) != plain
    assert draft["still_to_sign"] == ["carer", "social_worker"]  # Jade's signature followed
    left = {s["content_hash"] for s in await PlanSignature.select(PlanSignature.content_hash)}
    assert plain not in left and older_plain not in left and len(left) == 2
    assert (await sign_all(world, url, ("priya", "sam")))["agreed"]["number"] == 1
