"""The offline copy of the agreed plan, the photo, and the Philomena Protocol PDF."""

import base64
import io

from PIL import Image
from pypdf import PdfReader

from tests.api.test_plans import edit, plan_url, sign_all


def jpeg_with_location() -> str:
    image = Image.new("RGB", (1600, 1200), (200, 120, 80))
    exif = Image.Exif()
    exif[0x8825] = {2: (51.0, 30.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return base64.b64encode(out.getvalue()).decode()


async def agree_full_plan(world):
    url = plan_url(world)
    await edit(
        world.jade,
        url,
        "about_me",
        {
            "name_i_like": "Jade",
            "height": "160cm",
            "hair": "Black, in braids",
            "usually_wear": "Grey hoodie",
            "medication": "Salbutamol inhaler",
        },
    )
    await edit(world.jade, url, "worries", {"what_worries_me": "SECRET-WORRY being shouted at"})
    await edit(
        world.jade,
        url,
        "places",
        {"might_go": [{"name": "Northbrook skate park"}], "safe": [{"name": "Aunt Lou's flat"}]},
    )
    await world.jade.client.post(
        f"/api/young-people/{world.young['jade']}/contacts",
        json={"name": "Lou Mensah", "phone": "020 7946 0123"},
    )
    reply = await world.jade.client.put(f"{url}/photo", json={"photo": jpeg_with_location()})
    assert reply.status_code == 200, reply.text
    await edit(
        world.jade,
        url,
        "sharing",
        {
            "about_me": ["carer", "police"],
            "photo": ["carer", "police"],
            "health": ["carer"],
            "worries": ["carer"],
            "places": ["carer", "police"],
            "trio": ["carer", "police"],
        },
    )
    return await sign_all(world, url)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def test_police_form_has_what_jade_shared_and_nothing_she_kept_back(world):
    await agree_full_plan(world)
    reply = await world.priya.client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/pdf"
    text = pdf_text(reply.content)
    for shared in (
        "Jade",
        "160cm",
        "Black, in braids",
        "Grey hoodie",
        "Northbrook skate park",
        "Lou Mensah",
        "020 7946 0123",
    ):
        assert shared in text
    assert "SECRET-WORRY" not in text
    assert "Salbutamol" not in text
    images = [img for page in PdfReader(io.BytesIO(reply.content)).pages for img in page.images]
    assert len(images) == 1


async def test_every_police_form_download_is_audited_and_strangers_are_refused(world):
    await agree_full_plan(world)
    await world.sam.client.get(f"{plan_url(world)}/philomena.pdf")
    looked = (await world.jade.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    assert any(e["name"] == "Sam Okafor" and "police form" in e["what"] for e in looked)
    assert (await world.alex.client.get(f"{plan_url(world)}/philomena.pdf")).status_code == 404
    # The young person reads their plan but does not hand forms to the police.
    assert (await world.jade.client.get(f"{plan_url(world)}/philomena.pdf")).status_code == 404


async def test_no_police_form_before_the_plan_is_agreed(world):
    await edit(world.jade, plan_url(world), "worries", {"what_worries_me": "x"})
    reply = await world.sam.client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 409


async def test_photo_is_shrunk_and_loses_its_location(world):
    view = await agree_full_plan(world)
    photo_id = view["agreed"]["content"]["photo_id"]
    reply = await world.sam.client.get(f"{plan_url(world)}/photos/{photo_id}")
    assert reply.status_code == 200 and reply.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(reply.content))
    assert max(image.size) <= 800
    assert 0x8825 not in image.getexif()


async def test_bad_photo_is_refused_and_nothing_saved(world):
    url = plan_url(world)
    reply = await world.jade.client.put(f"{url}/photo", json={"photo": base64.b64encode(b"<svg/>").decode()})
    assert reply.status_code == 422 and reply.json()["errors"][0]["field"] == "photo"
    reply = await world.jade.client.put(f"{url}/photo", json={"photo": "%%%"})
    assert reply.status_code == 422
    assert (await world.jade.client.get(url)).json()["draft"] is None


async def test_offline_copy_revalidates_with_etag(world):
    await agree_full_plan(world)
    url = f"{plan_url(world)}/agreed"
    first = await world.jade.client.get(url)
    assert first.status_code == 200
    body = first.json()
    assert body["agreed"]["content"]["places"]["safe"][0]["name"] == "Aunt Lou's flat"
    assert body["trio"][0]["phone"] == "+442079460123"
    etag = first.headers["etag"]
    again = await world.jade.client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    # A change to the trio's state is a new copy for the phone.
    await world.jade.client.post(
        f"/api/young-people/{world.young['jade']}/contacts",
        json={"name": "Dan Price", "email": "dan@example.org"},
    )
    changed = await world.jade.client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert (await world.priya.client.get(url)).status_code == 200
    assert (await world.alex.client.get(url)).status_code == 404


async def test_revalidating_the_offline_copy_writes_no_audit_entry(world):
    from tests.factories import audit_count

    await agree_full_plan(world)
    url = f"{plan_url(world)}/agreed"
    first = await world.priya.client.get(url)
    before = await audit_count()
    again = await world.priya.client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert await audit_count() == before
    await world.priya.client.get(url)
    assert await audit_count() == before + 1  # a full copy is one read, audited once


async def test_a_contact_stepping_down_is_no_change_to_the_plan(world):
    url = f"/api/young-people/{world.young['jade']}/contacts"
    added = (await world.jade.client.post(url, json={"name": "Lou", "phone": "020 7946 0123"})).json()
    before = (await world.jade.client.get(plan_url(world))).json()["draft"]
    code = (await world.jade.client.post(f"{url}/{added['id']}/invite")).json()["code"]
    phone = world.anonymous()
    me = (await phone.post("/api/contact-invites/accept", json={"code": code})).json()
    phone.headers["X-CSRF-Token"] = me["csrf_token"]
    await phone.post("/api/contact/step-down")
    draft = (await world.jade.client.get(plan_url(world))).json()["draft"]
    # Where Lou stands is shown beside what was written, not written into it.
    assert draft["content_hash"] == before["content_hash"]
    assert len(draft["changes"]) == len(before["changes"])
    assert draft["content"]["trio"][0]["state"] == "stepped_down"


# Jade shares more with the police than with her carer: every part goes to the police,
# only her description goes to Priya.
POLICE_NOT_CARER = {
    "about_me": ["carer", "police"],
    "photo": ["police"],
    "health": ["police"],
    "worries": ["police"],
    "places": ["police"],
    "trio": ["police"],
}
KEPT_FROM_CARER = (
    "Salbutamol",
    "SECRET-WORRY",
    "Northbrook skate park",
    "Aunt Lou",
    "Lou Mensah",
    "020 7946 0123",
)


async def agree_plan_sharing_more_with_police(world):
    await agree_full_plan(world)
    await edit(world.jade, plan_url(world), "sharing", POLICE_NOT_CARER)
    return await sign_all(world, plan_url(world))


def pdf_images(data: bytes) -> list:
    return [img for page in PdfReader(io.BytesIO(data)).pages for img in page.images]


async def test_carers_police_form_leaves_out_what_is_kept_from_carers_and_says_who_has_it(world):
    await agree_plan_sharing_more_with_police(world)
    reply = await world.priya.client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 200
    text = pdf_text(reply.content)
    for shared in ("Jade", "160cm", "Black, in braids", "Grey hoodie"):
        assert shared in text
    for kept in KEPT_FROM_CARER:
        assert kept not in text, kept
    assert pdf_images(reply.content) == []
    # Whoever the carer hands it to learns that more exists, and who holds it.
    flat = " ".join(text.split())
    assert "Sam Okafor" in flat and "holds the full form" in flat
    for part in ("Photograph", "Health", "Trusted people", "Places", "What worries them"):
        assert part in flat, part


async def test_social_workers_police_form_has_every_part_shared_with_the_police(world):
    await agree_plan_sharing_more_with_police(world)
    reply = await world.sam.client.get(f"{plan_url(world)}/philomena.pdf")
    assert reply.status_code == 200
    text = pdf_text(reply.content)
    for shared in ("160cm", "Grey hoodie", *KEPT_FROM_CARER):
        assert shared in text, shared
    assert len(pdf_images(reply.content)) == 1
    assert "holds the full form" not in " ".join(text.split())


async def test_police_form_never_holds_what_is_not_shared_with_the_police_whoever_asks(world):
    await agree_full_plan(world)
    await edit(
        world.jade,
        plan_url(world),
        "sharing",
        {
            "about_me": ["carer"],
            "photo": ["carer"],
            "health": ["carer"],
            "worries": ["carer"],
            "places": ["carer"],
            "trio": ["carer"],
        },
    )
    await sign_all(world, plan_url(world))
    for person in (world.priya, world.sam):
        reply = await person.client.get(f"{plan_url(world)}/philomena.pdf")
        text = pdf_text(reply.content)
        for kept in ("160cm", "Grey hoodie", *KEPT_FROM_CARER):
            assert kept not in text, kept
        assert pdf_images(reply.content) == []
        assert "holds the full form" not in " ".join(text.split())


async def test_young_person_other_carers_and_strangers_get_no_police_form(world):
    await agree_plan_sharing_more_with_police(world)
    for person in (world.jade, world.olu, world.alex, world.mia, world.ruth, world.admin):
        reply = await person.client.get(f"{plan_url(world)}/philomena.pdf")
        assert reply.status_code in (403, 404), person
        assert reply.headers["content-type"].startswith("application/problem+json")
