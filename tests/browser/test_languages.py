"""Journey 9: Amir reads Arabic. A young person who chooses Arabic reads every screen of
theirs in Arabic, right to left, with no signal too; their trusted contact chooses
their own language; choosing English again brings English back.

Words the server writes (an alert's story, "who has looked", its error messages) come
in the language the page asks for with X-Homeward-Language: these tests check the
page asks, and leave the server's words out of the "no English left" check.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import Page, expect

from tests.browser.checks import assert_no_horizontal_scroll, assert_no_violations
from tests.browser.pages import (
    AlertCard,
    CaseloadPage,
    ContactPage,
    HistoryPage,
    JoinPage,
    PeoplePage,
    PlanPage,
    Screen,
    SignInPage,
    WelcomePage,
    YoungPersonHome,
    YoungPersonRecordPage,
)
from tests.browser.test_alerts import landed_on_status
from tests.browser.test_offline import wait_for_kept_plan, wait_for_service_worker
from tests.browser.test_trusted_contacts import contact_phone, someone_to_invite

CATALOGUES = Path(__file__).resolve().parents[2] / "pwa" / "i18n"
ENGLISH = json.loads((CATALOGUES / "en.json").read_text(encoding="utf-8"))
ARABIC = json.loads((CATALOGUES / "ar.json").read_text(encoding="utf-8"))
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
# Around a name or number dropped into right-to-left words (js/i18n.js).
ISOLATE = re.compile("[\u2068\u2069]")

# What the server writes (in the language the page asks for once the server reads
# X-Homeward-Language), and what people wrote themselves: not the PWA's words.
SERVER_WORDS = [
    "[data-testid='alert-events']",
    "[data-testid='recipient-events']",
    "[data-testid='alert-advice']",
    "[data-testid='who-has-looked']",
    ".person-why",
    ".problem",
    "[role='alert']",
    "noscript",
]
# Names people gave things, shown inside the PWA's own words too ("Sign out <phone>"):
# a phone keeps the name it was given when it signed in ("Linux computer").
NAMED = ["[data-testid='session'] .card-title strong"]


def english_phrases() -> set[str]:
    """Every run of two or more words the English catalogue shows, placeholders cut out."""
    phrases = set()
    for value in ENGLISH.values():
        for text in value.values() if isinstance(value, dict) else [value]:
            for part in re.split(r"\{[a-z_]+\}", text):
                part = part.strip(" .,:;?!“”()'")
                if len(part.split()) >= 2:
                    phrases.add(part)
    return phrases


PHRASES = english_phrases()


def arabic(key: str, **params) -> str:
    """A message from the Arabic catalogue as the page shows it (isolates aside)."""
    text = ARABIC[key]
    if isinstance(text, dict):
        text = text["other"] if "count" not in params else _plural(text, params["count"])
    for name, value in params.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def _plural(forms: dict, count: int) -> str:
    if count == 0:
        return forms["zero"]
    if count in (1, 2):
        return forms[{1: "one", 2: "two"}[count]]
    if 3 <= count % 100 <= 10:
        return forms["few"]
    if 11 <= count % 100 <= 99:
        return forms["many"]
    return forms["other"]


def shown_text(page: Page) -> str:
    """The page's words as a reader meets them: text, labels, alternatives and title."""
    text = page.evaluate(
        """([skip, named]) => {
            const root = document.body.cloneNode(true);
            for (const selector of skip) root.querySelectorAll(selector).forEach((n) => n.remove());
            const names = named.flatMap((selector) => [...root.querySelectorAll(selector)].map((n) => n.textContent));
            const attributes = [...root.querySelectorAll("[aria-label], [alt], [title], [placeholder]")]
                .flatMap((n) => ["aria-label", "alt", "title", "placeholder"].map((a) => n.getAttribute(a)))
                .filter(Boolean);
            let text = [document.title, root.textContent, ...attributes].join("\\n");
            for (const name of names) text = text.split(name).join(" ");
            return text;
        }""",
        [SERVER_WORDS, NAMED],
    )
    return ISOLATE.sub("", text)


