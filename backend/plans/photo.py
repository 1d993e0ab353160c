"""The plan's photo: checked, shrunk and stripped of metadata (which can hold a location)."""

from __future__ import annotations

import base64
import binascii
import io

from PIL import Image, UnidentifiedImageError

from backend.errors import Invalid

MAX_BYTES = 600_000
MAX_PIXELS = 40_000_000
LONGEST_SIDE = 800
ALLOWED = {"JPEG", "PNG", "WEBP"}


def clean_photo(data_base64: str) -> tuple[str, str]:
    """Returns (media type, base64 JPEG); raises Invalid naming `photo` otherwise."""
    try:
        raw = base64.b64decode(data_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise Invalid({"photo": "That file isn't a photo we can use."}) from exc
    if len(raw) > MAX_BYTES:
        raise Invalid({"photo": "That photo is too big. Use one under 600 KB."})
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format not in ALLOWED:
                raise Invalid({"photo": "Use a JPEG, PNG or WebP photo."})
            probe.verify()
        with Image.open(io.BytesIO(raw)) as image:
            image = image.convert("RGB")
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            out = io.BytesIO()
            # Saving afresh writes no EXIF: no GPS position, no camera details.
            image.save(out, format="JPEG", quality=85)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise Invalid({"photo": "That file isn't a photo we can use."}) from exc
    return "image/jpeg", base64.b64encode(out.getvalue()).decode()
