"""Journey 4, 02:40 on a Saturday: Jade taps "Alert my people", has 5 seconds to undo,
and Lou (one of her people, on her own phone) says "I've got this"; Jade sees it.

Lou's phone subscribes through the real push stand-in (tests/support/pushservice.py),
so the server's worker really encrypts and sends, and the stand-in decrypts what a
phone would have shown. Escalation takes 5 minutes: it is tested only through what
the screens show when someone says "I can't right now".
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from backend.alerts.location import plus_code
from tests.browser.checks import assert_accessible_at_320, assert_no_violations
from tests.browser.pages import (
    DEMO,
    AlertCard,
    AlertStatusPage,
    CaseloadPage,
    ContactPage,
    PhoneAlerts,
    RecipientAlertPage,
    YoungPersonHome,
    sign_in,
)
from tests.browser.test_offline import wait_for_service_worker
from tests.support.pushservice import PushService

ALERT_ROUTE = re.compile(r"#/alert/([0-9a-f-]{36})$")
LOU = {
    "name": "Lou",
    "how_they_know_me": "My aunt",
    "phone": "020 7946 0018",
    "email": "",
    "what_they_will_do": "Come and get me, any time",
}
JADES_PHONE = "+442079460991"  # in her agreed plan (demo data)


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
  }}
}})();
"""


@dataclass
class TrustedPerson:
    name: str
    young_person_id: str
    storage_state: dict
    subscription: dict


def _sign_in_by_api(context: BrowserContext, who: str) -> dict:
    person = DEMO[who]
    reply = context.request.post(
        "/api/auth/login", data={"identifier": person.identifier, "secret": person.secret}
    )
    assert reply.ok, reply.text()
    return reply.json()


def _invitable_lou(context: BrowserContext, me: dict) -> str:
    """Lou's id, ready to invite: as in the demo, or added again if she stepped down.
    Nobody else may be active, so Lou alone is asked first."""
    base = f"/api/young-people/{me['young_person_id']}/contacts"
    headers = {"X-CSRF-Token": me["csrf_token"]}
    people = [p for p in context.request.get(base).json() if p["state"] != "stepped_down"]
    for person in people:
        if person["state"] == "active" and person["name"] != "Lou":
            assert context.request.delete(f"{base}/{person['id']}", headers=headers).ok
    people = [p for p in people if p["state"] != "active" or p["name"] == "Lou"]
    for person in people:
        if person["name"] == "Lou" and person["state"] in ("not_invited", "invited"):
            return person["id"]
    if len(people) >= 3:
        assert context.request.delete(f"{base}/{people[-1]['id']}", headers=headers).ok
    added = context.request.post(base, data=LOU, headers=headers)
    assert added.status == 201, added.text()
    return added.json()["id"]


@pytest.fixture(scope="module")
def lou(browser, server, push_service: PushService):
    """Lou says yes to Jade's invite on her own phone and turns on notifications; she
    steps down after this module, so other tests find Jade's people as the demo has them."""
    jade = browser.new_context(base_url=server.base_url, locale="en-GB")
    phone = browser.new_context(base_url=server.base_url, locale="en-GB", permissions=["notifications"])
    try:
        me = _sign_in_by_api(jade, "jade")
        lou_id = _invitable_lou(jade, me)
        invite = jade.request.post(
            f"/api/young-people/{me['young_person_id']}/contacts/{lou_id}/invite",
            headers={"X-CSRF-Token": me["csrf_token"]},
        )
        assert invite.status == 201, invite.text()
        public_key = jade.request.get("/api/push/public-key").json()["public_key"]
        subscription = push_service.subscribe(public_key)
        phone.add_init_script(stub_push(subscription))
        page = phone.new_page()
        page.goto(invite.json()["url"])
        contact = ContactPage(page)
        contact.agree()
        wait_for_service_worker(page)
        contact.turn_on_notifications()
        person = TrustedPerson("Lou", me["young_person_id"], phone.storage_state(), subscription)
    finally:
        jade.close()
    yield person
    csrf = phone.request.get("/api/contact/me").json()["csrf_token"]
    phone.request.post("/api/contact/step-down", headers={"X-CSRF-Token": csrf})
    phone.close()


def lous_phone(new_context, lou: TrustedPerson) -> Page:
    context = new_context(storage_state=lou.storage_state, permissions=["notifications"])
    context.add_init_script(stub_push(lou.subscription))
    return context.new_page()


