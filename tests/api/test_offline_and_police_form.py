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
        "+442079460123",
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


async def test_a_contact_stepping_down_shows_as_a_change_to_the_plan(world):
    url = f"/api/young-people/{world.young['jade']}/contacts"
    added = (await world.jade.client.post(url, json={"name": "Lou", "phone": "020 7946 0123"})).json()
    code = (await world.jade.client.post(f"{url}/{added['id']}/invite")).json()["code"]
    phone = world.anonymous()
    me = (await phone.post("/api/contact-invites/accept", json={"code": code})).json()
    phone.headers["X-CSRF-Token"] = me["csrf_token"]
    await phone.post("/api/contact/step-down")
    draft = (await world.jade.client.get(plan_url(world))).json()["draft"]
    assert draft["changes"][0]["name"] == "Lou"
    assert draft["changes"][0]["role"] == "trusted_contact"
    assert draft["changes"][0]["section_key"] == "trio"
