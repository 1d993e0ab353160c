"""Journey 2: Jade, Priya and Sam make the plan together and all sign it; the police
form holds only what Jade shares with the police; strangers see nothing."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.checks import assert_accessible_at_320, assert_no_violations
from tests.browser.pages import (
    CaseloadPage,
    PeoplePage,
    PlanPage,
    SignPage,
    YoungPersonHome,
    YoungPersonRecordPage,
)

NEW_WORRY = "Loud rooms, and being told off in front of people."
PRIYA_STEP = "Ring the youth centre and ask for Dan"
SAM_NOTE = "Reviewed with Jade, Priya and Sam. Jade likes a text before a call."
PRIVATE = "Jade has chosen to keep this private."


def open_jades_plan(page: Page) -> PlanPage:
    """A carer or social worker goes from their home to Jade's plan."""
    CaseloadPage(page).open_young_person("Jade")
    record = YoungPersonRecordPage(page)
    expect(record.name).to_have_text("Jade")
    record.open_plan()
    plan = PlanPage(page)
    plan.expect_title("Jade's plan")
    plan.wait()
    return plan


def sign_from_plan(plan: PlanPage) -> SignPage:
    sign = plan.open_sign()
    sign.sign()
    return sign


def test_jade_priya_and_sam_change_and_sign_the_plan_until_it_is_agreed(signed_in):
    # Jade changes what worries her: that starts new changes everyone signs again.
    jade = signed_in("jade")
    YoungPersonHome(jade).open_plan()
    plan = PlanPage(jade)
    plan.expect_title("Your plan")
    plan.wait()
    old_worry = plan.section("worries").first.get_by_test_id("worries").locator("dd").first.inner_text()
    edit = plan.edit("worries")
    edit.fill("worries-what_worries_me", NEW_WORRY)
    edit.save()
    expect(plan.flash).to_contain_text("Saved.")
    expect(plan.section("worries", plan.draft)).to_contain_text(NEW_WORRY)
    expect(plan.status.get_by_test_id("still-to-sign")).to_have_text(
        "Still to sign: You, your carer and your social worker."
    )

    # She keeps what worries her from her carer (who can see what).
    edit = plan.edit("sharing")
    expect(edit.by_test_id("sharing-explain")).to_contain_text("Your social worker can always see all of it")
    edit.by_test_id("share-worries-carer").uncheck()
    edit.save()
    expect(plan.section("sharing", plan.draft)).to_contain_text("Only your social worker")

    # Her people: make room for two, then add them.
    jade.goto("/#/people")
    people = PeoplePage(jade)
    people.make_room(2)
    people.add("Mo", "My cousin", "020 7946 0123", "Pick me up from anywhere")
    people.add("Kez", "My netball coach", "020 7946 0456", "Talk to me and call Priya")
    for name in ("Mo", "Kez"):
        expect(people.person(name).get_by_test_id("person-state")).to_have_text("Not invited yet")
    expect(people.person("Mo").get_by_test_id("person-phone-text")).to_have_text("020 7946 0123")

    # Priya, her carer: the worries part is private to her; she adds a step of her own.
    priya = signed_in("priya")
    priya_plan = open_jades_plan(priya)
    expect(priya_plan.section("worries", priya_plan.draft)).to_have_text(re.compile(PRIVATE))
    expect(priya_plan.draft.get_by_test_id("edit-worries")).to_have_count(0)
    expect(priya_plan.draft.get_by_test_id("edit-sharing")).to_have_count(0)
    edit = priya_plan.edit("carer_steps")
    row = edit.add_row("steps")
    row.get_by_test_id("step-minutes").fill("20")
    row.get_by_test_id("step-action").fill(PRIYA_STEP)
    edit.save()
    expect(priya_plan.section("carer_steps", priya_plan.draft)).to_contain_text(
        f"After 20 minutes: {PRIYA_STEP}"
    )

    # Jade opens the plan to sign it...
    jade.goto("/#/plan")
    plan.wait()
    sign = plan.open_sign()
    expect(sign.version).to_contain_text(PRIYA_STEP)
    expect(sign.version).to_contain_text("Mo")

    # ...while Sam, her social worker, adds a note.
    sam = signed_in("sam")
    sam_plan = open_jades_plan(sam)
    edit = sam_plan.edit("professional_notes")
    edit.fill("notes-text", SAM_NOTE)
    edit.save()
    expect(sam_plan.section("professional_notes", sam_plan.draft)).to_contain_text(SAM_NOTE)

    # Jade signs what she read: it changed since, so she is shown the new version.
    sign.sign()
    expect(sign.changed).to_have_text(
        "The plan changed since you opened it. Read it again below, then sign if you agree."
    )
    expect(sign.version).to_contain_text(SAM_NOTE)
    sign.sign()
    expect(sign.by_test_id("signed-now")).to_have_text("Thank you. You've signed.")
    expect(sign.still_to_sign).to_have_text("Still to sign: Your carer and your social worker.")

    # Priya signs, then Sam: now everyone has, and the plan is agreed.
    priya.reload()
    priya_plan.wait()
    sign_from_plan(priya_plan)
    expect(SignPage(priya).by_test_id("signed-now")).to_be_visible()
    expect(SignPage(priya).still_to_sign).to_have_text("Still to sign: The social worker.")

    sam.reload()
    sam_plan.wait()
    sign_from_plan(sam_plan)
    expect(sam.get_by_test_id("plan-agreed-now")).to_contain_text("This plan is agreed. Everyone signed it")
    expect(sam_plan.draft).to_have_count(0)
    expect(sam_plan.section("worries", sam_plan.agreed)).to_contain_text(NEW_WORRY)

    # Jade sees it plainly, with her words in it.
    jade.goto("/#/plan")
    plan.wait()
    expect(plan.by_test_id("plan-agreed")).to_have_text(
        re.compile(r"^Your plan is agreed\. Everyone signed it on ")
    )
    expect(plan.section("worries", plan.agreed)).to_contain_text(NEW_WORRY)
    expect(plan.section("trio", plan.agreed)).to_contain_text("Kez")

    # What changed, in plain words, from the version before.
    history = plan.open_history()
    newest = history.versions.first
    expect(newest.get_by_test_id("version-status")).to_have_text("Agreed. This is your plan now.")
    changes = history.show_changes(newest)
    worry = changes.locator("[data-change='worries.what_worries_me']")
    expect(worry.locator("strong")).to_have_text("What worries me")
    expect(worry.get_by_test_id("change-before")).to_have_text(f"Before: {old_worry}")
    expect(worry.get_by_test_id("change-after")).to_have_text(f"Now: {NEW_WORRY}")
    expect(changes).to_contain_text("Who can see “what worries me”")
    assert_accessible_at_320(jade, "plan history with what changed")


