"""The out-of-hours worker who knows the young person (seed 000), on a 360px phone: the
social worker chooses them on the plan (kept beside it: nothing to sign again), the
carer and the young person read it (the young person in plain words), and an alert
outside office hours reaches them after the carer, before anyone else. The demo has
Alex Reid set for Jade, so the whole chain can be watched from the README's command."""

from __future__ import annotations

import datetime as dt
import re
import time
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from tests.browser.pages import AlertStatusPage, PlanPage, sign_in
from tests.browser.test_alert_readiness import (
    PHONE,
    accessible_at_360,
    alert_pushes,
    csrf_of,
    settings_body,
    wait_for,
)
from tests.support.pushservice import PushService

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def known_worker(page: Page):
    section = page.get_by_test_id("known-worker")
    expect(section.get_by_test_id("known-worker-said")).to_be_visible()
    return section


def closed_all_day(view: dict) -> dict:
    """The council's settings with the office open only on a day that is neither today
    nor tomorrow in London: it is outside office hours for the whole test."""
    today = dt.datetime.now(ZoneInfo("Europe/London")).weekday()
    body = settings_body(view, minutes=1)
    body["office_hours"]["days"] = [DAYS[(today + 3) % 7]]
    return body


def test_the_social_worker_chooses_who_knows_them_and_an_alert_at_night_reaches_them_first(
    new_context, server, push_service: PushService
):
    people = {}
    for who in ("admin", "sam", "alex", "priya", "jade"):
        people[who] = new_context(viewport=PHONE).new_page()
        sign_in(people[who], who, server)
    sam, jade = people["sam"], people["jade"]
    jades_id = jade.request.get("/api/auth/me").json()["young_person_id"]

    # Sam reads Jade's plan: the demo has Alex Reid set. He takes him off, then back.
    sam.goto(f"/#/young-people/{jades_id}/plan")
    PlanPage(sam).wait()
    section = known_worker(sam)
    expect(section.get_by_role("heading", name="Out-of-hours worker who knows Jade")).to_be_visible()
    expect(section.get_by_test_id("known-worker-said")).to_contain_text("goes first to Alex Reid")
    choice = section.get_by_label("Out-of-hours worker who knows them")
    expect(choice).to_have_value(
        str(jade.request.get(f"/api/young-people/{jades_id}/out-of-hours-worker").json()["worker"]["id"])
    )
    plan_before = sam.request.get(f"/api/young-people/{jades_id}/plan").json()
    choice.select_option(label="Nobody (the duty rota only)")
    section.get_by_test_id("known-worker-save").click()
    expect(section.get_by_test_id("known-worker-said")).to_contain_text("Nobody chosen")
    section = known_worker(sam)
    section.get_by_label("Out-of-hours worker who knows them").select_option(label="Alex Reid")
    section.get_by_test_id("known-worker-save").click()
    expect(section.get_by_test_id("known-worker-said")).to_contain_text("goes first to Alex Reid")
    accessible_at_360(sam, "the plan with the out-of-hours worker who knows the young person")
    # Words for the reader: Sam reads the plan's changes about Jade, not in her voice.
    expect(sam.get_by_test_id("change").filter(has_text=re.compile(r"\b(my|me)\b"))).to_have_count(0)
    # Beside the plan: no new version, no signature asked for again.
    plan_after = sam.request.get(f"/api/young-people/{jades_id}/plan").json()
    assert (plan_after["draft"], plan_after["agreed"]) == (plan_before["draft"], plan_before["agreed"])

    # Jade reads it in plain words; Priya reads it and cannot change it.
    jade.goto("/#/plan")
    PlanPage(jade).wait()
    said = known_worker(jade).get_by_test_id("known-worker-said")
    expect(said).to_have_text(
        "When the office is shut, if your carer does not answer your alert, it goes first to "
        "Alex Reid. Alex Reid knows you."
    )
    accessible_at_360(jade, "the young person's plan, who is asked first at night")
    priya = people["priya"]
    priya.goto(f"/#/young-people/{jades_id}/plan")
    PlanPage(priya).wait()
    expect(known_worker(priya).get_by_test_id("known-worker-said")).to_contain_text("Alex Reid")
    expect(priya.get_by_test_id("known-worker-select")).to_have_count(0)

    # Outside office hours, a minute at each step: Priya, then Alex (who knows Jade).
    admin = people["admin"]
    before = admin.request.get("/api/council/settings").json()
    subscriptions = {}
    try:
        changed = admin.request.put(
            "/api/council/settings", data=closed_all_day(before), headers=csrf_of(admin)
        )
        assert changed.ok, changed.text()
        public_key = admin.request.get("/api/push/public-key").json()["public_key"]
        for who in ("priya", "alex", "sam"):
            subscriptions[who] = push_service.subscribe(public_key)
            stored = people[who].request.post(
                "/api/push/subscription", data=subscriptions[who], headers=csrf_of(people[who])
            )
            assert stored.status == 204, stored.text()
        reply = jade.request.post(
            "/api/alerts", data={"idempotency_key": f"known-{time.time_ns()}"}, headers=csrf_of(jade)
        )
        assert reply.status in (200, 201), reply.text()
        alert_id = reply.json()["id"]
        wait_for(lambda: alert_pushes(push_service, subscriptions["priya"], alert_id), 20, "Priya's push")
        assert not alert_pushes(push_service, subscriptions["alex"], alert_id)
        wait_for(lambda: alert_pushes(push_service, subscriptions["alex"], alert_id), 90, "Alex's push")
        assert not alert_pushes(push_service, subscriptions["sam"], alert_id)
        jade.goto(f"/#/alert/{alert_id}")
        status = AlertStatusPage(jade)
        status.wait()
        expect(
            status.events.filter(has_text="Sent to the out-of-hours worker who knows you: Alex Reid")
        ).to_have_count(1)
        accessible_at_360(jade, "alert status, sent to the out-of-hours worker who knows them")
        status.cancel()
    finally:
        admin.request.put("/api/council/settings", data=settings_body(before), headers=csrf_of(admin))
        for who in subscriptions:
            people[who].request.delete("/api/push/subscription", headers=csrf_of(people[who]))
