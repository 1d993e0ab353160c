"""Plus codes come from the maintained Open Location Code library: the code a recipient
is shown is the one every map app reads back to the same place."""

import pytest

from backend.alerts.location import Location, describe, plus_code


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (51.5007, -0.1246, "9C3XGV2G+75"),  # Westminster, as the alert tests send it
        (90, 0, "CFX2X2X2+X2"),  # the north pole belongs to the last row of cells
        (-90, -180, "22222222+22"),
        (0, 180, "62G22222+22"),  # 180 east is 180 west
        # Exactly on a cell's edge: the hand-written arithmetic this replaced put these in
        # the cell next door.
        (-84.772658, -100.191, "257X6RG5+WJ"),
        (88.657814, 129.58075, "CQWFMH5J+48"),
    ],
)
def test_plus_code_names_the_cell_the_place_is_in(latitude, longitude, code):
    assert plus_code(latitude, longitude) == code


def test_a_shared_place_is_described_with_its_plus_code_and_a_map_link():
    place = describe(Location(latitude=51.50070001, longitude=-0.12460001, accuracy_m=20))
    assert place["plus_code"] == "9C3XGV2G+75"
    assert (
        place["map_url"] == "https://www.openstreetmap.org/?mlat=51.5007&mlon=-0.1246#map=17/51.5007/-0.1246"
    )
