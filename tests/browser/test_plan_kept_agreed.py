"""Issue 12, items 6 and 7 on a 360 px phone: one of Jade's people steps down and her
agreed plan stays agreed (every reader sees them marked); an edit warns who will have to
sign again, and saving nothing says "No changes"; Sam records Jade's legal name and
placement address, and the police form holds them."""

from __future__ import annotations

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    ContactPage,
    PeoplePage,
    PlanPage,
    YoungPersonHome,
    YoungPersonRecordPage,
    sign_in,
)
from tests.browser.test_trusted_contacts import contact_phone

PHONE = {"width": 360, "height": 780}


def check(page, screen: str) -> None:
    assert_no_horizontal_scroll(page, f"{screen}, 360px")
    assert_no_violations(page, f"{screen}, 360px")


def test_a_person_steps_down_and_jades_plan_stays_agreed(new_context, mail_server):
    # A demo of its own, untouched by other tests: Lou not yet asked, Jade's plan agreed.
    def on_fresh_demo(**options):
        return new_context(base_url=mail_server.base_url, **options)

    def signed_in(who: str):
        page = on_fresh_demo().new_page()
        sign_in(page, who, mail_server)
        return page

    jade = signed_in("jade")
    jade.set_viewport_size(PHONE)
    YoungPersonHome(jade).open_plan()
    plan = PlanPage(jade)
    plan.wait()
    expect(plan.agreed).to_be_visible()
    expect(plan.draft).to_have_count(0)

    # Lou says yes on her own phone, then steps down.
    jade.goto("/#/people")
    people = PeoplePage(jade)
    people.wait()
    link = people.invite("Lou")
    phone = contact_phone(on_fresh_demo)
    phone.goto(link)
    contact = ContactPage(phone)
    contact.agree()
    contact.step_down()

    # Jade's plan is still the agreed one: nobody has to sign again; Lou is marked.
    jade.goto("/#/plan")
    plan.wait()
    expect(plan.draft).to_have_count(0)
    expect(plan.status.get_by_test_id("still-to-sign")).to_have_count(0)
    expect(plan.agreed.get_by_test_id("plan-person-stepped-down")).to_have_text(
        "Lou said they can't be one of your people any more."
    )
    check(jade, "Jade's agreed plan with someone who stepped down")

    # Before she changes anything, Jade is told who would have to sign again.
    edit = plan.edit("worries")
    expect(edit.by_test_id("sign-again-warning")).to_have_text(
        "Your plan is agreed. If you save a change, it becomes a new plan that "
        "Priya Shah (your carer) and Sam Okafor (your social worker) will need to sign. "
        "Your agreed plan stays until then."
    )
    check(jade, "editing an agreed plan, with the warning")
    # Saving what is already there saves nothing, and says so.
    edit.save()
    expect(plan.flash).to_contain_text("No changes.")
    expect(plan.draft).to_have_count(0)
    check(jade, "no changes")

    # Priya sees Lou marked too.
    priya = signed_in("priya")
    priya.set_viewport_size(PHONE)
    CaseloadPage(priya).open_young_person("Jade")
    YoungPersonRecordPage(priya).open_plan()
    carers = PlanPage(priya)
    carers.wait()
    expect(carers.agreed.get_by_test_id("plan-person-stepped-down")).to_have_text(
        "Lou said they can't be one of Jade's people any more."
    )


def test_sam_records_jades_legal_name_and_address_for_the_police_form(signed_in):
    # Priya gives the number the police can call her on.
    priya = signed_in("priya")
    priya.set_viewport_size(PHONE)
    priya.goto("/#/phones")
    priya.get_by_test_id("own-phone").fill("07700 900123")
    priya.get_by_test_id("own-phone-save").click()
    expect(priya.get_by_test_id("own-phone-saved")).to_have_text("Saved.")
    expect(priya.get_by_test_id("own-phone")).to_have_value("07700 900123")
    check(priya, "your phones, with your own number")

    sam = signed_in("sam")
    sam.set_viewport_size(PHONE)
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    expect(record.by_test_id("details-form")).to_be_visible()
    record.by_test_id("details-legal_name").fill("Jade Amara Mensah")
    record.by_test_id("details-placement_address").fill("12 Elm Road, Northbrook NB1 2AB")
    record.by_test_id("details-save").click()
    expect(record.by_test_id("details-saved")).to_have_text("Saved.")
    check(sam, "record with the police form's details")

    record.open_plan()
    plan = PlanPage(sam)
    plan.wait()
    href = plan.police_form.get_attribute("href")
    reply = sam.request.get(href)
    assert reply.ok
    assert re.search(
        r'filename="police-form-Jade-\d{4}-\d{2}-\d{2}\.pdf"', reply.headers["content-disposition"]
    )
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(reply.body())).pages).split()
    )
    assert "Legal name Jade Amara Mensah" in text
    assert "Placement address 12 Elm Road, Northbrook NB1 2AB" in text
    assert "Carer Priya Shah 07700 900123" in text and "Social worker Sam Okafor" in text
    assert "020 7946 0018" in text  # Lou's number, the national way
