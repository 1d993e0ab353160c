"""The police form the police can use: the young person's legal name, date of birth and
phone, where they live, how to reach their carer and social worker; numbers written the
national way; any script kept and emoji named, never dropped; a file name saying whose
form and when. Every sharing rule still holds for each reader."""

import pytest

from tests.api.test_offline_and_police_form import (
    KEPT_FROM_CARER,
    agree_full_plan,
    agree_plan_sharing_more_with_police,
    pdf_text,
)
from tests.api.test_plans import edit, plan_url, sign_all

DETAILS = {"legal_name": "Jade Amara Mensah", "placement_address": "12 Elm Road, Northbrook NB1 2AB"}


async def record_details(world):
    url = f"/api/young-people/{world.young['jade']}/details"
    reply = await world.sam.client.put(url, json=DETAILS)
    assert reply.status_code == 200, reply.text


def flat(data: bytes) -> str:
    return " ".join(pdf_text(data).split())


async def test_carers_and_professionals_give_their_phone_and_a_bad_one_changes_nothing(world):
    reply = await world.priya.client.put("/api/auth/me/phone", json={"phone": "07700 900123"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["user"]["phone"] == "+447700900123"
    bad = await world.priya.client.put("/api/auth/me/phone", json={"phone": "12"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "phone"
    assert (await world.priya.client.get("/api/auth/me")).json()["user"]["phone"] == "+447700900123"
    cleared = await world.priya.client.put("/api/auth/me/phone", json={"phone": ""})
    assert cleared.json()["user"]["phone"] is None


@pytest.mark.parametrize("who", ["priya", "sam"])
async def test_the_form_holds_who_they_are_where_they_live_and_who_to_call(world, who):
    await record_details(world)
    for person, phone in ((world.priya, "07700 900123"), (world.sam, "0161 496 0000")):
        assert (await person.client.put("/api/auth/me/phone", json={"phone": phone})).status_code == 200
    await agree_full_plan(world)
    await edit(
        world.jade,
        plan_url(world),
        "about_me",
        {"name_i_like": "Jade", "phone": "07911 654321", "height": "160cm", "hair": "Black, in braids"},
    )
    await sign_all(world, plan_url(world))
    reply = await getattr(world, who).client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 200
    text = flat(reply.content)
    for shown in (
        "Legal name Jade Amara Mensah",
        "Date of birth",
        "Their phone 07911 654321",
        "Placement address 12 Elm Road, Northbrook NB1 2AB",
        "Carer Priya Shah 07700 900123",
        "Social worker Sam Okafor 0161 496 0000, sam@test.example",
        "020 7946 0123",  # Lou, written the national way
    ):
        assert shown in text, shown
    assert "+44" not in text
    disposition = reply.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="police-form-Jade-')
    assert disposition.endswith('.pdf"')


async def test_any_script_is_kept_and_an_emoji_is_named_not_dropped(world):
    await agree_full_plan(world)
    await edit(
        world.jade,
        plan_url(world),
        "places",
        {
            "might_go": [{"name": "بيت خالتي 😊 👍", "where": "Łódź café"}],
            "safe": [{"name": "Aunt Lou's flat"}],
        },
    )
    await sign_all(world, plan_url(world))
    text = flat((await world.sam.client.get(f"{plan_url(world)}/philomena.pdf")).content)
    assert "Łódź café" in text
    for letter in "بيتخالتي":
        assert letter in text
    assert "😊" in text  # the font draws this one
    assert "[THUMBS UP SIGN]" in text  # and not this one: named, not dropped


async def test_a_long_field_wraps_and_never_runs_into_the_next(world):
    await agree_full_plan(world)
    long_words = "hoodie " * 28
    await edit(world.jade, plan_url(world), "about_me", {"usually_wear": long_words, "marks": "MARK-NEXT"})
    await sign_all(world, plan_url(world))
    lines = pdf_text((await world.sam.client.get(f"{plan_url(world)}/philomena.pdf")).content).splitlines()
    assert sum("hoodie" in line for line in lines) > 2  # wrapped over several lines
    assert any(line.strip() == "MARK-NEXT" for line in lines)  # its own line, after its label


async def test_the_carers_copy_still_leaves_out_what_is_kept_from_carers(world):
    await record_details(world)
    await agree_plan_sharing_more_with_police(world)
    text = pdf_text((await world.priya.client.get(f"{plan_url(world)}/philomena.pdf")).content)
    for kept in KEPT_FROM_CARER:
        assert kept not in text, kept
    assert "Jade Amara Mensah" in text