def alerts_of(page: Page, young_person_id: str) -> list[dict]:
    reply = page.request.get(f"/api/young-people/{young_person_id}/alerts")
    assert reply.ok, reply.text()
    return reply.json()


def young_person_id(page: Page) -> str:
    return page.request.get("/api/auth/me").json()["young_person_id"]


def csrf_token(page: Page) -> str:
    return page.request.get("/api/auth/me").json()["csrf_token"]


def landed_on_status(page: Page) -> AlertStatusPage:
    expect(page).to_have_url(ALERT_ROUTE, timeout=20_000)
    status = AlertStatusPage(page)
    status.wait()
    return status


def pushes_for(push_service: PushService, subscription: dict, alert_id: str, count: int = 1) -> list:
    """What the stand-in decrypted for this subscription about this alert (waits for `count`)."""
    mine: list = []
    for _ in range(100):
        mine = [
            m for m in push_service.notifications(subscription, as_json=True) if m["alert_id"] == alert_id
        ]
        if len(mine) >= count:
            break
        time.sleep(0.1)
    return mine


def deliver_push(page: Page, server, data: str) -> None:
    """Deliver a push to this page's service worker as a push service would (DevTools)."""
    cdp = page.context.new_cdp_session(page)
    registrations: list = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    for _ in range(20):
        ours = [r for r in registrations if r["scopeURL"] == f"{server.base_url}/" and not r["isDeleted"]]
        if ours:
            break
        page.wait_for_timeout(100)
    assert ours, registrations
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": server.base_url, "registrationId": ours[0]["registrationId"], "data": data},
    )
    cdp.detach()


def shown_notifications(page: Page, count: int) -> list[dict]:
    shown: list = []
    for _ in range(50):
        shown = page.evaluate(
            """async () => {
                const registration = await navigator.serviceWorker.ready;
                const list = await registration.getNotifications();
                return list.map((n) => ({
                    title: n.title, body: n.body, tag: n.tag, requireInteraction: n.requireInteraction,
                    renotify: n.renotify,
                }));
            }"""
        )
        if len(shown) >= count:
            break
        page.wait_for_timeout(100)
    return shown


# -- the young person ------------------------------------------------------------------


def test_undo_stops_the_alert_and_nothing_is_sent(signed_in):
    jade = signed_in("jade")
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}
    posted: list[str] = []
    jade.on(
        "request", lambda r: posted.append(r.url) if r.method == "POST" and "/api/alerts" in r.url else None
    )

    card = AlertCard(jade)
    expect(card.start).to_have_text("Alert my people")
    expect(card.share_location).not_to_be_checked()
    expect(card.by_test_id("alert-kind-need_help")).to_be_checked()
    assert_accessible_at_320(jade, "young person home with the alert button")

    # The page's clock stands still (its timers still run) until the test moves it.
    start = dt.datetime.now(dt.UTC)
    jade.clock.set_fixed_time(start)
    card.tap()
    expect(card.countdown_number).to_have_text("5")
    expect(card.countdown_words).to_have_text("Sending your alert in 5 seconds")
    expect(card.by_test_id("alert-undo")).to_be_focused()
    expect(card.by_test_id("announcer")).to_have_text("Sending your alert in 5 seconds. Tap Undo to stop it.")
    jade.clock.set_fixed_time(start + dt.timedelta(seconds=2))
    expect(card.countdown_number).to_have_text("3")
    expect(card.countdown_words).to_have_text("Sending your alert in 3 seconds")
    assert_accessible_at_320(jade, "the alert countdown")
    # A choice made during the countdown is fine too.
    card.choose("call_me")

    card.undo()
    expect(card.countdown).to_have_count(0)
    expect(card.by_test_id("alert-undone")).to_have_text("Stopped. Nothing was sent.")
    expect(card.start).to_be_focused()
    jade.clock.set_fixed_time(start + dt.timedelta(seconds=30))
    jade.wait_for_timeout(1000)
    expect(card.countdown).to_have_count(0)
    assert posted == []
    assert {a["id"] for a in alerts_of(jade, yp)} == before


