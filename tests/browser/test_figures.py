"""A manager's figures of missing episodes and return interviews on a 360px phone, and
the social worker recording what the council counts on a young person's record."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import CaseloadPage, Screen, YoungPersonRecordPage
from tests.browser.test_languages import back_to_english_on_the_server


def test_manager_reads_the_figures_chooses_a_quarter_and_gets_the_csv(signed_in):
    ruth = signed_in("ruth")
    ruth.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(ruth)
    screen.by_test_id("link-missing-figures").click()
    expect(screen.title).to_contain_text("Northbrook Council")
    expect(screen.by_test_id("small-numbers-note")).to_contain_text("fewer than 10")
    headline = screen.by_test_id("headline")
    expect(headline.get_by_test_id("figure-row")).to_have_count(7)
    expect(headline).to_contain_text("Missing episodes")
    chart = screen.by_test_id("trend-chart-episodes")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("rect.trend-bar")).to_have_count(12)
    screen.by_test_id("trend-episodes").locator("summary").click()
    expect(screen.by_test_id("trend-table-episodes").locator("tbody tr")).to_have_count(12)
    assert_no_horizontal_scroll(ruth, "figures, 360px")
    assert_no_violations(ruth, "figures, 360px")

    screen.by_test_id("period-kind").select_option("quarter")
    screen.by_test_id("period-show").click()
    expect(screen.title).to_contain_text("Quarter")
    expect(chart.locator("rect.trend-bar")).to_have_count(8)
    csv = screen.by_test_id("download-csv")
    expect(csv).to_have_attribute(
        "href", re.compile(r"^/api/figures/missing/csv\?period=quarter&start=\d{4}-\d{2}-01$")
    )
    reply = ruth.request.get(csv.get_attribute("href"))
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert "Missing episodes" in reply.text()

    screen.by_test_id("period-previous").click()
    expect(screen.by_test_id("period-next")).to_be_visible()
    screen.by_test_id("group-episodes").locator("summary").click()
    expect(screen.by_test_id("breakdown-episodes-sex")).to_contain_text("Female")
    assert_no_horizontal_scroll(ruth, "figures with a breakdown open, 360px")
    assert_no_violations(ruth, "figures with a breakdown open, 360px")


def test_manager_chooses_a_team_and_back_to_the_whole_council(signed_in):
    ruth = signed_in("ruth")
    ruth.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(ruth)
    screen.open("/figures")
    team = screen.by_test_id("team-choice")
    expect(team.locator("option").first).to_have_text("All of the council")
    expect(team).to_have_value("")
    team.select_option(label="Northbrook Children in Care Team")
    screen.by_test_id("period-show").click()
    expect(screen.title).to_contain_text("Northbrook Children in Care Team, Northbrook Council")
    expect(screen.by_test_id("team-choice")).not_to_have_value("")
    expect(screen.by_test_id("headline")).to_contain_text("Missing episodes")
    csv = screen.by_test_id("download-csv")
    expect(csv).to_have_attribute("href", re.compile(r"&team=[0-9a-f-]{36}$"))
    reply = ruth.request.get(csv.get_attribute("href"))
    assert reply.status == 200
    assert "Northbrook Children in Care Team" in reply.text()
    expect(screen.by_test_id("period-previous")).to_have_attribute(
        "href", re.compile(r"/team/[0-9a-f-]{36}$")
    )
    assert_no_horizontal_scroll(ruth, "figures for a team, 360px")
    assert_no_violations(ruth, "figures for a team, 360px")
    screen.by_test_id("period-previous").click()
    expect(screen.title).to_contain_text("Northbrook Children in Care Team")
    screen.by_test_id("team-choice").select_option("")
    screen.by_test_id("period-show").click()
    expect(screen.title).not_to_contain_text("Team")
    expect(screen.by_test_id("team-choice")).to_have_value("")


def test_social_worker_records_what_the_council_counts(signed_in):
    sam = signed_in("sam")
    sam.set_viewport_size({"width": 360, "height": 780})
    CaseloadPage(sam).open_young_person("Jade")
    record = YoungPersonRecordPage(sam)
    form = record.by_test_id("details-form")
    expect(form).to_be_visible()
    record.by_test_id("details-child_code").fill("bad code")
    record.by_test_id("details-save").click()
    expect(record.by_test_id("details-error")).to_be_visible()
    record.by_test_id("details-sex").select_option("F")
    record.by_test_id("details-ethnicity").select_option("MWBC")
    record.by_test_id("details-child_code").fill("NB1234")
    record.by_test_id("details-looked_after").check()
    record.by_test_id("details-save").click()
    expect(record.by_test_id("details-saved")).to_have_text("Saved.")
    assert_no_horizontal_scroll(sam, "record with details, 360px")
    assert_no_violations(sam, "record with details, 360px")
    sam.reload()
    expect(record.by_test_id("details-ethnicity")).to_have_value("MWBC")
    expect(record.by_test_id("details-child_code")).to_have_value("NB1234")
    expect(record.by_test_id("details-looked_after")).to_be_checked()
    expect(record.by_test_id("details-placed_out_of_area")).not_to_be_checked()


def test_a_carer_sees_no_details_form(signed_in):
    priya = signed_in("priya")
    CaseloadPage(priya).open_young_person("Jade")
    record = YoungPersonRecordPage(priya)
    expect(record.name).to_have_text("Jade")
    expect(record.by_test_id("record-details")).to_have_count(0)


def test_the_figures_read_in_arabic_right_to_left(signed_in):
    ruth = signed_in("ruth")
    ruth.set_viewport_size({"width": 360, "height": 780})
    screen = Screen(ruth)
    try:
        screen.choose_language("ar")
        screen.open("/figures/quarter")
        expect(screen.title).to_contain_text("الربع")
        expect(screen.by_test_id("headline")).to_contain_text("أقل من 10")
        expect(screen.by_test_id("headline")).to_contain_text("حالات الغياب")
        expect(screen.by_test_id("download-csv")).to_have_text("تنزيل هذه الأرقام (جدول بيانات)")
        expect(screen.by_test_id("team-choice").locator("option").first).to_have_text("المجلس كله")
        assert_no_horizontal_scroll(ruth, "figures in Arabic, 360px")
        assert_no_violations(ruth, "figures in Arabic, 360px")
    finally:
        back_to_english_on_the_server(ruth)
