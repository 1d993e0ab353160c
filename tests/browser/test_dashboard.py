"""The social worker's dashboard on a 360px phone: the demo's due and overdue actions,
most urgent first; an action marked done with a note; a strategy meeting recorded; no
axe violations; and the same screen in Arabic, right to left."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import Screen
from tests.browser.test_languages import back_to_english_on_the_server


class DashboardPage(Screen):
    def open(self) -> None:  # type: ignore[override]
        super().open("/dashboard")
        self.expect_title("Your dashboard")
        self.wait_until_loaded()

    @property
    def actions(self) -> Locator:
        return self.by_test_id("action")

    def action(self, kind: str, name: str) -> Locator:
        return self.page.locator(f"[data-testid='action'][data-kind='{kind}']").filter(has_text=name)

    @property
    def status(self) -> Locator:
        return self.by_test_id("dashboard-status")

    @property
    def done(self) -> Locator:
        return self.by_test_id("done-action")


def test_sam_sees_his_due_actions_most_urgent_first(signed_in):
    sam: Page = signed_in("sam")
    sam.set_viewport_size({"width": 360, "height": 780})
    Screen(sam).by_test_id("dashboard-link").click()
    board = DashboardPage(sam)
    board.expect_title("Your dashboard")
    board.wait_until_loaded()
    expect(board.by_test_id("actions-summary")).to_contain_text("overdue")
    # Overdue first (Jade's return home interview), marked in words.
    first = board.actions.first
    expect(first.get_by_test_id("action-overdue")).to_have_text("Overdue")
    expect(board.action("hold_interview", "Jade").get_by_test_id("action-overdue")).to_be_visible()
    # Tyler has been missing since yesterday: a strategy meeting is due.
    meeting = board.action("strategy_meeting", "Tyler")
    expect(meeting.get_by_test_id("action-what")).to_have_text("Strategy meeting: missing over 24 hours")
    expect(meeting.get_by_test_id("action-due")).to_contain_text("Due")
    tyler = board.by_test_id("caseload-person").filter(has_text="Tyler")
    expect(tyler.get_by_test_id("open-episode")).to_contain_text("Missing since")
    jade = board.by_test_id("caseload-person").filter(has_text="Jade")
    expect(jade.get_by_test_id("episode-history")).to_contain_text("6 episodes")
    assert_no_horizontal_scroll(sam, "dashboard, 360px")
    assert_no_violations(sam, "dashboard, 360px")


def test_sam_marks_an_action_done_and_records_a_strategy_meeting(signed_in):
    sam: Page = signed_in("sam")
    sam.set_viewport_size({"width": 360, "height": 780})
    board = DashboardPage(sam)
    board.open()
    review = board.action("hold_interview", "Jade")
    review.get_by_test_id("action-open").click()
    review.get_by_test_id("action-save").click()
    expect(review.get_by_test_id("done-note-error")).to_have_text("Write what was done.")
    assert_no_violations(sam, "dashboard, a note missing")
    review.get_by_test_id("done-note").fill("Jade chose to talk to Dan; booked for Friday.")
    review.get_by_test_id("action-save").click()
    expect(board.status).to_have_text("Done: Hold the return home interview for Jade.")
    expect(board.done.filter(has_text="booked for Friday")).to_have_count(1)

    meeting = board.action("strategy_meeting", "Tyler")
    meeting.get_by_test_id("action-open").click()
    meeting.get_by_test_id("meeting-attended").fill("Sam Okafor, PC Jones, Ms Patel")
    meeting.get_by_test_id("meeting-decisions").fill("Daily calls with Priya while Tyler is away.")
    meeting.get_by_test_id("action-save").click()
    expect(board.status).to_contain_text("Strategy meeting: missing over 24 hours")
    expect(board.action("strategy_meeting", "Tyler")).to_have_count(0)
    expect(board.done.filter(has_text="PC Jones").first).to_be_visible()
    assert_no_violations(sam, "dashboard after closing actions, 360px")


def test_the_dashboard_reads_right_to_left_in_arabic(signed_in):
    sam: Page = signed_in("sam")
    sam.set_viewport_size({"width": 360, "height": 780})
    board = DashboardPage(sam)
    try:
        board.choose_language("ar")
        board.by_test_id("dashboard-link").click()
        expect(board.html).to_have_attribute("dir", "rtl")
        expect(board.title).to_have_text("لوحتك")
        board.wait_until_loaded()
        expect(board.actions.first).to_be_visible()
        assert_no_horizontal_scroll(sam, "dashboard in Arabic, 360px")
        assert_no_violations(sam, "dashboard in Arabic, 360px")
    finally:
        back_to_english_on_the_server(sam)


def test_a_senior_manager_reaches_the_actions_they_own(signed_in):
    ruth: Page = signed_in("ruth")
    ruth.set_viewport_size({"width": 360, "height": 780})
    Screen(ruth).by_test_id("dashboard-link").click()
    board = DashboardPage(ruth)
    board.expect_title("Your dashboard")
    board.wait_until_loaded()
    expect(board.by_test_id("caseload-people")).to_have_count(0)  # managers have no caseload
    assert_no_violations(ruth, "a manager's dashboard, 360px")
