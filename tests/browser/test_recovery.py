"""Reaching people and getting back in, on a 360px phone with axe on every new screen:
a young person who forgot their PIN gets a new sign-in link from their social worker;
an invite is texted (an sms: link with the invite written in) and one is emailed and
read in the demo mailbox that `homeward serve` runs."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import unquote

import pyotp
from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    JoinPage,
    Screen,
    SignInPage,
    WelcomePage,
    YoungPersonHome,
    YoungPersonRecordPage,
    sign_in,
)

PHONE = {"width": 360, "height": 780}


def checked(page: Page, screen: str) -> None:
    assert_no_horizontal_scroll(page, screen)
    assert_no_violations(page, screen)


def test_ren_forgets_their_pin_and_gets_back_in_with_a_new_sign_in_link(signed_in, new_context):
    sam = signed_in("sam")
    sam.set_viewport_size(PHONE)
    CaseloadPage(sam).add_young_person("Ren", "2011-03-04")
    record = YoungPersonRecordPage(sam)
    expect(record.name).to_have_text("Ren")
    record.invite_young_person()
    old_phone = new_context(viewport=PHONE).new_page()
    old_phone.goto(record.invite_link.inner_text())
    JoinPage(old_phone).choose("ren.test", "582046")
    WelcomePage(old_phone).go_home()
    expect(YoungPersonHome(old_phone).greeting).to_have_text("Hi Ren")

    # Ren forgot the PIN. Sam makes a new sign-in link on Ren's record.
    sam.reload()
    sam.get_by_test_id("make-sign-in-link").click()
    panel = sam.get_by_test_id("invite-panel")
    expect(panel.get_by_role("heading", name="A new sign-in link for Ren")).to_be_focused()
    expect(panel.get_by_test_id("invite-state")).to_have_text(
        "Not sent yet. Show the QR code or text the link."
    )
    expect(panel.get_by_test_id("invite-expires")).to_contain_text("This link works once, until")
    link = panel.get_by_test_id("invite-link").inner_text()
    assert "/#/recover/" in link
    sms = panel.get_by_test_id("invite-sms").get_attribute("href")
    assert sms.startswith("sms:?&body=") and link in unquote(sms)
    checked(sam, "a new sign-in link on the record, social worker")

    # On a new phone, Ren opens the link and chooses a new PIN.
    new_phone = new_context(viewport=PHONE).new_page()
    new_phone.goto(link)
    screen = Screen(new_phone)
    expect(screen.by_test_id("recover-greeting")).to_have_text("Hi Ren")
    expect(screen.by_test_id("recover-username")).to_contain_text("ren.test")
    expect(screen.quick_exit).to_be_visible()
    checked(new_phone, "choose a new PIN from a sign-in link")
    screen.by_test_id("recover-secret").fill("703916")
    screen.by_test_id("recover-secret-again").fill("703916")
    screen.by_test_id("recover-submit").click()
    expect(YoungPersonHome(new_phone).greeting).to_have_text("Hi Ren")

    # The old phone is signed out; Ren is told who made the link.
    old_phone.reload()
    SignInPage(old_phone).expect_title("Sign in to Homeward")
    new_phone.goto("/#/notices")
    expect(new_phone.get_by_text(re.compile("Sam Okafor made you a new sign-in link"))).to_be_visible()

    # The link worked once.
    again = new_context(viewport=PHONE).new_page()
    again.goto(link)
    expect(Screen(again).by_test_id("recover-run-out")).to_have_text(
        "This sign-in link has run out or been used. Ask for a new one."
    )


def test_an_invite_is_texted_and_one_is_emailed_and_read_in_the_demo_mailbox(new_context, mail_server):
    # The demo as the README runs it: email set up, caught by the demo mailbox.
    sam = new_context(base_url=mail_server.base_url, viewport=PHONE).new_page()
    sign_in(sam, "sam", mail_server)
    CaseloadPage(sam).open_young_person("Tyler")
    record = YoungPersonRecordPage(sam)
    record.invite_carer()
    panel = sam.get_by_test_id("invite-panel")
    link = record.invite_link.inner_text()
    expect(panel.get_by_test_id("invite-state")).to_have_text(
        "Not sent yet. Show the QR code, text the link or email it."
    )
    # Texted: the phone's messages app opens with the invite written in.
    sms = panel.get_by_test_id("invite-sms")
    expect(sms).to_have_text("Text this link")
    assert link in unquote(sms.get_attribute("href"))

    # Emailed: the demo mailbox catches it.
    panel.get_by_test_id("invite-email").fill("dee.carer@example.org")
    panel.get_by_test_id("invite-email-send").click()
    expect(panel.get_by_test_id("invite-state")).to_contain_text("Emailed to dee.carer@example.org.")
    # The record's list of invites says the same.
    newest = sam.get_by_test_id("invite-made").first
    expect(newest).to_contain_text("Invite for a carer")
    expect(newest.get_by_test_id("invite-made-state")).to_contain_text(
        re.compile(r"^Emailed .*Not used yet\.$")
    )
    checked(sam, "an emailed invite, social worker")
    panel.get_by_test_id("invite-mailbox-link").click()

    mailbox = Screen(sam)
    mailbox.expect_title("Demo mailbox")
    mail = sam.get_by_test_id("mail").filter(has_text="dee.carer@example.org").first
    expect(mail).to_contain_text("Your invite to Homeward")
    expect(mail).to_contain_text("Sam Okafor has invited you to join Homeward for Tyler")
    checked(sam, "the demo mailbox")

    # The new carer opens the link from the email on her own phone.
    dee = new_context(base_url=mail_server.base_url, viewport=PHONE).new_page()
    dee.goto(link)
    expect(JoinPage(dee).greeting).to_contain_text("Tyler")
    assert mail.get_by_role("link", name=link).count() == 1


def test_an_admin_makes_a_reset_link_and_a_social_worker_sets_a_new_password_and_second_factor(
    signed_in, new_context, server
):
    val = ("--name", "Val Test", "--email", "val.test@northbrook.example", "--council", "Northbrook Council")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "backend.cli",
            "create-user",
            "--role",
            "social_worker",
            "--password-stdin",
            *val,
        ],
        input="an old password nobody remembers\n",
        env=server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    admin = signed_in("admin")
    admin.set_viewport_size(PHONE)
    admin.reload()
    row = admin.get_by_test_id("user-row").filter(has_text="Val Test")
    row.get_by_test_id("user-reset-link").click()
    panel = admin.get_by_test_id("invite-panel")
    expect(panel.get_by_role("heading", name="A reset link for Val Test")).to_be_focused()
    link = panel.get_by_test_id("invite-link").inner_text()
    checked(admin, "a reset link, admin")

    browser = new_context(viewport=PHONE).new_page()
    browser.goto(link)
    screen = Screen(browser)
    expect(screen.by_test_id("recover-greeting")).to_have_text("Hi Val Test")
    expect(screen.by_test_id("recover-factor-qr")).to_be_visible()
    checked(browser, "choose a new password and second factor from a reset link")
    key = screen.by_test_id("recover-factor-key").inner_text()
    screen.by_test_id("recover-factor-code").fill(pyotp.TOTP(key).now())
    screen.by_test_id("recover-secret").fill("a new password to remember")
    screen.by_test_id("recover-secret-again").fill("a new password to remember")
    screen.by_test_id("recover-submit").click()
    expect(browser.get_by_test_id("screen-title")).not_to_have_text(re.compile("Sign in|Hi Val Test"))
    assert "#/home" in browser.url
