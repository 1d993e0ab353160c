"""Alerts delivered through a real push service stand-in (VAPID checked, payload
decrypted) and a real SMTP server; escalation on a controllable clock."""

import datetime as dt

import pytest

from backend import clock
from backend.push.tables import PushSubscription
from tests.api.alerts_helpers import (
    active_contact,
    drain,
    jade_sees,
    send_alert,
    set_duty,
    subscribe_contact,
    subscribe_user,
    worker,
)
from tests.factories import sign_in_directly

# Written before office hours mattered: the duty rota answers for the social worker's step.
pytestmark = pytest.mark.usefixtures("out_of_hours_now")


async def test_alert_is_delivered_and_decrypted_for_the_right_people_only(world, push_service):
    lou = await active_contact(world, "Lou")
    dan = await active_contact(world, "Dan")
    lou_sub = await subscribe_contact(lou, push_service)
    dan_sub = await subscribe_contact(dan, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(
        world, kind="need_help", location={"latitude": 51.5007, "longitude": -0.1246, "accuracy_m": 20}
    )
    await drain(worker())
    for sub in (lou_sub, dan_sub):
        payloads = push_service.notifications(sub, as_json=True)
        assert payloads == [{"alert_id": alert["id"], "type": "alert"}]
    # The carer is the next level, not the first.
    assert push_service.notifications(priya_sub) == []
    seen = push_service.received()
    request = seen[lou_sub["endpoint"]]["requests"][0]
    assert request["urgency"] == "high" and int(request["ttl"]) >= 3600
    assert request["content_encoding"] == "aes128gcm"
    status = await jade_sees(world, alert["id"])
    assert {r["name"]: r["status"] for r in status["recipients"]} == {"Lou": "reached", "Dan": "reached"}
    # Lou opens it: she sees who, what and where; Jade sees it was opened.
    view = (await lou.get(f"/api/contact/alerts/{alert['id']}")).json()
    assert view["young_person_name"] == "Jade" and view["kind_words"] == "I need help"
    assert view["location"]["plus_code"] == "9C3XGV2G+75"
    assert "openstreetmap.org" in view["location"]["map_url"]
    status = await jade_sees(world, alert["id"])
    assert {r["name"]: r["status"] for r in status["recipients"]}["Lou"] == "opened"


async def test_nothing_about_the_young_person_is_in_the_push_payload(world, push_service):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    await send_alert(world, location={"latitude": 51.5, "longitude": -0.12})
    await drain(worker())
    (payload,) = push_service.notifications(sub)
    assert "Jade" not in payload and "51.5" not in payload and len(payload) < 200


async def test_gone_subscription_is_removed_and_email_takes_over(world, push_service, mailbox):
    lou = await active_contact(world, "Lou", email="lou@example.org")
    sub = await subscribe_contact(lou, push_service)
    push_service.expire(sub)
    alert = await send_alert(world)
    alert_worker = worker(mailbox)
    await drain(alert_worker)
    assert await PushSubscription.count() == 0
    (message,) = await mailbox.wait_for_async(1)
    assert message["To"] == "lou@example.org"
    body = message.get_content()
    assert f"#/contact/alerts/{alert['id']}" in body and "Jade" not in body
    status = await jade_sees(world, alert["id"])
    assert status["recipients"][0]["status"] == "reached"


async def test_a_server_error_then_success_delivers_exactly_once(world, push_service):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    push_service.fail_next(1, 500)
    await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    assert push_service.notifications(sub) == []
    clock.travel(dt.timedelta(seconds=3))  # past the first back-off
    await drain(alert_worker)
    assert len(push_service.notifications(sub)) == 1
    seen = push_service.received()[sub["endpoint"]]
    assert (seen["arrived"], seen["delivered"]) == (2, 1)
    clock.travel(dt.timedelta(minutes=1))
    await drain(alert_worker)
    assert len(push_service.notifications(sub)) == 1


@pytest.mark.parametrize("status", [429, 503])
async def test_busy_push_service_is_retried_with_backoff(world, push_service, status):
    lou = await active_contact(world, "Lou")
    sub = await subscribe_contact(lou, push_service)
    push_service.fail_next(3, status)
    await send_alert(world)
    alert_worker = worker()
    for _ in range(4):
        await drain(alert_worker)
        clock.travel(dt.timedelta(seconds=20))
    assert len(push_service.notifications(sub)) == 1
    assert push_service.received()[sub["endpoint"]]["arrived"] == 4


async def test_nobody_answers_so_it_escalates_at_the_right_times(world, push_service):
    lou = await active_contact(world, "Lou")
    lou_sub = await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    jade_sub = await subscribe_user(world.jade, push_service)
    alex_sub = await subscribe_user(world.alex, push_service)
    await set_duty(world, world.alex, minutes=5)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    assert len(push_service.notifications(lou_sub)) == 1

    clock.travel(dt.timedelta(minutes=4, seconds=50))
    await drain(alert_worker)
    assert push_service.notifications(priya_sub) == []  # not yet: 5 minutes are not up

    clock.travel(dt.timedelta(seconds=15))
    await drain(alert_worker)
    assert push_service.notifications(priya_sub, as_json=True) == [{"alert_id": alert["id"], "type": "alert"}]
    assert push_service.notifications(alex_sub) == []

    clock.travel(dt.timedelta(minutes=5, seconds=5))
    await drain(alert_worker)
    assert len(push_service.notifications(alex_sub)) == 1

    clock.travel(dt.timedelta(minutes=5, seconds=5))
    await drain(alert_worker)
    await sign_in_directly(world.jade, world.client_for())
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "failed"
    assert "call 999" in status["advice"] and "101" in status["advice"]
    assert push_service.notifications(jade_sub, as_json=True) == [
        {"alert_id": alert["id"], "type": "call_999"}
    ]
    assert push_service.notifications(priya_sub, as_json=True)[-1]["type"] == "call_999"
    steps = [event["what"] for event in status["events"]]
    assert steps[1:4] == [
        "Sent to your people: Lou",
        "Sent to your carer: Priya Shah",
        "Sent to the social worker on duty: Alex Reid",
    ]
    # Nothing more happens after the end.
    clock.travel(dt.timedelta(hours=1))
    assert await alert_worker.run_once() == 0


async def test_acknowledgement_stops_the_escalation(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    reply = await lou.post(f"/api/contact/alerts/{alert['id']}/acknowledge")
    assert reply.status_code == 200 and reply.json()["my_status"] == "acknowledged"
    status = await jade_sees(world, alert["id"])
    assert status["state"] == "acknowledged" and status["acknowledged_by"] == "Lou"
    assert "Lou has got this" in [e["what"] for e in status["events"]]
    clock.travel(dt.timedelta(minutes=30))
    await drain(alert_worker)
    assert push_service.notifications(priya_sub) == []


async def test_everyone_saying_they_cannot_moves_it_on_at_once(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    await lou.post(f"/api/contact/alerts/{alert['id']}/decline")
    await drain(alert_worker)
    assert len(push_service.notifications(priya_sub)) == 1
    # Priya (a carer with an account) answers from her own session.
    reply = await world.priya.client.post(f"/api/alerts/{alert['id']}/acknowledge")
    assert reply.status_code == 200
    assert (await jade_sees(world, alert["id"]))["acknowledged_by"] == "Priya Shah"


async def test_cancelling_stops_escalation_and_unsent_messages(world, push_service):
    lou = await active_contact(world, "Lou")
    lou_sub = await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(world)
    reply = await world.jade.client.post(f"/api/alerts/{alert['id']}/cancel")
    assert reply.status_code == 200 and reply.json()["state"] == "cancelled"
    clock.travel(dt.timedelta(minutes=30))
    await drain(worker())
    assert push_service.notifications(lou_sub) == []
    assert push_service.notifications(priya_sub) == []


async def test_a_contact_not_sent_the_alert_cannot_open_it(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    alert = await send_alert(world)
    assert (await lou.get(f"/api/contact/alerts/{alert['id']}")).status_code == 200
    # Mia's social worker and a stranger's phone get nothing.
    assert (await world.alex.client.get(f"/api/alerts/{alert['id']}")).status_code == 404
    stranger = world.anonymous()
    assert (await stranger.get(f"/api/contact/alerts/{alert['id']}")).status_code == 401


async def test_a_carers_list_names_the_young_person_and_leaves_out_final_notices(world, push_service):
    lou = await active_contact(world, "Lou")
    await subscribe_contact(lou, push_service)
    priya_sub = await subscribe_user(world.priya, push_service)
    alert = await send_alert(world)
    alert_worker = worker()
    await drain(alert_worker)
    assert (await world.priya.client.get("/api/alerts/mine")).json() == []  # Lou's turn first
    await lou.post(f"/api/contact/alerts/{alert['id']}/decline")
    await drain(alert_worker)
    assert len(push_service.notifications(priya_sub)) == 1
    (summary,) = (await world.priya.client.get("/api/alerts/mine")).json()
    assert summary["young_person_name"] == "Jade" and summary["state"] == "active"
    # Opening it: Priya's own line says she opened it, not merely that it was sent.
    view = (await world.priya.client.get(f"/api/alerts/{alert['id']}")).json()
    mine = [r for r in view["status"]["recipients"] if r["name"] == "Priya Shah"]
    assert mine[0]["status"] == "opened" and view["recipient"]["my_status"] == "opened"


async def test_the_advice_says_plainly_when_nobody_could_be_reached(world):
    status = await send_alert(world)  # Jade has no people; Priya has no notifications
    assert status["state"] == "failed"
    assert status["advice"].startswith("We couldn't reach any of your people.")
    assert "999" in status["advice"] and "101" in status["advice"]
