"""A bad plan section is answered in plain words, naming the field.

msgspec's ValidationError carries only its message, so plans/content.plain_error reads
it by fixed prefixes. Each case it knows is pinned here against the installed msgspec:
a release that rewords one fails this test instead of showing people msgspec's words.
"""

from __future__ import annotations

import msgspec
import pytest

from backend.plans import content

CASES = [
    ("places", {"might_go": [{"where": "x"}]}, "might_go.0.name", "Please fill this in."),
    ("places", {"might_go": [{"name": "a"}] * 11}, "might_go", "That is too many: 10 at most."),
    ("about_me", {"height": "x" * 500}, "height", "That is too long: use 200 characters or fewer."),
    (
        "carer_steps",
        {"steps": [{"after_minutes": "soon", "action": "a"}]},
        "steps.0.after_minutes",
        "Use a number of minutes (0 or more).",
    ),
    ("worries", {"nope": 1}, "nope", "That is not part of this section."),
    ("sharing", {"worries": ["aliens"]}, "worries", "Choose from: carer, police, trusted contacts."),
    (
        "sharing",
        {"places": ["carer", "school"]},
        "places",
        "Homeward can't send anything to a school, so a school can't be chosen.",
    ),
]


@pytest.mark.parametrize(("section", "data", "field", "message"), CASES)
def test_each_kind_of_mistake_names_the_field_in_plain_words(section, data, field, message):
    with pytest.raises(msgspec.ValidationError) as caught:
        content.check_section(section, data)
    assert content.plain_error(caught.value) == (field, message)
