"""The worried guide on a 360 px phone: Priya runs it to a recorded episode while one of
Jade's people, on their own phone with no account, claims a place to check; each sees
the other's claim without reloading. Then Jade is back, and Priya sees Jade's own
"when I come back" wishes."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_accessible_at_320, assert_no_violations
from tests.browser.pages import ContactPage, Screen
from tests.browser.test_trusted_contacts import invited_contacts_phone

PHONE = {"width": 360, "height": 740}


class EpisodePage(Screen):
    """#/young-people/<id>/worried, then #/episodes/<id>."""

    def place(self, name: str):
        return self.by_test_id("search-place").filter(has=self.page.get_by_text(name, exact=True))

    def start(self, where: str) -> None:
        self.by_test_id("worried-where").fill(where)
        self.by_test_id("worried-start").click()
        expect(self.by_test_id("episode-title")).to_have_text("Worried about Jade")

    def suggest_grade(self, *factors: str) -> None:
        for factor in factors:
            self.by_test_id(f"factor-{factor}").check()
        self.by_test_id("risk-save").click()

    def report(self, cad: str, grade: str) -> None:
        self.by_test_id("report-cad").fill(cad)
        self.by_test_id("report-grade").select_option(grade)
        self.by_test_id("report-save").click()
        expect(self.by_test_id("episode-title")).to_have_text("Jade is missing")

    def record_back(self, where: str) -> None:
        self.by_test_id("back-where").fill(where)
        self.by_test_id("back-how").select_option("found_by_trusted_person")
        self.by_test_id("back-safe-well").select_option("yes")
        self.by_test_id("back-save").click()
        expect(self.by_test_id("episode-title")).to_have_text("Jade is back")


def open_jade_as_carer(priya: Page) -> None:
    priya.get_by_test_id("young-person-link").filter(has_text="Jade").click()
    expect(priya.get_by_test_id("young-person-name")).to_have_text("Jade")


def test_a_carer_runs_the_worried_guide_while_a_trusted_contact_claims_a_place(signed_in, new_context):
    # One of Jade's people says yes on their own phone.
    phone, name = invited_contacts_phone(signed_in, new_context, PHONE)
    ContactPage(phone).agree()
    expect(phone.get_by_test_id("help-look")).to_have_count(0)

    # Priya is worried: she starts the guide from Jade's page.
    priya = signed_in("priya")
    priya.set_viewport_size(PHONE)
    open_jade_as_carer(priya)
    priya.get_by_test_id("link-worried").click()
    guide = EpisodePage(priya)
    expect(guide.by_test_id("worried-title")).to_have_text("Worried about Jade?")
    assert_no_violations(priya, "worried: start")
    guide.start("Leaving school, Mill Lane")
    expect(guide.by_test_id("try-them-call")).to_have_attribute("href", "tel:+442079460991")
    expect(guide.by_test_id("person-text").first).to_have_attribute("href", re.compile(r"^sms:.*help%20look"))
    expect(guide.by_test_id("call-999")).to_have_attribute("href", "tel:999")
    expect(guide.by_test_id("call-101")).to_have_attribute("href", "tel:101")
    # Aunt Lou's flat is in both of Jade's lists: it is on the checklist once.
    expect(guide.by_test_id("search-place")).to_have_count(3)
    assert_no_violations(priya, "episode: the guide")

    # Jade's person sees the places and says they'll check the skate park...
    phone.reload()
    contact = ContactPage(phone)
    expect(contact.by_test_id("help-look")).to_be_visible()
    skate = contact.by_test_id("search-place").filter(has=phone.get_by_text("The skate park", exact=True))
    skate.get_by_test_id("search-claim").click()
    expect(skate.get_by_test_id("search-status")).to_have_text("You said you'll check here.")
    assert_no_violations(phone, "contact: help look")

    # ...and Priya sees it without reloading, so she checks somewhere else.
    expect(guide.place("The skate park").get_by_test_id("search-status")).to_have_text(
        f"{name} is checking here.", timeout=12_000
    )
    expect(guide.place("The skate park").get_by_test_id("search-claim")).to_have_count(0)
    guide.place("The youth centre").get_by_test_id("search-claim").click()
    expect(guide.place("The youth centre").get_by_test_id("search-status")).to_have_text(
        "You said you'll check here."
    )
    expect(skate.page.get_by_text("Priya Shah is checking here.")).to_be_visible(timeout=12_000)

    # The risk factors give a suggested grade, and say why; the police decide.
    guide.suggest_grade("family_problems")
    expect(guide.by_test_id("suggested-grade")).to_have_text("Suggested risk grade: Medium")
    expect(guide.by_test_id("suggested-why")).to_contain_text("Family/relationship problems")
    assert_no_violations(priya, "episode: suggested grade")

    guide.report("CAD 4471 29/11", "medium")
    expect(guide.by_test_id("episode-record")).to_contain_text("CAD 4471 29/11")
    expect(guide.by_test_id("timeline")).to_contain_text(
        "Reported Jade missing to the police (reference CAD 4471 29/11)"
    )

    # The skate park checked, with what they found.
    skate.get_by_test_id("search-note").fill("Not there, asked at the cafe")
    skate.get_by_test_id("search-looked").click()
    expect(skate.get_by_test_id("search-status")).to_contain_text(f"Checked by {name}")

    # The same list in Arabic, right to left, on a narrow phone.
    contact.choose_language("ar")
    expect(contact.html).to_have_attribute("dir", "rtl")
    expect(contact.by_test_id("search").locator("h2")).to_have_text("أماكن للتحقق منها")
    assert_accessible_at_320(phone, "contact: help look, in Arabic")

    # Jade is back: Priya sees Jade's own words on how to welcome her home.
    expect(guide.by_test_id("coming-back")).to_contain_text("A hot chocolate and a hug")
    guide.record_back("At Aunt Lou's")
    expect(guide.by_test_id("coming-back")).to_contain_text("Shout, or tell everyone at dinner.")
    expect(guide.by_test_id("timeline")).to_contain_text("Jade is back")
    expect(guide.by_test_id("timeline")).to_contain_text(f"Will check The skate park ({name})")
    assert_no_violations(priya, "episode: back")

    # The contact's list says so without reloading, and is gone once they do.
    expect(contact.by_test_id("search-over")).to_be_visible(timeout=12_000)
    phone.reload()
    expect(contact.home_title).to_be_visible()
    expect(contact.by_test_id("help-look")).to_have_count(0)

    # Her history lists it.
    guide.by_test_id("link-history").click()
    expect(guide.by_test_id("episodes-title")).to_have_text("Times Jade was missing")
    expect(guide.by_test_id("episode-item-state").first).to_have_text("Back")
    assert_no_violations(priya, "episodes: history")
