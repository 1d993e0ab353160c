"""Help and reporting on every young-person screen (Children's Code standard 15): "Get
help" at the foot of each, Childline's number shown, a tap tells her social worker; and
the accessibility statement, linked from the sign-in screen. Axe finds nothing; 360 px."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import AlertCard, Screen
from tests.browser.test_alerts import landed_on_status

YOUNG_PERSON_SCREENS = (
    "/home",
    "/plan",
    "/people",
    "/my-info",
    "/notices",
    "/phones",
    "/feedback",
    "/welcome",
)


def test_get_help_is_on_every_young_person_screen_and_tells_her_social_worker(signed_in):
    jade = signed_in("jade")
    jade.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(jade)
    for route in YOUNG_PERSON_SCREENS:
        screen.open(route)
        screen.wait_until_loaded()
        expect(screen.by_test_id("link-help"), route).to_have_text("Get help")

    screen.by_test_id("link-help").click()
    screen.expect_title("Get help")
    expect(screen.by_test_id("link-help")).to_have_count(0)
    childline = screen.by_test_id("help-childline")
    expect(childline).to_have_text("Call Childline: 0800 1111")
    expect(childline).to_have_attribute("href", "tel:08001111")
    assert_no_violations(jade, "get help, 360px")
    assert_no_horizontal_scroll(jade, "get help, 360px")

    screen.by_test_id("help-ask-talk").click()
    expect(screen.by_test_id("help-result")).to_have_text("Done. Your social worker has been told.")

    sam = signed_in("sam")
    Screen(sam).open("/notices")
    expect(Screen(sam).by_test_id("notice").first).to_contain_text("Jade asked you to get in touch")


def test_get_help_reads_in_arabic(signed_in):
    jade = signed_in("jade")
    screen = Screen(jade)
    screen.open("/home")
    screen.wait_until_loaded()
    screen.choose_language("ar")
    expect(screen.by_test_id("link-help")).to_have_text("اطلب المساعدة")
    screen.by_test_id("link-help").click()
    screen.expect_title("اطلب المساعدة")
    expect(screen.by_test_id("help-childline")).to_contain_text("0800 1111")
    assert_no_violations(jade, "get help, Arabic")
    screen.open("/home")
    screen.choose_language("en")


def test_the_accessibility_statement_is_linked_from_sign_in_in_the_public_sector_format(page):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto("/#/signin")
    screen = Screen(page)
    screen.by_test_id("link-accessibility").click()
    screen.expect_title("Accessibility statement for Homeward")
    for section in ("feedback", "enforcement", "compliance", "not_accessible", "preparation"):
        expect(screen.by_test_id(f"accessibility-{section}")).to_be_visible()
    expect(screen.by_test_id("accessibility-compliance")).to_contain_text("partially compliant")
    expect(screen.by_test_id("accessibility-enforcement")).to_contain_text(
        "Equality and Human Rights Commission"
    )
    assert_no_violations(page, "accessibility statement, 360px")
    assert_no_horizontal_scroll(page, "accessibility statement, 360px")


def test_jade_downloads_everything_homeward_holds_about_her_and_nothing_about_mia(signed_in):
    # Sam reads her record (the access log has it) and Jade sends an alert.
    jade = signed_in("jade")
    jade_id = jade.evaluate("fetch('/api/auth/me').then((r) => r.json()).then((me) => me.young_person_id)")
    sam = signed_in("sam")
    Screen(sam).open(f"/young-people/{jade_id}")
    Screen(sam).wait_until_loaded()
    card = AlertCard(jade)
    card.choose("call_me")
    card.tap()
    card.send_now()
    landed_on_status(jade)

    screen = Screen(jade)
    screen.open("/my-info")
    screen.wait_until_loaded()
    expect(screen.by_test_id("my-data")).to_contain_text("Download my information")
    assert_no_violations(jade, "my information with downloads")
    with jade.expect_download() as got:
        screen.by_test_id("my-data-page").click()
    download = got.value
    assert download.suggested_filename.startswith("homeward-my-information-")
    assert download.suggested_filename.endswith(".html")
    page = Path(download.path()).read_text(encoding="utf-8")
    for heading in ("My safety plan", "My alerts", "Who has looked at my information", "My trusted people"):
        assert f"<h2>{heading}</h2>" in page, heading
    assert "Sam" in page  # who looked, and her social worker
    alerts = page[page.index('data-part="alerts"') :]
    alerts = alerts[: alerts.index("</section>")]
    assert "call_me" in alerts or "Please call me" in alerts  # her alert

    with jade.expect_download() as got:
        screen.by_test_id("my-data-json").click()
    data = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert data["me"]["user"]["display_name"] == "Jade"
    assert data["plan"] is not None and data["alerts"] and data["access_log"]
    assert any("Sam" in json.dumps(entry) for entry in data["access_log"])
    # Nothing about another young person.
    text = json.dumps(data)
    for elsewhere in ("Mia", "Her sister's", "mia"):
        assert elsewhere not in text and elsewhere not in page, elsewhere


def test_the_privacy_notice_gives_the_main_points_first_and_more_when_asked(signed_in, page):
    jade = signed_in("jade")
    jade.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(jade)
    screen.open("/plan")
    screen.wait_until_loaded()
    screen.by_test_id("link-privacy").click()
    screen.expect_title("What Homeward keeps about you")
    expect(screen.by_test_id("privacy-points")).to_contain_text("You choose who sees each part of your plan.")
    more = screen.by_test_id("privacy-more")
    expect(more).not_to_have_attribute("open", "")
    more.locator("summary").click()
    expect(more).to_contain_text("deleted 30 days after the alert ends")
    assert_no_violations(jade, "privacy notice, 360px")
    assert_no_horizontal_scroll(jade, "privacy notice, 360px")
    # Before joining: linked from sign-in.
    page.goto("/#/signin")
    Screen(page).by_test_id("link-privacy").click()
    Screen(page).expect_title("What Homeward keeps about you")