def test_police_form_has_the_plan_but_not_what_jade_keeps_from_the_police(signed_in):
    sam = signed_in("sam")
    plan = open_jades_plan(sam)
    expect(plan.police_form).to_have_text("Download police form (PDF)")
    expect(plan.by_test_id("police-form-carer-copy")).to_have_count(0)
    href = plan.police_form.get_attribute("href")
    assert re.fullmatch(r"/api/young-people/[0-9a-f-]{36}/plan/philomena\.pdf", href), href

    # What the agreed plan says now (whatever other tests changed), read as Sam.
    agreed = sam.request.get(href.replace("/philomena.pdf", "")).json()["agreed"]["content"]
    assert "police" not in agreed["sharing"]["worries"]
    assert "police" in agreed["sharing"]["places"]

    reply = sam.request.get(href)
    assert reply.ok
    assert reply.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(reply.body())).pages)
    text = " ".join(text.split())
    assert agreed["about_me"]["marks"] in text
    assert agreed["places"]["might_go"][0]["name"] in text
    for worry in agreed["worries"].values():
        if worry:
            assert worry not in text, f"the police form shows what Jade keeps from the police: {worry}"

    # The button itself downloads it.
    with sam.expect_download() as download:
        plan.police_form.click()
    assert re.fullmatch(r"police-form-Jade-\d{4}-\d{2}-\d{2}\.pdf", download.value.suggested_filename)


def test_a_carer_is_told_their_police_form_can_leave_parts_out(signed_in):
    priya = signed_in("priya")
    plan = open_jades_plan(priya)
    expect(plan.by_test_id("police-form-carer-copy")).to_have_text(
        "Your copy leaves out anything Jade keeps from carers. If it does, it says so: "
        "their social worker has the full form."
    )


