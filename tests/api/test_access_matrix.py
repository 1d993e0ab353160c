"""Every route x every role x own / other young person, checked against a table.

The table below is written from the access rules in docs/api.md and PRODUCT.md
("Least access"), not from the code: a record route answers a stranger exactly as it
answers an id that does not exist (404) and writes the refusal to the audit log; a route
for some roles answers other roles 403; anyone not signed in gets 401.

In the World, Jade is Sam's and Priya's, Mia is Alex's and Olu's. For each role one
person is asked: Jade (young person), Priya (carer), Sam (social worker), Ruth (manager)
and the admin. "own" is Jade, "other" is Mia.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest

from tests.api.interview_helpers import held_body, return_home
from tests.factories import PASSWORD, Person, World, add_person, audit_count

ROLES = ("young_person", "carer", "social_worker", "manager", "admin", "police_liaison", "anonymous")
WHO = {
    "young_person": "jade",
    "carer": "priya",
    "social_worker": "sam",
    "manager": "ruth",
    "admin": "admin",
    "police_liaison": "pat",
}
TARGETS = {"own": "jade", "other": "mia"}
# How each person is tied to a young person. Nobody else is tied to anyone: a manager
# or an admin is never tied to a record, whatever their council.
TIES = {("jade", "jade"): "self", ("priya", "jade"): "carer", ("sam", "jade"): "social_worker"}

ANYONE, SIGNED_IN, OWN_SESSION, ROLE, RECORD, CONTACT = (
    "anyone",
    "signed in",
    "own session",
    "role",
    "record",
    "contact",
)


@dataclass(frozen=True)
class Rule:
    kind: str
    may: frozenset[str] = frozenset()
    ok: int = 200


def anyone(ok: int = 200) -> Rule:
    return Rule(ANYONE, ok=ok)


def signed_in(ok: int = 200) -> Rule:
    return Rule(SIGNED_IN, ok=ok)


def own_session(ok: int = 204) -> Rule:
    return Rule(OWN_SESSION, ok=ok)


def roles(*names: str, ok: int = 200) -> Rule:
    return Rule(ROLE, frozenset(names), ok)


def record(*relations: str, ok: int = 200) -> Rule:
    return Rule(RECORD, frozenset(relations), ok)


def contact_only(ok: int = 200) -> Rule:
    """Only a trusted contact's own cookie works; every account, and nobody, gets 401."""
    return Rule(CONTACT, ok=ok)


# -- how to call each route -----------------------------------------------------------
# A builder gets the World, the caller (None when anonymous) and the subject (a young
# person's id for record routes, a session id for own-session routes, else None) and
# returns (url, json body). Bodies are valid, so an allowed caller gets the success code.

Builder = Callable[[World, Person | None, uuid.UUID | None], Awaitable[tuple[str, dict | None]]]


def fixed(url: str, body: dict | None = None) -> Builder:
    async def build(_world, _person, _subject):
        return url, body

    return build


def on_record(suffix: str = "", body: Callable[[uuid.UUID], dict] | None = None) -> Builder:
    async def build(_world, _person, young_person_id):
        return f"/api/young-people/{young_person_id}{suffix}", body and body(young_person_id)

    return build


async def sign_out_a_phone(world, _person, young_person_id):
    keys = {v: k for k, v in world.young.items()}
    key = keys.get(young_person_id)
    # A second phone of the young person's (a random id when the record is made up).
    session_id = (await world.device(key)).public_id if key in world.people else uuid.uuid4()
    return f"/api/young-people/{young_person_id}/devices/{session_id}", None


async def sign_out_a_carers_phone(world, _person, young_person_id):
    """A second phone of the carer placed with the young person (random ids when made up)."""
    key = _key_of(world, young_person_id)
    if key in TEAM:
        carer = world.people[TEAM[key][1]]
        carer_id, session_id = carer.user_id, (await world.device(carer.key)).public_id
    else:
        carer_id, session_id = uuid.uuid4(), uuid.uuid4()
    return f"/api/young-people/{young_person_id}/carers/{carer_id}/devices/{session_id}", None


async def revoke_session(_world, _person, session_id):
    return f"/api/auth/sessions/{session_id}", None


async def change_secret(_world, person, _subject):
    new = "975318" if person and person.role == "young_person" else "a brand new password"
    return "/api/auth/change-secret", {
        "current_secret": person.secret if person else "whatever",
        "new_secret": new,
    }


async def login(world, _person, _subject):
    return "/api/auth/login", world.jade.login_body()


async def lookup(world, _person, _subject):
    return "/api/invites/lookup", {"code": (await world.invite("tyler"))["code"]}


async def accept(world, _person, _subject):
    code = (await world.invite("jade", "carer"))["code"]
    return "/api/invites/accept", {
        "code": code,
        "username": f"carer-{uuid.uuid4().hex[:8]}",
        "secret": PASSWORD,
        "display_name": "New Carer",
    }


async def add_young_person(_world, _person, _subject):
    born = dt.date.today() - dt.timedelta(days=365 * 13)
    return "/api/young-people", {"preferred_name": "Kai", "date_of_birth": born.isoformat()}


async def invite(_world, _person, young_person_id):
    return "/api/invites", {"role": "carer", "young_person_id": str(young_person_id)}


# -- new sign-in links (a forgotten PIN, a lost phone) and emailed invites ---------------


async def sign_in_link(_world, _person, young_person_id):
    return "/api/sign-in-links", {"young_person_id": str(young_person_id)}


async def _sign_in_link_code(world) -> str:
    laptop = (await world.device("sam", "Sam's laptop")).client
    reply = await laptop.post("/api/sign-in-links", json={"young_person_id": str(world.young["jade"])})
    return reply.json()["code"]


async def sign_in_link_lookup(world, _person, _subject):
    return "/api/sign-in-links/lookup", {"code": await _sign_in_link_code(world)}


async def sign_in_link_use(world, _person, _subject):
    return "/api/sign-in-links/use", {"code": await _sign_in_link_code(world), "secret": "482915"}


