"""The trusted trio: adding people, inviting them, and their side (no account needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

import msgspec

from backend.accounts.actor import Actor
from backend.audit import services as audit
from backend.clock import as_utc
from backend.config import get_settings
from backend.contacts.rules import ContactDetails, check_push_endpoint, clean_details
from backend.contacts.tables import PushSubscription, TrustedContact
from backend.db import write_transaction
from backend.errors import Conflict, Forbidden, Invalid, NotFound, Unauthenticated
from backend.plans import services as plans
from backend.qr import qr_data_url
from backend.security import decrypt, digest, encrypt, new_code, new_token, normalise_code, same
from backend.young_people import guards
from backend.young_people import services as young_people

MAX_TRIO = 3
LIVE = ("not_invited", "invited", "active")
GONE = "This invite has run out or been used. Ask for a new one."


def _may_manage(relation: str | None) -> bool:
    """The young person chooses their people; their social worker can help."""
    return relation in ("self", "social_worker")


def _public(row: dict, notifications: bool) -> dict:
    details = json.loads(decrypt(row["details"]))
    return {
        "id": row["id"],
        **details,
        "state": row["state"],
        "notifications": notifications,
        "invite_expires_at": row["invite_expires_at"] if row["state"] == "invited" else None,
    }


async def _rows(young_person_id: uuid.UUID, states=LIVE) -> list[dict]:
    return (
        await TrustedContact.select()
        .where((TrustedContact.young_person == young_person_id) & TrustedContact.state.is_in(list(states)))
        .order_by(TrustedContact.position)
        .order_by(TrustedContact.created_at)
    )


async def _subscribed(contact_ids: list[uuid.UUID]) -> set:
    if not contact_ids:
        return set()
    rows = await PushSubscription.select(PushSubscription.contact).where(
        PushSubscription.contact.is_in(contact_ids)
    )
    return {row["contact"] for row in rows}


async def trio(young_person_id: uuid.UUID, with_stepped_down: bool = False) -> list[dict]:
    states = (*LIVE, "stepped_down") if with_stepped_down else LIVE
    rows = await _rows(young_person_id, states)
    subscribed = await _subscribed([row["id"] for row in rows])
    return [_public(row, row["id"] in subscribed) for row in rows]


async def _refresh_plan(
    actor: Actor | None, young_person_id: uuid.UUID, now: dt.datetime, by: tuple[str, str] | None = None
) -> None:
    """The plan's trio section is a copy of the live trio, so versions keep who it was."""
    snapshot = [
        {k: person[k] for k in ("id", "name", "how_they_know_me", "phone", "email", "what_they_will_do")}
        for person in await trio(young_person_id)
    ]
    await plans.change(
        actor, young_person_id, "trio", json.loads(json.dumps(snapshot, default=str)), now, by=by
    )


async def list_for(actor: Actor, young_person_id: uuid.UUID) -> list[dict]:
    relation = await young_people.require(
        actor, young_person_id, guards.may_read_record, "see trusted people"
    )
    people = await visible_trio(relation, young_person_id)
    await audit.record_text(actor, "read", "looked at your people", young_person_id)
    return people


async def visible_trio(relation: str, young_person_id: uuid.UUID) -> list[dict]:
    """The trio as `relation` may see it: none for a carer the young person keeps them from."""
    if not await plans.may_see_live(relation, young_person_id, "trio"):
        return []
    return await trio(young_person_id, with_stepped_down=True)