def test_police_form_for_a_plan_nobody_has_agreed_yet_says_so(signed_in):
    sam = signed_in("sam")
    CaseloadPage(sam).open_young_person("Tyler")
    YoungPersonRecordPage(sam).open_plan()
    plan = PlanPage(sam)
    plan.expect_title("Tyler's plan")
    expect(plan.by_test_id("plan-review")).to_contain_text("New to Homeward: make the plan together")
    plan.police_form.click()
    expect(plan.by_test_id("police-form-problem")).to_contain_text("There is no agreed plan yet.")


def test_a_carer_cannot_change_who_can_see_what(signed_in):
    priya = signed_in("priya")
    plan = open_jades_plan(priya)
    expect(plan.by_test_id("edit-sharing")).to_have_count(0)
    priya.goto(priya.url + "/edit/sharing")
    expect(priya.get_by_test_id("cannot-edit")).to_have_text(
        "Only Jade and their social worker can change this."
    )


def test_stranger_social_worker_gets_not_found_for_jades_plan(signed_in):
    priya = signed_in("priya")
    jade_href = CaseloadPage(priya).link_to("Jade").get_attribute("href")

    alex = signed_in("alex")
    for route in ("/plan", "/plan/history", "/plan/sign", "/plan/edit/worries"):
        alex.goto(f"/{jade_href}{route}")
        expect(alex.get_by_test_id("not-found")).to_have_text("Not found")
        expect(alex.locator("main")).not_to_contain_text("Aunt Lou")
    reply = alex.request.get(f"/api/young-people/{jade_href.rsplit('/', 1)[1]}/plan/philomena.pdf")
    assert reply.status == 404


def test_a_phone_number_that_is_not_one_is_shown_next_to_the_phone_field(signed_in):
    jade = signed_in("jade")
    jade.goto("/#/people")
    people = PeoplePage(jade)
    name = people.live_names()[0]
    # While it is being changed, the card is known by its id, not its name.
    card = jade.locator(f"[data-person-id='{people.person(name).get_attribute('data-person-id')}']")
    card.get_by_test_id("person-change").click()
    form = card.get_by_test_id("edit-person-form")
    form.get_by_test_id("person-phone").fill("12345")
    form.get_by_test_id("person-save").click()
    # The server's problem+json names the field; its message goes next to it.
    expect(form.get_by_test_id("person-phone-error")).to_have_text(
        "That doesn't look like a phone number. Try one like 07123 456789."
    )
    expect(form.get_by_test_id("person-phone")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_test_id("person-phone")).to_be_focused()
    assert_accessible_at_320(jade, "change a person, with a server error")
    form.get_by_test_id("person-cancel").click()
    expect(card.get_by_test_id("person-phone-text")).not_to_have_text("12345")


def test_places_need_a_name_and_steps_a_time(signed_in):
    jade = signed_in("jade")
    jade.goto("/#/plan")
    plan = PlanPage(jade)
    plan.wait()
    edit = plan.edit("places")
    row = edit.add_row("places-safe")
    row.get_by_test_id("place-where").fill("Somewhere")
    edit.save()
    expect(row.get_by_test_id("place-name-error")).to_have_text("Give this place a name.")
    expect(row.get_by_test_id("place-name")).to_be_focused()
    assert_accessible_at_320(jade, "edit places, with errors")

    jade.goto("/#/plan")
    plan.wait()
    edit = plan.edit("carer_steps")
    row = edit.add_row("steps")
    row.get_by_test_id("step-action").fill("Something")
    edit.save()
    expect(row.get_by_test_id("step-minutes-error")).to_have_text(
        "Write a whole number of minutes, from 0 to 10080."
    )
    expect(row.get_by_test_id("step-minutes")).to_be_focused()
    assert_accessible_at_320(jade, "edit what my carer will do, with errors")


def test_social_worker_sees_plans_to_review(signed_in):
    sam = signed_in("sam")
    reviews = sam.get_by_test_id("review")
    tyler = reviews.filter(has_text="Tyler")
    expect(tyler).to_contain_text("New to Homeward: make the plan together")
    expect(tyler.get_by_test_id("review-due")).to_contain_text("Due since")
    tyler.get_by_test_id("review-link").click()
    PlanPage(sam).expect_title("Tyler's plan")


