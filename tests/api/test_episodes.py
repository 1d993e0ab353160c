"""Missing episodes: the worried guide from start to return, the entry checks, the shared
checklist of places (with a trusted contact on their own phone), and who may do what."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest

from backend import clock, hooks
from backend.episodes import api as episodes
from backend.plans import api as plans
from tests.api.test_council_settings import duty_rota
from tests.factories import audit_count

PLACES = {
    "might_go": [{"name": "The park", "where": "Victoria Park, by the swings"}, {"name": "Nan's flat"}],
    "safe": [{"name": "Youth club"}],
}
LOU = {"name": "Lou Mensah", "phone": "020 7946 0123"}


def ago(**kwargs) -> str:
    return (clock.now() - dt.timedelta(**kwargs)).isoformat()


def yp_url(world, who="jade") -> str:
    return f"/api/young-people/{world.young[who]}/episodes"


async def agree_plan_with_places(world, sharing: dict | None = None) -> None:
    url = f"/api/young-people/{world.young['jade']}/plan"
    reply = await world.jade.client.put(f"{url}/sections/places", json=PLACES)
    assert reply.status_code == 200, reply.text
    if sharing is not None:
        reply = await world.jade.client.put(f"{url}/sections/sharing", json=sharing)
        assert reply.status_code == 200, reply.text
    for person in (world.jade, world.priya, world.sam):
        draft = (await person.client.get(url)).json()["draft"]
        reply = await person.client.post(f"{url}/sign", json={"content_hash": draft["content_hash"]})
        assert reply.status_code == 200, reply.text


async def contact_phone(world):
    """Lou, one of Jade's people, signed in on her own phone (no account)."""
    url = f"/api/young-people/{world.young['jade']}/contacts"
    added = (await world.jade.client.post(url, json=LOU)).json()
    code = (await world.jade.client.post(f"{url}/{added['id']}/invite")).json()["code"]
    phone = world.anonymous("198.51.100.31")
    accepted = await phone.post("/api/contact-invites/accept", json={"code": code})
    assert accepted.status_code == 201, accepted.text
    phone.headers["X-CSRF-Token"] = accepted.json()["csrf_token"]
    return phone


async def start(world, who="priya", **body):
    body = {"last_seen_at": ago(minutes=40), "last_seen_where": "Leaving school", **body}
    reply = await world.people[who].client.post(yp_url(world), json=body)
    assert reply.status_code == 201, reply.text
    return reply.json()


class Heard:
    """Hook payloads, as a subscribing domain would receive them."""

    def __init__(self):
        self.payloads: list = []

    async def __call__(self, payload):
        self.payloads.append(payload)


@pytest.fixture
def heard():
    listener = Heard()
    for topic in (
        hooks.Topic.EPISODE_STARTED,
        hooks.Topic.EPISODE_REPORTED,
        hooks.Topic.EPISODE_RETURNED,
        hooks.Topic.EPISODE_CLOSED_UNREPORTED,
    ):
        hooks.on(topic, listener)
    yield listener
    for subscribers in hooks._subscribers.values():
        if listener in subscribers:
            subscribers.remove(listener)