def test_a_double_tap_sends_one_alert_and_the_same_key_twice_makes_one_alert(signed_in, new_context, lou):
    jade = signed_in("jade")
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}
    card = AlertCard(jade)
    card.start.dblclick()
    expect(card.countdown).to_have_count(1)
    jade.wait_for_timeout(700)
    expect(card.countdown).to_be_visible()  # the second tap was not an Undo
    status = landed_on_status(jade)
    new = [a for a in alerts_of(jade, yp) if a["id"] not in before]
    assert [a["id"] for a in new] == [status.alert_id]

    # Another tap while it is on sends the same alert again: still one alert.
    first = status.alert_id
    jade.goto("/#/home")
    card.tap()
    card.send_now()
    status = landed_on_status(jade)
    assert status.alert_id == first
    expect(status.flash).to_have_text("Your alert was already on, so we sent it again.")
    expect(status.events.filter(has_text="You sent it again")).to_have_count(1)
    expect(status.by_test_id("alert-sent-again")).to_be_visible()
    assert [a["id"] for a in alerts_of(jade, yp) if a["id"] not in before] == [first]
    phone = lous_phone(new_context, lou)
    phone.goto(f"/#/contact/alerts/{first}")
    expect(RecipientAlertPage(phone).by_test_id("recipient-sent-again")).to_contain_text(
        "Jade sent it again today"
    )
    assert_no_violations(phone, "an alert sent again, trusted person")

    # "I'm OK now": asked to confirm, then stopped.
    status.by_test_id("alert-cancel").click()
    status.by_test_id("alert-cancel-no").click()
    expect(status.state).to_have_attribute("data-state", "active")
    status.cancel()
    expect(status.state).to_contain_text("You stopped this alert")
    expect(status.by_test_id("alert-cancel")).to_have_count(0)

    # With no alert on, the same key sent twice at once (a retry racing the first
    # try): one new alert.
    key = "double-submit-0001"
    replies = jade.evaluate(
        """async ({ csrf, key }) => {
            const send = () => fetch("/api/alerts", {
                method: "POST",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
                body: JSON.stringify({ idempotency_key: key, kind: "call_me" }),
            }).then(async (r) => ({ status: r.status, body: await r.json() }));
            return Promise.all([send(), send()]);
        }""",
        {"csrf": csrf_token(jade), "key": key},
    )
    made = {r["body"]["id"] for r in replies if r["status"] in (200, 201)}
    assert len(made) == 1, replies
    assert sorted(r["status"] for r in replies) in ([200, 201], [201, 409]), replies
    again = jade.request.post(
        "/api/alerts",
        data={"idempotency_key": key, "kind": "call_me"},
        headers={"X-CSRF-Token": csrf_token(jade)},
    )
    assert again.status == 200 and again.json()["id"] in made
    assert len([a for a in alerts_of(jade, yp) if a["id"] not in before]) == 2
    jade.request.post(f"/api/alerts/{next(iter(made))}/cancel", headers={"X-CSRF-Token": csrf_token(jade)})


