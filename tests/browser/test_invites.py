"""Journey 1: a social worker invites a young person, who joins on their own phone."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    JoinPage,
    WelcomePage,
    YoungPersonHome,
    YoungPersonRecordPage,
    carer_invite_link,
)


def test_tyler_joins_from_sams_invite_and_stays_signed_in(signed_in, new_context):
    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Tyler")
    record = YoungPersonRecordPage(sam)
    expect(record.name).to_have_text("Tyler")
    record.invite_young_person()
    expect(record.invite_qr).to_have_attribute("alt", "QR code to join Homeward")
    assert record.invite_qr.get_attribute("src").startswith("data:image/svg+xml")
    link = record.invite_link.inner_text()
    assert "/#/join/" in link

    # Tyler's own phone: a separate browser.
    phone = new_context()
    tyler = phone.new_page()
    tyler.goto(link)
    join = JoinPage(tyler)
    expect(join.greeting).to_have_text("Hi Tyler")
    expect(join.quick_exit).to_be_visible()
    join.choose("tyler", "470258")

    welcome = WelcomePage(tyler)
    welcome.expect_title("Who can see your information")
    expect(welcome.who_can_see).to_contain_text("Sam Okafor")
    expect(welcome.who_can_see).to_contain_text("Your social worker")
    expect(welcome.quick_exit).to_be_visible()
    welcome.go_home()

    home = YoungPersonHome(tyler)
    expect(home.greeting).to_have_text("Hi Tyler")

    # Close Homeward and open it again later: still signed in.
    tyler.close()
    again = phone.new_page()
    again.goto("/")
    expect(YoungPersonHome(again).greeting).to_have_text("Hi Tyler")

    # The invite is used up, and Sam now sees that Tyler has joined.
    JoinPage(again).open_code(link.rsplit("/", 1)[1])
    expect(JoinPage(again).run_out).to_have_text("This invite has run out or been used. Ask for a new one.")
    sam.reload()
    expect(record.by_test_id("young-person-details")).to_contain_text("Yes, has joined")
    expect(record.by_test_id("invite-young-person")).to_have_count(0)


def test_a_code_that_does_not_exist_says_ask_for_a_new_one(page):
    join = JoinPage(page)
    join.open("/join")
    join.by_test_id("join-code").fill("NOT-A-REAL-CODE")
    join.by_test_id("join-code-submit").click()
    expect(join.run_out).to_have_text("This invite has run out or been used. Ask for a new one.")


def test_a_username_that_cannot_be_used_offers_free_ones_to_pick(signed_in, new_context):
    sam = signed_in("sam")
    link = carer_invite_link(sam, "Tyler")

    page = new_context().new_page()
    page.goto(link)
    join = JoinPage(page)
    join.choose("priya", "a long enough password", display_name="Kim Lee")
    error = join.by_test_id("join-username-error")
    expect(error).to_contain_text("That one can't be used. Try priya")
    expect(error).not_to_contain_text("taken")
    expect(join.username_ideas).to_have_count(2)
    idea = join.username_ideas.first.inner_text().removeprefix("Use ")
    assert idea.startswith("priya") and idea != "priya"
    assert_no_violations(page, "join: username ideas")

    join.username_ideas.first.click()
    expect(join.by_test_id("join-username")).to_have_value(idea)
    expect(join.by_test_id("join-username")).to_be_focused()
    expect(error).to_be_hidden()
    join.by_test_id("join-submit").click()
    CaseloadPage(page).expect_title("Young people you look after")
