"""A young person turns on notifications from their home (issue 12, item 10), so the
final notice reaches their phone: when nobody can be reached, Homeward's last word
("call 999 if you are in danger, or 101") arrives as a notification, decrypted by the
real push stand-in. On a 360px phone."""

from __future__ import annotations

import time

from playwright.sync_api import expect

from tests.browser.pages import Screen, sign_in
from tests.browser.test_alert_readiness import PHONE, accessible_at_360, csrf_of, readiness_of, stub_push
from tests.browser.test_offline import wait_for_service_worker
from tests.support.pushservice import PushService


def test_a_young_person_turns_on_notifications_and_gets_the_final_notice(
    new_context, server, push_service: PushService
):
    context = new_context(viewport=PHONE, permissions=["notifications"])
    public_key = context.request.get("/api/push/public-key").json()["public_key"]
    subscription = push_service.subscribe(public_key)
    context.add_init_script(stub_push(subscription))
    mia = context.new_page()
    sign_in(mia, "mia", server)
    wait_for_service_worker(mia)
    Screen(mia).wait_until_loaded()
    mias_id = mia.request.get("/api/auth/me").json()["young_person_id"]
    try:
        section = readiness_of(mia, "Who your alert reaches now")
        nudge = section.get_by_test_id("readiness-nudge")
        expect(nudge).to_contain_text(
            "Turn on notifications so this phone tells you how your alert is going."
        )
        with mia.expect_request("**/api/push/subscription") as sent:
            nudge.get_by_test_id("readiness-turn-on").click()
        assert sent.value.headers.get("x-csrf-token")
        expect(section.get_by_test_id("readiness-nudge")).to_have_count(0)
        ready = mia.request.get(f"/api/young-people/{mias_id}/alerts/readiness").json()
        assert ready["young_person_notifications"] is True and ready["reader_notifications"] is True
        accessible_at_360(mia, "young person's home, notifications on")

        # Nobody can be reached yet: the alert ends at once, and her phone is told.
        reply = mia.request.post(
            "/api/alerts",
            data={"idempotency_key": f"final-{time.time_ns()}", "kind": "need_help"},
            headers=csrf_of(mia),
        )
        assert reply.status in (200, 201), reply.text()
        alert_id = reply.json()["id"]
        deadline = time.monotonic() + 30
        while not any(
            n.get("type") == "call_999" for n in push_service.notifications(subscription, as_json=True)
        ):
            assert time.monotonic() < deadline, "the final notice did not reach Mia's phone"
            time.sleep(0.3)
        assert {"alert_id": alert_id, "type": "call_999"} in push_service.notifications(
            subscription, as_json=True
        )
        mia.goto(f"/#/alert/{alert_id}")
        expect(mia.get_by_test_id("alert-advice")).to_contain_text("call 999")
        accessible_at_360(mia, "alert status, the final notice")
    finally:
        # Others find Mia as the demo has her: notifications off.
        mia.request.delete("/api/push/subscription", headers=csrf_of(mia))
