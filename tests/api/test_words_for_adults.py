"""Words for the reader: what a carer or a social worker reads about a young person is
said about them ("Jade's people", "their photo"), never in the young person's own voice
("my people", "They look after you where you live"), which is theirs alone."""

import re

from tests.api.alerts_helpers import active_contact
from tests.api.test_access_matrix import jpeg_b64
from tests.api.test_plans import edit, plan_url

FIRST_PERSON = re.compile(r"\b(my|me|I|I'm|mine)\b")
SECOND_PERSON = re.compile(r"\b(you|your|yours|you're)\b", re.IGNORECASE)


def in_their_voice(text: str) -> bool:
    return bool(FIRST_PERSON.search(text) or SECOND_PERSON.search(text))


async def test_adults_read_a_plans_changes_and_history_about_the_young_person(world):
    url = plan_url(world)
    for section, body in (
        ("about_me", {"name_i_like": "Jade"}),
        ("worries", {"what_worries_me": "Being shouted at"}),
        ("coming_back", {"what_helps": "A hot chocolate"}),
    ):
        reply = await edit(world.jade, url, section, body)
        assert reply.status_code == 200, reply.text
    photo = await world.jade.client.put(f"{url}/photo", json={"photo": jpeg_b64()})
    assert photo.status_code == 200, photo.text
    await active_contact(world, "Lou")  # her people change: "my people"

    jades = [c["section"] for c in (await world.jade.client.get(url)).json()["draft"]["changes"]]
    assert {"my photo", "my people", "what worries me"} <= set(jades)  # her own voice, for her
    for adult in (world.sam, world.priya):
        changes = (await adult.client.get(url)).json()["draft"]["changes"]
        said = [c["section"] for c in changes]
        assert {"their photo", "their trusted people", "what worries them"} <= set(said), said
        assert not [s for s in said if in_their_voice(s)], said

    # Sam's "who has looked" and everyone's "who can see": about Jade, not to her.
    looked = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/who-has-looked")).json()
    lines = [e["what"] for e in (looked["events"] if isinstance(looked, dict) else looked)]
    assert lines and not [line for line in lines if in_their_voice(line)], lines
    for adult in (world.sam, world.priya):
        who = (await adult.client.get(f"/api/young-people/{world.young['jade']}/who-can-see")).json()
        texts = [str(value) for value in _strings(who)]
        assert not [text for text in texts if in_their_voice(text)], texts


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
