"""Signing in: every role lands on its own home; failures all look the same."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_no_violations
from tests.browser.pages import DEMO, SignInPage, sign_in


@pytest.mark.parametrize("who", ["jade", "priya", "sam", "ruth", "admin"])
def test_signing_in_as_each_demo_role_shows_that_roles_home(page, server, keep_sign_in, who):
    sign_in(page, who, server)
    keep_sign_in(who, page.context)

    screen = SignInPage(page)
    screen.expect_title(DEMO[who].home_title)
    if who == "jade":
        expect(screen.quick_exit).to_be_visible()
        expect(screen.idle_notice).to_have_count(0)
    elif DEMO[who].professional:
        expect(screen.quick_exit).to_be_hidden()
        expect(screen.idle_notice).to_have_text("You'll be signed out after 15 minutes without activity.")
    else:
        expect(screen.quick_exit).to_be_hidden()


def test_wrong_pin_shows_the_same_message_as_an_unknown_username(page):
    screen = SignInPage(page)
    screen.open()
    expect(screen.quick_exit).to_be_visible()

    screen.sign_in_person("jade", "999999")
    expect(screen.error).not_to_be_empty()
    wrong_pin = screen.error.inner_text()

    screen.sign_in_person("nobody-here", "999999")
    expect(screen.error).not_to_be_empty()
    unknown_user = screen.error.inner_text()

    assert wrong_pin == unknown_user
    assert "Those details don't match" in wrong_pin
    screen.expect_title("Sign in to Homeward")


def test_missing_sign_in_details_are_shown_next_to_each_field(page):
    screen = SignInPage(page)
    screen.open()
    screen.choose_professional()
    screen.by_test_id("signin-submit").click()

    for field in ("signin-identifier", "signin-secret", "signin-code"):
        expect(screen.by_test_id(f"{field}-error")).to_be_visible()
        described_by = screen.by_test_id(field).get_attribute("aria-describedby")
        error_id = screen.by_test_id(f"{field}-error").get_attribute("id")
        assert error_id in described_by.split()
    expect(screen.by_test_id("signin-identifier")).to_be_focused()


def test_too_many_tries_says_to_wait_and_for_how_long(page):
    screen = SignInPage(page)
    screen.open()
    for _ in range(6):
        screen.sign_in_person("nobody-at-all", "000000")
        expect(screen.error).not_to_be_empty()
    expect(screen.error).to_contain_text("Too many tries. Please wait and try again.")
    expect(screen.error).to_contain_text(re.compile(r"You can try again in \d+ minutes?\."))
    # Nobody is left with nowhere to turn: who to call now, and how to get back in.
    page.set_viewport_size({"width": 360, "height": 780})
    locked = screen.by_test_id("signin-locked")
    for test_id, number in (("call-999", "999"), ("call-childline", "08001111"), ("call-101", "101")):
        expect(locked.get_by_test_id(test_id)).to_have_attribute("href", f"tel:{number}")
    expect(locked).to_contain_text("Childline")
    expect(locked).to_contain_text("Ask your social worker or carer for a new sign-in link.")
    assert_no_violations(page, "sign-in after too many tries")
