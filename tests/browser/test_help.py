"""Help and reporting on every young-person screen (Children's Code standard 15): "Get
help" at the foot of each, Childline's number shown, a tap tells her social worker; and
the accessibility statement, linked from the sign-in screen. Axe finds nothing; 360 px."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import Screen

YOUNG_PERSON_SCREENS = (
    "/home",
    "/plan",
    "/people",
    "/my-info",
    "/notices",
    "/phones",
    "/feedback",
    "/welcome",
)


def test_get_help_is_on_every_young_person_screen_and_tells_her_social_worker(signed_in):
    jade = signed_in("jade")
    jade.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(jade)
    for route in YOUNG_PERSON_SCREENS:
        screen.open(route)
        screen.wait_until_loaded()
        expect(screen.by_test_id("link-help"), route).to_have_text("Get help")

    screen.by_test_id("link-help").click()
    screen.expect_title("Get help")
    expect(screen.by_test_id("link-help")).to_have_count(0)
    childline = screen.by_test_id("help-childline")
    expect(childline).to_have_text("Call Childline: 0800 1111")
    expect(childline).to_have_attribute("href", "tel:08001111")
    assert_no_violations(jade, "get help, 360px")
    assert_no_horizontal_scroll(jade, "get help, 360px")

    screen.by_test_id("help-ask-talk").click()
    expect(screen.by_test_id("help-result")).to_have_text("Done. Your social worker has been told.")

    sam = signed_in("sam")
    Screen(sam).open("/notices")
    expect(Screen(sam).by_test_id("notice").first).to_contain_text("Jade asked you to get in touch")


def test_get_help_reads_in_arabic(signed_in):
    jade = signed_in("jade")
    screen = Screen(jade)
    screen.open("/home")
    screen.wait_until_loaded()
    screen.choose_language("ar")
    expect(screen.by_test_id("link-help")).to_have_text("اطلب المساعدة")
    screen.by_test_id("link-help").click()
    screen.expect_title("اطلب المساعدة")
    expect(screen.by_test_id("help-childline")).to_contain_text("0800 1111")
    assert_no_violations(jade, "get help, Arabic")
    screen.open("/home")
    screen.choose_language("en")


def test_the_accessibility_statement_is_linked_from_sign_in_in_the_public_sector_format(page):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto("/#/signin")
    screen = Screen(page)
    screen.by_test_id("link-accessibility").click()
    screen.expect_title("Accessibility statement for Homeward")
    for section in ("feedback", "enforcement", "compliance", "not_accessible", "preparation"):
        expect(screen.by_test_id(f"accessibility-{section}")).to_be_visible()
    expect(screen.by_test_id("accessibility-compliance")).to_contain_text("partially compliant")
    expect(screen.by_test_id("accessibility-enforcement")).to_contain_text(
        "Equality and Human Rights Commission"
    )
    assert_no_violations(page, "accessibility statement, 360px")
    assert_no_horizontal_scroll(page, "accessibility statement, 360px")
