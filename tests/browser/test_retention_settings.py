"""An admin sets how long the council keeps information (issue 15), on a 360px phone:
the safe defaults shown, an unsafe value refused beside its field with nothing saved,
a safe one kept; no axe violations."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import CouncilSettingsPage

DEFAULTS = {
    "alert_location_hours": "72",
    "stepped_down_contact_days": "30",
    "feedback_answers_days": "90",
    "looked_after_until_age": "75",
    "other_until_age": "25",
}


def test_an_admin_sets_how_long_information_is_kept(signed_in):
    admin = signed_in("admin")
    admin.set_viewport_size({"width": 360, "height": 780})
    settings = CouncilSettingsPage(admin)
    settings.open()
    for name, value in DEFAULTS.items():
        expect(settings.retention(name)).to_have_value(value)
    expect(settings.by_test_id("retention")).to_contain_text("How long we keep information")
    # Honest about what is not automatic yet.
    expect(settings.by_test_id("retention")).to_contain_text("your records manager does")
    assert_no_horizontal_scroll(admin, "council settings, retention, 360px")
    assert_no_violations(admin, "council settings, retention, 360px")

    # Shorter than the law allows for a looked-after child's record: refused, beside it.
    settings.retention("looked_after_until_age").fill("18")
    settings.retention("alert_location_hours").fill("24")
    settings.save()
    expect(settings.error("retention-looked_after_until_age")).to_have_text(
        "The law keeps a looked-after child's record until their 75th birthday: choose 75 to 100."
    )
    expect(settings.retention("looked_after_until_age")).to_have_attribute("aria-invalid", "true")
    expect(settings.retention("looked_after_until_age")).to_be_focused()
    assert_no_violations(admin, "council settings, retention refused, 360px")
    settings.reload()  # nothing was saved
    expect(settings.retention("alert_location_hours")).to_have_value("72")

    try:
        settings.retention("alert_location_hours").fill("24")
        settings.retention("looked_after_until_age").fill("80")
        settings.save()
        expect(settings.saved).to_have_text("Settings saved.")
        settings.reload()
        expect(settings.retention("alert_location_hours")).to_have_value("24")
        expect(settings.retention("looked_after_until_age")).to_have_value("80")
    finally:  # the demo is shared: put the defaults back
        settings.reload()
        for name, value in DEFAULTS.items():
            settings.retention(name).fill(value)
        settings.save()
        expect(settings.saved).to_have_text("Settings saved.")