def test_an_overdue_review_is_marked_in_words(signed_in):
    sam = signed_in("sam")
    young_person_id = CaseloadPage(sam).link_to("Tyler").get_attribute("href").rsplit("/", 1)[1]
    # The demo's reviews are new; this stands in a reply from 10 days ago (same shape).
    sam.route(
        "**/api/plans/reviews-due",
        lambda route: route.fulfill(
            json=[
                {
                    "young_person_id": young_person_id,
                    "preferred_name": "Tyler",
                    "review_due_at": "2020-01-01T09:00:00Z",
                    "reason": "Came back after being away",
                    "overdue": True,
                }
            ]
        ),
    )
    sam.reload()
    overdue = sam.get_by_test_id("review").filter(has_text="Tyler")
    expect(overdue.get_by_test_id("review-overdue")).to_have_text("Overdue")
    expect(sam.get_by_test_id("reviews-summary")).to_have_text("1 to review, 1 overdue.")
    assert_no_violations(sam, "social worker home with an overdue review")


def test_jade_adds_a_photo_and_sees_it_on_her_plan(signed_in):
    image = io.BytesIO()
    Image.new("RGB", (64, 80), (40, 90, 160)).save(image, format="JPEG")
    jade = signed_in("jade")
    jade.goto("/#/plan")
    plan = PlanPage(jade)
    plan.wait()
    edit = plan.edit("photo")
    edit.save()
    expect(edit.by_test_id("photo-file-error")).to_have_text("Choose a photo first.")
    edit.by_test_id("photo-file").set_input_files(
        files=[{"name": "not-a-photo.txt", "mimeType": "text/plain", "buffer": b"hello"}]
    )
    edit.save()
    expect(edit.by_test_id("photo-file-error")).to_have_text(
        "Use a photo from a phone or camera: JPEG, HEIC, PNG or WebP."
    )
    edit.by_test_id("photo-file").set_input_files(
        files=[{"name": "me.jpg", "mimeType": "image/jpeg", "buffer": image.getvalue()}]
    )
    edit.save()
    expect(plan.flash).to_contain_text("Saved.")
    photo = plan.section("photo", plan.draft).get_by_test_id("plan-photo")
    expect(photo).to_have_attribute("alt", "Your photo")
    expect(photo).to_have_attribute(
        "src", re.compile(r"^/api/young-people/[0-9a-f-]{36}/plan/photos/[0-9a-f-]{36}$")
    )
    assert (
        jade.evaluate(
            "async () => { const img = document.querySelector(\"[data-testid='plan-photo']\"); "
            "await img.decode(); return img.naturalWidth; }"
        )
        == 64
    )


def test_a_plan_error_from_the_server_is_shown_next_to_its_field(signed_in):
    jade = signed_in("jade")
    jade.goto("/#/plan")
    plan = PlanPage(jade)
    plan.wait()
    edit = plan.edit("about_me")
    edit.fill("about-phone", "12345")
    edit.save()
    expect(edit.by_test_id("about-phone-error")).to_have_text("That doesn't look like a phone number")
    expect(edit.by_test_id("about-phone")).to_have_attribute("aria-invalid", "true")
    expect(edit.by_test_id("about-phone")).to_be_focused()
    expect(edit.error).to_contain_text("Please check what you entered")
    assert_accessible_at_320(jade, "about me, with an error from the server")


def test_a_10_mb_photo_from_a_phone_camera_is_shrunk_on_the_phone_and_kept(signed_in):
    from tests.api.test_plan_photo import camera_jpeg

    raw = camera_jpeg()
    assert len(raw) > 8_000_000
    jade = signed_in("jade")
    jade.set_viewport_size({"width": 360, "height": 780})  # a phone, as the done-when says
    sent: list[int] = []
    jade.on(
        "request",
        lambda request: (
            sent.append(len(request.post_data_buffer or b""))
            if request.method == "PUT" and request.url.endswith("/plan/photo")
            else None
        ),
    )
    jade.goto("/#/plan")
    plan = PlanPage(jade)
    plan.wait()
    edit = plan.edit("photo")
    edit.by_test_id("photo-file").set_input_files(
        files=[{"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": raw}]
    )
    edit.save()
    expect(plan.flash).to_contain_text("Saved.", timeout=30_000)
    assert len(sent) == 1 and sent[0] < 2_000_000, sent  # made small before it left the phone
    photo = plan.section("photo", plan.draft).get_by_test_id("plan-photo")
    assert jade.evaluate(
        "async () => { const img = document.querySelector(\"[data-testid='plan-photo']\"); "
        "await img.decode(); return [img.naturalWidth, img.naturalHeight]; }"
    ) == [600, 800]
    expect(photo).to_be_visible()
    assert_no_violations(jade, "the plan with a phone camera's photo, 360px")