async def email_invite(world, _person, young_person_id):
    """An invite the young person's own social worker made; the tests' server has no
    email set up, so an allowed caller hears so (409) and everyone else gets 404."""
    code = "NOSUCHCODE12"
    if young_person_id in (world.young["jade"], world.young["mia"]):
        worker = "sam" if young_person_id == world.young["jade"] else "alex"
        laptop = (await world.device(worker, "Laptop")).client
        body = {"role": "carer", "young_person_id": str(young_person_id)}
        code = (await laptop.post("/api/invites", json=body)).json()["code"]
    return "/api/invites/email", {
        "young_person_id": str(young_person_id),
        "code": code,
        "email": "carer@example.org",
    }


def on_olu(action: str) -> Builder:
    async def build(world, _person, _subject):
        return f"/api/admin/users/{world.olu.user_id}/{action}", None

    return build


# Who looks after each young person in the World: the owner edits and signs as themselves.
TEAM = {"jade": ("jade", "priya", "sam"), "mia": ("mia", "olu", "alex")}


def _key_of(world, young_person_id) -> str | None:
    return {v: k for k, v in world.young.items()}.get(young_person_id)


async def _draft_hash(world, young_person_id) -> str:
    """Make sure there is a draft (the social worker writes a note) and return its hash."""
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return "0" * 64
    worker = world.people[TEAM[key][2]].client
    url = f"/api/young-people/{young_person_id}/plan"
    reply = await worker.put(f"{url}/sections/professional_notes", json={"text": uuid.uuid4().hex})
    return reply.json()["draft"]["content_hash"]


async def _agree(world, young_person_id) -> None:
    await _draft_hash(world, young_person_id)
    key = _key_of(world, young_person_id)
    url = f"/api/young-people/{young_person_id}/plan"
    for who in TEAM.get(key, ()):
        client = world.people[who].client
        draft = (await client.get(url)).json()["draft"]
        if draft:
            await client.post(f"{url}/sign", json={"content_hash": draft["content_hash"]})


def jpeg_b64() -> str:
    import base64
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 20, 30)).save(out, format="JPEG")
    return base64.b64encode(out.getvalue()).decode()


async def sign_plan(world, _person, young_person_id):
    body = {"content_hash": await _draft_hash(world, young_person_id)}
    return f"/api/young-people/{young_person_id}/plan/sign", body


async def compare_versions(world, _person, young_person_id):
    await _draft_hash(world, young_person_id)
    return f"/api/young-people/{young_person_id}/plan/compare?first=1&second=1", None


async def police_form(world, _person, young_person_id):
    await _agree(world, young_person_id)
    return f"/api/young-people/{young_person_id}/plan/philomena.pdf", None


async def plan_photo(world, _person, young_person_id):
    key = _key_of(world, young_person_id)
    photo_id = uuid.uuid4()
    if key in TEAM:
        worker = world.people[TEAM[key][2]].client
        url = f"/api/young-people/{young_person_id}/plan/photo"
        photo_id = (await worker.put(url, json={"photo": jpeg_b64()})).json()["draft"]["content"]["photo_id"]
    return f"/api/young-people/{young_person_id}/plan/photos/{photo_id}", None


CONTACT_BODY = {"name": "Lou", "phone": "020 7946 0123", "email": "lou@example.org"}


async def _contact_id(world, young_person_id):
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return uuid.uuid4()
    owner = world.people[TEAM[key][0]].client
    url = f"/api/young-people/{young_person_id}/contacts"
    people = (await owner.get(url)).json()
    waiting = [c for c in people if c["state"] in ("not_invited", "invited")]
    if waiting:  # up to 3 people: reuse one rather than run out
        return waiting[0]["id"]
    active = [c for c in people if c["state"] == "active"]
    if len(active) >= 3:
        await owner.delete(f"{url}/{active[0]['id']}")
    return (await owner.post(url, json=CONTACT_BODY)).json()["id"]


def on_contact(suffix: str = "", body: dict | None = None) -> Builder:
    async def build(world, _person, young_person_id):
        contact_id = await _contact_id(world, young_person_id)
        return f"/api/young-people/{young_person_id}/contacts/{contact_id}{suffix}", body

    return build


async def _contact_code(world) -> str:
    contact_id = await _contact_id(world, world.young["jade"])
    url = f"/api/young-people/{world.young['jade']}/contacts/{contact_id}/invite"
    return (await world.jade.client.post(url)).json()["code"]


async def contact_lookup(world, _person, _subject):
    return "/api/contact-invites/lookup", {"code": await _contact_code(world)}


async def contact_accept(world, _person, _subject):
    return "/api/contact-invites/accept", {"code": await _contact_code(world)}


async def _alert_id(world, young_person_id):
    """An alert the young person sent (nobody can be reached, so it ends at once, having
    gone to the carer: the carer is one of its recipients)."""
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return uuid.uuid4()
    owner = world.people[TEAM[key][0]].client
    reply = await owner.post("/api/alerts", json={"idempotency_key": uuid.uuid4().hex})
    return reply.json()["id"]


def on_alert(suffix: str = "") -> Builder:
    async def build(world, _person, young_person_id):
        return f"/api/alerts/{await _alert_id(world, young_person_id)}{suffix}", None

    return build


def on_contact_alert(suffix: str = "") -> Builder:
    async def build(world, _person, _subject):
        return f"/api/contact/alerts/{await _alert_id(world, world.young['jade'])}{suffix}", None

    return build


def ssda903(table: str) -> Builder:
    """The council's SSDA903 return: its manager's (another council's manager: 403)."""

    async def build(world, _person, _subject):
        return f"/api/councils/{world.council_id}/ssda903/2025-26/{table}", None

    return build


async def new_alert(_world, _person, _subject):
    return "/api/alerts", {"idempotency_key": uuid.uuid4().hex}


# Missing episodes: each call gets a fresh episode (any open one is closed first), in
# the state the route needs, started by the young person's carer from an agreed plan
# with a place to check.
EPISODE_PLACES = {"might_go": [{"name": "The park"}]}


