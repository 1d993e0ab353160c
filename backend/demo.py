"""Fictional demo data (Northbrook Council). Loading it twice changes nothing."""

from __future__ import annotations

import datetime as dt

from backend import wiring
from backend.accounts import directory as accounts
from backend.accounts.api import Account, Actor, Role
from backend.accounts.guards import PROFESSIONAL_ROLES, session_kind
from backend.actions import demo as actions_demo
from backend.alerts import known as known_workers
from backend.clock import now
from backend.contacts import services as contacts
from backend.contacts.schemas import ContactDetails
from backend.councils import command as council_settings
from backend.db import write_transaction
from backend.episodes import demo as episodes_demo
from backend.feedback import demo as feedback_demo
from backend.interviews import demo as interviews_demo
from backend.notify import demo as notify_demo
from backend.plans import services as plans
from backend.security import encrypt, hash_secret, new_totp_secret
from backend.young_people import details as young_people_details
from backend.young_people import records as young_people

COUNCIL = "Northbrook Council"
TEAM = "Northbrook Children in Care Team"
PASSWORD = "homeward-demo"  # noqa: S105 (fictional demo accounts, never in production)

# (role, display name, email or username, secret)
PEOPLE = [
    ("social_worker", "Sam Okafor", "sam@northbrook.example", PASSWORD),
    ("social_worker", "Alex Reid", "alex@northbrook.example", PASSWORD),
    ("manager", "Ruth Mensah", "ruth@northbrook.example", PASSWORD),
    ("admin", "Northbrook admin", "admin@northbrook.example", PASSWORD),
    ("carer", "Priya Shah", "priya", PASSWORD),
    ("police_liaison", "Pat Lee", "pat@northbrook.example", PASSWORD),
]
# (preferred name, age in years and days, username and PIN or None, social worker, carer)
YOUNG_PEOPLE = [
    ("Jade", (14, 120), ("jade", "246810"), "sam@northbrook.example", "priya"),
    ("Tyler", (15, 300), None, "sam@northbrook.example", "priya"),
    ("Mia", (16, 45), ("mia", "135790"), "alex@northbrook.example", None),
]


def sign_ins() -> list[tuple[str, str, str, str]]:
    """(role, who, sign in with, secret) for printing and the README."""
    rows = [(role, name, ident, secret) for role, name, ident, secret in PEOPLE]
    rows += [
        ("young_person", name, account[0], account[1]) for name, _, account, _, _ in YOUNG_PEOPLE if account
    ]
    return rows


async def _user(role, name, ident, secret, council_id, team_id, at) -> Account:
    found = await accounts.by_sign_in_name(ident)
    if found:
        return found
    professional = Role(role) in PROFESSIONAL_ROLES
    await accounts.create_account(
        role=Role(role),
        display_name=name,
        council_id=council_id,
        secret_hash=await hash_secret(secret),
        team_id=team_id if professional else None,
        at=at,
        email=ident if "@" in ident else None,
        username=None if "@" in ident else ident,
        totp_secret=encrypt(new_totp_secret()) if professional else None,
    )
    return await _user_by(ident)


