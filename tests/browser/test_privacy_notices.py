"""Privacy notices shown at the moment they matter (issue 15, Children's Code standard 4):
a trusted person reads what Homeward keeps about them on their invite, before saying
yes; an adult reads theirs on their invite, before joining; Jade sees a short notice the
first time she turns on sharing where she is, and her answer is kept. Each notice has
its main points first and "Tell me more" after, is reachable later, reads in Arabic, and
axe finds nothing at 360 px."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    AlertCard,
    ContactPage,
    JoinPage,
    Screen,
    carer_invite_link,
)
from tests.browser.test_trusted_contacts import invited_contacts_phone

PHONE = {"width": 360, "height": 780}


def check(page, name: str) -> None:
    assert_no_violations(page, name)
    assert_no_horizontal_scroll(page, name)


def test_a_trusted_person_reads_what_is_kept_about_them_before_saying_yes(signed_in, new_context):
    phone, _ = invited_contacts_phone(signed_in, new_context, PHONE)
    contact = ContactPage(phone)
    notice = contact.by_test_id("privacy-notice-contact")
    expect(notice).to_contain_text("What Homeward keeps about trusted people")
    expect(notice.get_by_test_id("privacy-points")).to_contain_text("You can also ask us to forget you.")
    # The notice comes before the yes button, and its detail waits for "Tell me more".
    assert notice.bounding_box()["y"] < contact.by_test_id("contact-agree").bounding_box()["y"]
    more = notice.get_by_test_id("privacy-more")
    expect(more).not_to_have_attribute("open", "")
    more.locator("summary").click()
    expect(more).to_contain_text("answers within one month")
    check(phone, "contact: invite with the privacy notice, 360px")

    # In Arabic too.
    contact.choose_language("ar")
    expect(notice).to_contain_text("ما يحفظه Homeward عن الأشخاص الموثوق بهم")
    contact.choose_language("en")

    # Later, from their own page.
    contact.agree()
    contact.by_test_id("link-privacy-contact").click()
    contact.expect_title("What Homeward keeps about trusted people")
    check(phone, "the notice for trusted people, 360px")


def test_an_adult_reads_what_is_kept_about_them_before_joining(signed_in, new_context):
    sam = signed_in("sam")
    link = carer_invite_link(sam, "Tyler")

    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    page.goto(link)
    join = JoinPage(page)
    expect(join.greeting).to_be_visible()
    notice = join.by_test_id("privacy-notice-adult")
    expect(notice).to_contain_text("What Homeward keeps about adults who help")
    expect(notice.get_by_test_id("privacy-points")).to_contain_text(
        "We write down each time you read or change a young person's record."
    )
    assert notice.bounding_box()["y"] < join.by_test_id("join-form").bounding_box()["y"]
    notice.get_by_test_id("privacy-more").locator("summary").click()
    expect(notice.get_by_test_id("privacy-more")).to_contain_text("Information Commissioner's Office")
    check(page, "join as a carer with the privacy notice, 360px")

    # Reachable later from an adult's home.
    sam.set_viewport_size(PHONE)
    home = Screen(sam)
    home.open("/home")
    home.wait_until_loaded()
    home.by_test_id("link-privacy-adult").click()
    home.expect_title("What Homeward keeps about adults who help")
    check(sam, "the notice for adults, 360px")
    # And before a first sign-in (an account an admin made has no invite).
    page.goto("/#/signin")
    Screen(page).by_test_id("link-privacy-adult").click()
    Screen(page).expect_title("What Homeward keeps about adults who help")


def test_the_first_time_jade_shares_where_she_is_a_short_notice_says_who_sees_it(signed_in):
    jade = signed_in("jade")
    jade.set_viewport_size(PHONE)
    jade.evaluate("localStorage.removeItem('homeward.location_notice_seen')")
    jade.reload()
    card = AlertCard(jade)
    card.wait_until_loaded()
    expect(card.by_test_id("location-notice")).to_have_count(0)

    card.share_location.check()
    notice = card.by_test_id("location-notice")
    expect(notice).to_contain_text("Only the people this alert reaches will see where you are.")
    expect(notice).to_contain_text("deleted 30 days after the alert ends")
    check(jade, "the short notice before sharing where she is, 360px")

    # She turns it off: the switch is off, and her answer is kept.
    card.by_test_id("location-notice-off").click()
    expect(card.share_location).not_to_be_checked()
    expect(notice).to_have_count(0)
    card.share_location.check()
    expect(card.share_location).to_be_checked()
    expect(card.by_test_id("location-notice")).to_have_count(0)
    jade.reload()
    card.wait_until_loaded()
    card.share_location.check()
    expect(card.by_test_id("location-notice")).to_have_count(0)
    expect(card.share_location).to_be_checked()
    # Off again on its own for the next alert: nothing is kept on.
    jade.reload()
    card.wait_until_loaded()
    expect(card.share_location).not_to_be_checked()
