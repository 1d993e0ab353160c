"""Before a first alert, on a 360px phone: a young person sees that nobody can be reached
yet and what to do about it; a carer turns notifications on from the nudge on her home,
and the alert path then reaches her (the real push stand-in decrypts what she is sent)."""

from __future__ import annotations

import json
import re
import time

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import AlertCard, AlertStatusPage, Screen, sign_in
from tests.browser.test_offline import wait_for_service_worker
from tests.support.pushservice import PushService

PHONE = {"width": 360, "height": 780}


def stub_push(subscription: dict) -> str:
    """Headless chromium has no push service: pushManager.subscribe answers with a
    subscription the stand-in made, so pushes to it are real and can be read back."""
    as_json = {"endpoint": subscription["endpoint"], "expirationTime": None, "keys": subscription["keys"]}
    return f"""
(() => {{
  const json = {json.dumps(as_json)};
  const subscription = {{
    endpoint: json.endpoint,
    expirationTime: null,
    toJSON() {{ return json; }},
    unsubscribe() {{ return Promise.resolve(true); }},
  }};
  if (window.PushManager) {{
    PushManager.prototype.subscribe = function () {{ return Promise.resolve(subscription); }};
    PushManager.prototype.getSubscription = function () {{ return Promise.resolve(null); }};
  }}
}})();
"""


def readiness_of(page: Page, heading: str):
    section = page.get_by_test_id("readiness").filter(has=page.get_by_role("heading", name=heading))
    expect(section.get_by_test_id("readiness-summary")).to_be_visible()
    return section


def accessible_at_360(page: Page, screen: str) -> None:
    assert_no_violations(page, screen)
    assert_no_horizontal_scroll(page, screen)


def test_a_young_person_sees_nobody_can_be_reached_yet_and_what_to_do(new_context, server):
    # Mia has no people yet and no carer on Homeward; her social worker has notifications off.
    mia = new_context(viewport=PHONE).new_page()
    sign_in(mia, "mia", server)
    Screen(mia).wait_until_loaded()
    section = readiness_of(mia, "Who your alert reaches now")
    expect(section.get_by_test_id("readiness-summary")).to_have_attribute("data-ready", "no")
    expect(section.get_by_test_id("readiness-summary")).to_contain_text(
        "Right now your alert can't reach anyone."
    )
    expect(section.get_by_test_id("readiness-summary")).to_contain_text("If you are in danger, call 999.")
    alex = section.get_by_test_id("readiness-person").filter(has_text="Alex Reid")
    expect(alex.get_by_test_id("readiness-reach")).to_have_text("Off Can't get alerts yet.")
    expect(alex.get_by_test_id("readiness-fix")).to_have_text(
        "Ask Alex Reid to turn on notifications in Homeward."
    )
    expect(section.get_by_test_id("readiness-add-people")).to_contain_text("Add people you trust")
    expect(section.get_by_test_id("readiness-nudge")).to_contain_text("Turn on notifications")
    section.scroll_into_view_if_needed()
    accessible_at_360(mia, "young person's home, nobody can be reached yet")
    # Her plan says the same.
    mia.goto("/#/plan")
    on_plan = readiness_of(mia, "Who your alert reaches now")
    expect(on_plan.get_by_test_id("readiness-summary")).to_have_attribute("data-ready", "no")
    accessible_at_360(mia, "young person's plan, nobody can be reached yet")


