"""People for tests, made through our own code and a real database.

World() makes a small council like the demo: two social workers (Sam, Alex), two carers
(Priya, Olu), a manager (Ruth), an admin, and three young people (Jade with Sam and
Priya; Mia with Alex and Olu; Tyler with Sam, not yet joined). Each person who signs in
has an HTTP client with a live session and its CSRF token.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass, field

import pyotp

from backend.accounts import api as accounts
from backend.accounts.guards import PROFESSIONAL_ROLES
from backend.accounts.tables import Council, Session, Team, User
from backend.audit.tables import AuditEvent
from backend.clock import now
from backend.db import write_transaction
from backend.security import digest, encrypt, hash_secret, new_totp_secret
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

PASSWORD = "correct horse battery"
PINS = {"jade": "246810", "mia": "135790"}
COOKIE = "homeward_session"
HOST = "homeward.test"

# Argon2 is slow on purpose and salts every hash; a hash made once verifies the same
# secret for any number of accounts, so each test run hashes each secret only once.
_hashes: dict[str, str] = {}


async def hashed(secret: str) -> str:
    if secret not in _hashes:
        _hashes[secret] = await hash_secret(secret)
    return _hashes[secret]


@dataclass
class Person:
    key: str
    role: str
    user_id: object = None
    identifier: str = ""
    secret: str = ""
    totp_secret: str | None = None
    client: object = None
    csrf: str = ""
    extra: dict = field(default_factory=dict)

    def code(self, offset_steps: int = 0) -> str:
        totp = pyotp.TOTP(self.totp_secret)
        return totp.at(time.time() + offset_steps * totp.interval)

    def login_body(self, **changes) -> dict:
        """What this person types on the sign-in screen (with a fresh code if needed)."""
        body = {"identifier": self.identifier, "secret": self.secret}
        if self.totp_secret:
            body["code"] = self.code()
        return {**body, **changes}


@dataclass
class Device:
    """One more signed-in phone or browser for a person (not their main client)."""

    client: object
    token: str
    public_id: uuid.UUID
    csrf: str


def new_user(role, name, identifier, secret_hash, council_id, totp=True, key=None):
    """An unsaved User and the Person who signs in with it."""
    totp_secret = new_totp_secret() if role in PROFESSIONAL_ROLES and totp else None
    user = User(
        role=role,
        display_name=name,
        secret_hash=secret_hash,
        council=council_id,
        created_at=now(),
        totp_secret=encrypt(totp_secret) if totp_secret else None,
    )
    if "@" in identifier:
        user.email = identifier
    else:
        user.username = identifier
    person = Person(
        key=key or identifier, role=role, user_id=user.id, identifier=identifier, totp_secret=totp_secret
    )
    return user, person


async def make_user(role, name, identifier, secret, council_id, totp=True, key=None) -> Person:
    user, person = new_user(role, name, identifier, await hashed(secret), council_id, totp, key)
    person.secret = secret
    await User.insert(user)
    return person


async def make_council(name: str, young_people: int = 0) -> object:
    """Another council (with some young people who have no social worker yet)."""
    at = now()
    council = Council(name=name, created_at=at)
    async with write_transaction():
        await Council.insert(council)
        for n in range(young_people):
            await YoungPerson.insert(
                YoungPerson(
                    council=council.id,
                    preferred_name=f"Child {n}",
                    created_at=at,
                    date_of_birth=at.date() - dt.timedelta(days=365 * 12),
                )
            )
    return council.id


def use_token(client, token: str) -> None:
    """Put a session cookie into a client, as the browser would hold it."""
    client.cookies.set(COOKIE, token, domain=HOST)


async def open_device(person: Person, client, device_name="Test phone") -> Device:
    """Open a session through the accounts service (the login route has its own tests,
    and a TOTP code may only be used once)."""
    token = await accounts.open_session_for(person.user_id, device_name, now())
    use_token(client, token)
    row = (
        await Session.select(Session.public_id, Session.csrf_token).where(Session.id == digest(token)).first()
    )
    client.headers["X-CSRF-Token"] = row["csrf_token"]
    return Device(client=client, token=token, public_id=row["public_id"], csrf=row["csrf_token"])


async def sign_in_directly(person: Person, client, device_name="Test phone") -> None:
    device = await open_device(person, client, device_name)
    person.client = client
    person.csrf = device.csrf
    person.extra["token"] = device.token
    person.extra["public_id"] = device.public_id


async def audit_events(**where) -> list[dict]:
    """Audit events as the log holds them, opened: `what` is the sentence of an event
    written as one, else its code. Filter by any key, e.g. audit_events(action="refused")."""
    from backend.audit.services import LEGACY, _event

    rows = await AuditEvent.select().order_by(AuditEvent.at, AuditEvent.id)
    events = []
    for row in rows:
        event = _event(row)
        events.append(
            {
                "at": event.at,
                "actor_id": event.actor_id,
                "actor_name": event.actor_name,
                "actor_role": event.actor_role,
                "action": event.action.value,
                "code": event.code,
                "young_person_id": row["young_person_id"],
                "params": event.params,
                "what": event.params.get("text", "") if event.code == LEGACY else event.code,
            }
        )
    return [e for e in events if all(e[name] == value for name, value in where.items())]


async def audit_count(**where) -> int:
    """How many audit events match, e.g. audit_count(action="refused", actor_id=...)."""
    return len(await audit_events(**where))


class World:
    def __init__(self, client_for):
        self.client_for = client_for
        self.people: dict[str, Person] = {}
        self.young: dict[str, object] = {}
        self._setup_client = None

    def __getattr__(self, name):
        people = self.__dict__.get("people", {})
        if name in people:
            return people[name]
        raise AttributeError(name)

    async def build(self) -> World:
        at = now()
        council = Council(name="Testshire Council", created_at=at)
        specs = [
            ("sam", "social_worker", "Sam Okafor", "sam@test.example", PASSWORD),
            ("alex", "social_worker", "Alex Reid", "alex@test.example", PASSWORD),
            ("priya", "carer", "Priya Shah", "priya", PASSWORD),
            ("olu", "carer", "Olu Adeyemi", "olu", PASSWORD),
            ("ruth", "manager", "Ruth Mensah", "ruth@test.example", PASSWORD),
            ("admin", "admin", "Test admin", "admin@test.example", PASSWORD),
            ("jade", "young_person", "Jade", "jade", PINS["jade"]),
            ("mia", "young_person", "Mia", "mia", PINS["mia"]),
        ]
        users = []
        for key, role, name, ident, secret in specs:
            user, person = new_user(role, name, ident, await hashed(secret), council.id, key=key)
            person.secret = secret
            users.append(user)
            self.people[key] = person
        # (key, name, age, social worker, carer, has joined)
        young = [
            ("jade", "Jade", 14, "sam", "priya", True),
            ("mia", "Mia", 16, "alex", "olu", True),
            ("tyler", "Tyler", 15, "sam", None, False),
        ]
        records, allocations, placements = [], [], []
        for key, name, age, worker, carer, joined in young:
            record = YoungPerson(
                council=council.id,
                preferred_name=name,
                created_at=at,
                user=self.people[key].user_id if joined else None,
                date_of_birth=at.date() - dt.timedelta(days=365 * age + 100),
            )
            records.append(record)
            self.young[key] = record.id
            allocations.append(
                CaseAllocation(
                    young_person=record.id, social_worker=self.people[worker].user_id, created_at=at
                )
            )
            if carer:
                placements.append(
                    Placement(young_person=record.id, carer=self.people[carer].user_id, created_at=at)
                )
        async with write_transaction():
            await Council.insert(council)
            await Team.insert(Team(council=council.id, name="Care team"))
            await User.insert(*users)
            await YoungPerson.insert(*records)
            await CaseAllocation.insert(*allocations)
            await Placement.insert(*placements)
        self.council_id = council.id
        for person in self.people.values():
            await sign_in_directly(person, self.client_for())
        return self

    def anonymous(self, address: str = "203.0.113.99"):
        return self.client_for(address)

    async def device(self, key: str, device_name: str = "Second phone") -> Device:
        """Sign `key` in on one more phone or browser, with its own client."""
        return await open_device(self.people[key], self.client_for(), device_name)

    async def invite(self, young_key: str, role: str = "young_person") -> dict:
        """Sam (on a laptop of his own, so tests may do anything with his main client)
        makes an invite for one of his young people; returns the API's reply."""
        if self._setup_client is None:
            self._setup_client = (await self.device("sam", "Sam's laptop")).client
        reply = await self._setup_client.post(
            "/api/invites", json={"role": role, "young_person_id": str(self.young[young_key])}
        )
        assert reply.status_code == 201, reply.text
        return reply.json()


async def add_person(world: World, key: str, role: str, name: str, identifier: str) -> Person:
    """One more person of the World's council, signed in (a police liaison, say)."""
    if key not in world.people:
        person = await make_user(role, name, identifier, PASSWORD, world.council_id, key=key)
        await sign_in_directly(person, world.client_for())
        world.people[key] = person
    return world.people[key]


async def record_return(world: World, young_key: str = "jade") -> None:
    """A reported episode ends, recorded by the young person's social worker through the
    episodes routes; its hook opens the interview and the police-feedback link."""
    from tests.api.interview_helpers import return_home

    await return_home(world, young_key, missing_from="care")
