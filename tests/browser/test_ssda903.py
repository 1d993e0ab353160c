"""A manager downloads the SSDA903 Missing and Header tables from their home screen on a
360px phone (the demo council's looked-after young people and their times away from care)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import Screen


def test_manager_downloads_the_missing_and_header_tables_for_a_year(signed_in):
    ruth = signed_in("ruth")
    ruth.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(ruth)
    section = screen.by_test_id("ssda903")
    expect(section).to_contain_text("SSDA903")
    year = screen.by_test_id("ssda903-year")
    expect(year.locator("option")).not_to_have_count(0)
    assert_no_horizontal_scroll(ruth, "manager's home with the SSDA903 download, 360px")
    assert_no_violations(ruth, "manager's home with the SSDA903 download, 360px")

    year.select_option("2025-26")
    missing, header = screen.by_test_id("ssda903-missing"), screen.by_test_id("ssda903-header")
    expect(missing).to_have_attribute(
        "href", re.compile(r"^/api/councils/[0-9a-f-]{36}/ssda903/2025-26/missing$")
    )
    expect(header).to_have_attribute("download", "ssda903-header-2025-26.csv")
    reply = ruth.request.get(missing.get_attribute("href"))
    assert reply.status == 200 and reply.headers["content-type"].startswith("text/csv")
    lines = reply.text().splitlines()
    assert lines[0] == "CHILD,DOB,MISSING,MIS_START,MIS_END"
    assert all(
        re.match(r"^\w+,\d\d/\d\d/\d{4},[MA],\d\d/\d\d/\d{4},(\d\d/\d\d/\d{4})?$", line) for line in lines[1:]
    )
    reply = ruth.request.get(header.get_attribute("href"))
    assert reply.status == 200 and reply.text().startswith("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB")
