"""Rights requests on a 360 px phone (issue 15): Jade asks for something to be put right
on "Who can see my information"; Sam sees it on his dashboard with its deadline, gives it
more time once with a reason, then says it is done; Jade reads the answer in plain words.
A trusted person asks to be forgotten on their own page; when Sam says done, their page
stops working. Axe finds nothing on each screen."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import ContactPage, Screen
from tests.browser.test_trusted_contacts import invited_contacts_phone

PHONE = {"width": 360, "height": 780}


def check(page, name: str) -> None:
    assert_no_violations(page, name)
    assert_no_horizontal_scroll(page, name)


def sams_request(sam, text: str):
    screen = Screen(sam)
    screen.open("/dashboard")
    screen.wait_until_loaded()
    return screen.by_test_id("rights-request").filter(has_text=text)


def test_jade_asks_for_a_correction_and_reads_sams_answer(signed_in):
    wrong = f"My school is wrong ({uuid.uuid4().hex[:6]})"
    jade = signed_in("jade")
    jade.set_viewport_size(PHONE)
    screen = Screen(jade)
    # From "Get help", as from "Who can see my information".
    screen.open("/help")
    screen.by_test_id("help-put-right").click()
    screen.expect_title("Who can see my information")
    screen.wait_until_loaded()
    screen.by_test_id("correction-send").click()
    expect(screen.by_test_id("correction-what-error")).to_have_text("Say what is wrong.")
    screen.by_test_id("correction-what").fill(wrong)
    screen.by_test_id("correction-should-say").fill("Hill Academy")
    screen.by_test_id("correction-send").click()
    expect(screen.by_test_id("correction-status")).to_contain_text("Sent. Your social worker will answer by")
    mine = screen.by_test_id("my-request").filter(has_text=wrong)
    expect(mine.get_by_test_id("my-request-state")).to_contain_text("Waiting for an answer.")
    check(jade, "my information, with a request to put something right, 360px")

    sam = signed_in("sam")
    sam.set_viewport_size(PHONE)
    card = sams_request(sam, wrong)
    expect(card.get_by_test_id("rights-request-asker")).to_have_text("Asked by Jade")
    expect(card.get_by_test_id("rights-request-due")).to_contain_text("Answer by")
    card.get_by_test_id("rights-answer").click()
    check(sam, "dashboard, answering a rights request, 360px")
    card.get_by_test_id("rights-outcome-extended-2").check()
    card.get_by_test_id("rights-answer-save").click()
    expect(card.get_by_test_id("rights-reason-error")).to_contain_text("Write the reason")
    card.get_by_test_id("rights-reason").fill("I am checking with your school")
    card.get_by_test_id("rights-answer-save").click()
    expect(Screen(sam).by_test_id("dashboard-status")).to_contain_text(
        "Answered: Put something right for Jade."
    )
    card = sams_request(sam, wrong)
    expect(card.get_by_test_id("rights-request-reason")).to_have_text(
        "Your answer: I am checking with your school"
    )
    # Given more time once: only done or refused are left.
    card.get_by_test_id("rights-answer").click()
    expect(card.get_by_test_id("rights-outcome-extended-1")).to_have_count(0)
    card.get_by_test_id("rights-outcome-done").check()
    card.get_by_test_id("rights-reason").fill("Changed to Hill Academy")
    card.get_by_test_id("rights-answer-save").click()
    expect(Screen(sam).by_test_id("dashboard-status")).to_contain_text("Answered")
    expect(sams_request(sam, wrong).get_by_test_id("rights-request-state")).to_have_text("Done")

    screen.open("/home")
    screen.open("/my-info")
    screen.wait_until_loaded()
    mine = screen.by_test_id("my-request").filter(has_text=wrong)
    expect(mine.get_by_test_id("my-request-state")).to_have_text("Done.")
    expect(mine.get_by_test_id("my-request-reason")).to_have_text(
        "What your social worker said: Changed to Hill Academy"
    )
    # Her download holds the request and its answer.
    with jade.expect_download() as got:
        screen.by_test_id("my-data-json").click()
    data = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    asked = [r for r in data["requests"] if r["what_is_wrong"] == wrong]
    assert [(r["state"], r["reason"]) for r in asked] == [("done", "Changed to Hill Academy")]


def test_a_trusted_person_asks_to_be_forgotten_and_is(signed_in, new_context):
    phone, name = invited_contacts_phone(signed_in, new_context, PHONE)
    contact = ContactPage(phone)
    contact.agree()
    contact.by_test_id("forget-me").click()
    contact.by_test_id("forget-me-yes").click()
    expect(contact.by_test_id("forget-state")).to_contain_text(
        "You asked to be forgotten. Jade's social worker will answer by"
    )
    expect(contact.by_test_id("forget-me")).to_be_hidden()
    check(phone, "contact: asked to be forgotten, 360px")
    phone.reload()
    expect(contact.by_test_id("forget-state")).to_contain_text("You asked to be forgotten.")

    sam = signed_in("sam")
    card = sams_request(sam, f"Asked by {name}")
    expect(card.get_by_test_id("rights-request-what")).to_have_text("Forget a trusted person")
    card.get_by_test_id("rights-answer").click()
    card.get_by_test_id("rights-outcome-done").check()
    card.get_by_test_id("rights-answer-save").click()
    expect(Screen(sam).by_test_id("dashboard-status")).to_contain_text("Answered: Forget a trusted person")

    phone.reload()
    expect(contact.by_test_id("contact-none")).to_be_visible()
