"""Leave quickly: one tap (or Escape three times) to a neutral site, with no way Back."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.pages import YoungPersonHome

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
