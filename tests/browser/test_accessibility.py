"""WCAG 2.2 AA, as far as axe-core can tell, on every screen; and 320px phones."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.checks import assert_accessible_at_320, assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    ContactPage,
    JoinPage,
    PeoplePage,
    PlanPage,
    SignInPage,
    YoungPersonHome,
    YoungPersonRecordPage,
    carer_invite_link,
)


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
    link = carer_invite_link(sam, "Jade")

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


def test_young_person_home_with_call_buttons_has_no_axe_violations_at_320px(signed_in):
    jade = signed_in("jade")
    expect(YoungPersonHome(jade).by_test_id("call-person").first).to_be_visible()
    assert_accessible_at_320(jade, "young person home with call and text buttons")


def test_young_persons_plan_screens_have_no_axe_violations(signed_in):
    jade = signed_in("jade")
    YoungPersonHome(jade).open_plan()
    plan = PlanPage(jade)
    plan.wait()
    assert_accessible_at_320(jade, "your plan")
    for section in ("about_me", "photo", "worries", "places", "carer_steps", "sharing"):
        plan.open(f"/plan/edit/{section}")
        expect(plan.by_test_id(f"edit-{section}-form")).to_be_visible()
        assert_accessible_at_320(jade, f"change your plan: {section}")
    plan.open("/plan/edit/professional_notes")
    expect(plan.by_test_id("cannot-edit")).to_be_visible()
    assert_no_violations(jade, "notes from professionals (read only for you)")
    plan.open("/plan/history")
    expect(plan.by_test_id("version").first).to_be_visible()
    assert_accessible_at_320(jade, "how your plan has changed")
    plan.open("/plan/sign")
    plan.wait_until_loaded()
    assert_no_violations(jade, "sign your plan")


def test_sign_screen_with_changes_to_sign_has_no_axe_violations(signed_in):
    mia = signed_in("mia")  # Mia's plan is a draft nobody has signed
    mia.goto("/#/plan")
    plan = PlanPage(mia)
    plan.wait()
    expect(plan.status.get_by_test_id("still-to-sign")).to_have_text(
        "Still to sign: You and your social worker."
    )
    assert_accessible_at_320(mia, "your plan with changes to sign")
    sign = plan.open_sign()
    expect(sign.by_test_id("sign-plan")).to_be_visible()
    assert_accessible_at_320(mia, "sign your plan")


def test_adults_plan_screens_have_no_axe_violations(signed_in):
    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    record.wait_until_loaded()
    record.open_plan()
    plan = PlanPage(sam)
    plan.wait()
    expect(plan.police_form).to_be_visible()
    assert_accessible_at_320(sam, "young person's plan, social worker")
    base = sam.url.split("#", 1)[1]
    for section in ("professional_notes", "sharing", "about_me"):
        plan.open(f"{base}/edit/{section}")
        expect(plan.by_test_id(f"edit-{section}-form")).to_be_visible()
        assert_accessible_at_320(sam, f"change the plan as a social worker: {section}")
    plan.open(base.replace("/plan", "/people"))
    people = PeoplePage(sam)
    people.wait()
    assert_accessible_at_320(sam, "young person's people, social worker")

    priya = signed_in("priya")
    CaseloadPage(priya).open_young_person("Jade")
    YoungPersonRecordPage(priya).open_plan()
    carer_plan = PlanPage(priya)
    carer_plan.wait()
    assert_accessible_at_320(priya, "young person's plan, carer")
    carer_plan.open(f"{base}/edit/carer_steps")
    expect(carer_plan.by_test_id("edit-carer_steps-form")).to_be_visible()
    assert_accessible_at_320(priya, "change what the carer will do, carer")


def test_contact_screens_with_no_invite_have_no_axe_violations(page):
    page.goto("/#/contact/NOT-A-REAL-CODE")
    expect(ContactPage(page).by_test_id("contact-run-out")).to_be_visible()
    assert_accessible_at_320(page, "contact invite that has run out")
    page.goto("/#/contact")
    page.reload()
    expect(ContactPage(page).by_test_id("contact-none")).to_be_visible()
    assert_accessible_at_320(page, "contact page on a phone that isn't set up")