async def test_carer_runs_the_guide_to_a_reported_episode_and_records_the_return(world, heard):
    await agree_plan_with_places(world)
    episode = await start(world, circumstances="Did not come home after school")
    assert episode["state"] == "open" and episode["missing_from"] == "care"
    assert [p["name"] for p in episode["places"]] == ["The park", "Nan's flat", "Youth club"]
    assert "report" in episode["can"] and "close_unreported" in episode["can"]
    url = f"/api/episodes/{episode['id']}"

    risk = (await world.priya.client.put(f"{url}/risk", json={"risk_factors": ["mental_illness"]})).json()
    assert risk["suggested_risk_grade"] == "high"
    assert risk["suggestion"]["why"][0].startswith("High, because of: Mental illness")
    assert any("police" in line for line in risk["suggestion"]["why"])

    reported = await world.priya.client.post(
        f"{url}/report",
        json={"reported_at": ago(minutes=5), "cad_number": "CAD 1234 29/11", "police_risk_grade": "medium"},
    )
    assert reported.status_code == 200, reported.text
    body = reported.json()
    assert (body["state"], body["cad_number"]) == ("reported", "CAD 1234 29/11")
    # Side by side: the police's grade is kept, and so is ours.
    assert (body["police_risk_grade"], body["suggested_risk_grade"]) == ("medium", "high")

    back = await world.priya.client.post(
        f"{url}/return",
        json={
            "returned_at": ago(minutes=1),
            "found_where": "At the park",
            "how_found": "found_by_trusted_person",
            "returned_by": "trusted_person",
            "returned_by_name": "Lou",
            "safe_and_well_check": True,
        },
    )
    assert back.status_code == 200, back.text
    body = back.json()
    assert body["state"] == "returned" and body["safe_and_well_check"] is True
    assert body["can"] == ["edit_follow_up"]
    codes = [entry["code"] for entry in body["timeline"]]
    assert codes == ["episode.started", "episode.risk_assessed", "episode.reported", "episode.returned"]
    assert body["timeline"][0]["by"] == "Priya Shah"
    assert "reference CAD 1234 29/11" in body["timeline"][2]["text"]

    topics = [type(p).__name__ for p in heard.payloads]
    assert topics == ["EpisodeStarted", "EpisodeReported", "EpisodeReturned"]
    assert heard.payloads[2].missing_from == "care"
    for payload in heard.payloads:
        assert payload.started_at.tzinfo is not None and payload.started_at.utcoffset() == dt.timedelta(0)
    assert heard.payloads[2].returned_at > heard.payloads[1].reported_at > heard.payloads[0].started_at
    plan = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/plan")).json()
    assert plan["review_due_at"] is not None

    facts = await episodes.get(uuid.UUID(episode["id"]))
    assert (facts.state, facts.unreported, facts.police_risk_grade) == ("returned", False, "medium")
    assert facts.returned_at is not None and facts.reported_at is not None