async def _close_open_episodes(world, young_person_id) -> None:
    worker = world.people[TEAM[_key_of(world, young_person_id)][2]].client
    url = f"/api/young-people/{young_person_id}/episodes"
    for episode in (await worker.get(url)).json():
        state = {"open": "close-unreported", "reported": "return"}.get(episode["state"])
        if state:
            ended = _found(dt.datetime.fromisoformat(episode["started_at"]))
            await worker.post(f"/api/episodes/{episode['id']}/{state}", json=ended)


async def _fresh_episode(world, young_person_id, report: bool = False) -> dict | None:
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return None
    young, carer, _worker = (world.people[who].client for who in TEAM[key])
    if not getattr(world, f"episode_plan_{key}", False):
        await young.put(f"/api/young-people/{young_person_id}/plan/sections/places", json=EPISODE_PLACES)
        await _agree(world, young_person_id)
        setattr(world, f"episode_plan_{key}", True)
    await _close_open_episodes(world, young_person_id)
    url = f"/api/young-people/{young_person_id}/episodes"
    started = (await carer.post(url, json=_start(world))).json()
    if report:
        at = dt.datetime.fromisoformat(started["started_at"])
        await carer.post(f"/api/episodes/{started['id']}/report", json=_report(at))
    return started


# Nobody is missing twice at once (the entry checks refuse overlaps): each new episode
# starts 3 hours after the one before, is reported an hour in and ends 2 hours in.
def _start(world) -> dict:
    slot = getattr(world, "episode_slot", 0)
    world.episode_slot = slot + 1
    at = dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC) + dt.timedelta(hours=3 * slot)
    return {"last_seen_at": at.isoformat()}


def _found(started: dt.datetime) -> dict:
    return {"returned_at": (started + dt.timedelta(hours=2)).isoformat()}


def _report(started: dt.datetime) -> dict:
    return {"reported_at": (started + dt.timedelta(hours=1)).isoformat(), "cad_number": "CAD 42"}


EPISODE_FOUND, EPISODE_REPORT = _found, _report


async def new_episode(world, _person, young_person_id):
    """Starting one: any open episode is closed first (one open at a time)."""
    if _key_of(world, young_person_id) in TEAM:
        await _close_open_episodes(world, young_person_id)
    return f"/api/young-people/{young_person_id}/episodes", _start(world)


def on_episode(
    suffix: str = "",
    body: dict | Callable[[dt.datetime], dict] | None = None,
    report: bool = False,
    place: bool = False,
) -> Builder:
    async def build(world, _person, young_person_id):
        episode = await _fresh_episode(world, young_person_id, report)
        episode_id = episode["id"] if episode else uuid.uuid4()
        place_id = episode["places"][0]["id"] if episode and episode["places"] else uuid.uuid4()
        where = f"/places/{place_id}" if place else ""
        if callable(body):  # times made from the episode's own start
            started = dt.datetime.fromisoformat(episode["started_at"]) if episode else dt.datetime.now(dt.UTC)
            return f"/api/episodes/{episode_id}{where}{suffix}", body(started)
        return f"/api/episodes/{episode_id}{where}{suffix}", body

    return build


def on_contact_episode(place: str = "", body: dict | None = None) -> Builder:
    async def build(world, _person, _subject):
        episode = await _fresh_episode(world, world.young["jade"])
        where = f"/places/{episode['places'][0]['id']}{place}" if place else "/places"
        return f"/api/contact/episodes/{episode['id']}{where}", body

    return build


async def _team(world, young_person_id, kind: str) -> list[dict]:
    """The young person's placements or allocations, as their social worker sees them."""
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return []
    worker = world.people[TEAM[key][2]].client
    return (await worker.get(f"/api/young-people/{young_person_id}/{kind}")).json()


async def place_olu(world, _person, young_person_id):
    """Olu, a carer at the council who does not look after Jade, moves in."""
    return f"/api/young-people/{young_person_id}/placements", {"carer_id": str(world.olu.user_id)}


async def allocate_alex(world, _person, young_person_id):
    return f"/api/young-people/{young_person_id}/allocations", {"social_worker_id": str(world.alex.user_id)}


async def end_placement(world, _person, young_person_id):
    rows = await _team(world, young_person_id, "placements")
    placement_id = rows[0]["id"] if rows else 987654  # the current one comes first
    return f"/api/young-people/{young_person_id}/placements/{placement_id}/end", None


async def end_allocation(world, _person, young_person_id):
    """End a second social worker's allocation of Jade's (ending the last one is refused
    with 409); for anyone else's record any id will do, as everyone is refused."""
    url = f"/api/young-people/{young_person_id}/allocations"
    if young_person_id != world.young["jade"]:
        return f"{url}/987654/end", None
    rows = await _team(world, young_person_id, "allocations")
    if not [row for row in rows if row["active"] and row["user_id"] == str(world.alex.user_id)]:
        await world.sam.client.post(url, json={"social_worker_id": str(world.alex.user_id)})
        rows = await _team(world, young_person_id, "allocations")
    alex = [row for row in rows if row["active"] and row["user_id"] == str(world.alex.user_id)]
    return f"{url}/{alex[0]['id']}/end", None


async def notice_of_a_phones_owner(world, _person, session_id):
    """A notice for whoever signed in on the phone own_session() picked (the caller, or
    Olu, tied to nobody asked); a random id when the phone is made up."""
    from backend.accounts.tables import Session
    from backend.db import write_transaction
    from backend.notify import api as notify
    from backend.notify import words as notify_words

    row = await Session.select(Session.user).where(Session.public_id == session_id).first()
    if row is None:
        return f"/api/notices/{uuid.uuid4()}/read", None
    async with write_transaction():
        await notify.send(to_user=row["user"], code=notify_words.WELCOME)
    owner = next(p for p in world.people.values() if p.user_id == row["user"])
    notice_id = (await owner.client.get("/api/notices")).json()["notices"][0]["id"]
    return f"/api/notices/{notice_id}/read", None