async def load() -> bool:
    """Load the demo; returns False when it was already there."""
    wiring.connect()
    at = now()
    if await accounts.council_exists(COUNCIL):
        return False
    async with write_transaction():
        council_id = await accounts.council_named(COUNCIL, at)
        team_id = await accounts.team_named(council_id, TEAM)
        users = {}
        for role, name, ident, secret in PEOPLE:
            users[ident] = await _user(role, name, ident, secret, council_id, team_id, at)
        record_ids = {}
        for name, (years, days), account, worker, carer in YOUNG_PEOPLE:
            born = at.date() - dt.timedelta(days=365 * years + years // 4 + days)
            user_id = None
            if account:
                user_id = (await _user("young_person", name, *account, council_id, None, at)).id
            record_ids[name] = await young_people.new_record(
                council_id,
                name,
                born,
                users[worker].id,
                at,
                user_id=user_id,
                carer_id=users[carer].id if carer else None,
            )
        # Out of hours, Mia's social worker is on duty (seed 000: workers who know them).
        await council_settings.change(
            council_id, ["rota=alex@northbrook.example/out_of_hours/020 7946 0960"], at
        )
        # Alex knows Jade too: at night he is asked about her first, before the rota.
        await known_workers.set_for(record_ids["Jade"], users["alex@northbrook.example"].id, at)
        await load_plans()
        await notify_demo.load(council_id)
        await load_episodes(at)
        await interviews_demo.load(council_id)
        await young_people_details.load_demo(council_id)
        await feedback_demo.load(council_id, users["ruth@northbrook.example"].id, at)
        await actions_demo.load(council_id, at)
    return True


async def load_episodes(at: dt.datetime) -> None:
    """A year of episodes (backend/episodes/demo.py), recorded by each young person's
    carer, or their social worker when they have none."""
    council_id = (await _user_by(SAM)).council_id
    ids = {
        young.preferred_name: young.id
        for young in await young_people.records(await young_people.ids_in_council(council_id))
    }
    priya, alex = _actor(await _user_by("priya")), _actor(await _user_by("alex@northbrook.example"))
    recorders = {"Jade": (ids["Jade"], priya), "Tyler": (ids["Tyler"], priya), "Mia": (ids["Mia"], alex)}
    await episodes_demo.load(recorders, at)


def _actor(user: Account, young_person_id=None) -> Actor:
    return Actor(
        user_id=user.id,
        role=user.role,
        display_name=user.display_name,
        council_id=user.council_id,
        session_id="demo",
        session_kind=session_kind(user.role),
        csrf_token="",
        young_person_id=young_person_id,
    )


async def _user_by(ident: str) -> Account:
    found = await accounts.by_sign_in_name(ident)
    assert found is not None, f"demo account {ident} is missing"
    return found


async def load_plans() -> None:
    """Jade's plan, made with Priya and Sam as in JOURNEYS.md, agreed by all three;
    Mia's plan started by Alex; Tyler's plan due, as he is new."""
    at = now()
    ids = {
        young.preferred_name: young.id
        for young in await young_people.records(
            await young_people.ids_in_council((await _user_by(SAM)).council_id)
        )
    }
    jade, sam, priya = await _user_by("jade"), await _user_by(SAM), await _user_by("priya")
    as_jade, as_sam, as_priya = _actor(jade, ids["Jade"]), _actor(sam), _actor(priya)
    for section, value in JADE_PLAN:
        who = as_priya if section == "carer_steps" else as_jade
        await plans.edit_section(who, ids["Jade"], section, value, at)
    for person in JADE_TRIO:
        await contacts.add(as_jade, ids["Jade"], ContactDetails(**person), at)
    await plans.edit_section(
        as_sam,
        ids["Jade"],
        "professional_notes",
        {"text": "Jade settles best with art club on Thursdays. Agreed curfew 21:30 on school nights."},
        at,
    )
    for who in (as_jade, as_priya, as_sam):
        draft = (await plans.view(who, ids["Jade"], at)).draft
        assert draft is not None  # written just above
        await plans.sign(who, ids["Jade"], draft.content_hash, at)
    alex, mia = await _user_by("alex@northbrook.example"), await _user_by("mia")
    await plans.edit_section(
        _actor(mia, ids["Mia"]),
        ids["Mia"],
        "worries",
        {
            "what_worries_me": "Being moved again without being asked",
            "what_helps_me_feel_safe": "Music and my sister's messages",
        },
        at,
    )
    await plans.edit_section(
        _actor(alex),
        ids["Mia"],
        "places",
        {"might_go": [{"name": "Her sister's, Eastfield", "notes": "Mia's choice"}], "safe": []},
        at,
    )
    await plans.mark_review_due(ids["Tyler"], "New to Homeward: make the plan together", at)


SAM = "sam@northbrook.example"
JADE_PLAN = [
    (
        "about_me",
        {
            "name_i_like": "Jade",
            "phone": "020 7946 0991",
            "height": "Around 160 cm",
            "build": "Slim",
            "hair": "Black, usually in braids",
            "usually_wear": "Grey hoodie, white trainers",
            "marks": "Small scar on left eyebrow",
            "health_needs": "Asthma",
            "medication": "Blue inhaler",
        },
    ),
    (
        "worries",
        {
            "what_worries_me": "People shouting. Being blamed when I get home.",
            "what_sets_it_off": "Arguments on the phone with my mum",
            "what_helps_me_feel_safe": "Talking to Aunt Lou. Headphones and drawing.",
        },
    ),
    (
        "places",
        {
            "might_go": [
                {"name": "Aunt Lou's flat", "where": "Eastfield"},
                {"name": "The skate park", "where": "Northbrook Park"},
            ],
            "safe": [
                {"name": "Aunt Lou's flat", "where": "Eastfield"},
                {"name": "The youth centre", "where": "Mill Lane", "notes": "Dan works there"},
            ],
        },
    ),
    (
        "coming_back",
        {
            "what_helps": "A hot chocolate and a hug. Talk in the morning, not straight away.",
            "please_dont": "Shout, or tell everyone at dinner.",
        },
    ),
    (
        "carer_steps",
        {
            "steps": [
                {"after_minutes": 15, "action": "Text Jade: 'Are you OK? No one is cross.'"},
                {"after_minutes": 30, "action": "Call Lou, then Dan, then Grace"},
                {"after_minutes": 45, "action": "Check the skate park and the youth centre"},
                {"after_minutes": 60, "action": "Call the police on 101 (999 if she is in danger now)"},
            ]
        },
    ),
]
# Telephone numbers from Ofcom's range kept for drama: they reach nobody.
JADE_TRIO = [
    {
        "name": "Lou",
        "how_they_know_me": "My aunt",
        "phone": "020 7946 0018",
        "what_they_will_do": "Come and get me, any time",
    },
    {
        "name": "Dan",
        "how_they_know_me": "My old youth worker",
        "phone": "020 7946 0342",
        "email": "dan@example.org",
        "what_they_will_do": "Call me back and help me get home",
    },
    {
        "name": "Grace",
        "how_they_know_me": "My friend's mum",
        "phone": "020 7946 0577",
        "what_they_will_do": "Let me stay for a cup of tea and call Priya",
    },
]