async def test_found_before_reporting_is_an_unreported_absence(world, heard):
    episode = await start(world)
    url = f"/api/episodes/{episode['id']}"
    refused = await world.priya.client.post(f"{url}/return", json={"returned_at": ago(minutes=1)})
    assert refused.status_code == 409
    closed = await world.priya.client.post(
        f"{url}/close-unreported", json={"returned_at": ago(minutes=1), "how_found": "came_back"}
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["state"] == "closed_unreported"
    assert [type(p).__name__ for p in heard.payloads] == ["EpisodeStarted", "EpisodeClosedUnreported"]
    [facts] = await episodes.for_young_person(world.young["jade"])
    assert facts.unreported and facts.reported_at is None and facts.state == "closed_unreported"


async def test_one_open_episode_per_young_person(world):
    await start(world)
    again = await world.sam.client.post(yp_url(world), json={"last_seen_at": ago(minutes=5)})
    assert again.status_code == 409
    assert len(await episodes.for_young_person(world.young["jade"])) == 1


@pytest.mark.parametrize(
    ("route", "body", "field"),
    [
        ("report", {"reported_at": ago(hours=-2), "cad_number": "CAD 1"}, "reported_at"),
        ("report", {"reported_at": ago(hours=5), "cad_number": "CAD 1"}, "reported_at"),
        ("report", {"reported_at": ago(minutes=1), "cad_number": "<script>"}, "cad_number"),
        ("report", {"reported_at": ago(minutes=1), "cad_number": "1"}, "cad_number"),
        ("close-unreported", {"returned_at": ago(hours=3)}, "returned_at"),
        ("close-unreported", {"returned_at": ago(hours=-1)}, "returned_at"),
    ],
)
async def test_bad_times_and_references_are_refused_and_change_nothing(world, route, body, field):
    episode = await start(world)
    url = f"/api/episodes/{episode['id']}"
    reply = await world.priya.client.post(f"{url}/{route}", json=body)
    assert reply.status_code == 422, reply.text
    assert reply.json()["errors"][0]["field"] == field
    after = (await world.priya.client.get(url)).json()
    assert after["state"] == "open" and [e["code"] for e in after["timeline"]] == ["episode.started"]


async def test_a_start_in_the_future_is_refused(world):
    reply = await world.priya.client.post(yp_url(world), json={"last_seen_at": ago(hours=-1)})
    assert reply.status_code == 422
    assert await episodes.for_young_person(world.young["jade"]) == []


async def test_follow_up_and_history(world):
    episode = await start(world)
    url = f"/api/episodes/{episode['id']}"
    await world.priya.client.post(f"{url}/close-unreported", json={"returned_at": ago(minutes=2)})
    reply = await world.sam.client.put(
        f"{url}/follow-up", json={"actions_taken": "Rang Nan", "follow_up": "Talk about curfew"}
    )
    assert reply.status_code == 200, reply.text
    assert (reply.json()["actions_taken"], reply.json()["follow_up"]) == ("Rang Nan", "Talk about curfew")
    history = (await world.sam.client.get(yp_url(world))).json()
    assert [(e["id"], e["state"]) for e in history] == [(episode["id"], "closed_unreported")]


async def test_carer_and_trusted_contact_share_the_checklist(world):
    await agree_plan_with_places(world)
    lou = await contact_phone(world)
    assert (await lou.get("/api/contact/episodes")).json() == []
    episode = await start(world)
    [search] = (await lou.get("/api/contact/episodes")).json()
    assert search["id"] == episode["id"] and search["young_person_name"] == "Jade"
    park = search["places"][0]
    base = f"/api/contact/episodes/{episode['id']}/places/{park['id']}"
    claimed = await lou.post(f"{base}/claim")
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["claimed_by"] == "Lou Mensah" and claimed.json()["claimed_by_me"]

    # The carer sees Lou's claim, and cannot take it over.
    carer_url = f"/api/episodes/{episode['id']}/places"
    seen = (await world.priya.client.get(carer_url)).json()
    assert seen[0]["claimed_by"] == "Lou Mensah" and not seen[0]["claimed_by_me"]
    taken = await world.priya.client.post(f"{carer_url}/{park['id']}/claim")
    assert taken.status_code == 409
    nan = seen[1]
    assert (await world.priya.client.post(f"{carer_url}/{nan['id']}/claim")).json()["claimed_by_me"]

    ticked = await lou.put(f"{base}/check", json={"checked": True, "note": "Not there"})
    assert ticked.json()["checked"] and ticked.json()["note"] == "Not there"
    timeline = (await world.priya.client.get(f"/api/episodes/{episode['id']}")).json()["timeline"]
    assert [(e["code"], e["by"]) for e in timeline][-3:] == [
        ("episode.place_claimed", "Lou Mensah"),
        ("episode.place_claimed", "Priya Shah"),
        ("episode.place_checked", "Lou Mensah"),
    ]
    assert timeline[-1]["text"] == "Checked The park"

    # Once Jade is back, the checklist closes for Lou.
    await world.priya.client.post(
        f"/api/episodes/{episode['id']}/close-unreported", json={"returned_at": ago(minutes=1)}
    )
    assert (await lou.get("/api/contact/episodes")).json() == []
    # Her screen may still be asking: it is told there is nothing to check, not refused.
    refusals = await audit_count(action="refused")
    assert (await lou.get(f"/api/contact/episodes/{episode['id']}/places")).json() == []
    assert (await lou.post(f"{base}/unclaim")).status_code == 409
    assert await audit_count(action="refused") == refusals


async def test_a_contact_sees_no_places_the_young_person_keeps_from_their_people(world):
    sharing = {"places": ["carer"]}
    await agree_plan_with_places(world, sharing)
    lou = await contact_phone(world)
    episode = await start(world)
    assert (await lou.get("/api/contact/episodes")).json() == []
    reply = await lou.get(f"/api/contact/episodes/{episode['id']}/places")
    assert reply.status_code == 404


async def test_a_stranger_is_refused_as_if_the_episode_did_not_exist(world):
    episode = await start(world)
    url = f"/api/episodes/{episode['id']}"
    for person in (world.olu, world.alex, world.ruth, world.jade):
        reply = await person.client.get(url)
        assert reply.status_code == 404, person.key
        missing = await person.client.get(f"/api/episodes/{uuid.uuid4()}")
        assert missing.json() == reply.json()
        reply = await person.client.post(
            f"{url}/report", json={"reported_at": ago(minutes=1), "cad_number": "CAD 12"}
        )
        assert reply.status_code == 404
    assert await audit_count(action="refused", actor_id=world.olu.user_id) >= 2
    assert (
        await world.olu.client.post(yp_url(world), json={"last_seen_at": ago(minutes=1)})
    ).status_code == 404


async def test_a_carer_whose_placement_ended_is_refused(world):
    episode = await start(world)
    placements = (await world.sam.client.get(f"/api/young-people/{world.young['jade']}/placements")).json()
    ended = await world.sam.client.post(
        f"/api/young-people/{world.young['jade']}/placements/{placements[0]['id']}/end"
    )
    assert ended.status_code == 200, ended.text
    assert (await world.priya.client.get(f"/api/episodes/{episode['id']}")).status_code == 404
    assert (await world.priya.client.get(yp_url(world))).status_code == 404


async def test_open_episodes_and_facts_for_a_period(world):
    episode = await start(world)
    mia = await world.olu.client.post(
        yp_url(world, "mia"), json={"last_seen_at": ago(hours=2), "missing_from": "home"}
    )
    assert mia.status_code == 201
    found = await episodes.open_episodes(world.council_id)
    assert {str(f.episode_id) for f in found} == {episode["id"], mia.json()["id"]}
    assert await episodes.open_episodes(uuid.uuid4()) == []
    now = clock.now()
    period = await episodes.facts(council_id=world.council_id, start=now - dt.timedelta(hours=1), end=now)
    assert [str(f.episode_id) for f in period] == [episode["id"]]
    assert await plans.when_i_come_back("carer", world.young["jade"]) is None


async def test_the_carer_sees_the_young_persons_when_i_come_back_wishes_unless_kept_from_carers(world):
    url = f"/api/young-people/{world.young['jade']}/plan"
    wishes = {"what_helps": "A hot chocolate and no questions till morning", "please_dont": "Shout"}
    assert (await world.jade.client.put(f"{url}/sections/coming_back", json=wishes)).status_code == 200
    await agree_plan_with_places(world)
    episode = await start(world)
    assert episode["when_i_come_back"] == wishes
    offline = (await world.jade.client.get(f"{url}/agreed")).json()
    assert offline["agreed"]["content"]["coming_back"] == wishes

    assert (
        await world.jade.client.put(f"{url}/sections/sharing", json={"coming_back": []})
    ).status_code == 200
    await agree_plan_with_places(world)
    seen = (await world.priya.client.get(f"/api/episodes/{episode['id']}")).json()
    assert seen["when_i_come_back"] is None
    assert (await world.sam.client.get(f"/api/episodes/{episode['id']}")).json()["when_i_come_back"] == wishes


async def test_starting_the_guide_tells_the_social_worker_and_out_of_hours_the_worker_on_duty(world):
    await duty_rota(world)  # Alex out of hours, Sam in office hours
    # A Saturday night: out of office hours.
    saturday = dt.datetime(2026, 11, 28, 22, 0, tzinfo=dt.UTC)
    clock.travel(saturday - clock.now())
    try:
        episode = await start(world)
    finally:
        clock.reset()
    for person in (world.sam, world.alex):
        notices = (await person.client.get("/api/notices")).json()["notices"]
        assert [n["link"] for n in notices] == [f"#/episodes/{episode['id']}"], person.key
        assert notices[0]["text"] == "Priya Shah is worried about Jade and has started the missing guide"
    assert (await world.priya.client.get("/api/notices")).json()["notices"] == []


async def test_in_office_hours_only_the_young_persons_social_worker_is_told(world):
    await duty_rota(world)
    monday = dt.datetime(2026, 11, 30, 11, 0, tzinfo=dt.UTC)
    clock.travel(monday - clock.now())
    try:
        await start(world)
    finally:
        clock.reset()
    assert len((await world.sam.client.get("/api/notices")).json()["notices"]) == 1
    assert (await world.alex.client.get("/api/notices")).json()["notices"] == []


async def test_two_adults_starting_the_guide_at_once_make_one_episode(world):
    body = {"last_seen_at": ago(minutes=30)}
    replies = await asyncio.gather(
        world.priya.client.post(yp_url(world), json=body), world.sam.client.post(yp_url(world), json=body)
    )
    assert sorted(reply.status_code for reply in replies) == [201, 409]
    assert len(await episodes.for_young_person(world.young["jade"])) == 1


async def test_opening_an_episode_is_audited_and_polling_its_checklist_is_not(world):
    await agree_plan_with_places(world)
    episode = await start(world)
    before = await audit_count(action="read", actor_id=world.priya.user_id)
    await world.priya.client.get(f"/api/episodes/{episode['id']}")
    assert await audit_count(action="read", actor_id=world.priya.user_id) == before + 1
    for _ in range(3):
        assert (await world.priya.client.get(f"/api/episodes/{episode['id']}/places")).status_code == 200
    assert await audit_count(action="read", actor_id=world.priya.user_id) == before + 1
