"""WCAG 2.2 AA, as far as axe-core can tell, on every screen; and 320px phones."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.pages import CaseloadPage, JoinPage, SignInPage, YoungPersonHome, YoungPersonRecordPage

axe = Axe()


def assert_no_violations(page: Page, screen: str) -> None:
    results = axe.run(page)
    if results.violations_count:
        print(f"\naxe violations on {screen}:\n{results.generate_report()}")
    assert results.violations_count == 0, f"{screen}: {results.generate_report()}"


def assert_no_horizontal_scroll(page: Page, screen: str) -> None:
    width = page.evaluate("document.documentElement.clientWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{screen} scrolls sideways: {scroll_width}px in {width}px"


def test_sign_in_screen_has_no_axe_violations(page):
    screen = SignInPage(page)
    screen.open()
    assert_no_violations(page, "sign in (young person or carer)")
    screen.choose_professional()
    screen.by_test_id("signin-submit").click()
    expect(screen.by_test_id("signin-code-error")).to_be_visible()
    assert_no_violations(page, "sign in (professional, with errors)")


def test_join_screens_have_no_axe_violations(page):
    join = JoinPage(page)
    join.open("/join")
    join.expect_title("Join Homeward")
    assert_no_violations(page, "join: type a code")
    join.open_code("NOT-A-REAL-CODE")
    expect(join.run_out).to_be_visible()
    assert_no_violations(page, "join: code has run out")


def test_carer_join_form_has_no_axe_violations(signed_in, new_context):
    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    record.invite_carer()
    link = record.invite_link.inner_text()

    page = new_context().new_page()
    page.goto(link)
    join = JoinPage(page)
    expect(join.greeting).to_have_text("You've been invited as a carer for Jade")
    join.by_test_id("join-submit").click()
    expect(join.by_test_id("join-display-name-error")).to_be_visible()
    assert_no_violations(page, "join as a carer, with errors")


def test_young_person_screens_have_no_axe_violations(signed_in):
    jade = signed_in("jade")
    home = YoungPersonHome(jade)
    assert_no_violations(jade, "young person home")
    home.open_my_info()
    home.expect_title("Who can see my information")
    home.wait_until_loaded()
    assert_no_violations(jade, "my information")
    home.open("/phones")
    home.expect_title("My phones")
    home.wait_until_loaded()
    assert_no_violations(jade, "my phones")
    home.open("/change-secret")
    home.expect_title("Change my PIN")
    assert_no_violations(jade, "change my PIN")


def test_social_worker_screens_have_no_axe_violations(signed_in):
    sam = signed_in("sam")
    caseload = CaseloadPage(sam)
    assert_no_violations(sam, "social worker home")
    caseload.by_test_id("add-young-person-submit").click()
    expect(caseload.by_test_id("add-preferred-name-error")).to_be_visible()
    assert_no_violations(sam, "add a young person, with errors")

    caseload.open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    record.wait_until_loaded()
    record.invite_carer()
    expect(record.invite_qr).to_be_visible()
    assert_no_violations(sam, "young person page with an invite")

    sam.set_viewport_size({"width": 320, "height": 640})
    assert_no_horizontal_scroll(sam, "young person page with an invite, 320px")
    assert_no_violations(sam, "young person page with an invite, 320px")


def test_carer_home_has_no_axe_violations(signed_in):
    priya = signed_in("priya")
    assert_no_violations(priya, "carer home")


@pytest.mark.parametrize("who", ["ruth", "admin"])
def test_manager_and_admin_homes_have_no_axe_violations(signed_in, who):
    page = signed_in(who)
    assert_no_violations(page, f"{who} home")


def test_young_person_home_has_no_horizontal_scroll_at_320px(signed_in):
    jade = signed_in("jade")
    jade.set_viewport_size({"width": 320, "height": 640})
    home = YoungPersonHome(jade)
    home.greeting.wait_for()
    assert jade.evaluate("document.documentElement.scrollWidth") <= 320
    expect(home.quick_exit).to_be_in_viewport()

    home.open_my_info()
    home.wait_until_loaded()
    assert_no_horizontal_scroll(jade, "my information, 320px")