def test_jade_alerts_lou_who_says_she_has_got_this(signed_in, new_context, server, lou, push_service):
    jade = signed_in("jade")
    card = AlertCard(jade)
    card.tap()
    status = landed_on_status(jade)  # the countdown ran out by itself
    alert_id = status.alert_id
    expect(status.title).to_have_text("Your alert")
    expect(status.state).to_contain_text("Your alert is on its way")
    expect(status.person_status("Lou")).to_have_text(re.compile("^(Sent|Got it on their phone)$"))
    expect(status.events.first).to_contain_text("You sent an alert")
    assert_accessible_at_320(jade, "alert status, on its way")

    # The worker really sent it: the stand-in decrypted one push, with nothing personal in it.
    assert pushes_for(push_service, lou.subscription, alert_id) == [{"alert_id": alert_id, "type": "alert"}]
    expect(status.person_status("Lou")).to_have_text("Got it on their phone")

    # Lou's phone shows the push with generic words only.
    phone = lous_phone(new_context, lou)
    phone.goto("/#/contact")
    contact = ContactPage(phone)
    expect(contact.home_title).to_have_text("You're one of Jade's people")
    wait_for_service_worker(phone)
    deliver_push(phone, server, json.dumps({"alert_id": alert_id, "type": "alert"}))
    shown = shown_notifications(phone, 1)
    assert [(n["title"], n["body"], n["tag"]) for n in shown] == [
        ("Homeward", "Someone you support needs you. Open Homeward.", alert_id)
    ]
    # The alert is on her page, and a tapped notification opens it.
    listed = contact.alerts.filter(has=phone.locator(f"a[href='#/contact/alerts/{alert_id}']"))
    expect(listed).to_contain_text("Needs someone now")
    assert_no_violations(phone, "contact: their page with an alert")
    phone.goto(f"/#/open-alert/{alert_id}")
    expect(phone).to_have_url(f"{server.base_url}/#/contact/alerts/{alert_id}")

    alert = RecipientAlertPage(phone)
    alert.wait()
    expect(alert.heading).to_have_text("Jade needs you")
    expect(alert.message).to_have_text("“I need help”")
    expect(alert.by_test_id("recipient-no-location")).to_have_text("Jade didn't share where they are.")
    expect(alert.call).to_have_attribute("href", f"tel:{JADES_PHONE}")
    expect(alert.text).to_have_attribute("href", f"sms:{JADES_PHONE}")
    expect(alert.quick_exit).to_be_hidden()
    assert_accessible_at_320(phone, "contact: the alert")
    expect(status.person_status("Lou")).to_have_text("Opened it")

    alert.got_this()
    expect(alert.answer).to_have_text("You said you've got this. Jade can see that. Call or text Jade now.")
    expect(alert.by_test_id("recipient-acknowledge")).to_have_count(0)
    assert_accessible_at_320(phone, "contact: the alert, answered")

    # Jade's screen fills in by itself.
    expect(status.acknowledged).to_have_text("Lou has got this")
    expect(status.person_status("Lou")).to_have_text("Has got this")
    expect(status.events.last).to_contain_text("Lou has got this")
    # She can still say she's OK now, so Lou knows she can stand down (issue 12).
    expect(status.by_test_id("alert-cancel")).to_have_text("I'm OK now")
    expect(status.by_test_id("announcer")).to_have_text("Lou has got this.")
    assert_accessible_at_320(jade, "alert status, acknowledged")

    # Her home lists it.
    jade.goto("/#/home")
    expect(card.recent.first).to_contain_text("Lou has got this")
    expect(card.by_test_id("alert-reach-hint")).to_have_count(0)  # Lou can get alerts
    assert_accessible_at_320(jade, "young person home with recent alerts")
    card.recent.first.get_by_test_id("alert-item-link").click()
    expect(jade).to_have_url(re.compile(f"#/alert/{alert_id}$"))
    # A tapped notification on her phone opens her own alert.
    jade.goto("/#/home")
    jade.goto(f"/#/open-alert/{alert_id}")
    expect(jade).to_have_url(f"{server.base_url}/#/alert/{alert_id}")


def test_no_signal_offers_a_text_and_sends_once_when_back_online(signed_in, lou):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()  # this visit keeps the plan and her people on the phone
    home = YoungPersonHome(jade)
    expect(home.people_updated).to_be_visible()
    numbers = [
        href.removeprefix("tel:")
        for href in home.by_test_id("call-person")
        .get_by_test_id("call-link")
        .evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    ]
    assert numbers
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}

    jade.context.set_offline(True)
    card = AlertCard(jade)
    card.tap()
    expect(card.waiting).to_be_visible(timeout=15_000)
    expect(card.by_test_id("alert-waiting-title")).to_have_text(
        "No signal. We'll send your alert when you're back online."
    )
    expect(card.waiting).to_contain_text("You can also text your people now.")
    # Escaped as encodeURIComponent does it.
    body = quote("I need help. Please call me. (sent from Homeward)", safe="-_.!~*'()")
    expect(card.text_instead).to_have_text("Send a text instead")
    expect(card.text_instead).to_have_attribute("href", f"sms:{','.join(numbers)}?body={body}")
    expect(card.by_test_id("alert-waiting-title")).to_be_focused()
    kept = jade.evaluate("JSON.parse(localStorage.getItem('homeward-pending-alert'))")
    assert kept["body"]["idempotency_key"] == kept["key"]
    assert kept["body"]["kind"] == "need_help"
    assert "location" not in kept["body"]
    assert_accessible_at_320(jade, "alert waiting for signal")

    # Trying again with no signal keeps the same alert waiting.
    card.by_test_id("alert-retry").click()
    expect(card.waiting).to_be_visible()
    assert jade.evaluate("JSON.parse(localStorage.getItem('homeward-pending-alert')).key") == kept["key"]

    jade.context.set_offline(False)
    status = landed_on_status(jade)
    new = [a for a in alerts_of(jade, yp) if a["id"] not in before]
    assert [a["id"] for a in new] == [status.alert_id]
    assert jade.evaluate("localStorage.getItem('homeward-pending-alert')") is None
    # The same key again (say, a second tab retrying) finds the same alert.
    again = jade.request.post("/api/alerts", data=kept["body"], headers={"X-CSRF-Token": csrf_token(jade)})
    assert again.status == 200 and again.json()["id"] == status.alert_id
    jade.reload()
    status.wait()
    assert len([a for a in alerts_of(jade, yp) if a["id"] not in before]) == 1
    status.cancel()