def assert_in_arabic(page: Page, screen: str) -> None:
    """Right to left, in Arabic, and none of the PWA's English words left on it."""
    html = Screen(page).html
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(Screen(page).by_test_id("loading")).to_have_count(0)
    text = shown_text(page)
    assert ARABIC_SCRIPT.search(text), f"{screen}: no Arabic on the screen"
    left = sorted(phrase for phrase in PHRASES if phrase in text)
    assert not left, f"{screen} still shows English: {left}"


def assert_nothing_clipped(page: Page, screen: str) -> None:
    """No words cut off or spilling out of their box (buttons, headings, lines)."""
    clipped = page.evaluate(
        """() => [...document.querySelectorAll(
                "main *, header *, .offline-banner *"
            )].filter((el) => {
                if (el.closest(".visually-hidden, [hidden], svg")) return false;
                const style = getComputedStyle(el);
                if (style.display === "inline" || el.clientWidth === 0) return false;
                if (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT") return false;
                return el.scrollWidth > el.clientWidth + 1;
            }).map((el) => el.outerHTML.slice(0, 160))"""
    )
    assert not clipped, f"{screen}: text does not fit: {clipped}"


def assert_arabic_and_accessible(page: Page, screen: str) -> None:
    """In Arabic, then axe, no sideways scroll and nothing clipped at 360px and 320px."""
    assert_in_arabic(page, screen)
    size = page.viewport_size
    try:
        for width, height in ((360, 740), (320, 640)):
            page.set_viewport_size({"width": width, "height": height})
            assert_no_horizontal_scroll(page, f"{screen}, {width}px")
            assert_nothing_clipped(page, f"{screen}, {width}px")
            assert_no_violations(page, f"{screen}, {width}px")
    finally:
        page.set_viewport_size(size)


def languages_asked(page: Page) -> list[str]:
    """The X-Homeward-Language of every API request this page makes from now on."""
    asked: list[str] = []
    page.on(
        "request",
        lambda request: (
            asked.append(request.headers.get("x-homeward-language", "")) if "/api/" in request.url else None
        ),
    )
    return asked


def saving_language(page: Page, path: str):
    """Wait for the page to keep a language on the server: PUT <path> (use with `with`)."""
    return page.expect_request(lambda request: request.method == "PUT" and request.url.endswith(path))


def back_to_english_on_the_server(page: Page) -> None:
    """Other tests read Jade's screens in English: leave her choice as it was."""
    page.evaluate(
        """async () => {
            const me = await (await fetch("/api/auth/me")).json();
            await fetch("/api/auth/me/language", {
                method: "PUT",
                headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token },
                body: JSON.stringify({ language: "en" }),
            });
        }"""
    )


def test_a_young_person_who_chooses_arabic_reads_every_screen_of_theirs_in_arabic(signed_in):
    jade = signed_in("jade")
    home = YoungPersonHome(jade)
    expect(home.html).to_have_attribute("dir", "ltr")
    try:
        asked = languages_asked(jade)
        with saving_language(jade, "/api/auth/me/language") as saved:
            home.by_test_id("language-settings").get_by_test_id("language-choice-ar").click()
        assert saved.value.post_data_json == {"language": "ar"}
        expect(home.html).to_have_attribute("lang", "ar")
        expect(home.greeting).to_contain_text("مرحبًا")
        expect(home.by_test_id("language-choice-ar")).to_be_focused()
        assert_arabic_and_accessible(jade, "home")
        expect(home.quick_exit).to_have_text(arabic("page.quick_exit"))
        expect(home.helpline("Childline").locator("bdi")).to_have_attribute("dir", "ltr")
        # Phone numbers read left to right inside the Arabic.
        first = home.by_test_id("call-person").first
        expect(first.locator(".call-number bdi")).to_have_attribute("dir", "ltr")
        assert ISOLATE.sub("", first.get_by_test_id("call-link").inner_text()).startswith("الاتصال بـ")

        # Every screen of hers, from its link on the home.
        parts = ["about_me", "photo", "worries", "places", "carer_steps", "sharing", "professional_notes"]
        for route, screen in [
            ("/plan", "plan"),
            *((f"/plan/edit/{part}", f"changing the plan: {part}") for part in parts),
            ("/plan/sign", "signing the plan"),
            ("/people", "my people"),
            ("/my-info", "who can see my information"),
            ("/phones", "my phones"),
            ("/change-secret", "change my PIN"),
        ]:
            home.open(route)
            expect(home.title).to_have_text(ARABIC_SCRIPT)
            assert_arabic_and_accessible(jade, screen)

        history = HistoryPage(jade)
        history.open("/plan/history")
        expect(history.versions.first).to_be_visible()
        if history.versions.count() > 1:
            history.show_changes(history.versions.first)
        assert_arabic_and_accessible(jade, "how the plan has changed")

        # A form's own checks speak Arabic too.
        form = Screen(jade)
        form.open("/change-secret")
        form.by_test_id("change-secret-submit").click()
        expect(form.by_test_id("change-secret-error")).to_contain_text(arabic("common.check_details"))
        expect(form.by_test_id("current-secret-error")).to_have_text(arabic("change_secret.enter_pin"))

        assert asked and set(asked) == {"ar"}, set(asked)
    finally:
        back_to_english_on_the_server(jade)


