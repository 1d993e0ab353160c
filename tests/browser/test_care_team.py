"""Journey 10: a placement moves and ends, the case is handed over, and the young person
sees who no longer can see their information, in plain words. On a 360px phone, axe."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    JoinPage,
    MyInfoPage,
    WelcomePage,
    YoungPersonHome,
    YoungPersonRecordPage,
)

PHONE = {"width": 360, "height": 780}


def checked(page: Page, screen: str) -> None:
    assert_no_horizontal_scroll(page, screen)
    assert_no_violations(page, screen)


def join(new_context, link: str, username: str, secret: str, display_name: str | None = None) -> Page:
    page = new_context(viewport=PHONE).new_page()
    page.goto(link)
    JoinPage(page).choose(username, secret, display_name=display_name)
    return page


def test_sam_moves_and_ends_kais_placement_and_hands_kai_over(signed_in, new_context):
    sam = signed_in("sam")
    sam.set_viewport_size(PHONE)
    caseload = CaseloadPage(sam)
    caseload.add_young_person("Kai", "2012-06-01")
    record = YoungPersonRecordPage(sam)
    expect(record.name).to_have_text("Kai")

    # Kai joins on his own phone; a carer, Zoe, joins on hers and is placed with him.
    record.invite_young_person()
    kai = join(new_context, record.invite_link.inner_text(), "kai.test", "582046")
    WelcomePage(kai).go_home()
    expect(YoungPersonHome(kai).greeting).to_have_text("Hi Kai")
    sam.reload()
    record.invite_carer()
    zoe = join(
        new_context, record.invite_link.inner_text(), "zoe.carer", "a long enough password", "Zoe Carter"
    )
    CaseloadPage(zoe).expect_title("Young people you look after")
    expect(CaseloadPage(zoe).links).to_have_text(["Kai"])

    sam.reload()
    expect(record.placement("Zoe Carter")).to_be_visible()
    expect(record.allocation("Sam Okafor")).to_be_visible()
    # The last social worker can be handed over, not ended.
    expect(record.allocation("Sam Okafor").get_by_test_id("allocation-end")).to_have_count(0)
    checked(sam, "young person's record with who looks after them, social worker")

    # Choosing nobody says so next to the list, and changes nothing.
    record.move_placement("Zoe Carter", None)
    expect(record.by_test_id("placement-choose-error")).to_have_text(
        "Choose the carer who looks after them now."
    )
    expect(record.by_test_id("placement-choose")).to_have_attribute("aria-invalid", "true")
    checked(sam, "move a placement, nobody chosen")

    record.choose("placement", "Priya Shah")
    expect(record.care_notice).to_have_text("Zoe Carter no longer looks after Kai. Priya Shah does now.")
    expect(record.care_notice).to_be_focused()
    expect(record.placement("Priya Shah")).to_be_visible()
    expect(record.ended_placement("Zoe Carter")).to_be_visible()
    zoe.reload()
    expect(CaseloadPage(zoe).by_test_id("young-person-link")).to_have_count(0)

    record.placement("Priya Shah").get_by_test_id("placement-end").click()
    expect(record.placement("Priya Shah")).to_contain_text(
        "End Priya Shah's placement? From now on Priya Shah won't see anything about Kai, not even old alerts."
    )
    checked(sam, "end a placement, asked to be sure")
    record.placement("Priya Shah").get_by_test_id("placement-end-yes").click()
    expect(record.care_notice).to_have_text("Priya Shah no longer looks after Kai.")
    expect(record.by_test_id("placement-none")).to_contain_text("Nobody looks after Kai on Homeward now.")
    expect(record.ended_placement("Priya Shah")).to_be_visible()
    expect(record.by_test_id("no-longer-can-see")).to_contain_text("Zoe Carter")

    # Sam hands Kai over to Alex; Sam can no longer see Kai.
    record.hand_over("Sam Okafor", "Alex Reid")
    expect(record.by_test_id("handed-over-notice")).to_have_text(
        "Alex Reid is Kai's social worker now. You can no longer see Kai's record."
    )
    checked(sam, "handed over")
    alex = signed_in("alex")
    expect(CaseloadPage(alex).link_to("Kai")).to_be_visible()

    # Kai's "who can see my information", in plain words.
    YoungPersonHome(kai).open_my_info()
    info = MyInfoPage(kai)
    expect(info.who_can_see.first).to_contain_text("Alex Reid")
    expect(info.no_longer).to_have_count(3)
    expect(info.no_longer.filter(has_text="Priya Shah")).to_contain_text(
        "Priya Shah no longer looks after you, so they can't see your information now."
    )
    expect(info.no_longer.filter(has_text="Sam Okafor")).to_contain_text("Used to be your social worker")
    expect(info.who_has_looked).to_contain_text("Zoe Carter no longer looks after you")
    expect(info.who_has_looked).to_contain_text("Sam Okafor is no longer your social worker")
    expect(info.who_has_looked).to_contain_text("Alex Reid is your social worker now")
    checked(kai, "who can see my information, after changes")
