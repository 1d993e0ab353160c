"""The plan's photo: checked, shrunk and stripped to its pixels.

Metadata can hold a location (EXIF GPS), a name or a note (a JPEG comment, PNG text
chunks): none of it is kept. The photo is decoded off the event loop, and only after
its declared size passed: Pillow's own bomb guard only warns below twice its limit.
"""

from __future__ import annotations

import base64
import binascii
import io
import threading

import anyio.to_thread
import pillow_heif
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from backend.errors import Invalid
from backend.i18n import N_

# A phone's photo as the camera saved it: a 12 megapixel JPEG is up to ~10 MB. The PWA
# shrinks a photo before sending when the browser can read it; an iPhone's HEIC in a
# browser that cannot (Chrome, Firefox) arrives as it is and is converted here.
MAX_BYTES = 15_000_000
# The upload route's body: the photo in base64 (4 bytes for every 3) and its JSON.
MAX_REQUEST_BYTES = MAX_BYTES * 4 // 3 + 1024
# Far above a phone's 12 megapixels (3000 x 4000), far below what a small file can
# declare: a 10 KB PNG can claim 80 megapixels and cost 400 MB to decode.
MAX_PIXELS = 40_000_000
LONGEST_SIDE = 800
# Many phones save a JPEG as MPO (a second, smaller picture inside): Pillow opens those
# as JPEG and keeps only the first picture.
FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
# HEIC/HEIF (iPhones) through libheif; like the others, its header gives the size
# before a pixel is decoded.
pillow_heif.register_heif_opener()
# A decode can hold ~160 MB (40 megapixels, four bytes each): only two at a time.
_DECODING = threading.BoundedSemaphore(2)
_SRGB = ImageCms.createProfile("sRGB")

NOT_A_PHOTO = N_("That file isn't a photo we can use.")
TOO_BIG = N_("That photo is too big. Use one under 15 MB.")
TOO_MANY_PIXELS = N_("That photo is too big. Use a smaller one, like one from a phone.")
NOT_A_FORMAT = N_("Use a photo from a phone or camera: JPEG, HEIC, PNG or WebP.")


async def clean_photo(data_base64: str) -> tuple[str, str]:
    """Returns (media type, base64 JPEG); raises Invalid naming `photo` otherwise."""
    try:
        raw = base64.b64decode(data_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid({"photo": NOT_A_PHOTO}) from exc
    if len(raw) > MAX_BYTES:
        raise Invalid({"photo": TOO_BIG})
    jpeg = await anyio.to_thread.run_sync(_clean, raw)
    return "image/jpeg", base64.b64encode(jpeg).decode()


def _clean(raw: bytes) -> bytes:
    try:
        # Opening reads the header only: the size is known before any pixel is decoded.
        with Image.open(io.BytesIO(raw), formats=FORMATS) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise Invalid({"photo": TOO_MANY_PIXELS})
            probe.verify()
        with _DECODING, Image.open(io.BytesIO(raw), formats=FORMATS) as image:
            # A JPEG decodes straight to about the size we keep, not at full size.
            image.draft("RGB", (LONGEST_SIDE, LONGEST_SIDE))
            # Phones store pixels sideways and say "turn me" in EXIF, which goes.
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            rgb = _in_srgb(upright)
            # A fresh image from the pixels alone: nothing from the file's info
            # (comment, text chunks, EXIF, XMP, colour profile) can ride along.
            bare = Image.frombytes("RGB", rgb.size, rgb.tobytes())
            out = io.BytesIO()
            bare.save(out, format="JPEG", quality=85)
    except UnidentifiedImageError as exc:
        raise Invalid({"photo": NOT_A_FORMAT}) from exc
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise Invalid({"photo": NOT_A_PHOTO}) from exc
    return out.getvalue()


def _in_srgb(image: Image.Image) -> Image.Image:
    """RGB in the usual colour space, so dropping the file's colour profile (phones use
    wider ones) does not change how the photo looks."""
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
            if converted is not None:  # None only when converting in place, which this is not
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: keep the pixels as they are
    return image.convert("RGB")
