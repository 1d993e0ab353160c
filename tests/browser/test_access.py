"""Least access, as the screens show it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_accessible_at_320
from tests.browser.pages import CaseloadPage, MyInfoPage, YoungPersonHome, YoungPersonRecordPage


def test_social_worker_not_on_the_case_cannot_open_the_young_persons_page(signed_in):
    priya = signed_in("priya")
    jade_href = CaseloadPage(priya).link_to("Jade").get_attribute("href")
    assert jade_href.startswith("#/young-people/")

    alex = signed_in("alex")
    assert "Jade" not in CaseloadPage(alex).names()
    alex.goto(f"/{jade_href}")
    record = YoungPersonRecordPage(alex)
    expect(record.not_found).to_have_text("Not found")
    expect(record.name).to_have_count(0)
    expect(alex.locator("main")).not_to_contain_text("246810")


def test_carer_sees_details_but_not_phones_or_invites(signed_in):
    priya = signed_in("priya")
    CaseloadPage(priya).open_young_person("Jade")
    record = YoungPersonRecordPage(priya)
    expect(record.name).to_have_text("Jade")
    expect(record.by_test_id("who-can-see")).to_contain_text("Sam Okafor")
    expect(record.by_test_id("invite-carer")).to_have_count(0)
    expect(record.by_test_id("devices")).to_have_count(0)


def test_jade_and_her_social_worker_see_that_a_stranger_was_stopped(signed_in):
    priya = signed_in("priya")
    jade_href = CaseloadPage(priya).link_to("Jade").get_attribute("href")
    jade_id = jade_href.rsplit("/", 1)[1]
    alex = signed_in("alex")
    assert alex.request.get(f"/api/young-people/{jade_id}/plan").status == 404

    jade = signed_in("jade")
    YoungPersonHome(jade).open_my_info()
    info = MyInfoPage(jade)
    info.expect_title("Who can see my information")
    stopped = info.stopped.filter(
        has_text="Someone who isn't allowed tried to look at your plan. They were stopped."
    )
    expect(stopped.first).to_be_visible()
    expect(info.who_has_looked).not_to_contain_text("Alex")
    assert_accessible_at_320(jade, "who can see my information, with someone stopped")

    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    looked = record.by_test_id("who-has-looked").locator("[data-refused='true']")
    expect(
        looked.filter(has_text="Alex Reid").filter(has_text="tried to open Jade's plan and was stopped").first
    ).to_be_visible()