def test_opened_with_no_signal_the_alert_waits_and_goes_once_the_signal_is_back(signed_in, lou):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()  # keeps who she is and her people on the phone
    home = YoungPersonHome(jade)
    expect(home.people_updated).to_be_visible()
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}

    jade.context.set_offline(True)
    jade.reload()  # Homeward opens from the phone's own copy
    expect(home.offline_banner).to_be_visible()
    card = AlertCard(jade)
    card.choose("safe_not_home")
    card.tap()
    card.send_now()
    expect(card.waiting).to_be_visible()
    body = quote("I'm safe but not home yet. (sent from Homeward)", safe="-_.!~*'()")
    expect(card.text_instead).to_have_attribute(
        "href", re.compile(rf"^sms:\+44[0-9+,]+\?body={re.escape(body)}$")
    )

    jade.context.set_offline(False)
    status = landed_on_status(jade)
    new = [a for a in alerts_of(jade, yp) if a["id"] not in before]
    assert [(a["id"], a["kind"]) for a in new] == [(status.alert_id, "safe_not_home")]
    status.cancel()


def test_signal_coming_back_during_the_countdown_does_not_lose_the_alert(signed_in, lou):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}
    jade.context.set_offline(True)
    jade.reload()  # Homeward opens from the phone's own copy
    card = AlertCard(jade)
    card.tap()
    jade.context.set_offline(False)  # the home is not drawn again under her thumb
    expect(card.countdown).to_be_visible()
    status = landed_on_status(jade)
    assert [a["id"] for a in alerts_of(jade, yp) if a["id"] not in before] == [status.alert_id]
    status.cancel()


def test_a_waiting_alert_is_sent_when_homeward_opens_again(signed_in, lou):
    jade = signed_in("jade")
    yp = young_person_id(jade)
    before = {a["id"] for a in alerts_of(jade, yp)}
    me = jade.request.get("/api/auth/me").json()
    key = "opened-again-0001"
    # As the phone left it after a tap with no signal, before Homeward was closed.
    jade.evaluate(
        """(pending) => localStorage.setItem("homeward-pending-alert", JSON.stringify(pending))""",
        {
            "key": key,
            "body": {"idempotency_key": key, "kind": "safe_not_home"},
            "user_id": me["user"]["id"],
            "created_at": "2025-01-01T02:40:00Z",
            "location_problem": False,
        },
    )
    jade.reload()
    status = landed_on_status(jade)
    new = [a for a in alerts_of(jade, yp) if a["id"] not in before]
    assert [a["kind"] for a in new] == ["safe_not_home"]
    assert jade.evaluate("localStorage.getItem('homeward-pending-alert')") is None
    status.cancel()


def test_a_shared_location_shows_on_lous_screen(signed_in, new_context, server, lou):
    jade = signed_in("jade")
    jade.context.grant_permissions(["geolocation"], origin=server.base_url)
    jade.context.set_geolocation({"latitude": 51.519412, "longitude": -0.126987, "accuracy": 25})
    card = AlertCard(jade)
    card.share_location.check()
    expect(card.share_location).to_be_checked()
    card.choose("call_me")
    card.tap()
    card.send_now()
    status = landed_on_status(jade)
    expect(status.by_test_id("alert-location-shared")).to_have_text("You shared where you are.")
    expect(status.flash).to_have_count(0)
    expect(status.events.first).to_have_text(re.compile("You sent an alert and shared where you are$"))

    phone = lous_phone(new_context, lou)
    phone.goto(f"/#/contact/alerts/{status.alert_id}")
    alert = RecipientAlertPage(phone)
    alert.wait()
    expect(alert.message).to_have_text("“Please call me”")
    expect(alert.plus_code).to_have_text(plus_code(51.519412, -0.126987))
    expect(alert.by_test_id("recipient-coordinates")).to_have_text("51.51941, -0.12699")
    expect(alert.map_link).to_have_attribute(
        "href", "https://www.openstreetmap.org/?mlat=51.519412&mlon=-0.126987#map=17/51.519412/-0.126987"
    )
    expect(alert.map_link).to_have_attribute("target", "_blank")
    expect(alert.map_link).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    expect(alert.map_link).to_have_accessible_name("Open map (opens in a new tab)")
    assert_accessible_at_320(phone, "contact: the alert with where Jade is")
    status.cancel()
    phone.reload()
    expect(alert.heading).to_have_text("Jade is OK now")
    expect(alert.by_test_id("recipient-acknowledge")).to_have_count(0)


