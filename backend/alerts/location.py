"""Where the young person is, when they choose to share it for one alert."""

from __future__ import annotations

from typing import Annotated

import msgspec
from openlocationcode import openlocationcode

# Ten digits of a plus code place someone within about 14 m.
PLUS_CODE_DIGITS = 10


class Location(msgspec.Struct, forbid_unknown_fields=True):
    latitude: Annotated[float, msgspec.Meta(ge=-90, le=90)]
    longitude: Annotated[float, msgspec.Meta(ge=-180, le=180)]
    accuracy_m: Annotated[float, msgspec.Meta(ge=0, le=100_000)] | None = None


def plus_code(latitude: float, longitude: float) -> str:
    return openlocationcode.encode(latitude, longitude, PLUS_CODE_DIGITS)


def describe(location: Location) -> dict:
    """Coordinates, a plus code and a map link, as the recipient's screen shows them."""
    lat, lng = round(location.latitude, 6), round(location.longitude, 6)
    return {
        "latitude": lat,
        "longitude": lng,
        "accuracy_m": location.accuracy_m,
        "plus_code": plus_code(lat, lng),
        "map_url": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}#map=17/{lat}/{lng}",
    }
