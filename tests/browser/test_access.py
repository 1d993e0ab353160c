"""Least access, as the screens show it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.pages import CaseloadPage, YoungPersonRecordPage


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
