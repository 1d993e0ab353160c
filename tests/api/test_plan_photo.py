"""The plan's photo: bombs refused before decoding, and nothing but pixels kept."""

import base64
import io
import struct
import zlib

from PIL import Image, ImageCms, PngImagePlugin

from backend.plans.tables import PlanPhoto
from backend.security import decrypt
from tests.api.test_plans import plan_url

SECRET_WORDS = (b"SECRET-COMMENT", b"SECRET-TEXT", b"SECRET-ITXT", b"SECRET-ZTXT", b"SECRET-CAMERA")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bomb_png(side: int = 8940) -> bytes:
    """A valid black-and-white PNG of side x side pixels, about 10 KB on the wire (79.9
    megapixels: under Pillow's own bomb limit, so Pillow alone only warns or says
    nothing)."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    data = zlib.compress(row * side, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")
    )


def jpeg_with_comment_and_location(size=(640, 480)) -> bytes:
    image = Image.new("RGB", size, (30, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "SECRET-CAMERA"  # camera maker
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"SECRET-COMMENT")
    return out.getvalue()


def png_with_text_chunks() -> bytes:
    info = PngImagePlugin.PngInfo()
    # Pillow reads a "comment" text chunk as the image's comment, which a JPEG keeps.
    info.add_text("comment", "SECRET-TEXT")
    info.add_text("Description", "SECRET-ZTXT", zip=True)
    info.add_itxt("Location", "SECRET-ITXT", lang="en", tkey="Location")
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 60, 60)).save(out, format="PNG", pnginfo=info, icc_profile=profile)
    return out.getvalue()


def jpeg_segments(data: bytes) -> list[int]:
    """The marker of every segment before the image data starts."""
    assert data[:2] == b"\xff\xd8"
    markers, at = [], 2
    while at < len(data):
        assert data[at] == 0xFF
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: pixels follow
            break
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        at += 2 + length
    return markers


def assert_only_pixels(data: bytes) -> None:
    for word in SECRET_WORDS:
        assert word not in data, word
    markers = jpeg_segments(data)
    assert 0xFE not in markers, "a comment (COM) survived"
    assert [m for m in markers if 0xE1 <= m <= 0xEF] == [], "an APPn block (EXIF, XMP, ICC) survived"
    assert b"Exif" not in data and b"GPS" not in data


async def stored_photos() -> list[bytes]:
    rows = await PlanPhoto.select(PlanPhoto.data)
    return [base64.b64decode(decrypt(row["data"])) for row in rows]


async def upload(world, raw: bytes):
    return await world.jade.client.put(f"{plan_url(world)}/photo", json={"photo": b64(raw)})


async def test_decompression_bomb_is_refused_before_decoding_and_nothing_is_stored(world):
    raw = bomb_png()
    assert len(raw) < 12_000
    reply = await upload(world, raw)
    assert reply.status_code == 422
    assert reply.headers["content-type"].startswith("application/problem+json")
    assert reply.json()["errors"][0]["field"] == "photo"
    assert "too big" in reply.json()["errors"][0]["message"]
    assert await stored_photos() == []
    assert (await world.jade.client.get(plan_url(world))).json()["draft"] is None


async def test_jpeg_comment_exif_and_location_are_gone_from_stored_and_served_photo(world):
    reply = await upload(world, jpeg_with_comment_and_location())
    assert reply.status_code == 200, reply.text
    photo_id = reply.json()["draft"]["content"]["photo_id"]
    (stored,) = await stored_photos()
    assert_only_pixels(stored)
    served = await world.sam.client.get(f"{plan_url(world)}/photos/{photo_id}")
    assert served.headers["content-type"] == "image/jpeg"
    assert_only_pixels(served.content)
    assert Image.open(io.BytesIO(served.content)).size == (640, 480)


async def test_png_text_chunks_are_gone_from_stored_and_served_photo(world):
    reply = await upload(world, png_with_text_chunks())
    assert reply.status_code == 200, reply.text
    photo_id = reply.json()["draft"]["content"]["photo_id"]
    (stored,) = await stored_photos()
    assert_only_pixels(stored)
    served = await world.sam.client.get(f"{plan_url(world)}/photos/{photo_id}")
    assert_only_pixels(served.content)
    assert Image.open(io.BytesIO(served.content)).getpixel((10, 10))[0] > 150  # still the photo


async def test_an_ordinary_twelve_megapixel_phone_photo_is_kept_and_shrunk(world):
    out = io.BytesIO()
    Image.new("RGB", (3000, 4000), (90, 140, 60)).save(out, format="JPEG", quality=70)
    reply = await upload(world, out.getvalue())
    assert reply.status_code == 200, reply.text
    (stored,) = await stored_photos()
    assert Image.open(io.BytesIO(stored)).size == (600, 800)


async def test_a_phone_photo_turned_by_its_exif_keeps_its_way_up(world):
    # Phones store pixels sideways and say "turn me" in EXIF; with the EXIF gone, the
    # turn must already be in the pixels.
    image = Image.new("RGB", (400, 200), (0, 0, 0))
    image.paste((255, 255, 255), (0, 0, 200, 200))  # the left half is white
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90 degrees clockwise to view
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    reply = await upload(world, out.getvalue())
    assert reply.status_code == 200, reply.text
    (stored,) = await stored_photos()
    upright = Image.open(io.BytesIO(stored)).convert("L")
    assert upright.size == (200, 400)
    assert upright.getpixel((100, 50)) > 200 and upright.getpixel((100, 350)) < 50


async def test_a_phone_jpeg_with_a_second_picture_inside_is_accepted_and_stripped(world):
    # Many phones save MPO: a JPEG with a smaller second picture and its own metadata.
    main = Image.new("RGB", (1200, 900), (30, 90, 160))
    second = Image.new("RGB", (320, 240), (30, 90, 160))
    out = io.BytesIO()
    main.save(out, format="MPO", save_all=True, append_images=[second], comment=b"SECRET-COMMENT")
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"
    reply = await upload(world, out.getvalue())
    assert reply.status_code == 200, reply.text
    (stored,) = await stored_photos()
    assert_only_pixels(stored)
    assert Image.open(io.BytesIO(stored)).size == (800, 600)


def camera_jpeg(target_bytes: int = 9_700_000) -> bytes:
    """A 3000 x 4000 JPEG the size a phone camera writes (noise does not compress)."""
    import random

    noise = random.Random(7).randbytes(3000 * 4000 * 3)
    image = Image.frombytes("RGB", (3000, 4000), noise)
    for quality in (80, 70, 60, 50):
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=quality, exif=Image.Exif(), comment=b"SECRET-CAMERA")
        if out.tell() <= target_bytes:
            return out.getvalue()
    return out.getvalue()


async def test_a_photo_straight_from_a_phone_camera_is_accepted(world):
    raw = camera_jpeg()
    assert 8_000_000 < len(raw) <= 10_000_000, len(raw)
    reply = await upload(world, raw)
    assert reply.status_code == 200, reply.text
    (stored,) = await stored_photos()
    assert_only_pixels(stored)
    assert Image.open(io.BytesIO(stored)).size == (600, 800)


async def test_an_iphone_heic_photo_is_converted_to_a_bare_jpeg(world):
    import pillow_heif

    pillow_heif.register_heif_opener()
    image = Image.new("RGB", (1512, 2016), (30, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "SECRET-CAMERA"
    out = io.BytesIO()
    image.save(out, format="HEIF", exif=exif.tobytes())
    reply = await upload(world, out.getvalue())
    assert reply.status_code == 200, reply.text
    (stored,) = await stored_photos()
    assert_only_pixels(stored)
    photo = Image.open(io.BytesIO(stored))
    assert (photo.format, photo.size) == ("JPEG", (600, 800))


async def test_a_photo_over_15_mb_is_refused_with_its_limit_and_nothing_is_kept(world):
    reply = await upload(world, b"\xff\xd8" + b"\x00" * 15_000_001)
    assert reply.status_code == 422
    assert reply.json()["errors"][0]["message"] == "That photo is too big. Use one under 15 MB."
    assert await stored_photos() == []
