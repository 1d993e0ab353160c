"""Leave quickly: one tap (or Escape three times) to a neutral site, with no way Back."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.checks import assert_accessible_at_320
from tests.browser.pages import MyInfoPage, YoungPersonHome
from tests.browser.test_offline import wait_for_kept_plan, wait_for_service_worker

NEUTRAL = "https://www.bbc.co.uk/weather"


def test_quick_exit_goes_to_a_neutral_site_and_back_does_not_return(signed_in, server):
    jade = signed_in("jade")
    home = YoungPersonHome(jade)
    home.open_my_info()
    home.expect_title("Who can see my information")

    home.quick_exit.click()
    jade.wait_for_url(NEUTRAL)

    jade.go_back()
    assert not jade.url.startswith(server.base_url), jade.url


def test_leave_quickly_fits_a_320_px_phone_with_text_at_150_percent(signed_in):
    jade = signed_in("jade")
    home = YoungPersonHome(jade)
    home.greeting.wait_for()
    jade.set_viewport_size({"width": 320, "height": 640})
    jade.evaluate("document.documentElement.style.fontSize = '150%'")  # CSSOM: allowed by the CSP
    box = home.quick_exit.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert jade.evaluate("document.documentElement.scrollWidth") <= 320


def test_escape_pressed_three_times_leaves_quickly(signed_in):
    jade = signed_in("jade")
    YoungPersonHome(jade).greeting.wait_for()
    for _ in range(3):
        jade.keyboard.press("Escape")
    jade.wait_for_url(NEUTRAL)


def test_professional_screens_have_no_quick_exit_and_escape_does_nothing(signed_in):
    sam = signed_in("sam")
    home = YoungPersonHome(sam)
    expect(home.quick_exit).to_be_hidden()
    for _ in range(3):
        sam.keyboard.press("Escape")
    sam.wait_for_timeout(300)
    assert "/#/home" in sam.url


def kept_on_the_phone(page) -> dict:
    """What the app's origin keeps, read from a plain file of ours (the app itself
    would fetch the plan again while signed in)."""
    page.goto("/manifest.webmanifest")
    return page.evaluate(
        """async () => {
            const caches_ = {};
            for (const name of await caches.keys()) {
                const keys = await (await caches.open(name)).keys();
                caches_[name] = keys.map((r) => new URL(r.url).pathname);
            }
            const storage = {};
            for (let i = 0; i < localStorage.length; i++) {
                const key = localStorage.key(i);
                storage[key] = localStorage.getItem(key);
            }
            return { caches: caches_, storage };
        }"""
    )


def jade_with_a_kept_plan(signed_in):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()
    expect(YoungPersonHome(jade).people_updated).to_be_visible()
    wait_for_kept_plan(jade)
    return jade


def test_quick_exit_leaves_the_plan_on_the_phone_unless_asked(signed_in):
    jade = jade_with_a_kept_plan(signed_in)
    home = YoungPersonHome(jade)
    home.open_my_info()
    info = MyInfoPage(jade)
    expect(info.clear_phone_on_exit).not_to_be_checked()

    home.quick_exit.click()
    jade.wait_for_url(NEUTRAL)
    kept = kept_on_the_phone(jade)
    assert kept["caches"].get("homeward-plans"), kept


def test_quick_exit_also_clears_the_phone_when_jade_chooses_it(signed_in, server):
    jade = jade_with_a_kept_plan(signed_in)
    home = YoungPersonHome(jade)
    home.open_my_info()
    info = MyInfoPage(jade)
    info.expect_title("Who can see my information")
    choice = info.clear_phone_on_exit
    expect(jade.get_by_label("When I leave quickly, also clear this phone")).to_be_visible()
    choice.check()
    expect(info.by_test_id("announcer")).to_contain_text("Leave quickly will also clear this phone")
    jade.reload()
    expect(info.clear_phone_on_exit).to_be_checked()  # the choice is kept on this phone
    assert_accessible_at_320(jade, "who can see my information, leaving quickly")

    home.quick_exit.click()
    jade.wait_for_url(NEUTRAL)
    jade.go_back()
    assert not jade.url.startswith(server.base_url), jade.url

    kept = kept_on_the_phone(jade)
    assert "homeward-plans" not in kept["caches"] and "homeward-identity" not in kept["caches"], kept
    paths = [p for paths in kept["caches"].values() for p in paths]
    assert not [p for p in paths if p.startswith("/api/")], paths
    for value in kept["storage"].values():
        assert "Jade" not in value and "plan" not in value.lower(), kept["storage"]

    # With no signal the phone has nothing to show.
    jade.context.set_offline(True)
    jade.goto("/#/plan")
    expect(home.greeting).to_have_count(0)
    expect(jade.locator("main")).not_to_contain_text("Jade")
    jade.context.set_offline(False)
