"""Accounts around the young person: adding them, carers joining, lost phones, admin."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from tests.browser.checks import assert_accessible_at_320
from tests.browser.pages import (
    DEMO,
    AdminHome,
    CaseloadPage,
    JoinPage,
    Screen,
    SignInPage,
    YoungPersonRecordPage,
    carer_invite_link,
)

ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
)


def test_social_worker_adds_a_young_person_after_fixing_each_field(signed_in):
    sam = signed_in("sam")
    caseload = CaseloadPage(sam)
    caseload.add_young_person("", "")
    expect(caseload.by_test_id("add-preferred-name-error")).to_have_text(
        "Enter the name they like to be called."
    )
    expect(caseload.by_test_id("add-date-of-birth-error")).to_have_text("Enter their date of birth.")
    expect(caseload.by_test_id("add-preferred-name")).to_have_attribute("aria-invalid", "true")

    caseload.add_young_person("Robin", "2012-04-09")
    record = YoungPersonRecordPage(sam)
    expect(record.name).to_have_text("Robin")
    expect(record.by_test_id("young-person-details")).to_contain_text("Sam Okafor")
    expect(record.by_test_id("invite-young-person")).to_have_text("Invite Robin to Homeward")


def test_carer_joins_from_an_invite_and_sees_the_young_person(signed_in, new_context):
    sam = signed_in("sam")
    link = carer_invite_link(sam, "Tyler")

    page = new_context().new_page()
    page.goto(link)
    join = JoinPage(page)
    expect(join.greeting).to_have_text("You've been invited as a carer for Tyler")
    join.choose("dev.carer", "short", display_name="Dev Carter")
    expect(join.by_test_id("join-secret-error")).to_have_text("Use at least 10 characters.")
    join.choose("dev.carer", "a long enough password", display_name="Dev Carter")

    home = CaseloadPage(page)
    home.expect_title("Young people you look after")
    expect(home.links).to_have_text(["Tyler"])
    expect(home.quick_exit).to_be_hidden()


def test_social_worker_signs_out_a_lost_phone(signed_in, new_context, server):
    lost = new_context(user_agent=ANDROID).new_page()
    screen = SignInPage(lost)
    screen.open()
    screen.sign_in_person(DEMO["mia"].identifier, DEMO["mia"].secret)
    screen.expect_title("Hi Mia")

    # Mia is on Alex's caseload.
    alex = signed_in("alex")
    CaseloadPage(alex).open_young_person("Mia")
    record = YoungPersonRecordPage(alex)
    phone = record.by_test_id("device").filter(has_text="Android phone")
    expect(phone).to_have_count(1)
    phone.get_by_test_id("device-sign-out").click()
    expect(phone).to_have_count(0)

    lost.reload()
    Screen(lost).expect_title("Sign in to Homeward")


def test_social_worker_signs_out_a_carers_lost_phone(signed_in, new_context):
    lost = new_context(user_agent=ANDROID).new_page()
    screen = SignInPage(lost)
    screen.open()
    screen.sign_in_person(DEMO["priya"].identifier, DEMO["priya"].secret)
    screen.expect_title("Young people you look after")

    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    record.wait_until_loaded()
    phone = record.carer_phone("Priya Shah", "Android phone")
    expect(phone).to_have_count(1)
    phone.get_by_test_id("carer-device-sign-out").click()
    expect(phone).to_have_count(0)

    lost.reload()
    Screen(lost).expect_title("Sign in to Homeward")


def test_admin_deactivates_and_reactivates_an_account(signed_in, new_context):
    admin = signed_in("admin")
    row = admin.get_by_test_id("user-row").filter(has_text="Mia")
    row.get_by_test_id("user-toggle").click()
    expect(row.get_by_test_id("user-status")).to_have_text("Deactivated")

    mia = new_context().new_page()
    screen = SignInPage(mia)
    screen.open()
    screen.sign_in_person(DEMO["mia"].identifier, DEMO["mia"].secret)
    expect(screen.error).to_contain_text("Those details don't match")

    row.get_by_test_id("user-toggle").click()
    expect(row.get_by_test_id("user-status")).to_have_text("Active")
    screen.sign_in_person(DEMO["mia"].identifier, DEMO["mia"].secret)
    screen.expect_title("Hi Mia")

    own = admin.get_by_test_id("user-row").filter(has_text="admin@northbrook.example")
    expect(own.get_by_test_id("user-toggle")).to_have_count(0)


def test_admin_pages_through_every_attempt_that_was_stopped(signed_in):
    alex = signed_in("alex")
    for _ in range(101):  # more than one page of them
        assert alex.request.get(f"/api/young-people/{uuid.uuid4()}").status == 404

    admin = signed_in("admin")
    total, before = 0, None
    while True:
        page = admin.request.get("/api/admin/refused", params={"before": before} if before else None).json()
        total += len(page["attempts"])
        before = page["older"]
        if before is None:
            break
    assert total > 100

    home = AdminHome(admin)
    expect(home.refused).to_have_count(100)
    expect(home.refused.first).to_contain_text("Alex Reid")
    expect(home.refused.first).to_contain_text("tried to look at a young person's information")
    assert_accessible_at_320(admin, "admin home with attempts that were stopped")
    while home.show_older.is_visible():
        shown = home.refused.count()
        home.show_older.click()
        expect(home.refused).not_to_have_count(shown)
    expect(home.refused).to_have_count(total)
    expect(home.show_older).to_be_hidden()
    expect(home.by_test_id("announcer")).to_contain_text("That is all of them.")
