"""Journey 3: one of Jade's people says yes on their own phone (no account), turns on
notifications, and later steps down; Jade sees each step."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible_at_320
from tests.browser.pages import ContactPage, PeoplePage, YoungPersonHome
from tests.browser.test_offline import wait_for_service_worker

# Headless chromium has no push service: pushManager.subscribe answers with this.
P256DH = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM"
AUTH = "tBHItJI5svbpez7KI4CCXg"
STUB_PUSH = f"""
(() => {{
  const subscription = {{
    endpoint: "https://fcm.googleapis.com/fcm/send/x",
    expirationTime: null,
    toJSON() {{
      return {{ endpoint: this.endpoint, expirationTime: null, keys: {{ p256dh: "{P256DH}", auth: "{AUTH}" }} }};
    }},
    unsubscribe() {{ return Promise.resolve(true); }},
  }};
  if (window.PushManager) {{
    PushManager.prototype.subscribe = function () {{ return Promise.resolve(subscription); }};
  }}
}})();
"""
EXPLAIN = (
    "Jade may send you an alert if they need help. You can say you've got it, call Jade, "
    "or say you can't right now. You can stop at any time, and Jade will see that."
)


def contact_phone(new_context):
    context = new_context(permissions=["notifications"])
    context.add_init_script(STUB_PUSH)
    return context.new_page()


def invited_contacts_phone(signed_in, new_context, viewport: dict) -> tuple[Page, str]:
    """Jade invites one of her people (`someone_to_invite`) and their phone, at
    `viewport`, opens the invite: (the phone, their name)."""
    jade = signed_in("jade")
    YoungPersonHome(jade).open_people()
    people = PeoplePage(jade)
    name = someone_to_invite(people)
    link = people.invite(name)
    phone = contact_phone(new_context)
    phone.set_viewport_size(viewport)
    phone.goto(link)
    return phone, name


def someone_to_invite(people: PeoplePage) -> str:
    """One of Jade's people who has not said yes yet (added if there is nobody)."""
    people.wait()
    waiting = (
        people.by_test_id("people")
        .get_by_test_id("person")
        .filter(has=people.page.get_by_test_id("person-invite"))
    )
    if waiting.count() == 0:
        people.make_room(1)
        people.add("Ash", "My friend", "020 7946 0789", "Answer when I call")
        return "Ash"
    return waiting.first.get_by_test_id("person-name-text").inner_text()


