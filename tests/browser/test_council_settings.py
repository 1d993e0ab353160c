"""An admin keeps the council's settings on a screen of their own: errors shown beside
each field and nothing saved until all is right; a 360px phone; no axe violations."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import AdminHome, CouncilSettingsPage, Screen

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


def test_admin_sees_the_guidance_numbers_and_the_demo_duty_rota(signed_in):
    admin = signed_in("admin")
    admin.set_viewport_size({"width": 360, "height": 780})
    settings = AdminHome(admin).open_council_settings()
    expect(settings.threshold("strategy_meeting_after_hours")).to_have_value("24")
    expect(settings.threshold("repeat_window_days")).to_have_value("90")
    expect(settings.minutes("trio")).to_have_value("5")
    expect(settings.rota_rows).to_have_count(1)
    alex = settings.rota_row(0)
    expect(alex.chosen_person).to_have_text("Alex Reid")
    expect(alex.cover).to_have_value("out_of_hours")
    expect(alex.phone).to_have_value("+442079460960")
    expect(settings.on_duty_now).to_contain_text("Alex Reid")
    assert_no_horizontal_scroll(admin, "council settings, 360px")
    assert_no_violations(admin, "council settings, 360px")


def test_bad_settings_are_shown_by_field_and_nothing_is_saved(signed_in):
    admin = signed_in("admin")
    admin.set_viewport_size({"width": 360, "height": 780})
    settings = CouncilSettingsPage(admin)
    settings.open()
    settings.minutes("trio").fill("0")
    for day in WEEKDAYS:
        settings.office_day(day).uncheck()
    settings.by_test_id("office-closes").fill("08:00")
    settings.threshold("repeat_episodes").fill("1")
    sam = settings.add_to_rota()
    sam.choose("Sam Okafor", "shift")
    sam.starts.fill("20:00")
    sam.ends.fill("20:00")
    settings.save()

    expect(settings.error("escalation-trio_minutes")).to_have_text("Choose a number of minutes from 1 to 60.")
    expect(settings.minutes("trio")).to_have_attribute("aria-invalid", "true")
    expect(settings.minutes("trio")).to_be_focused()
    expect(settings.office_days_error).to_have_text("Choose at least one office day.")
    expect(settings.error("office-closes")).to_have_text("The office must close after it opens.")
    expect(settings.error("threshold-repeat_episodes")).to_have_text("Choose a number of times from 2 to 10.")
    expect(sam.days_error).to_have_text("Choose the days this shift starts on.")
    expect(sam.ends_error).to_have_text("A shift must end at a different time from when it starts.")
    expect(settings.problem).to_contain_text("Please check what you entered")
    assert_no_horizontal_scroll(admin, "council settings with errors, 360px")
    assert_no_violations(admin, "council settings with errors, 360px")

    settings.reload()  # nothing was saved
    expect(settings.minutes("trio")).to_have_value("5")
    expect(settings.office_day("mon")).to_be_checked()
    expect(settings.rota_rows).to_have_count(1)


def test_admin_saves_a_repeat_window_and_a_weekend_shift(signed_in):
    admin = signed_in("admin")
    settings = CouncilSettingsPage(admin)
    settings.open()
    settings.threshold("repeat_window_days").fill("30")
    sam = settings.add_to_rota()
    expect(sam.day("sat")).to_be_hidden()  # days and times only for a shift
    sam.choose("Sam Okafor", "shift")
    sam.day("sat").check()
    sam.day("sun").check()
    sam.starts.fill("09:00")
    sam.ends.fill("21:00")
    sam.phone.fill("020 7946 0961")
    settings.save()
    expect(settings.saved).to_have_text("Settings saved.")

    settings.reload()
    expect(settings.threshold("repeat_window_days")).to_have_value("30")
    expect(settings.rota_rows).to_have_count(2)
    saved = settings.rota_row(1)
    expect(saved.chosen_person).to_have_text("Sam Okafor")
    expect(saved.day("sat")).to_be_checked()
    expect(saved.day("mon")).not_to_be_checked()
    expect(saved.phone).to_have_value("+442079460961")

    # Back as the demo had it, for whoever looks next.
    settings.threshold("repeat_window_days").fill("90")
    settings.rota_row(1).row.get_by_test_id("rota-remove").click()
    settings.save()
    expect(settings.saved).to_have_text("Settings saved.")
    expect(settings.rota_rows).to_have_count(1)


def test_only_an_admin_has_the_settings_screen(signed_in):
    sam = signed_in("sam")
    screen = Screen(sam)
    screen.open("/council-settings")
    screen.expect_title("Page not found")