async def council_settings(world, _person, _subject):
    """Every setting, with Alex on the duty rota out of hours."""
    return "/api/council/settings", {
        "escalation": {"trio_minutes": 5, "carer_minutes": 5, "duty_minutes": 5},
        "office_hours": {"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "09:00", "closes": "17:00"},
        "nation": "england",
        "thresholds": {
            "strategy_meeting_after_hours": 24,
            "senior_manager_after_hours": 48,
            "further_meeting_after_days": 7,
            "repeat_episodes": 3,
            "repeat_window_days": 90,
            "strategy_meeting_within_working_days": 3,
            "rhi_offer_within_hours": 24,
            "rhi_held_within_hours": 72,
        },
        "rota": [{"social_worker_id": str(world.alex.user_id), "cover": "out_of_hours"}],
    }


async def _action_id(world, young_person_id, kind: str) -> uuid.UUID:
    """A new open action of `kind` for the young person (random when made up): a return
    (offer and hold an interview, review the plan) and a high-risk interview (a meeting)."""
    from backend import hooks
    from backend.actions import api as actions
    from tests.api.actions_helpers import come_back, go_missing, interview

    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return uuid.uuid4()
    episode_id = await go_missing(world, key)
    await come_back(world, episode_id, key)
    await interview(world, hooks.Topic.INTERVIEW_HELD, episode_id, key, risk="high")
    found = [a for a in await actions.due_for([young_person_id]) if a.episode_id == episode_id]
    return next(a.id for a in found if a.kind == kind)


def on_action(suffix: str, kind: str, body: dict) -> Builder:
    async def build(world, _person, young_person_id):
        action_id = await _action_id(world, young_person_id, kind)
        return f"/api/young-people/{young_person_id}/actions/{action_id}{suffix}", body

    return build


async def _interview_id(world, young_person_id, state: str, missing_from: str) -> object:
    """An interview of this young person's, brought to `state` by the people who would."""
    key = _key_of(world, young_person_id)
    if key not in TEAM:
        return uuid.uuid4()
    interview = await return_home(world, key, missing_from)
    iv = f"/api/interviews/{interview['id']}"
    worker, young = world.people[TEAM[key][2]].client, world.people[TEAM[key][0]].client
    if state in ("offered", "declined"):
        await worker.post(f"{iv}/offer")
    if state == "declined":
        await young.post(f"{iv}/decline", json={"reason": "young_person_refused"})
    if state == "held":
        assert (await worker.put(f"{iv}/held", json=held_body(dt.datetime.now(dt.UTC)))).status_code == 200
    return interview["id"]


def on_interview(suffix: str = "", body: dict | None = None, state: str = "open", missing_from: str = "care"):
    async def build(world, _person, young_person_id):
        interview_id = await _interview_id(world, young_person_id, state, missing_from)
        return f"/api/interviews/{interview_id}{suffix}", body

    return build


async def _feedback_token(world) -> str:
    """A fresh card link, made by Sam on a laptop of his own."""
    laptop = (await world.device("sam", "Sam's laptop")).client
    return (await laptop.post("/api/feedback/cards", json={"count": 1})).json()[0]["token"]


async def feedback_check(world, _person, _subject):
    return "/api/feedback/check", {"token": await _feedback_token(world)}


async def feedback_answer(world, _person, _subject):
    return "/api/feedback/answers", {"token": await _feedback_token(world), "respect": 4}


def on_quote(action: str, body: dict | None = None) -> Builder:
    """A young person's words waiting for a manager (sent through a card link)."""

    async def build(world, _person, _subject):
        token = await _feedback_token(world)
        await world.anonymous().post("/api/feedback/answers", json={"token": token, "words": "Kind."})
        desk = (await world.device("ruth", "Ruth's desk")).client
        quote_id = (await desk.get("/api/feedback/quotes")).json()[0]["id"]
        return f"/api/feedback/quotes/{quote_id}/{action}", body

    return build


CORRECTION = {"what_is_wrong": "My school is wrong", "should_say": "Hill Academy"}


def on_rights_request(suffix: str, body: dict) -> Builder:
    """A new correction request of the young person's (a random id when made up)."""

    async def build(world, _person, young_person_id):
        key = _key_of(world, young_person_id)
        request_id = uuid.uuid4()
        if key in TEAM:
            young = world.people[TEAM[key][0]].client
            url = f"/api/young-people/{young_person_id}/rights-requests"
            request_id = (await young.post(url, json=CORRECTION)).json()["id"]
        return f"/api/young-people/{young_person_id}/rights-requests/{request_id}{suffix}", body

    return build


MEETING_BODY = {"held_on": "2026-01-05", "attended": "Sam, police, school", "decisions": "Agreed a plan"}


async def record_held(world, person, young_person_id):
    url, _ = await on_interview("/held")(world, person, young_person_id)
    return url, held_body(dt.datetime.now(dt.UTC))


async def an_interviewer(world, _person, _subject):
    reply = await world.admin.client.post("/api/council/interviewers", json={"name": "Dee Campbell"})
    return f"/api/council/interviewers/{reply.json()['id']}", {"name": "Dee Campbell", "active": False}


FEEDBACK_READERS = ("social_worker", "manager", "police_liaison")
AGREED = {"quarter": "2026-Q4", "prompt": "not_listened", "text": "Share it with the police."}
SUBSCRIPTION = {
    "endpoint": "https://fcm.googleapis.com/fcm/send/x1",
    "keys": {"p256dh": "B" + "x" * 86, "auth": "y" * 22},
}
READERS = ("self", "carer", "social_worker")
CHOOSERS = ("self", "social_worker")  # who chooses the young person's people
YP = "/api/young-people/{young_person_id:uuid}"
IV = "/api/interviews/{interview_id:uuid}"
EPISODE = "/api/episodes/{episode_id:uuid}"
PLACE = "/places/{place_id:uuid}"
MATRIX: dict[tuple[str, str], tuple[Rule, Builder]] = {
    ("GET", "/health"): (anyone(), fixed("/health")),
    ("POST", "/api/auth/login"): (anyone(), login),
    ("GET", "/api/auth/me"): (signed_in(), fixed("/api/auth/me")),
    ("PUT", "/api/auth/me/language"): (signed_in(), fixed("/api/auth/me/language", {"language": "ar"})),
    ("PUT", "/api/auth/me/phone"): (signed_in(), fixed("/api/auth/me/phone", {"phone": "07911 654321"})),
    ("POST", "/api/auth/logout"): (signed_in(204), fixed("/api/auth/logout")),
    ("POST", "/api/auth/change-secret"): (signed_in(204), change_secret),
    ("GET", "/api/auth/sessions"): (signed_in(), fixed("/api/auth/sessions")),
    ("DELETE", "/api/auth/sessions/{session_id:uuid}"): (own_session(204), revoke_session),
    ("GET", "/api/young-people"): (
        roles("young_person", "carer", "social_worker"),
        fixed("/api/young-people"),
    ),
    ("POST", "/api/young-people"): (roles("social_worker", ok=201), add_young_person),
    ("GET", YP): (record("self", "carer", "social_worker"), on_record()),
    ("GET", YP + "/who-can-see"): (record("self", "carer", "social_worker"), on_record("/who-can-see")),
    ("GET", YP + "/who-has-looked"): (record("self", "social_worker"), on_record("/who-has-looked")),
    ("GET", YP + "/devices"): (record("self", "social_worker"), on_record("/devices")),
    ("DELETE", YP + "/devices/{session_id:uuid}"): (
        record("self", "social_worker", ok=204),
        sign_out_a_phone,
    ),
    ("GET", YP + "/carers/devices"): (record("social_worker"), on_record("/carers/devices")),
    ("DELETE", YP + "/carers/{carer_id:uuid}/devices/{session_id:uuid}"): (
        record("social_worker", ok=204),
        sign_out_a_carers_phone,
    ),
    ("POST", "/api/invites"): (record("social_worker", ok=201), invite),
    ("POST", "/api/invites/email"): (record("social_worker", ok=409), email_invite),
    ("GET", YP + "/invites"): (record("social_worker"), on_record("/invites")),
    # A new sign-in link: the young person's social worker or carer makes it; whoever
    # holds the code uses it (an admin's reset link is used the same way).
    ("POST", "/api/sign-in-links"): (record("carer", "social_worker", ok=201), sign_in_link),
    ("POST", "/api/sign-in-links/lookup"): (anyone(), sign_in_link_lookup),
    ("POST", "/api/sign-in-links/use"): (anyone(201), sign_in_link_use),
    # The demo mailbox answers only when `homeward serve` runs one (never in these tests).
    ("GET", "/api/demo/mailbox"): (anyone(404), fixed("/api/demo/mailbox")),
    # Who looks after them: only their allocated social worker ends or moves it
    ("GET", YP + "/placements"): (record("social_worker"), on_record("/placements")),
    ("POST", YP + "/placements"): (record("social_worker", ok=201), place_olu),
    ("POST", YP + "/placements/{placement_id:int}/end"): (record("social_worker"), end_placement),
    ("GET", YP + "/allocations"): (record("social_worker"), on_record("/allocations")),
    ("POST", YP + "/allocations"): (record("social_worker", ok=201), allocate_alex),
    ("POST", YP + "/allocations/{allocation_id:int}/end"): (record("social_worker"), end_allocation),
    # What the council counts about them (sex, ethnicity, its child id, in care, out of area)
    ("GET", YP + "/details"): (record("social_worker"), on_record("/details")),
    ("PUT", YP + "/details"): (
        record("social_worker"),
        on_record("/details", lambda _: {"sex": "F", "ethnicity": "WBRI", "looked_after": True}),
    ),
    ("GET", "/api/council/carers"): (roles("social_worker"), fixed("/api/council/carers")),
    ("GET", "/api/council/social-workers"): (roles("social_worker"), fixed("/api/council/social-workers")),
    # A council's settings: its admin keeps them; a social worker reads the thresholds.
    ("GET", "/api/council/settings"): (roles("admin", "social_worker"), fixed("/api/council/settings")),
    ("PUT", "/api/council/settings"): (roles("admin"), council_settings),
    ("POST", "/api/invites/lookup"): (anyone(), lookup),
    ("POST", "/api/invites/accept"): (anyone(201), accept),
    ("GET", "/api/figures"): (roles("manager"), fixed("/api/figures")),
    ("GET", "/api/figures/missing"): (roles("manager"), fixed("/api/figures/missing?period=quarter")),
    ("GET", "/api/figures/missing/csv"): (roles("manager"), fixed("/api/figures/missing/csv")),
    ("GET", "/api/council/ssda903"): (roles("manager"), fixed("/api/council/ssda903")),
    ("GET", "/api/councils/{council_id:uuid}/ssda903/{year:str}/missing"): (
        roles("manager"),
        ssda903("missing"),
    ),
    ("GET", "/api/councils/{council_id:uuid}/ssda903/{year:str}/header"): (
        roles("manager"),
        ssda903("header"),
    ),
    ("GET", "/api/admin/users"): (roles("admin"), fixed("/api/admin/users")),
    ("POST", "/api/admin/users/{user_id:uuid}/deactivate"): (roles("admin", ok=204), on_olu("deactivate")),
    ("POST", "/api/admin/users/{user_id:uuid}/reactivate"): (roles("admin", ok=204), on_olu("reactivate")),
    ("POST", "/api/admin/users/{user_id:uuid}/reset-link"): (roles("admin", ok=201), on_olu("reset-link")),
    ("GET", "/api/admin/refused"): (roles("admin"), fixed("/api/admin/refused")),
    # Missing Safety Plans
    ("GET", YP + "/plan"): (record(*READERS), on_record("/plan")),
    ("PUT", YP + "/plan/sections/{section:str}"): (
        record(*READERS),
        on_record("/plan/sections/worries", lambda _: {"what_worries_me": "x"}),
    ),
    ("PUT", YP + "/plan/photo"): (
        record(*READERS),
        on_record("/plan/photo", lambda _: {"photo": jpeg_b64()}),
    ),
    ("GET", YP + "/plan/photos/{photo_id:uuid}"): (record(*READERS), plan_photo),
    ("POST", YP + "/plan/sign"): (record(*READERS), sign_plan),
    ("GET", YP + "/plan/versions"): (record(*READERS), on_record("/plan/versions")),
    ("GET", YP + "/plan/compare"): (record(*READERS), compare_versions),
    ("GET", YP + "/plan/agreed"): (record(*READERS), on_record("/plan/agreed")),
    ("GET", YP + "/plan/philomena.pdf"): (record("carer", "social_worker"), police_form),
    ("GET", "/api/plans/reviews-due"): (roles("social_worker"), fixed("/api/plans/reviews-due")),
    # Due actions: the dashboard; an action closed by the young person's social worker
    ("GET", "/api/actions/dashboard"): (roles("social_worker", "manager"), fixed("/api/actions/dashboard")),
    ("POST", YP + "/actions/{action_id:uuid}/done"): (
        record("social_worker"),
        on_action("/done", "review_plan", {"note": "Plan looked at with Jade"}),
    ),
    ("POST", YP + "/actions/{action_id:uuid}/meeting"): (
        record("social_worker"),
        on_action("/meeting", "high_risk_strategy_meeting", MEETING_BODY),
    ),
    # Trusted contacts: the young person's side
    ("GET", YP + "/contacts"): (record(*READERS), on_record("/contacts")),
    ("POST", YP + "/contacts"): (record(*CHOOSERS, ok=201), on_record("/contacts", lambda _: CONTACT_BODY)),
    ("PUT", YP + "/contacts/{contact_id:uuid}"): (record(*CHOOSERS), on_contact("", CONTACT_BODY)),
    ("DELETE", YP + "/contacts/{contact_id:uuid}"): (record(*CHOOSERS, ok=204), on_contact()),
    ("POST", YP + "/contacts/{contact_id:uuid}/invite"): (record(*CHOOSERS, ok=201), on_contact("/invite")),
    # ...and the contact's own side, with no account
    ("POST", "/api/contact-invites/lookup"): (anyone(), contact_lookup),
    ("POST", "/api/contact-invites/accept"): (anyone(201), contact_accept),
    ("GET", "/api/contact/me"): (contact_only(), fixed("/api/contact/me")),
    ("PUT", "/api/contact/me/language"): (
        contact_only(),
        fixed("/api/contact/me/language", {"language": "ar"}),
    ),
    ("POST", "/api/contact/push-subscription"): (
        contact_only(204),
        fixed("/api/contact/push-subscription", SUBSCRIPTION),
    ),
    ("DELETE", "/api/contact/push-subscription"): (
        contact_only(204),
        fixed("/api/contact/push-subscription"),
    ),
    ("POST", "/api/contact/step-down"): (contact_only(204), fixed("/api/contact/step-down")),
    ("GET", "/api/push/public-key"): (anyone(), fixed("/api/push/public-key")),
    # Alerts
    ("POST", "/api/alerts"): (roles("young_person", ok=201), new_alert),
    ("GET", "/api/alerts/{alert_id:uuid}"): (record(*READERS), on_alert()),
    ("POST", "/api/alerts/{alert_id:uuid}/acknowledge"): (record("carer"), on_alert("/acknowledge")),
    ("POST", "/api/alerts/{alert_id:uuid}/decline"): (record("carer"), on_alert("/decline")),
    ("POST", "/api/alerts/{alert_id:uuid}/cancel"): (record("self"), on_alert("/cancel")),
    ("GET", "/api/alerts/mine"): (signed_in(), fixed("/api/alerts/mine")),
    ("GET", "/api/alerts/caseload"): (signed_in(), fixed("/api/alerts/caseload")),
    ("GET", YP + "/alerts"): (record(*READERS), on_record("/alerts")),
    ("GET", YP + "/alerts/readiness"): (record(*READERS), on_record("/alerts/readiness")),
    # The out-of-hours worker who knows them: read beside the plan, named by their social worker.
    ("GET", YP + "/out-of-hours-worker"): (record(*READERS), on_record("/out-of-hours-worker")),
    ("PUT", YP + "/out-of-hours-worker"): (
        record("social_worker"),
        on_record("/out-of-hours-worker", lambda _: {"worker_id": None}),
    ),
    ("POST", "/api/push/subscription"): (signed_in(204), fixed("/api/push/subscription", SUBSCRIPTION)),
    ("DELETE", "/api/push/subscription"): (signed_in(204), fixed("/api/push/subscription")),
    ("GET", "/api/contact/alerts"): (contact_only(), fixed("/api/contact/alerts")),
    ("GET", "/api/contact/alerts/{alert_id:uuid}"): (contact_only(), on_contact_alert()),
    ("POST", "/api/contact/alerts/{alert_id:uuid}/acknowledge"): (
        contact_only(),
        on_contact_alert("/acknowledge"),
    ),
    ("POST", "/api/contact/alerts/{alert_id:uuid}/decline"): (contact_only(), on_contact_alert("/decline")),
    # Return Home Interviews: the carer reads the report only as far as the young person
    # shares it (nothing, until they choose), the young person reads their summary.
    ("GET", YP + "/interviews"): (record(*READERS), on_record("/interviews")),
    ("GET", IV): (record(*READERS), on_interview()),
    ("GET", IV + "/report"): (record("social_worker"), on_interview("/report")),
    ("GET", IV + "/summary"): (record("self", "social_worker"), on_interview("/summary", state="held")),
    ("POST", IV + "/offer"): (record("social_worker"), on_interview("/offer")),
    ("POST", IV + "/choice"): (
        record(*CHOOSERS),
        on_interview("/choice", {"kind": "no_preference"}, "offered"),
    ),
    ("POST", IV + "/decline"): (
        record(*CHOOSERS),
        on_interview("/decline", {"reason": "wants_time_to_decide"}, "offered"),
    ),
    ("PUT", IV + "/sharing"): (record(*CHOOSERS), on_interview("/sharing", {"carer": ["what_would_help"]})),
    ("PUT", IV + "/consent"): (
        record("social_worker"),
        on_interview("/consent", {"state": "given"}, missing_from="home"),
    ),
    ("PUT", IV + "/held"): (record("social_worker"), record_held),
    ("PUT", IV + "/carer-note"): (
        record("carer", "social_worker"),
        on_interview("/carer-note", {"text": "At her cousin's"}, "declined"),
    ),
    ("GET", "/api/council/interviewers"): (
        roles("admin", "social_worker"),
        fixed("/api/council/interviewers"),
    ),
    ("POST", "/api/council/interviewers"): (
        roles("admin", ok=201),
        fixed("/api/council/interviewers", {"name": "Dee Campbell", "organisation": "Return Service"}),
    ),
    ("PUT", "/api/council/interviewers/{interviewer_id:uuid}"): (roles("admin"), an_interviewer),
    # Missing episodes: the carer and the social worker; a trusted contact helps look
    ("GET", YP + "/episodes"): (record("carer", "social_worker"), on_record("/episodes")),
    ("POST", YP + "/episodes"): (record("carer", "social_worker", ok=201), new_episode),
    ("GET", EPISODE): (record("carer", "social_worker"), on_episode()),
    ("PUT", EPISODE + "/risk"): (
        record("carer", "social_worker"),
        on_episode("/risk", {"risk_factors": ["family_problems"]}),
    ),
    ("POST", EPISODE + "/report"): (record("carer", "social_worker"), on_episode("/report", EPISODE_REPORT)),
    ("POST", EPISODE + "/return"): (
        record("carer", "social_worker"),
        on_episode("/return", EPISODE_FOUND, report=True),
    ),
    ("POST", EPISODE + "/close-unreported"): (
        record("carer", "social_worker"),
        on_episode("/close-unreported", EPISODE_FOUND),
    ),
    ("PUT", EPISODE + "/follow-up"): (
        record("carer", "social_worker"),
        on_episode("/follow-up", {"follow_up": "Talk"}),
    ),
    ("GET", EPISODE + "/places"): (record("carer", "social_worker"), on_episode("/places")),
    ("POST", EPISODE + PLACE + "/claim"): (
        record("carer", "social_worker"),
        on_episode("/claim", place=True),
    ),
    ("POST", EPISODE + PLACE + "/unclaim"): (
        record("carer", "social_worker"),
        on_episode("/unclaim", place=True),
    ),
    ("PUT", EPISODE + PLACE + "/check"): (
        record("carer", "social_worker"),
        on_episode("/check", {"checked": True}, place=True),
    ),
    ("GET", "/api/contact/episodes"): (contact_only(), fixed("/api/contact/episodes")),
    ("GET", "/api/contact/episodes/{episode_id:uuid}/places"): (contact_only(), on_contact_episode()),
    ("POST", "/api/contact/episodes/{episode_id:uuid}" + PLACE + "/claim"): (
        contact_only(),
        on_contact_episode("/claim"),
    ),
    ("POST", "/api/contact/episodes/{episode_id:uuid}" + PLACE + "/unclaim"): (
        contact_only(),
        on_contact_episode("/unclaim"),
    ),
    ("PUT", "/api/contact/episodes/{episode_id:uuid}" + PLACE + "/check"): (
        contact_only(),
        on_contact_episode("/check", {"checked": True}),
    ),
    # Notices: each person's own; another's notice is answered as one that does not exist
    ("GET", "/api/notices"): (signed_in(), fixed("/api/notices")),
    ("POST", "/api/notices/{notice_id:uuid}/read"): (own_session(204), notice_of_a_phones_owner),
    # Help: a young person asks their own social worker (no record id: their own, from the session)
    ("POST", "/api/help"): (roles("young_person"), fixed("/api/help", {"about": "talk"})),
    # Rights requests: the young person asks for corrections, their social worker answers;
    # a trusted contact asks to be forgotten through their own link
    ("GET", YP + "/rights-requests"): (record("self", "social_worker"), on_record("/rights-requests")),
    ("POST", YP + "/rights-requests"): (
        record("self", ok=201),
        on_record("/rights-requests", lambda _: CORRECTION),
    ),
    ("POST", YP + "/rights-requests/{request_id:uuid}/answer"): (
        record("social_worker"),
        on_rights_request("/answer", {"outcome": "refused", "reason": "It is right as it is"}),
    ),
    ("GET", "/api/rights-requests"): (roles("social_worker"), fixed("/api/rights-requests")),
    ("GET", "/api/contact/rights-requests"): (contact_only(), fixed("/api/contact/rights-requests")),
    ("POST", "/api/contact/forget-me"): (contact_only(201), fixed("/api/contact/forget-me")),
    # Police-response feedback: the form needs no account; figures for professionals
    ("POST", "/api/feedback/check"): (anyone(), feedback_check),
    ("POST", "/api/feedback/answers"): (anyone(204), feedback_answer),
    ("GET", "/api/feedback/mine"): (roles("young_person"), fixed("/api/feedback/mine")),
    ("POST", "/api/feedback/cards"): (
        roles("social_worker", "manager", ok=201),
        fixed("/api/feedback/cards", {"count": 2}),
    ),
    ("GET", "/api/feedback/figures"): (roles(*FEEDBACK_READERS), fixed("/api/feedback/figures")),
    ("GET", "/api/feedback/figures.csv"): (roles(*FEEDBACK_READERS), fixed("/api/feedback/figures.csv")),
    ("GET", "/api/feedback/quotes"): (roles("manager"), fixed("/api/feedback/quotes")),
    ("POST", "/api/feedback/quotes/{quote_id:uuid}/release"): (
        roles("manager", ok=204),
        on_quote("release", {"text": "Kind."}),
    ),
    ("POST", "/api/feedback/quotes/{quote_id:uuid}/withhold"): (
        roles("manager", ok=204),
        on_quote("withhold"),
    ),
    ("GET", "/api/feedback/supervision"): (
        roles("social_worker", "manager"),
        fixed("/api/feedback/supervision"),
    ),
    ("POST", "/api/feedback/supervision"): (
        roles("social_worker", "manager", ok=201),
        fixed("/api/feedback/supervision", AGREED),
    ),
    ("GET", "/schema"): (anyone(), fixed("/schema")),
    ("GET", "/schema/openapi.json"): (anyone(), fixed("/schema/openapi.json")),
    # Litestar's catch-all below /schema: it only ever says "not found" (problem+json).
    ("GET", "/schema/{path:str}"): (anyone(404), fixed("/schema/nothing-here")),
    ("GET", "/"): (anyone(), fixed("/")),
    ("GET", "/{file_path:path}"): (anyone(), fixed("/manifest.webmanifest")),
    ("HEAD", "/{file_path:path}"): (anyone(), fixed("/manifest.webmanifest")),
}


# -- what the table expects --------------------------------------------------------------


def expected(rule: Rule, role: str, person: Person | None, target: str | None) -> int:
    if rule.kind == ANYONE:
        return rule.ok
    if person is None or rule.kind == CONTACT:
        return 401
    if rule.kind == SIGNED_IN:
        return rule.ok
    if rule.kind == OWN_SESSION:
        return rule.ok if target == "own" else 404
    if rule.kind == ROLE:
        return rule.ok if role in rule.may else 403
    relation = TIES.get((person.key, TARGETS[target]))
    return rule.ok if relation in rule.may else 404


async def subject_for(world: World, rule: Rule, person: Person | None, target: str | None):
    if rule.kind == RECORD:
        return world.young[TARGETS[target]]
    if rule.kind == OWN_SESSION:
        # Another phone of the caller's own, or one of Olu's (tied to nobody asked here).
        owner = person.key if person and target == "own" else "olu"
        return (await world.device(owner)).public_id
    return None


def targets(rule: Rule) -> tuple[str | None, ...]:
    return ("own", "other") if rule.kind in (RECORD, OWN_SESSION) else (None,)


async def ask(client, method: str, url: str, body: dict | None):
    return await client.request(method, url, json=body)


@pytest.mark.parametrize("route", list(MATRIX), ids=lambda route: f"{route[0]} {route[1]}")
async def test_route_answers_every_role_as_the_access_table_says(world, route):
    await add_person(world, "pat", "police_liaison", "Pat Lee", "pat@test.example")
    method = route[0]
    rule, build = MATRIX[route]
    wrong: list[str] = []
    for role in ROLES:
        person = world.people[WHO[role]] if role != "anonymous" else None
        client = person.client if person else world.anonymous()
        for target in targets(rule):
            subject = await subject_for(world, rule, person, target)
            url, body = await build(world, person, subject)
            want = expected(rule, role, person, target)
            refusals_before = await audit_count(action="refused")
            events_before = await audit_count()
            reply = await ask(client, method, url, body)
            case = f"{role} {target or ''} {method} {url}: "
            if reply.status_code != want:
                wrong.append(f"{case}got {reply.status_code}, table says {want}: {reply.text[:120]}")
                continue
            is_api = url.startswith("/api/")
            if want >= 400 and is_api and reply.headers["content-type"] != "application/problem+json":
                wrong.append(f"{case}error is {reply.headers['content-type']}, not problem+json")
            if person is None and rule.kind != ANYONE and await audit_count() != events_before:
                wrong.append(f"{case}an anonymous request wrote to the audit log")
            if want == 404 and rule.kind in (RECORD, OWN_SESSION):
                wrong += await _looks_missing(world, client, method, build, person, subject, reply, case)
            if want == 404 and rule.kind == RECORD:
                refused = await audit_count(
                    action="refused", actor_id=person.user_id, young_person_id=subject
                )
                if refused != 1 or await audit_count(action="refused") != refusals_before + 2:
                    # +2: this refusal and the one for the made-up id just compared with.
                    wrong.append(f"{case}refusal not written to the audit log once")
    assert not wrong, "\n".join(wrong)


async def _looks_missing(world, client, method, build, person, subject, reply, case) -> list[str]:
    """A refused id must be answered exactly as an id that does not exist."""
    url, body = await build(world, person, uuid.uuid4())
    missing = await ask(client, method, url, body)
    if (missing.status_code, missing.json()) != (reply.status_code, reply.json()):
        return [f"{case}refusal {reply.text} differs from a missing id {missing.text}"]
    return []


async def test_contact_routes_answer_a_trusted_contacts_own_cookie(world):
    """The other half of contact_only(): the contact's cookie (and CSRF token) works."""
    phone = world.anonymous("198.51.100.77")
    _, body = await contact_accept(world, None, None)
    accepted = await phone.post("/api/contact-invites/accept", json=body)
    phone.headers["X-CSRF-Token"] = accepted.json()["csrf_token"]
    routes = [route for route, (rule, _) in MATRIX.items() if rule.kind == CONTACT]
    # Stepping down ends the contact's sign-in: ask it last.
    routes.sort(key=lambda route: route[1].endswith("step-down"))
    wrong = []
    for method, path in routes:
        rule, build = MATRIX[(method, path)]
        url, body = await build(world, None, None)
        reply = await ask(phone, method, url, body)
        if reply.status_code != rule.ok:
            wrong.append(f"{method} {url}: got {reply.status_code}, want {rule.ok}: {reply.text[:120]}")
    assert not wrong, "\n".join(wrong)


def _app_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for route in app.routes:
        for handler in route.route_handlers:
            methods = set(getattr(handler, "http_methods", ())) - {"OPTIONS"}
            routes |= {(method, route.path) for method in methods}
    return routes


def test_every_route_in_the_app_is_in_the_access_table(app):
    # Litestar answers OPTIONS itself (an empty 204 with Allow); everything else is ours.
    served = _app_routes(app)
    assert served - set(MATRIX) == set(), "add these routes to MATRIX with who may use them"
    assert set(MATRIX) - served == set(), "MATRIX lists routes the app no longer serves"


async def test_every_route_in_the_openapi_schema_is_in_the_access_table(client_for):
    paths = (await client_for().get("/schema/openapi.json")).json()["paths"]
    documented = {
        (method.upper(), path)
        for path, item in paths.items()
        for method in item
        if method.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
    }
    in_table = {(method, _openapi_path(path)) for method, path in MATRIX}
    assert documented - in_table == set()


def _openapi_path(path: str) -> str:
    """/a/{id:uuid} as OpenAPI writes it: /a/{id}."""
    return "/".join(part.split(":")[0] + "}" if ":" in part else part for part in path.split("/"))
