"""Where the young person is, when they choose to share it for one alert."""

from __future__ import annotations

from typing import Annotated

import msgspec

# Open Location Code ("plus code"): base 20 over latitude+90 and longitude+180, five
# pairs of digits, a "+" after the eighth. 10 digits place someone within about 14 m.
_DIGITS = "23456789CFGHJMPQRVWX"
_PAIR_RESOLUTIONS = (20.0, 1.0, 0.05, 0.0025, 0.000125)


class Location(msgspec.Struct, forbid_unknown_fields=True):
    latitude: Annotated[float, msgspec.Meta(ge=-90, le=90)]
    longitude: Annotated[float, msgspec.Meta(ge=-180, le=180)]
    accuracy_m: Annotated[float, msgspec.Meta(ge=0, le=100_000)] | None = None


def plus_code(latitude: float, longitude: float) -> str:
    lat = min(max(latitude, -90.0), 90.0) + 90.0
    if lat >= 180.0:
        lat = 180.0 - _PAIR_RESOLUTIONS[-1] / 2  # the north pole belongs to the last cell
    lng = (longitude + 180.0) % 360.0
    code = ""
    for resolution in _PAIR_RESOLUTIONS:
        lat_digit, lng_digit = int(lat // resolution), int(lng // resolution)
        lat -= lat_digit * resolution
        lng -= lng_digit * resolution
        code += _DIGITS[lat_digit] + _DIGITS[lng_digit]
    return code[:8] + "+" + code[8:]


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