def test_a_carer_turns_on_notifications_from_the_nudge(new_context, server, push_service: PushService):
    context = new_context(viewport=PHONE, permissions=["notifications"])
    public_key = context.request.get("/api/push/public-key").json()["public_key"]
    subscription = push_service.subscribe(public_key)
    context.add_init_script(stub_push(subscription))
    priya = context.new_page()
    sign_in(priya, "priya", server)
    # As the demo has her, whatever tests ran before: alerts off.
    assert priya.request.delete("/api/push/subscription", headers=csrf_of(priya)).ok
    priya.reload()
    wait_for_service_worker(priya)
    section = readiness_of(priya, "Who Jade's alert reaches now")
    me = section.get_by_test_id("readiness-person").filter(has_text="You")
    expect(me).to_have_attribute("data-reach", "none")
    expect(me.get_by_test_id("readiness-reach")).to_contain_text("You can't get alerts yet")
    nudge = section.get_by_test_id("readiness-nudge")
    expect(nudge).to_contain_text("Turn on notifications so this phone tells you")
    accessible_at_360(priya, "carer's home, with the nudge")

    nudge.get_by_test_id("readiness-turn-on").click()
    expect(me).to_have_attribute("data-reach", "notifications")
    expect(me.get_by_test_id("readiness-reach")).to_have_text("On You get alerts.")
    expect(section.get_by_test_id("readiness-nudge")).to_have_count(0)
    expect(section.get_by_test_id("readiness-summary")).to_have_text(
        "If Jade sends an alert now, it goes first to you."
    )
    accessible_at_360(priya, "carer's home, notifications on")

    # Jade sends an alert: with none of her people able to get it, it goes to Priya's phone.
    jade = new_context(viewport=PHONE).new_page()
    sign_in(jade, "jade", server)
    csrf = jade.request.get("/api/auth/me").json()["csrf_token"]
    reply = jade.request.post(
        "/api/alerts",
        data={"idempotency_key": "readiness-0001", "kind": "need_help"},
        headers={"X-CSRF-Token": csrf},
    )
    assert reply.status in (200, 201), reply.text()
    alert_id = reply.json()["id"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not push_service.notifications(subscription):
        time.sleep(0.2)
    assert push_service.notifications(subscription, as_json=True) == [{"alert_id": alert_id, "type": "alert"}]
    jade.request.post(f"/api/alerts/{alert_id}/cancel", headers={"X-CSRF-Token": csrf})
    # Other tests find Priya as the demo has her: alerts off.
    priyas_csrf = priya.request.get("/api/auth/me").json()["csrf_token"]
    assert priya.request.delete("/api/push/subscription", headers={"X-CSRF-Token": priyas_csrf}).ok


def test_the_social_worker_sees_how_their_young_peoples_alerts_went(new_context, server):
    # Mia's alert can reach nobody (as the first test showed).
    mia = new_context(viewport=PHONE).new_page()
    sign_in(mia, "mia", server)
    csrf = mia.request.get("/api/auth/me").json()["csrf_token"]
    reply = mia.request.post(
        "/api/alerts",
        data={"idempotency_key": "readiness-mia-0001", "kind": "call_me"},
        headers={"X-CSRF-Token": csrf},
    )
    assert reply.status in (200, 201), reply.text()
    alert_id = reply.json()["id"]
    # Alex's email goes nowhere (no email is set up here): once the worker finds that, it fails.
    deadline = time.monotonic() + 30
    while mia.request.get(f"/api/alerts/{alert_id}").json()["status"]["state"] != "failed":
        assert time.monotonic() < deadline, "the alert did not end"
        time.sleep(0.3)

    alex = new_context(viewport=PHONE).new_page()
    sign_in(alex, "alex", server)
    Screen(alex).wait_until_loaded()
    section = alex.get_by_test_id("caseload-alerts")
    expect(section.get_by_role("heading")).to_have_text("Alerts from your young people")
    item = section.get_by_test_id("alert-item").first
    expect(item.get_by_test_id("alert-item-link")).to_contain_text("Mia's alert")
    expect(item.get_by_test_id("alert-item-state")).to_have_text("Nobody could be reached")
    expect(item.get_by_test_id("alert-item-link")).to_have_attribute("href", f"#/alerts/{alert_id}")
    accessible_at_360(alex, "social worker's home, their young people's alerts")
    item.get_by_test_id("alert-item-link").click()
    # Alex was asked too (his email went nowhere): he reads it as someone it was sent to.
    expect(alex.get_by_test_id("recipient-situation")).to_contain_text("Mia was told to call 999")
    accessible_at_360(alex, "an alert of their young person's, as the social worker reads it")
    # And Alex was told, with a link to the alert.
    notices = alex.request.get("/api/notices").json()["notices"]
    assert [(n["link"], n["text"].split(":")[0]) for n in notices if n["link"] == f"#/alerts/{alert_id}"] == [
        (f"#/alerts/{alert_id}", "Mia's alert could not reach anyone")
    ]


def settings_body(view: dict, minutes: int | None = None) -> dict:
    """What the council settings screen sends back, with every step's wait set to `minutes`."""
    escalation = view["escalation"]
    if minutes is not None:
        escalation = {"trio_minutes": minutes, "carer_minutes": minutes, "duty_minutes": minutes}
    return {
        "escalation": escalation,
        "office_hours": {key: view["office_hours"][key] for key in ("days", "opens", "closes")},
        "nation": view["nation"],
        "thresholds": view["thresholds"],
        "rota": [
            {key: entry[key] for key in ("social_worker_id", "cover", "days", "starts", "ends")}
            | {"phone": entry["phone"] or ""}
            for entry in view["rota"]
        ],
    }


def csrf_of(page: Page) -> dict:
    return {"X-CSRF-Token": page.request.get("/api/auth/me").json()["csrf_token"]}


def alert_pushes(push_service: PushService, subscription: dict, alert_id: str) -> list:
    return [
        m
        for m in push_service.notifications(subscription, as_json=True)
        if m.get("alert_id") == alert_id and m.get("type") == "alert"
    ]


def wait_for(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"waited {seconds}s for {what}"
        time.sleep(0.5)


def test_an_alert_nobody_answers_goes_through_the_carer_and_the_social_worker_to_999(
    new_context, server, push_service: PushService
):
    """The whole chain with the council's waits at 1 minute (the shortest it allows):
    Jade's carer, then the social worker for that time (her own in office hours, the
    rota's out-of-hours worker outside them), then 999/101, and her social worker told."""
    adults = {}
    for who in ("admin", "priya", "sam", "alex"):
        adults[who] = new_context(viewport=PHONE).new_page()
        sign_in(adults[who], who, server)
    admin = adults["admin"]
    before = admin.request.get("/api/council/settings").json()
    subscriptions = {}
    try:
        changed = admin.request.put(
            "/api/council/settings", data=settings_body(before, minutes=1), headers=csrf_of(admin)
        )
        assert changed.ok, changed.text()
        public_key = admin.request.get("/api/push/public-key").json()["public_key"]
        for who in ("priya", "sam", "alex"):
            subscriptions[who] = push_service.subscribe(public_key)
            stored = adults[who].request.post(
                "/api/push/subscription", data=subscriptions[who], headers=csrf_of(adults[who])
            )
            assert stored.status == 204, stored.text()

        jade = new_context(viewport=PHONE).new_page()
        sign_in(jade, "jade", server)
        jades_id = jade.request.get("/api/auth/me").json()["young_person_id"]
        ready = jade.request.get(f"/api/young-people/{jades_id}/alerts/readiness").json()
        duty = "sam" if ready["office_hours"] else "alex"
        card = AlertCard(jade)
        card.tap()
        card.send_now()
        expect(jade).to_have_url(re.compile(r"#/alert/"), timeout=20_000)
        status = AlertStatusPage(jade)
        status.wait()
        alert_id = status.alert_id

        # Her people can't get alerts yet: Priya is asked at once, the social worker a minute on.
        wait_for(lambda: alert_pushes(push_service, subscriptions["priya"], alert_id), 20, "Priya's push")
        assert not alert_pushes(push_service, subscriptions[duty], alert_id)
        wait_for(
            lambda: alert_pushes(push_service, subscriptions[duty], alert_id), 90, "the social worker's push"
        )
        other = "alex" if duty == "sam" else "sam"
        assert not alert_pushes(push_service, subscriptions[other], alert_id)

        # A minute more: Jade is told plainly what to do.
        expect(status.state).to_have_attribute("data-state", "failed", timeout=90_000)
        expect(status.advice).to_have_text(
            "Nobody has answered yet. If you are in danger now, call 999. If not, call 101."
        )
        expect(status.by_test_id("alert-call-999")).to_have_attribute("href", "tel:999")
        expect(status.by_test_id("alert-call-101")).to_have_attribute("href", "tel:101")
        accessible_at_360(jade, "alert status, nobody answered in time")

        # Sam, her social worker, was told, and his home says how it went.
        sam = adults["sam"]
        texts = [
            n["text"]
            for n in sam.request.get("/api/notices").json()["notices"]
            if n["link"] == f"#/alerts/{alert_id}"
        ]
        assert texts == [
            "Nobody answered Jade's alert in time. They and their carer were told to call 999 "
            "if in danger, or 101."
        ]
        sam.reload()  # his home was open since he signed in
        item = sam.get_by_test_id("caseload-alerts").get_by_test_id("alert-item").first
        expect(item.get_by_test_id("alert-item-link")).to_contain_text("Jade's alert")
        expect(item.get_by_test_id("alert-item-state")).to_have_text("Nobody answered in time")
        accessible_at_360(sam, "social worker's home after a failed alert")
    finally:
        admin.request.put("/api/council/settings", data=settings_body(before), headers=csrf_of(admin))
        for who in subscriptions:
            adults[who].request.delete("/api/push/subscription", headers=csrf_of(adults[who]))


def remembering_push(subscription: dict) -> str:
    """Like stub_push, but the browser keeps the subscription until it is unsubscribed."""
    as_json = {"endpoint": subscription["endpoint"], "expirationTime": None, "keys": subscription["keys"]}
    return f"""
(() => {{
  const json = {json.dumps(as_json)};
  let kept = null;
  const subscription = {{
    endpoint: json.endpoint,
    expirationTime: null,
    toJSON() {{ return json; }},
    unsubscribe() {{ kept = null; return Promise.resolve(true); }},
  }};
  if (window.PushManager) {{
    PushManager.prototype.subscribe = function () {{ kept = subscription; return Promise.resolve(subscription); }};
    PushManager.prototype.getSubscription = function () {{ return Promise.resolve(kept); }};
  }}
}})();
"""


def test_signing_out_stops_alerts_on_that_browser(new_context, server, push_service: PushService):
    context = new_context(viewport=PHONE, permissions=["notifications"])
    public_key = context.request.get("/api/push/public-key").json()["public_key"]
    subscription = push_service.subscribe(public_key)
    context.add_init_script(remembering_push(subscription))
    priya = context.new_page()
    sign_in(priya, "priya", server)
    assert priya.request.delete("/api/push/subscription", headers=csrf_of(priya)).ok
    priya.reload()
    wait_for_service_worker(priya)
    section = readiness_of(priya, "Who Jade's alert reaches now")
    section.get_by_test_id("readiness-nudge").get_by_test_id("readiness-turn-on").click()
    me = section.get_by_test_id("readiness-person").filter(has_text="You")
    expect(me).to_have_attribute("data-reach", "notifications")

    priya.get_by_test_id("sign-out").click()
    priya.wait_for_url(re.compile(r".*#/signin$"))
    # The browser no longer holds a subscription, and the server no longer sends to it.
    assert priya.evaluate("navigator.serviceWorker.ready.then(r => r.pushManager.getSubscription())") is None
    jade = new_context(viewport=PHONE).new_page()
    sign_in(jade, "jade", server)
    jades_id = jade.request.get("/api/auth/me").json()["young_person_id"]
    ready = jade.request.get(f"/api/young-people/{jades_id}/alerts/readiness").json()
    assert {person["name"]: person["reach"] for person in ready["people"]}["Priya Shah"] == "none"
