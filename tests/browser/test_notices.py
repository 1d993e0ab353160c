"""Notices at #/notices: the demo's first notice is listed for a carer, counted on the
home screen's menu, and marked read; a 360px phone, in English and Arabic; no axe
violations."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import Screen

WELCOME = "This is where Homeward tells you when something needs you."


class NoticesPage(Screen):
    @property
    def notices(self):
        return self.by_test_id("notice")

    @property
    def unread(self):
        return self.by_test_id("notices-unread")


def test_a_carer_finds_a_notice_from_the_menu_and_marks_it_read(signed_in):
    priya = signed_in("priya")
    priya.set_viewport_size({"width": 360, "height": 780})
    home = Screen(priya)
    link = home.by_test_id("link-notices")
    expect(link).to_contain_text("Notices")
    expect(home.by_test_id("notices-count")).to_have_text("1 new")
    assert_no_violations(priya, "carer home with a notice, 360px")
    link.click()

    page = NoticesPage(priya)
    page.expect_title("Notices")
    page.wait_until_loaded()
    expect(page.notices).to_have_count(1)
    expect(page.notices.first).to_contain_text(WELCOME)
    expect(page.notices.first).to_contain_text("New")
    expect(page.unread).to_have_text("1 new notice.")
    assert_no_horizontal_scroll(priya, "notices, 360px")
    assert_no_violations(priya, "notices, 360px")

    # In Arabic (chosen on the home screen), the server's words come in Arabic.
    home.open("/home")
    home.choose_language("ar")
    link.click()
    page.wait_until_loaded()
    expect(page.html).to_have_attribute("dir", "rtl")
    expect(page.notices.first).to_contain_text("هنا يخبرك Homeward عندما يحتاجك شيء.")
    assert_no_horizontal_scroll(priya, "notices in Arabic, 360px")
    assert_no_violations(priya, "notices in Arabic, 360px")
    home.open("/home")
    home.choose_language("en")
    link.click()
    page.wait_until_loaded()

    page.by_test_id("notice-mark-read").click()
    expect(page.unread).to_have_text("You have read them all.")
    expect(page.by_test_id("notice-mark-read")).to_have_count(0)
    priya.reload()
    page.wait_until_loaded()
    expect(page.unread).to_have_text("You have read them all.")
    assert_no_violations(priya, "notices all read, 360px")