def test_the_alert_button_countdown_and_status_read_in_arabic(signed_in):
    jade = signed_in("jade")
    try:
        home = YoungPersonHome(jade)
        home.choose_language("ar")
        card = AlertCard(jade)
        expect(card.start).to_have_text(arabic("alert_button.start"))
        expect(card.by_test_id("alert-card")).to_contain_text(arabic("alert_button.heading"))

        start = dt.datetime.now(dt.UTC)
        jade.clock.set_fixed_time(start)
        card.tap()
        expect(card.countdown_words).to_have_text(re.compile(r"^سيُرسل تنبيهك بعد \u2068?5\u2069? ثوانٍ$"))
        expect(card.by_test_id("alert-undo")).to_have_text(arabic("alert_button.undo"))
        jade.clock.set_fixed_time(start + dt.timedelta(seconds=3))
        expect(card.countdown_number).to_have_text("2")
        expect(card.countdown_words).to_have_text(arabic("alert_button.sending_in", count=2))
        assert_arabic_and_accessible(jade, "the alert countdown")
        card.undo()
        expect(card.by_test_id("alert-undone")).to_have_text(arabic("alert_button.undone"))

        card.tap()
        card.send_now()
        status = landed_on_status(jade)
        expect(status.title).to_have_text(arabic("alert_status.title"))
        expect(status.state).to_contain_text(ARABIC_SCRIPT)
        expect(status.by_test_id("alert-location-shared")).to_have_text(
            re.compile(
                f"^({arabic('alert_status.location_not_shared')}|{arabic('alert_status.location_shared')})$"
            )
        )
        assert_arabic_and_accessible(jade, "alert status")

        jades_id = jade.request.get("/api/auth/me").json()["young_person_id"]
        readiness = jade.request.get(f"/api/young-people/{jades_id}/alerts/readiness").json()
        if readiness["first_level"] is not None:
            # Someone can still be asked: she stops it ("I'm OK now").
            status.by_test_id("alert-cancel").click()
            expect(status.by_test_id("alert-cancel-yes")).to_have_text(arabic("alert_status.cancel_yes"))
            status.by_test_id("alert-cancel-yes").click()
            expect(status.state).to_have_attribute("data-state", "cancelled")
            expect(status.state).to_contain_text(arabic("alert_status.cancelled"))
            assert_arabic_and_accessible(jade, "alert status, stopped")
            listed = arabic("alert.state.cancelled_for_young_person")
        else:
            # Nobody of hers can get alerts on this server yet: plain advice at once.
            expect(status.state).to_have_attribute("data-state", "failed")
            expect(status.by_test_id("alert-call-999")).to_have_text(arabic("common.call_999"))
            expect(status.by_test_id("alert-call-999")).to_have_attribute("href", "tel:999")
            listed = arabic("alert.state.failed_nobody_reached")  # nobody could get it at all

        # Her home lists it, in Arabic.
        home.open("/home")
        expect(card.recent.first).to_contain_text(listed)
    finally:
        back_to_english_on_the_server(jade)


