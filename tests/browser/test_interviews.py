"""A return interview on a 360px phone: Jade (back weeks ago, offered a chat she has not
answered yet) picks who she talks to and shares where she went with Priya; Sam writes the interview up on
his phone; Jade later reads the summary in plain words, in English and in Arabic;
Priya reads only what Jade shared with her."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import CaseloadPage, Screen

PHONE = {"width": 360, "height": 780}
NOTE = "Thanks for the chat, Jade. Dee will meet you again next Tuesday."


def on_phone(page: Page) -> Screen:
    page.set_viewport_size(PHONE)
    return Screen(page)


def check(page: Page, name: str) -> None:
    assert_no_horizontal_scroll(page, name)
    assert_no_violations(page, name)


def open_jades_interview(page: Page, state: str) -> Screen:
    """From a carer's or social worker's home to Jade's newest return interview in `state`."""
    screen = on_phone(page)
    CaseloadPage(page).open_young_person("Jade")
    screen.by_test_id("interview-item").filter(has_text=state).first.get_by_test_id("interview-link").click()
    screen.expect_title("Return interview: Jade")
    return screen


def test_jade_picks_her_interviewer_and_later_reads_the_summary(signed_in):
    jade = signed_in("jade")
    screen = on_phone(jade)
    card = screen.by_test_id("chat-card")
    expect(card).to_contain_text("A chat about what happened")
    check(jade, "young person's home with a chat offered")
    card.get_by_test_id("chat-link").click()
    screen.expect_title("A chat about what happened")
    expect(screen.by_test_id("chat-status")).to_contain_text("You choose who with")
    # Before she chooses: what is written down, who sees it, how long (issue 15).
    expect(screen.by_test_id("chat-privacy")).to_contain_text("Your social worker can see all of it.")
    check(jade, "a chat about what happened")

    # She picks Dee, from the council's list, and shares where she went with Priya.
    jade.get_by_label("Dee Campbell").check()
    screen.by_test_id("chat-choose-button").click()
    expect(screen.by_test_id("chat-notice")).to_have_text("Thank you. We will let your social worker know.")
    expect(screen.by_test_id("chat-status")).to_contain_text("You chose: Dee Campbell")
    screen.by_test_id("share-carer-where_you_went").check()
    screen.by_test_id("chat-sharing-save").click()
    expect(screen.by_test_id("chat-notice")).to_contain_text("Only the people you chose")
    check(jade, "a chat about what happened, after choosing")

    # Sam writes the interview up on his phone.
    sam = signed_in("sam")
    record = open_jades_interview(sam, "Said yes")
    expect(record.by_test_id("interview-state")).to_have_text("Said yes · not held within 72 hours")
    expect(record.by_test_id("interview-choice")).to_have_text("Chose to talk to: Dee Campbell")
    expect(record.by_test_id("held-by")).to_have_value("Dee Campbell")
    expect(record.by_test_id("answer-form")).to_be_visible()  # for an answer given in person
    record.by_test_id("held-where").fill("Northbrook Youth Centre")
    for box in (
        "where_went-friends",
        "who_with-friends",
        "how_travelled-public_transport",
        "follow_up-mentoring",
    ):
        record.by_test_id(box).check()
    record.by_test_id("high_risk-missing_overnight_24_hours").check()
    record.by_test_id("risk-medium").check()
    record.page.get_by_text("Assessment", exact=True).click()  # open the Appendix 8 assessment boxes
    record.by_test_id("detail-safety_plan").fill("Text Priya by 9pm; Dee on Tuesdays")
    record.by_test_id("detail-cse_indicators").select_option("N")
    record.by_test_id("form-for_young_person").fill(NOTE)
    check(sam, "the social worker's return interview form")
    record.by_test_id("held-save").click()
    expect(record.by_test_id("interview-notice")).to_contain_text("The interview is saved.")
    expect(record.by_test_id("interview-state")).to_have_text("Held · not held within 72 hours")
    expect(record.by_test_id("risks-found")).to_contain_text("Missing Overnight/24 hours")
    expect(record.by_test_id("risks-found")).to_contain_text("Risk of going missing again: Medium")
    expect(record.by_test_id("report-details")).to_contain_text("What is the safety plan?")
    expect(record.by_test_id("link-plan-places")).to_be_visible()  # where she went, into her plan
    check(sam, "the interviewer's report")

    # Later, Jade reads what was written, in plain words.
    jade.goto("/#/home")
    expect(screen.by_test_id("chat-link")).to_have_text("Read what was written")
    screen.by_test_id("chat-link").click()
    screen.expect_title("What was written about your chat")
    expect(screen.by_test_id("summary-talked")).to_contain_text("You talked to Dee Campbell")
    expect(screen.by_test_id("summary-note")).to_contain_text(NOTE)
    expect(screen.by_test_id("summary-where_went")).to_contain_text("With friends")
    expect(screen.by_test_id("summary-how_travelled")).to_contain_text("Bus or train")
    expect(screen.by_test_id("summary-follow_up_support")).to_contain_text("A mentor to meet and help you")
    expect(screen.by_test_id("summary-shared")).to_contain_text(
        "Your carer: Where you went, who you were with and how you got there"
    )
    # The professional assessment is not hers to read here, and she is told so.
    expect(jade.locator("main")).not_to_contain_text("Missing Overnight")
    expect(screen.by_test_id("summary-more")).to_be_visible()
    check(jade, "the young person's summary")

    # In her language: Arabic, right to left, then back to English for the other tests.
    jade.goto("/#/home")
    screen.choose_language("ar")
    try:
        jade.goto(jade.url.split("#")[0] + "#/home")
        screen.by_test_id("chat-link").click()
        expect(screen.html).to_have_attribute("dir", "rtl")
        expect(screen.by_test_id("summary-where_went")).to_contain_text("مع الأصدقاء")
        expect(screen.by_test_id("summary-how_travelled")).to_contain_text("الحافلة أو القطار")
        check(jade, "the young person's summary in Arabic")
    finally:
        jade.goto("/#/home")
        screen.choose_language("en")

    # Priya reads only what Jade shared with her.
    priya = signed_in("priya")
    seen = open_jades_interview(priya, "Held · not held within 72 hours")
    report = seen.by_test_id("carer-report")
    expect(report).to_contain_text("With friends")
    expect(report).not_to_contain_text("Missing Overnight")
    expect(priya.locator("main")).not_to_contain_text(NOTE)
    check(priya, "the carer's view of the interview")


def test_the_admin_keeps_the_councils_list_of_interviewers(signed_in):
    admin = signed_in("admin")
    screen = on_phone(admin)
    screen.by_test_id("interviewers-link").click()
    screen.expect_title("Return interviewers")
    expect(screen.by_test_id("interviewers")).to_contain_text("Dee Campbell")
    screen.by_test_id("interviewer-name").fill("Sana Iqbal")
    screen.by_test_id("interviewer-organisation").fill("Northbrook Return Interview Service")
    screen.by_test_id("interviewer-add-button").click()
    row = screen.by_test_id("interviewer-row").filter(has_text="Sana Iqbal")
    expect(row.get_by_test_id("interviewer-status")).to_have_text("On the list")
    row.get_by_test_id("interviewer-toggle").click()
    expect(row.get_by_test_id("interviewer-status")).to_have_text("Off the list")
    check(admin, "the council's interviewers")