def test_when_the_phone_cannot_find_her_the_alert_goes_without_it_and_says_so(signed_in, lou):
    jade = signed_in("jade")  # no permission to know where she is
    card = AlertCard(jade)
    card.share_location.check()
    card.tap()
    card.send_now()
    status = landed_on_status(jade)
    expect(status.flash).to_have_text("We couldn't find where you are, so your alert was sent without it.")
    expect(status.by_test_id("alert-location-shared")).to_have_text("You didn't share where you are.")
    status.cancel()


def test_an_alert_nobody_can_get_tells_her_to_call_999_or_101(new_context, server):
    # Mia has nobody to ask: no people, no carer on Homeward. A fresh sign-in: other
    # tests sign her phones out.
    mia = new_context().new_page()
    sign_in(mia, "mia", server)
    reply = mia.request.post(
        "/api/alerts",
        data={"idempotency_key": "mia-failed-0001", "kind": "need_help"},
        headers={"X-CSRF-Token": csrf_token(mia)},
    )
    assert reply.status in (200, 201), reply.text()
    alert_id = reply.json()["id"]
    mia.goto(f"/#/alert/{alert_id}")
    status = AlertStatusPage(mia)
    status.wait()
    expect(status.state).to_have_attribute("data-state", "failed")
    expect(status.advice).to_have_text(
        "We couldn't reach any of your people. If you are in danger now, call 999. If not, call 101."
    )
    expect(status.by_test_id("alert-call-999")).to_have_attribute("href", "tel:999")
    expect(status.by_test_id("alert-call-999")).to_have_text("Call 999")
    expect(status.by_test_id("alert-call-101")).to_have_attribute("href", "tel:101")
    expect(status.by_test_id("alert-cancel")).to_have_count(0)
    expect(status.quick_exit).to_be_visible()
    assert_accessible_at_320(mia, "alert status, nobody answered")
    mia.goto("/#/home")
    expect(AlertCard(mia).recent.first).to_contain_text("Nobody could be reached")


# -- the service worker ----------------------------------------------------------------


def test_a_push_shows_generic_words_once_per_alert(new_context, server, lou):
    phone = lous_phone(new_context, lou)
    phone.goto("/#/contact")
    expect(ContactPage(phone).home_title).to_be_visible()
    wait_for_service_worker(phone)
    first = "5b4c9a52-0000-4000-8000-000000000001"
    second = "5b4c9a52-0000-4000-8000-000000000002"
    deliver_push(phone, server, json.dumps({"alert_id": first, "type": "alert"}))
    shown_notifications(phone, 1)
    deliver_push(phone, server, json.dumps({"alert_id": first, "type": "alert"}))  # a duplicate
    deliver_push(phone, server, json.dumps({"alert_id": second, "type": "call_999"}))
    shown = sorted(shown_notifications(phone, 2), key=lambda n: n["tag"])
    phone.wait_for_timeout(300)
    shown = sorted(shown_notifications(phone, 2), key=lambda n: n["tag"])
    assert shown == [
        {
            "title": "Homeward",
            "body": "Someone you support needs you. Open Homeward.",
            "tag": first,
            "requireInteraction": True,
            "renotify": True,
        },
        {
            "title": "Homeward",
            "body": "Homeward has a message for you. Open Homeward.",
            "tag": second,
            "requireInteraction": True,
            "renotify": True,
        },
    ]
    for notification in shown:
        assert "Jade" not in notification["body"] and "Lou" not in notification["body"]


# -- carers and social workers ---------------------------------------------------------


