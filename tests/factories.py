"""People for tests, made through our own code and a real database.

World() makes a small council like the demo: two social workers (Sam, Alex), two carers
(Priya, Olu), a manager (Ruth), an admin, and three young people (Jade with Sam and
Priya; Mia with Alex and Olu; Tyler with Sam, not yet joined). Each person who signs in
has an HTTP client with a live session and its CSRF token.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field

import pyotp

from backend.accounts import services as accounts
from backend.accounts.tables import PROFESSIONAL_ROLES, Council, Team, User
from backend.clock import now
from backend.db import write_transaction
from backend.security import encrypt, hash_secret, new_totp_secret
from backend.young_people.tables import CaseAllocation, Placement, YoungPerson

PASSWORD = "correct horse battery"
PINS = {"jade": "246810", "mia": "135790"}


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


async def make_user(role, name, identifier, secret, council_id, totp=True) -> Person:
    totp_secret = new_totp_secret() if role in PROFESSIONAL_ROLES and totp else None
    user = User(
        role=role, display_name=name, secret_hash=await hash_secret(secret),
        council=council_id, created_at=now(),
        totp_secret=encrypt(totp_secret) if totp_secret else None,
    )
    if "@" in identifier:
        user.email = identifier
    else:
        user.username = identifier
    await User.insert(user)
    return Person(key=identifier, role=role, user_id=user.id, identifier=identifier,
                  secret=secret, totp_secret=totp_secret)


async def sign_in_directly(person: Person, client, device_name="Test phone") -> None:
    """Open a session through the accounts service (the login route has its own tests,
    and a TOTP code may only be used once)."""
    user = await User.select().where(User.id == person.user_id).first()
    token = await accounts._open_session(user, device_name, now())
    client.cookies.set("homeward_session", token, domain="homeward.test")
    me = (await client.get("/api/auth/me")).json()
    client.headers["X-CSRF-Token"] = me["csrf_token"]
    person.client = client
    person.csrf = me["csrf_token"]
    person.extra["token"] = token


class World:
    def __init__(self, client_for):
        self.client_for = client_for
        self.people: dict[str, Person] = {}
        self.young: dict[str, object] = {}

    def __getattr__(self, name):
        people = self.__dict__.get("people", {})
        if name in people:
            return people[name]
        raise AttributeError(name)

    async def build(self) -> World:
        at = now()
        async with write_transaction():
            council = Council(name="Testshire Council", created_at=at)
            await Council.insert(council)
            await Team.insert(Team(council=council.id, name="Care team"))
        self.council_id = council.id
        specs = [
            ("sam", "social_worker", "Sam Okafor", "sam@test.example"),
            ("alex", "social_worker", "Alex Reid", "alex@test.example"),
            ("priya", "carer", "Priya Shah", "priya"),
            ("olu", "carer", "Olu Adeyemi", "olu"),
            ("ruth", "manager", "Ruth Mensah", "ruth@test.example"),
            ("admin", "admin", "Test admin", "admin@test.example"),
        ]
        for key, role, name, ident in specs:
            self.people[key] = await make_user(role, name, ident, PASSWORD, council.id)
        young = [
            ("jade", "Jade", 14, "sam", "priya", True),
            ("mia", "Mia", 16, "alex", "olu", True),
            ("tyler", "Tyler", 15, "sam", None, False),
        ]
        for key, name, age, worker, carer, joined in young:
            user_id = None
            if joined:
                person = await make_user("young_person", name, key, PINS[key], council.id)
                self.people[key] = person
                user_id = person.user_id
            record = YoungPerson(
                council=council.id, preferred_name=name, user=user_id, created_at=at,
                date_of_birth=at.date() - dt.timedelta(days=365 * age + 100),
            )
            await YoungPerson.insert(record)
            self.young[key] = record.id
            await CaseAllocation.insert(CaseAllocation(
                young_person=record.id, social_worker=self.people[worker].user_id, created_at=at))
            if carer:
                await Placement.insert(Placement(
                    young_person=record.id, carer=self.people[carer].user_id, created_at=at))
        for person in self.people.values():
            await sign_in_directly(person, self.client_for())
        return self

    def anonymous(self, address: str = "203.0.113.99"):
        return self.client_for(address)