def test_a_trusted_contact_says_yes_turns_on_notifications_and_later_steps_down(
    signed_in, new_context, server
):
    jade = signed_in("jade")
    YoungPersonHome(jade).open_people()
    people = PeoplePage(jade)
    name = someone_to_invite(people)
    link = people.invite(name)
    assert "/#/contact/" in link
    panel = people.by_test_id("invite-panel")
    expect(panel.get_by_test_id("invite-qr")).to_have_attribute(
        "alt", f"QR code for {name} to become one of your people"
    )
    assert panel.get_by_test_id("invite-qr").get_attribute("src").startswith("data:image/svg+xml")
    expect(panel.get_by_test_id("invite-copy")).to_have_text("Copy link")
    expect(panel.get_by_test_id("invite-expires")).to_contain_text("This invite works once, until")
    expect(people.person(name).get_by_test_id("person-state")).to_have_text("Invite made, not used yet")
    assert_accessible_at_320(jade, "your people, with an invite")

    # Their own phone, no account.
    phone = contact_phone(new_context)
    phone.goto(link)
    contact = ContactPage(phone)
    expect(contact.greeting).to_have_text(f"Hi {name}")
    expect(contact.by_test_id("contact-explain")).to_have_text(EXPLAIN)
    expect(contact.quick_exit).to_be_hidden()
    assert_accessible_at_320(phone, "contact: join")
    contact.agree()
    expect(contact.home_title).to_have_text("You're one of Jade's people")
    expect(contact.notifications).to_contain_text("Off.")

    wait_for_service_worker(phone)
    with phone.expect_request("**/api/contact/push-subscription") as sent:
        contact.turn_on_notifications()
    body = json.loads(sent.value.post_data)
    assert body == {
        "endpoint": "https://fcm.googleapis.com/fcm/send/x",
        "expirationTime": None,
        "keys": {"p256dh": P256DH, "auth": AUTH},
    }
    assert sent.value.headers.get("x-csrf-token")
    expect(contact.notifications).to_contain_text("On.")
    expect(contact.by_test_id("contact-flash")).to_have_text("Notifications are on.")
    assert_accessible_at_320(phone, "contact: their page")

    # Opening Homeward again on that phone goes straight to their page.
    phone.goto("/")
    expect(contact.home_title).to_have_text("You're one of Jade's people")
    expect(phone).to_have_url(f"{server.base_url}/#/contact")

    # Jade sees that they said yes and will get notifications.
    jade.reload()
    card = people.person(name)
    expect(card.get_by_test_id("person-state")).to_have_text("Said yes")
    expect(card.get_by_test_id("person-notifications")).to_have_text("Notifications on")
    expect(card.get_by_test_id("person-invite")).to_have_count(0)

    # They turn notifications off and on again, then stop, after being asked to confirm.
    contact.turn_off_notifications()
    expect(contact.notifications).to_contain_text("Off.")
    contact.turn_on_notifications()
    contact.by_test_id("step-down").click()
    expect(contact.by_test_id("step-down-yes")).to_be_visible()
    contact.by_test_id("step-down-no").click()
    expect(contact.by_test_id("step-down-yes")).to_have_count(0)
    contact.step_down()
    expect(contact.by_test_id("contact-stepped-down-text")).to_contain_text("Jade will see that.")
    assert_accessible_at_320(phone, "contact: stepped down")

    jade.reload()
    expect(people.person(name)).to_have_count(0)
    gone = people.stepped_down(name)
    expect(gone.get_by_test_id("person-state")).to_have_text("Stepped down")
    expect(gone).to_contain_text(f"{name} said they can't be one of your people any more.")

    # Their phone no longer gets in, and the used link doesn't work again.
    phone.reload()
    expect(contact.by_test_id("contact-none")).to_be_visible()
    phone.goto(link)
    expect(contact.by_test_id("contact-run-out")).to_have_text(
        "This invite has run out or been used. Ask for a new one."
    )


def test_a_push_shows_only_generic_words(signed_in, new_context, server):
    jade = signed_in("jade")
    YoungPersonHome(jade).open_people()
    people = PeoplePage(jade)
    link = people.invite(someone_to_invite(people))
    phone = contact_phone(new_context)
    phone.goto(link)
    ContactPage(phone).agree()
    wait_for_service_worker(phone)

    # Deliver a push as the push service would, through the DevTools protocol.
    cdp = phone.context.new_cdp_session(phone)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    phone.wait_for_timeout(200)
    ours = [r for r in registrations if r["scopeURL"] == f"{server.base_url}/" and not r["isDeleted"]]
    assert ours, registrations
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": server.base_url,
            "registrationId": ours[0]["registrationId"],
            "data": '{"alert_id": "a1"}',
        },
    )
    shown = []
    for _ in range(40):
        shown = phone.evaluate(
            """async () => {
                const registration = await navigator.serviceWorker.ready;
                const list = await registration.getNotifications();
                return list.map((n) => ({ title: n.title, body: n.body }));
            }"""
        )
        if shown:
            break
        phone.wait_for_timeout(100)
    assert shown == [{"title": "Homeward", "body": "Someone you support needs you. Open Homeward."}]
    ContactPage(phone).step_down()


def test_an_unknown_contact_invite_says_ask_for_a_new_one(page):
    page.goto("/#/contact/NOT-A-REAL-CODE")
    contact = ContactPage(page)
    expect(contact.by_test_id("contact-run-out")).to_have_text(
        "This invite has run out or been used. Ask for a new one."
    )
    expect(contact.quick_exit).to_be_hidden()