def test_the_plan_kept_for_no_signal_reads_in_arabic_offline(signed_in):
    jade = signed_in("jade")
    try:
        home = YoungPersonHome(jade)
        home.choose_language("ar")
        wait_for_service_worker(jade)
        jade.reload()  # through the service worker, which keeps the copy and the catalogue
        expect(home.people_updated).to_be_visible()
        home.open("/plan")
        PlanPage(jade).wait()
        wait_for_kept_plan(jade)

        jade.context.set_offline(True)
        jade.reload()
        plan = PlanPage(jade)
        expect(plan.by_test_id("offline-copy")).to_contain_text(arabic("plan.offline_copy"))
        expect(plan.offline_banner).to_have_text(arabic("page.offline_banner"))
        expect(plan.title).to_have_text(arabic("plan.title"))
        expect(plan.section("worries")).to_contain_text(arabic("plan.section.worries"))
        assert_arabic_and_accessible(jade, "the plan with no signal")

        home.open("/home")
        expect(home.people_updated).to_contain_text("محفوظ على هذا الهاتف")
        assert_arabic_and_accessible(jade, "home with no signal")

        # An alert waits for signal, and offers a text: in her words, then in English,
        # as her people may not read Arabic.
        card = AlertCard(jade)
        card.tap()
        card.send_now()
        expect(card.waiting).to_be_visible(timeout=15_000)
        expect(card.by_test_id("alert-waiting-title")).to_have_text(arabic("alert_button.no_signal"))
        body = unquote(card.text_instead.get_attribute("href").split("?body=", 1)[1])
        said = [
            ARABIC["alert.text.need_help"],
            ENGLISH["alert.text.need_help"],
            ARABIC["alert.text.sent_from"],
        ]
        assert body == " ".join(said), body
        assert_arabic_and_accessible(jade, "an alert waiting for signal")
        card.by_test_id("alert-drop").click()
        card.by_test_id("alert-drop-yes").click()
        expect(card.by_test_id("alert-undone")).to_have_text(arabic("alert_button.dropped"))
    finally:
        jade.context.set_offline(False)
        back_to_english_on_the_server(jade)


def test_a_trusted_contact_chooses_english_while_the_young_person_stays_arabic(signed_in, new_context):
    jade = signed_in("jade")
    try:
        home = YoungPersonHome(jade)
        home.choose_language("ar")
        home.open_people()
        people = PeoplePage(jade)
        name = someone_to_invite(people)
        link = people.invite(name)
        assert_arabic_and_accessible(jade, "my people, with an invite")

        # Their phone reads Arabic first (its browser does), and they choose English.
        phone = contact_phone(lambda **options: new_context(locale="ar", **options))
        phone.goto(link)
        contact = ContactPage(phone)
        expect(contact.greeting).to_contain_text("مرحبًا")
        expect(contact.html).to_have_attribute("dir", "rtl")
        assert_arabic_and_accessible(phone, "contact's invite, in Arabic")
        asked = languages_asked(phone)
        contact.choose_language("en")
        expect(contact.html).to_have_attribute("dir", "ltr")
        expect(contact.greeting).to_have_text(f"Hi {name}")
        expect(contact.by_test_id("contact-explain")).to_contain_text("Jade may send you an alert")
        assert_no_violations(phone, "contact's invite, in English")
        # Chosen before saying yes: kept with their contact record once they have one.
        with saving_language(phone, "/api/contact/me/language") as saved:
            contact.agree()
        assert saved.value.post_data_json == {"language": "en"}
        expect(contact.home_title).to_have_text("You're one of Jade's people")
        phone.reload()
        expect(contact.home_title).to_have_text("You're one of Jade's people")
        expect(contact.by_test_id("language-choice-en")).to_have_attribute("aria-pressed", "true")
        assert_no_violations(phone, "contact's page, in English")
        assert asked and set(asked) == {"en"}, set(asked)

        # Jade still reads Arabic.
        jade.reload()
        people.wait()
        expect(people.html).to_have_attribute("lang", "ar")
        expect(people.person(name).get_by_test_id("person-state")).to_have_text(arabic("people.state.active"))

        contact.step_down()
        expect(contact.by_test_id("contact-stepped-down")).to_have_text("You've stopped")
    finally:
        back_to_english_on_the_server(jade)


