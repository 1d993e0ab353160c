"""Invites say truthfully what happened to them, and can be emailed when email is set
up; the demo mailbox keeps what Homeward emails and shows it at /api/demo/mailbox."""

from __future__ import annotations

import pytest

from backend import mailbox as demo_mailbox
from backend.config import get_settings
from backend.invites.tables import Invite

EMAIL = "/api/invites/email"


@pytest.fixture
def email_on(set_up_email, mailbox):
    """Homeward's settings as an operator would set them, pointing at the test mailbox."""
    set_up_email(mailbox)
    return mailbox


async def send(world, invite, email="carer@example.org", who="sam", young="tyler"):
    body = {"young_person_id": str(world.young[young]), "code": invite["code"], "email": email}
    return await world.people[who].client.post(EMAIL, json=body)


async def test_a_new_invite_says_it_has_not_been_sent(world):
    invite = await world.invite("tyler")
    assert invite["state"] == "not_sent"
    assert invite["can_email"] is False
    reply = await send(world, invite)
    assert reply.status_code == 409
    assert "Text the link" in reply.json()["detail"]


async def test_an_emailed_invite_arrives_with_its_link_and_is_marked_emailed(world, email_on):
    invite = await world.invite("tyler")
    assert invite["can_email"] is True
    reply = await send(world, invite)
    assert reply.status_code == 200, reply.text
    assert reply.json() == {"state": "emailed", "email": "carer@example.org", "mailbox": False}
    (message,) = await email_on.wait_for_async(1)
    assert message["To"] == "carer@example.org"
    assert invite["url"] in message.get_content()
    assert "Sam Okafor has invited you to join Homeward for Tyler" in message.get_content()
    (row,) = await Invite.select(Invite.emailed_at)
    assert row["emailed_at"] is not None


async def test_only_the_young_persons_social_worker_may_email_their_invite(world, email_on):
    invite = await world.invite("tyler")
    assert (await send(world, invite, who="alex")).status_code == 404
    assert (await send(world, invite, who="priya")).status_code == 404
    # A code for another young person's invite does not become theirs.
    assert (await send(world, invite, young="jade")).status_code == 404
    assert (await send(world, invite, email="not-an-address")).status_code == 422
    assert email_on.messages() == []


async def test_the_demo_mailbox_keeps_what_was_emailed_and_shows_it(world, tmp_path, monkeypatch):
    port = demo_mailbox.free_port()
    server = demo_mailbox.start(tmp_path / "demo-mailbox", port)
    try:
        for name, value in {
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": str(port),
            "SMTP_SECURITY": "none",
            "DEMO_MAILBOX": "1",
            "DATA_DIR": str(tmp_path),
        }.items():
            monkeypatch.setenv(f"HOMEWARD_{name}", value)
        get_settings.cache_clear()
        invite = await world.invite("tyler")
        reply = await send(world, invite, email="new.carer@example.org")
        assert reply.json()["mailbox"] is True
        shown = (await world.anonymous().get("/api/demo/mailbox")).json()
        assert [(mail["to"], mail["subject"]) for mail in shown] == [
            ("new.carer@example.org", "Your invite to Homeward")
        ]
        assert invite["url"] in shown[0]["body"]
    finally:
        server.stop()
        monkeypatch.undo()
        get_settings.cache_clear()


async def test_there_is_no_demo_mailbox_unless_it_was_turned_on(world):
    reply = await world.anonymous().get("/api/demo/mailbox")
    assert reply.status_code == 404
    assert reply.headers["content-type"] == "application/problem+json"


async def states(world, young="tyler"):
    reply = await world.sam.client.get(f"/api/young-people/{world.young[young]}/invites")
    assert reply.status_code == 200, reply.text
    return [(invite["role"], invite["state"]) for invite in reply.json()]


async def test_the_record_lists_each_invite_with_what_really_happened_to_it(world, email_on):
    first = await world.invite("tyler", "carer")
    assert await states(world) == [("carer", "not_sent")]
    await send(world, first)
    assert await states(world) == [("carer", "emailed")]
    # A newer one replaces it; Tyler joins with his own.
    await world.invite("tyler", "carer")
    mine = await world.invite("tyler")
    joined = await world.anonymous().post(
        "/api/invites/accept", json={"code": mine["code"], "username": "tyler", "secret": "975318"}
    )
    assert joined.status_code == 201
    assert await states(world) == [("young_person", "used"), ("carer", "not_sent"), ("carer", "run_out")]
    # Nobody else sees them: not the carer, not another social worker.
    for person in (world.priya, world.alex):
        url = f"/api/young-people/{world.young['tyler']}/invites"
        assert (await person.client.get(url)).status_code == 404