def test_priya_turns_on_alerts_and_gets_the_alert_lou_cannot_take(
    signed_in, new_context, server, lou, push_service
):
    priya = signed_in("priya")
    public_key = priya.request.get("/api/push/public-key").json()["public_key"]
    subscription = push_service.subscribe(public_key)
    priya.context.add_init_script(stub_push(subscription))
    priya.context.grant_permissions(["notifications"], origin=server.base_url)
    priya.reload()
    wait_for_service_worker(priya)
    alerts = PhoneAlerts(priya)
    expect(alerts.status).to_contain_text("Off.")
    expect(alerts.by_test_id("phone-alerts-warning")).to_contain_text("Do Not Disturb")
    expect(alerts.by_test_id("phone-alerts-warning")).to_contain_text("iPhone")
    with priya.expect_request("**/api/push/subscription") as sent:
        alerts.turn_on()
    assert json.loads(sent.value.post_data)["endpoint"] == subscription["endpoint"]
    assert sent.value.headers.get("x-csrf-token")
    assert_no_violations(priya, "carer home with alerts on this phone")

    # Jade alerts; Lou can't right now, so Homeward asks Priya at once.
    jade = signed_in("jade")
    card = AlertCard(jade)
    card.tap()
    card.send_now()
    status = landed_on_status(jade)
    alert_id = status.alert_id
    phone = lous_phone(new_context, lou)
    phone.goto(f"/#/contact/alerts/{alert_id}")
    lous = RecipientAlertPage(phone)
    lous.wait()
    lous.cant_right_now()
    expect(lous.answer).to_have_text(
        "You said you can't right now. Homeward is asking someone else. Thank you for saying so."
    )
    expect(lous.by_test_id("recipient-acknowledge")).to_have_text("I've got this after all")
    expect(status.person_status("Lou")).to_have_text("Can't right now")
    expect(status.person_status("Priya Shah")).to_be_visible()
    expect(status.by_test_id("alert-level")).to_contain_text("Now asking your carer")
    assert pushes_for(push_service, subscription, alert_id) == [{"alert_id": alert_id, "type": "alert"}]

    # Priya's home puts it first; the notification would open it for her.
    priya.reload()
    expect(alerts.urgent_link).to_be_visible()
    expect(alerts.sent_to_me.first).to_contain_text("Needs someone now")
    assert_accessible_at_320(priya, "carer home with an alert to answer")
    priya.goto(f"/#/open-alert/{alert_id}")
    expect(priya).to_have_url(f"{server.base_url}/#/alerts/{alert_id}")
    carers = RecipientAlertPage(priya)
    carers.wait()
    expect(carers.heading).to_have_text("Jade needs you")
    expect(carers.call).to_have_attribute("href", f"tel:{JADES_PHONE}")
    expect(carers.other_status("Lou")).to_have_text("Can't right now")
    expect(carers.by_test_id("recipient-events")).to_contain_text("Jade sent an alert")
    assert_accessible_at_320(priya, "carer: the alert")
    carers.got_this()
    expect(carers.answer).to_contain_text("You said you've got this.")
    assert_accessible_at_320(priya, "carer: the alert, answered")

    expect(status.acknowledged).to_have_text("Priya Shah has got this")
    expect(status.person_status("Priya Shah")).to_have_text("Has got this")
    # Lou, looking again, sees someone else has it.
    phone.reload()
    expect(lous.taken).to_have_text("Priya Shah has got this")
    expect(lous.by_test_id("recipient-acknowledge")).to_have_count(0)


def test_social_worker_can_turn_on_alerts_and_read_an_alert_on_the_caseload(signed_in, lou):
    jade = signed_in("jade")
    card = AlertCard(jade)
    card.tap()
    card.send_now()
    status = landed_on_status(jade)

    sam = signed_in("sam")
    caseload = CaseloadPage(sam)
    expect(PhoneAlerts(sam).by_test_id("phone-alerts-on")).to_have_text("Turn on alerts on this phone")
    assert_no_violations(sam, "social worker home with alerts on this phone")
    caseload.open(f"/alerts/{status.alert_id}")
    alert = RecipientAlertPage(sam)
    alert.wait()
    expect(alert.heading).to_have_text("An alert")
    expect(alert.by_test_id("recipient-acknowledge")).to_have_count(0)
    assert_accessible_at_320(sam, "social worker: an alert on the caseload")
    status.cancel()