def test_a_contacts_choice_stands_when_the_server_answered_before_it_was_kept(signed_in, new_context):
    """Choosing a language draws the page again, and the page asks the server who this
    is while the choice is still on its way there: an answer read before the choice was
    kept (the old language) must not put that language back."""
    jade = signed_in("jade")
    YoungPersonHome(jade).open_people()
    people = PeoplePage(jade)
    people.wait()
    people.make_room(1)
    # A name of this test's own: later tests invite (and step down) whoever is waiting.
    people.add("Kit", "My cousin", "020 7946 0456", "Text me back")
    link = people.invite("Kit")
    phone = contact_phone(new_context)
    phone.set_viewport_size({"width": 360, "height": 780})
    phone.goto(link)
    contact = ContactPage(phone)
    contact.agree()
    expect(contact.html).to_have_attribute("lang", "en")

    def read_before_the_choice(route):
        answer = route.fetch()
        time.sleep(1)  # the choice reaches the server meanwhile (the browser sends it)
        route.fulfill(response=answer, json={**answer.json(), "language": "en"})

    phone.route("**/api/contact/me", read_before_the_choice, times=1)
    with phone.expect_response(lambda r: r.url.endswith("/api/contact/me")) as asked:
        with saving_language(phone, "/api/contact/me/language"):
            contact.by_test_id("language-choice-ar").first.click()
    assert asked.value.json()["language"] == "en"
    # The page is drawn only once that answer is in, and in the language chosen.
    expect(contact.home_title).to_have_text(arabic("contact.title", name="\u2068Jade\u2069"))
    expect(contact.html).to_have_attribute("lang", "ar")
    expect(contact.by_test_id("language-choice-ar").first).to_have_attribute("aria-pressed", "true")
    # And the server keeps it: the page opened again is in Arabic.
    phone.reload()
    expect(contact.home_title).to_have_text(arabic("contact.title", name="\u2068Jade\u2069"))
    contact.step_down()


def test_a_carer_reads_their_screens_in_arabic(signed_in):
    priya = signed_in("priya")
    home = CaseloadPage(priya)
    try:
        home.choose_language("ar")
        expect(home.title).to_have_text(arabic("carer_home.title"))
        assert_arabic_and_accessible(priya, "carer's home")
        home.open_young_person("Jade")
        record = YoungPersonRecordPage(priya)
        expect(record.name).to_have_text("Jade")
        assert_arabic_and_accessible(priya, "a young person's record, for their carer")
        record.open_plan()
        plan = PlanPage(priya)
        plan.wait()
        expect(plan.police_form).to_have_text(arabic("plan.police_form_download"))
        assert_arabic_and_accessible(priya, "the plan, for a carer")
        plan.open_history()
        assert_arabic_and_accessible(priya, "how the plan has changed, for a carer")
        for route, screen in [("/phones", "carer's phones"), ("/change-secret", "change my password")]:
            home.open(route)
            expect(home.title).to_have_text(ARABIC_SCRIPT)
            assert_arabic_and_accessible(priya, screen)
    finally:
        back_to_english_on_the_server(priya)


def test_choosing_english_again_brings_english_back(signed_in):
    jade = signed_in("jade")
    try:
        home = YoungPersonHome(jade)
        home.choose_language("ar")
        jade.reload()
        expect(home.html).to_have_attribute("lang", "ar")  # kept on this phone
        home.by_test_id("language-settings").get_by_test_id("language-choice-en").click()
        expect(home.html).to_have_attribute("lang", "en")
        expect(home.html).to_have_attribute("dir", "ltr")
        expect(home.greeting).to_have_text("Hi Jade")
        expect(AlertCard(jade).start).to_have_text("Alert my people")
        jade.reload()
        expect(home.greeting).to_have_text("Hi Jade")
        expect(home.html).to_have_attribute("dir", "ltr")
    finally:
        back_to_english_on_the_server(jade)


