"""Journey 7: Jade scans the QR code on a feedback card (no sign-in), answers on a 360 px
phone, sees thanks; the link then says it has been used. The same in Arabic, and an
answer made with no signal is sent when the phone is back online."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_violations

PHONE = {"width": 360, "height": 740}


def make_cards(sam: Page, count: int) -> list[str]:
    sam.goto("/#/feedback-cards")
    sam.get_by_test_id("feedback-cards-form").locator("input[name=count]").fill(str(count))
    sam.get_by_test_id("feedback-make-cards").click()
    expect(sam.get_by_test_id("feedback-card")).to_have_count(count)
    assert sam.locator(".feedback-card img.qr").first.get_attribute("src").startswith("data:image/svg+xml")
    assert_no_violations(sam, "feedback cards")
    return [link.inner_text() for link in sam.get_by_test_id("feedback-card-link").all()]


def answer(phone: Page) -> None:
    phone.get_by_test_id("feedback-respect-4").check()
    phone.get_by_test_id("feedback-listened-2").check()
    phone.get_by_test_id("feedback-safe-3").check()
    phone.get_by_test_id("feedback-searched-rather_not_say").check()
    phone.get_by_test_id("feedback-send").click()


def test_jade_answers_from_a_card_and_the_link_then_says_it_was_used(signed_in, new_context, server):
    links = make_cards(signed_in("sam"), 3)
    assert all("/#/feedback/" in link for link in links)

    # Jade's phone: a fresh browser with no account, 360 px wide.
    phone = new_context(viewport=PHONE).new_page()
    phone.goto(links[0])
    expect(phone.get_by_test_id("screen-title")).to_have_text("Tell us how the police treated you")
    expect(phone.get_by_test_id("feedback-form")).to_be_visible()
    assert_no_violations(phone, "feedback form")
    phone.get_by_test_id("feedback-words").fill("They listened in the end.")
    answer(phone)
    expect(phone.get_by_test_id("feedback-thanks")).to_have_text("Thank you")
    assert links[0].rsplit("/", 1)[1] not in phone.url  # the link is gone from the address bar
    assert_no_violations(phone, "feedback thanks")

    again = new_context(viewport=PHONE).new_page()
    again.goto(links[0])
    expect(again.get_by_test_id("feedback-used")).to_have_text("This link has already been used")

    # In Arabic: chosen on the form, read right to left.
    arabic = new_context(viewport=PHONE).new_page()
    arabic.goto(links[1])
    expect(arabic.get_by_test_id("feedback-form")).to_be_visible()
    arabic.get_by_test_id("language-choice-ar").click()
    expect(arabic.get_by_test_id("screen-title")).to_have_text("أخبرنا كيف عاملتك الشرطة")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    assert_no_violations(arabic, "feedback form in Arabic")
    answer(arabic)
    expect(arabic.get_by_test_id("feedback-thanks")).to_have_text("شكرًا لك")

    # No signal: the answer waits on the phone and goes when the phone is back online.
    context = new_context(viewport=PHONE)
    offline = context.new_page()
    offline.goto(links[2])
    expect(offline.get_by_test_id("feedback-form")).to_be_visible()
    context.set_offline(True)
    answer(offline)
    expect(offline.get_by_test_id("feedback-kept")).to_have_text("Saved on your phone")
    context.set_offline(False)
    offline.wait_for_function("() => !localStorage.getItem('homeward-feedback-kept')")
    later = new_context(viewport=PHONE).new_page()
    later.goto(links[2])
    expect(later.get_by_test_id("feedback-used")).to_be_visible()

    # Nothing in the server's log (access log included) names a link or an answer.
    log = server.log_text()
    assert not [link for link in links if link.rsplit("/", 1)[1] in log]
    assert "/api/feedback/answers" not in log and "They listened" not in log


def test_ruth_checks_young_peoples_words_then_reads_the_figures(signed_in):
    import datetime as dt

    from backend.feedback.figures import last_finished

    ruth = signed_in("ruth")
    ruth.get_by_test_id("link-feedback-quotes").click()
    waiting = ruth.get_by_test_id("feedback-quote")
    expect(waiting.first).to_be_visible()
    assert_no_violations(ruth, "words to check")
    searched = waiting.filter(has_text="searched me in front")
    for _ in range(searched.count()):  # one in each of the demo's three quarters
        count = waiting.count()
        searched.first.locator("textarea").fill("They searched me in front of everyone.")
        searched.first.get_by_test_id("feedback-release").click()
        expect(waiting).to_have_count(count - 1)

    # The newest finished quarter (the demo's 14 answers, shown as 15).
    ruth.goto("/#/feedback-figures")
    quarter = last_finished(dt.datetime.now(dt.UTC))
    expect(ruth.get_by_test_id("feedback-place")).to_contain_text(quarter)
    expect(ruth.get_by_test_id("feedback-answers")).to_have_text("15")
    expect(ruth.get_by_test_id("feedback-respect")).to_contain_text("fewer than 10")
    expect(ruth.get_by_test_id("feedback-quotes")).to_contain_text("They searched me in front of everyone.")
    assert_no_violations(ruth, "feedback figures")
    ruth.goto("/#/supervision")
    expect(ruth.get_by_test_id("supervision")).to_be_visible()
    assert_no_violations(ruth, "supervision")


def test_jade_answers_from_her_own_app_after_coming_back(signed_in):
    jade = signed_in("jade")  # the demo's returns each left her a link
    jade.get_by_test_id("link-feedback").click()
    links = jade.get_by_test_id("feedback-open")
    expect(links.first).to_be_visible()
    before = links.count()
    assert_no_violations(jade, "my feedback links")
    links.first.click()
    expect(jade.get_by_test_id("feedback-form")).to_be_visible()
    answer(jade)
    expect(jade.get_by_test_id("feedback-thanks")).to_have_text("Thank you")
    jade.goto("/#/feedback")
    expect(
        jade.get_by_test_id("feedback-open").first.or_(jade.get_by_test_id("feedback-none"))
    ).to_be_visible()
    assert jade.get_by_test_id("feedback-open").count() == before - 1


def test_the_police_liaison_sees_only_the_forces_figures(signed_in):
    pat = signed_in("pat")  # the home is the figures
    expect(pat.get_by_test_id("feedback-place")).to_contain_text("Northbrook Police")
    expect(pat.get_by_test_id("feedback-answers")).to_be_visible()
    assert_no_violations(pat, "police liaison's figures")
    pat.goto("/#/feedback-quotes")
    expect(pat.get_by_test_id("not-found")).to_be_visible()