async def offline_copy(
    actor: Actor, young_person_id: uuid.UUID, now: dt.datetime, if_none_match: str | None
) -> tuple[str, bytes | None]:
    """(ETag, body) of the agreed plan and the trio for a phone to keep; body is None when
    the phone's copy is current (a revalidation reads nothing, so it is not audited)."""
    relation = await young_people.require(actor, young_person_id, guards.may_read_record, "open a plan")
    view = await plans.view_data(relation, young_person_id, now)
    people = await visible_trio(relation, young_person_id)
    body = msgspec.json.encode(
        {"agreed": view["agreed"], "trio": people, "review_due_at": view["review_due_at"]}
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if if_none_match == etag:
        return etag, None
    await audit.record_text(actor, "read", "saved a copy of your plan on a phone", young_person_id)
    return etag, body


async def add(actor: Actor, young_person_id: uuid.UUID, details: ContactDetails, now: dt.datetime) -> dict:
    await young_people.require(actor, young_person_id, _may_manage, "add a trusted person")
    clean = clean_details(details)
    async with write_transaction():
        if len(await _rows(young_person_id)) >= MAX_TRIO:
            raise Conflict("You can have up to 3 people. Remove one to add someone new.")
        row = TrustedContact(
            young_person=young_person_id,
            details=encrypt(json.dumps(clean)),
            created_by=actor.user_id,
            created_at=now,
            position=len(await _rows(young_person_id)),
        )
        await TrustedContact.insert(row)
        what = f"added {clean['name']} to your people"
        await audit.record_text(actor, "change", what, young_person_id, at=now)
        await _refresh_plan(actor, young_person_id, now)
    return _public(await TrustedContact.select().where(TrustedContact.id == row.id).first(), False)


async def _one(young_person_id: uuid.UUID, contact_id: uuid.UUID) -> dict:
    row = (
        await TrustedContact.select()
        .where(
            (TrustedContact.id == contact_id)
            & (TrustedContact.young_person == young_person_id)
            & TrustedContact.state.is_in(list(LIVE))
        )
        .first()
    )
    if row is None:
        raise NotFound("That person is not one of the trusted people.")
    return row


async def update(
    actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, details: ContactDetails, now: dt.datetime
) -> dict:
    await young_people.require(actor, young_person_id, _may_manage, "change a trusted person")
    clean = clean_details(details)
    async with write_transaction():
        await _one(young_person_id, contact_id)
        await TrustedContact.update(details=encrypt(json.dumps(clean))).where(TrustedContact.id == contact_id)
        await audit.record_text(
            actor, "change", f"changed the details of {clean['name']}", young_person_id, at=now
        )
        await _refresh_plan(actor, young_person_id, now)
    row = await TrustedContact.select().where(TrustedContact.id == contact_id).first()
    return _public(row, bool(await _subscribed([contact_id])))


async def _end(contact_id: uuid.UUID, state: str, now: dt.datetime) -> None:
    """Stop a contact being reachable: no sign-in, no invite, no notifications."""
    # The token's hash stays (it can no longer sign in: only active contacts can), so a
    # later request with the old cookie is known, refused and audited.
    await TrustedContact.update(
        state=state,
        csrf_token=None,
        invite_code_hash=None,
        stepped_down_at=now,
    ).where(TrustedContact.id == contact_id)
    await PushSubscription.delete().where(PushSubscription.contact == contact_id)


async def remove(actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime) -> None:
    await young_people.require(actor, young_person_id, _may_manage, "remove a trusted person")
    async with write_transaction():
        row = await _one(young_person_id, contact_id)
        await _end(contact_id, "removed", now)
        name = json.loads(decrypt(row["details"]))["name"]
        await audit.record_text(actor, "change", f"removed {name} from your people", young_person_id, at=now)
        await _refresh_plan(actor, young_person_id, now)


def contact_invite_url(code: str) -> str:
    return f"{get_settings().base_url.rstrip('/')}/#/contact/{code}"


async def invite(actor: Actor, young_person_id: uuid.UUID, contact_id: uuid.UUID, now: dt.datetime) -> dict:
    """A single-use link (and QR code) for the contact's own phone; a new one replaces
    the old."""
    await young_people.require(actor, young_person_id, _may_manage, "invite a trusted person")
    code = new_code()
    expires_at = now + dt.timedelta(hours=get_settings().invite_ttl_hours)
    async with write_transaction():
        row = await _one(young_person_id, contact_id)
        if row["state"] == "active":
            raise Conflict("This person has already said yes.")
        await TrustedContact.update(
            state="invited", invite_code_hash=digest(code), invite_expires_at=expires_at
        ).where(TrustedContact.id == contact_id)
        name = json.loads(decrypt(row["details"]))["name"]
        await audit.record_text(actor, "change", f"made an invite for {name}", young_person_id, at=now)
    url = contact_invite_url(code)
    return {"code": code, "url": url, "qr_svg": qr_data_url(url), "expires_at": expires_at}


async def _by_code(code: str, now: dt.datetime) -> dict:
    row = (
        await TrustedContact.select(TrustedContact.all_columns(), TrustedContact.young_person.preferred_name)
        .where(
            (TrustedContact.invite_code_hash == digest(normalise_code(code)))
            & (TrustedContact.state == "invited")
        )
        .first()
    )
    if row is None or now >= as_utc(row["invite_expires_at"]):
        raise NotFound(GONE, title="This invite doesn't work")
    return row


async def lookup(code: str, now: dt.datetime) -> dict:
    row = await _by_code(code, now)
    details = json.loads(decrypt(row["details"]))
    return {
        "young_person_name": row["young_person.preferred_name"],
        "contact_name": details["name"],
        "expires_at": row["invite_expires_at"],
    }


async def accept(code: str, now: dt.datetime) -> str:
    """The contact says yes on their own phone; returns their sign-in token."""
    row = await _by_code(code, now)
    token = new_token()
    async with write_transaction():
        done = (
            await TrustedContact.update(
                state="active",
                token_hash=digest(token),
                csrf_token=new_token(),
                invite_code_hash=None,
                accepted_at=now,
            )
            .where(
                (TrustedContact.id == row["id"])
                & (TrustedContact.state == "invited")
                & (TrustedContact.invite_code_hash == row["invite_code_hash"])
            )
            .returning(TrustedContact.id)
        )
        if not done:
            raise NotFound(GONE, title="This invite doesn't work")
        name = json.loads(decrypt(row["details"]))["name"]
        await audit.record_by(
            name,
            "trusted_contact",
            "change",
            "said yes to being one of your people",
            row["young_person"],
            at=now,
            actor_id=row["id"],
        )
    return token


ENDED = {"stepped_down": "stepping down", "removed": "being removed"}


async def contact_for_token(token: str | None, csrf: str | None, unsafe: bool) -> dict:
    """The active contact behind a contact cookie (and, for writes, its CSRF token).
    A known contact who is refused (no longer one of the people, or a write without the
    CSRF token) is audited like an account that is refused."""
    if not token:
        raise Unauthenticated()
    row = (
        await TrustedContact.select(TrustedContact.all_columns(), TrustedContact.young_person.preferred_name)
        .where(TrustedContact.token_hash == digest(token))
        .first()
    )
    if row is None:
        raise Unauthenticated()
    if row["state"] != "active":
        what = f"tried to use Homeward after {ENDED.get(row['state'], 'leaving')}"
        await refuse(row, what, row["young_person"])
        raise Unauthenticated()
    if unsafe and not (csrf and same(csrf, row["csrf_token"])):
        await refuse(row, "tried to change something without the safety check", row["young_person"])
        raise Forbidden("Reload the page and try again.", title="This request was refused for safety")
    return row


async def refuse(contact: dict, what: str, young_person_id: uuid.UUID | None) -> None:
    """Audit a refused request by a trusted contact; `young_person_id` is whose record it
    was after (None when what they asked for does not exist)."""
    name = json.loads(decrypt(contact["details"]))["name"]
    await audit.record_by(name, "trusted_contact", "refused", what, young_person_id, actor_id=contact["id"])


def ids_in_council(council_id: uuid.UUID | None):
    """The ids of every trusted contact of the council's young people (a sub-query)."""
    return TrustedContact.select(TrustedContact.id).where(TrustedContact.young_person.council == council_id)


async def me(contact: dict) -> dict:
    details = json.loads(decrypt(contact["details"]))
    return {
        "id": contact["id"],
        "name": details["name"],
        "young_person_name": contact["young_person.preferred_name"],
        "notifications": bool(await _subscribed([contact["id"]])),
        "csrf_token": contact["csrf_token"],
    }


async def store_subscription(subscription: dict, now: dt.datetime, contact_id=None,
                             user_id=None) -> None:
    """Keep a browser's push subscription for a contact or a user (one row per endpoint)."""
    endpoint = check_push_endpoint(subscription["endpoint"], get_settings().production)
    keys = subscription.get("keys") or {}
    p256dh, auth = keys.get("p256dh", ""), keys.get("auth", "")
    if not (20 <= len(p256dh) <= 200 and 8 <= len(auth) <= 100):
        raise Invalid({"keys": "Those push keys don't look right."})
    sealed = encrypt(json.dumps({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}))
    async with write_transaction():
        # One browser, one row: a re-subscription replaces what that endpoint had.
        await PushSubscription.delete().where(PushSubscription.endpoint_hash == digest(endpoint))
        await PushSubscription.insert(PushSubscription(
            contact=contact_id, user=user_id, endpoint_hash=digest(endpoint), subscription=sealed,
            created_at=now,
        ))


async def subscribe(contact: dict, endpoint: str, p256dh: str, auth: str, now: dt.datetime) -> None:
    await store_subscription({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}, now,
                             contact_id=contact["id"])


async def unsubscribe(contact: dict) -> None:
    async with write_transaction():
        await PushSubscription.delete().where(PushSubscription.contact == contact["id"])


async def step_down(contact: dict, now: dt.datetime) -> None:
    """A contact can stop at any time; the young person sees it."""
    async with write_transaction():
        await _end(contact["id"], "stepped_down", now)
        name = json.loads(decrypt(contact["details"]))["name"]
        await audit.record_by(
            name,
            "trusted_contact",
            "change",
            "stepped down from your people",
            contact["young_person"],
            at=now,
            actor_id=contact["id"],
        )
        await _refresh_plan(None, contact["young_person"], now, by=(name, "trusted_contact"))