def test_amir_chooses_arabic_when_he_joins(signed_in, new_context):
    sam = signed_in("sam")
    caseload = CaseloadPage(sam)
    caseload.add_young_person("Amir", "2009-05-01")
    record = YoungPersonRecordPage(sam)
    expect(record.name).to_have_text("Amir")
    record.invite_young_person()
    link = record.invite_link.inner_text()

    phone = new_context(viewport={"width": 360, "height": 740})
    amir = phone.new_page()
    amir.goto(link)
    join = JoinPage(amir)
    expect(join.greeting).to_have_text("Hi Amir")
    join.choose_language("ar")
    expect(join.greeting).to_contain_text("مرحبًا")
    join.by_test_id("join-submit").click()
    expect(join.by_test_id("join-username-error")).to_have_text(arabic("join.enter_username"))
    assert_arabic_and_accessible(amir, "join, with its checks")
    # The language he joined in is kept with his new account.
    with saving_language(amir, "/api/auth/me/language") as saved:
        join.choose("amir.k", "860214")
    assert saved.value.post_data_json == {"language": "ar"}

    welcome = WelcomePage(amir)
    welcome.expect_title(arabic("welcome.title"))
    assert_arabic_and_accessible(amir, "welcome")
    welcome.go_home()
    home = YoungPersonHome(amir)
    expect(home.greeting).to_contain_text("مرحبًا")
    assert_arabic_and_accessible(amir, "a new young person's home")

    # Signed out, the sign-in screen keeps his language; so does the typed-code screen.
    home.sign_out()
    signin = SignInPage(amir)
    signin.expect_title(arabic("signin.title"))
    assert_arabic_and_accessible(amir, "sign in")
    signin.by_test_id("link-join").click()
    expect(signin.title).to_have_text(arabic("join.title"))
    assert_arabic_and_accessible(amir, "join with a code")

    # His social worker reads his record in English.
    expect(sam.locator("html")).to_have_attribute("lang", "en")
    expect(record.by_test_id("young-person-details")).to_contain_text("On Homeward")


def test_a_notification_speaks_the_language_chosen_on_the_phone(signed_in, server):
    from tests.browser.test_alerts import deliver_push, shown_notifications

    jade = signed_in("jade")
    try:
        Screen(jade).choose_language("ar")
        wait_for_service_worker(jade)
        jade.context.grant_permissions(["notifications"])
        deliver_push(jade, server, json.dumps({"alert_id": "a-generic-id", "type": "alert"}))
        shown = shown_notifications(jade, 1)
        assert [(n["title"], n["body"]) for n in shown] == [(ARABIC["push.title"], ARABIC["push.alert"])]
    finally:
        back_to_english_on_the_server(jade)


def test_words_fill_in_names_and_numbers_and_pick_the_plural_form(page):
    page.goto("/#/signin")
    SignInPage(page).expect_title("Sign in to Homeward")
    said = page.evaluate(
        """async () => {
            const { setLanguage, t } = await import("/js/i18n.js");
            const words = (count) => t("alert_button.sending_in", { count });
            const english = [words(1), words(5), t("home.greeting", { name: "Jade" })];
            await setLanguage("ar", { keep: false, rerender: false });
            const arabic = [words(1), words(2), words(5), words(11), t("home.greeting", { name: "Jade" })];
            const missing = t("no.such.key");
            await setLanguage("en", { keep: false, rerender: false });
            return { english, arabic, missing };
        }"""
    )
    assert said["english"] == ["Sending your alert in 1 second", "Sending your alert in 5 seconds", "Hi Jade"]
    # Names and numbers inside right-to-left words are isolated, as <bdi> would.
    assert said["arabic"] == [
        "سيُرسل تنبيهك بعد ثانية واحدة",
        "سيُرسل تنبيهك بعد ثانيتين",
        "سيُرسل تنبيهك بعد \u20685\u2069 ثوانٍ",
        "سيُرسل تنبيهك بعد \u206811\u2069 ثانية",
        "مرحبًا \u2068Jade\u2069",
    ]
    assert said["missing"] == "no.such.key"
