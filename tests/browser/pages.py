"""Page objects for the Homeward PWA. Tests talk to these, not to selectors."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

PASSWORD = "homeward-demo"


@dataclass(frozen=True)
class DemoPerson:
    identifier: str
    secret: str
    professional: bool
    home_title: str


# The people `homeward demo` creates (fictional, Northbrook Council).
DEMO = {
    "sam": DemoPerson("sam@northbrook.example", PASSWORD, True, "Your caseload"),
    "alex": DemoPerson("alex@northbrook.example", PASSWORD, True, "Your caseload"),
    "ruth": DemoPerson("ruth@northbrook.example", PASSWORD, True, "Figures for Northbrook Council"),
    "admin": DemoPerson("admin@northbrook.example", PASSWORD, True, "Accounts"),
    "priya": DemoPerson("priya", PASSWORD, False, "Young people you look after"),
    "jade": DemoPerson("jade", "246810", False, "Hi Jade"),
    "mia": DemoPerson("mia", "135790", False, "Hi Mia"),
    "pat": DemoPerson("pat@northbrook.example", PASSWORD, True, "How young people rated the police"),
}


class Screen:
    """What every screen has: the title, the quick exit and the offline banner."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def by_test_id(self, test_id: str) -> Locator:
        return self.page.get_by_test_id(test_id)

    @property
    def title(self) -> Locator:
        return self.page.locator("main h1")

    @property
    def quick_exit(self) -> Locator:
        return self.by_test_id("quick-exit")

    @property
    def offline_banner(self) -> Locator:
        return self.by_test_id("offline-banner")

    @property
    def idle_notice(self) -> Locator:
        return self.by_test_id("idle-notice")

    def open(self, route: str) -> None:
        self.page.goto(f"/#{route}")

    def expect_title(self, text: str) -> None:
        expect(self.title).to_have_text(text)

    def wait_until_loaded(self) -> None:
        expect(self.by_test_id("loading")).to_have_count(0)

    # -- languages ---------------------------------------------------------------------

    @property
    def html(self) -> Locator:
        """<html>: its lang and dir say which language and direction the page is in."""
        return self.page.locator("html")

    def choose_language(self, code: str) -> None:
        """Press the language's button (the first chooser on the screen) and wait for it."""
        self.by_test_id(f"language-choice-{code}").first.click()
        expect(self.html).to_have_attribute("lang", code)
        expect(self.by_test_id(f"language-choice-{code}").first).to_have_attribute("aria-pressed", "true")


class SignInPage(Screen):
    def open(self) -> None:  # type: ignore[override]
        super().open("/signin")
        self.expect_title("Sign in to Homeward")

    def choose_professional(self) -> None:
        self.by_test_id("signin-choice-professional").click()

    def sign_in_person(self, username: str, secret: str) -> None:
        self.by_test_id("signin-choice-person").click()
        self.by_test_id("signin-identifier").fill(username)
        self.by_test_id("signin-secret").fill(secret)
        self.by_test_id("signin-submit").click()

    def sign_in_professional(self, email: str, password: str, code: str) -> None:
        self.choose_professional()
        self.by_test_id("signin-identifier").fill(email)
        self.by_test_id("signin-secret").fill(password)
        self.by_test_id("signin-code").fill(code)
        self.by_test_id("signin-submit").click()

    @property
    def error(self) -> Locator:
        return self.by_test_id("signin-error")


class JoinPage(Screen):
    def open_code(self, code: str) -> None:
        super().open(f"/join/{code}")

    @property
    def greeting(self) -> Locator:
        return self.by_test_id("join-greeting")

    @property
    def run_out(self) -> Locator:
        return self.by_test_id("join-run-out")

    @property
    def username_ideas(self) -> Locator:
        """The free usernames offered when the one typed can't be used."""
        return self.by_test_id("join-username-idea")

    def choose(self, username: str, secret: str, display_name: str | None = None) -> None:
        if display_name is not None:
            self.by_test_id("join-display-name").fill(display_name)
        self.by_test_id("join-username").fill(username)
        self.by_test_id("join-secret").fill(secret)
        self.by_test_id("join-secret-again").fill(secret)
        self.by_test_id("join-submit").click()


class WelcomePage(Screen):
    @property
    def who_can_see(self) -> Locator:
        return self.by_test_id("welcome-who-can-see")

    def go_home(self) -> None:
        self.by_test_id("welcome-continue").click()


class YoungPersonHome(Screen):
    @property
    def greeting(self) -> Locator:
        return self.by_test_id("home-greeting")

    def open_my_info(self) -> None:
        self.by_test_id("link-my-info").click()

    def open_plan(self) -> None:
        self.by_test_id("link-plan").click()

    def open_people(self) -> None:
        self.by_test_id("link-people").click()

    def person(self, name: str) -> Locator:
        """One of the young person's people, with their call and text buttons."""
        return self.page.locator(f"[data-testid='call-person'][data-name='{name}']")

    def helpline(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid='helpline'][data-name='{name}']")

    @property
    def people_updated(self) -> Locator:
        return self.by_test_id("people-updated")

    def open_phones(self) -> None:
        self.by_test_id("link-phones").click()

    def sign_out(self) -> None:
        self.by_test_id("sign-out").click()


class MyInfoPage(Screen):
    @property
    def who_can_see(self) -> Locator:
        return self.by_test_id("who-can-see").get_by_test_id("person")

    @property
    def who_has_looked(self) -> Locator:
        return self.by_test_id("who-has-looked")

    @property
    def stopped(self) -> Locator:
        """Refused attempts in "who has looked", in the words the young person reads."""
        return self.who_has_looked.locator("[data-testid='look'][data-refused='true']")

    @property
    def clear_phone_on_exit(self) -> Locator:
        return self.by_test_id("quick-exit-clears-phone")

    @property
    def no_longer(self) -> Locator:
        """People who could see the information and no longer can."""
        return self.by_test_id("no-longer-can-see").get_by_test_id("person-no-longer")


class CaseloadPage(Screen):
    """A social worker's or carer's home: a list of young people."""

    @property
    def links(self) -> Locator:
        return self.by_test_id("young-person-link")

    def names(self) -> list[str]:
        self.wait_until_loaded()
        return self.links.all_inner_texts()

    def link_to(self, name: str) -> Locator:
        return self.by_test_id("young-person-link").filter(has_text=name)

    def open_young_person(self, name: str) -> None:
        self.link_to(name).click()

    def add_young_person(self, name: str, date_of_birth: str) -> None:
        self.by_test_id("add-preferred-name").fill(name)
        self.by_test_id("add-date-of-birth").fill(date_of_birth)
        self.by_test_id("add-young-person-submit").click()


class YoungPersonRecordPage(Screen):
    """#/young-people/<id>, as a social worker or carer sees it."""

    @property
    def name(self) -> Locator:
        return self.by_test_id("young-person-name")

    def invite_young_person(self) -> None:
        self.by_test_id("invite-young-person").click()
        expect(self.by_test_id("invite-panel")).to_be_visible()

    def invite_carer(self) -> None:
        self.by_test_id("invite-carer").click()
        expect(self.by_test_id("invite-panel")).to_be_visible()

    @property
    def invite_link(self) -> Locator:
        return self.by_test_id("invite-link")

    @property
    def invite_qr(self) -> Locator:
        return self.by_test_id("invite-qr")

    @property
    def not_found(self) -> Locator:
        return self.by_test_id("not-found")

    def open_plan(self) -> None:
        self.by_test_id("link-plan").click()

    def open_people(self) -> None:
        self.by_test_id("link-people").click()

    def carer_phone(self, carer: str, device_name: str) -> Locator:
        """One phone a carer placed with this young person is signed in on."""
        return (
            self.by_test_id("carer-phones-carer")
            .filter(has=self.page.get_by_role("heading", name=carer))
            .get_by_test_id("carer-device")
            .filter(has_text=device_name)
        )

    # -- who looks after them (the social worker's controls) ------------------------

    @property
    def care_notice(self) -> Locator:
        return self.by_test_id("care-team-notice")

    def placement(self, name: str) -> Locator:
        """A carer the young person is placed with now."""
        return self.page.locator(f"[data-testid='placement'][data-name='{name}']")

    def ended_placement(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid='placement-ended'][data-name='{name}']")

    def allocation(self, name: str) -> Locator:
        """A social worker allocated now."""
        return self.page.locator(f"[data-testid='allocation'][data-name='{name}']")

    def ended_allocation(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid='allocation-ended'][data-name='{name}']")

    def choose(self, kind: str, name: str | None) -> None:
        """In the open chooser, pick `name` (None: pick nobody) and send it."""
        select = self.by_test_id(f"{kind}-choose")
        if name is not None:
            expect(select.locator("option", has_text=name)).to_have_count(1)
            select.select_option(label=name)
        self.by_test_id(f"{kind}-choose-submit").click()

    def move_placement(self, name: str, to: str | None) -> None:
        self.placement(name).get_by_test_id("placement-move").click()
        self.choose("placement", to)

    def end_placement(self, name: str) -> None:
        card = self.placement(name)
        card.get_by_test_id("placement-end").click()
        card.get_by_test_id("placement-end-yes").click()

    def hand_over(self, name: str, to: str) -> None:
        self.allocation(name).get_by_test_id("allocation-move").click()
        self.choose("allocation", to)


class PlanPage(Screen):
    """#/plan (young person) or #/young-people/<id>/plan (carer, social worker)."""

    def wait(self) -> None:
        expect(self.by_test_id("plan-status")).to_be_visible()

    @property
    def status(self) -> Locator:
        return self.by_test_id("plan-status")

    @property
    def flash(self) -> Locator:
        return self.by_test_id("plan-flash")

    @property
    def draft(self) -> Locator:
        return self.by_test_id("draft")

    @property
    def agreed(self) -> Locator:
        return self.by_test_id("agreed")

    def section(self, name: str, within: Locator | None = None) -> Locator:
        return (within or self.page).get_by_test_id(f"section-{name}")

    def edit(self, section: str) -> PlanEditPage:
        """Open the edit form for a section (from the draft if there is one)."""
        self.by_test_id(f"edit-{section}").first.click()
        form = PlanEditPage(self.page)
        expect(form.form(section)).to_be_visible()
        return form

    def open_sign(self) -> SignPage:
        self.by_test_id("link-sign").click()
        sign = SignPage(self.page)
        expect(sign.version).to_be_visible()
        return sign

    def open_history(self) -> HistoryPage:
        self.by_test_id("link-history").click()
        history = HistoryPage(self.page)
        expect(history.versions.first).to_be_visible()
        return history

    @property
    def police_form(self) -> Locator:
        return self.by_test_id("police-form")


class PlanEditPage(Screen):
    def form(self, section: str) -> Locator:
        return self.by_test_id(f"edit-{section}-form")

    def fill(self, test_id: str, value: str) -> None:
        self.by_test_id(test_id).fill(value)

    def rows(self, list_test_id: str) -> Locator:
        return self.by_test_id(f"{list_test_id}-row")

    def add_row(self, list_test_id: str) -> Locator:
        self.by_test_id(f"{list_test_id}-add").click()
        return self.rows(list_test_id).last

    def save(self) -> None:
        self.by_test_id("save-section").click()

    @property
    def error(self) -> Locator:
        return self.by_test_id("edit-error")


class SignPage(Screen):
    @property
    def version(self) -> Locator:
        return self.by_test_id("sign-version")

    def sign(self) -> None:
        self.by_test_id("sign-plan").click()

    @property
    def changed(self) -> Locator:
        return self.by_test_id("sign-changed")

    @property
    def still_to_sign(self) -> Locator:
        return self.by_test_id("still-to-sign")


class HistoryPage(Screen):
    @property
    def versions(self) -> Locator:
        return self.by_test_id("version")

    def show_changes(self, version: Locator) -> Locator:
        version.get_by_test_id("show-changes").click()
        changes = version.get_by_test_id("what-changed")
        expect(changes).to_be_visible()
        return changes


class PeoplePage(Screen):
    """#/people (young person) or #/young-people/<id>/people (social worker)."""

    def wait(self) -> None:
        expect(self.by_test_id("people-area").locator("h2").first).to_be_visible()

    def person(self, name: str) -> Locator:
        return (
            self.by_test_id("people")
            .get_by_test_id("person")
            .filter(has=self.page.get_by_test_id("person-name-text").get_by_text(name, exact=True))
        )

    def stepped_down(self, name: str) -> Locator:
        return (
            self.by_test_id("people-stepped-down")
            .get_by_test_id("person")
            .filter(has=self.page.get_by_test_id("person-name-text").get_by_text(name, exact=True))
        )

    def live_names(self) -> list[str]:
        self.wait()
        return self.by_test_id("people").get_by_test_id("person-name-text").all_inner_texts()

    def add(self, name: str, how: str, phone: str, what: str = "", email: str = "") -> None:
        form = self.by_test_id("add-person-form")
        form.get_by_test_id("person-name").fill(name)
        form.get_by_test_id("person-how").fill(how)
        form.get_by_test_id("person-phone").fill(phone)
        form.get_by_test_id("person-email").fill(email)
        form.get_by_test_id("person-what").fill(what)
        form.get_by_test_id("person-save").click()
        expect(self.person(name)).to_have_count(1)

    def remove(self, name: str) -> None:
        card = self.person(name)
        card.get_by_test_id("person-remove").click()
        card.get_by_test_id("person-remove-yes").click()
        expect(self.person(name)).to_have_count(0)

    def make_room(self, places: int) -> None:
        """Remove people (newest first) until `places` more can be added."""
        names = self.live_names()
        while len(names) > 3 - places:
            self.remove(names.pop())

    def invite(self, name: str) -> str:
        """Make an invite for this person; returns the link."""
        self.person(name).get_by_test_id("person-invite").click()
        expect(self.by_test_id("invite-panel")).to_be_visible()
        return self.by_test_id("invite-link").inner_text()


class ContactPage(Screen):
    """A trusted contact's screens: the invite (#/contact/<CODE>) and their own page."""

    @property
    def greeting(self) -> Locator:
        return self.by_test_id("contact-greeting")

    def agree(self) -> None:
        self.by_test_id("contact-agree").click()
        expect(self.by_test_id("contact-home-title")).to_be_visible()

    @property
    def home_title(self) -> Locator:
        return self.by_test_id("contact-home-title")

    @property
    def notifications(self) -> Locator:
        return self.by_test_id("contact-notifications")

    def turn_on_notifications(self) -> None:
        self.by_test_id("notifications-on").click()
        expect(self.by_test_id("notifications-off")).to_be_visible()

    def turn_off_notifications(self) -> None:
        self.by_test_id("notifications-off").click()
        expect(self.by_test_id("notifications-on")).to_be_visible()

    def step_down(self) -> None:
        self.by_test_id("step-down").click()
        self.by_test_id("step-down-yes").click()
        expect(self.by_test_id("contact-stepped-down")).to_be_visible()

    @property
    def alerts(self) -> Locator:
        """Alerts sent to this contact, any still on first."""
        return self.by_test_id("contact-alert-list").get_by_test_id("alert-item")


def carer_invite_link(social_worker: Page, young_person: str) -> str:
    """The social worker opens the young person's record and invites a carer: the link."""
    CaseloadPage(social_worker).open_young_person(young_person)
    record = YoungPersonRecordPage(social_worker)
    record.invite_carer()
    return record.invite_link.inner_text()


def sign_in(page: Page, who: str, server) -> None:
    """Sign a demo person in through the sign-in screen and wait for their home."""
    person = DEMO[who]
    screen = SignInPage(page)
    screen.open()
    if person.professional:
        screen.sign_in_professional(person.identifier, person.secret, server.demo_code(person.identifier))
    else:
        screen.sign_in_person(person.identifier, person.secret)
    screen.expect_title(person.home_title)
    screen.wait_until_loaded()


class AlertCard(Screen):
    """The young person's "Alert my people" card on their home: the button, the
    countdown, the optional choices, and what shows when there is no signal."""

    @property
    def start(self) -> Locator:
        return self.by_test_id("alert-start")

    @property
    def countdown(self) -> Locator:
        return self.by_test_id("alert-countdown")

    @property
    def countdown_number(self) -> Locator:
        return self.by_test_id("alert-countdown-number")

    @property
    def countdown_words(self) -> Locator:
        return self.by_test_id("alert-countdown-words")

    def tap(self) -> None:
        self.start.click()
        expect(self.countdown).to_be_visible()

    def undo(self) -> None:
        self.by_test_id("alert-undo").click()

    def send_now(self) -> None:
        self.by_test_id("alert-send-now").click()

    def choose(self, kind: str) -> None:
        self.by_test_id(f"alert-kind-{kind}").check()

    @property
    def share_location(self) -> Locator:
        return self.by_test_id("alert-share-location")

    @property
    def waiting(self) -> Locator:
        return self.by_test_id("alert-waiting")

    @property
    def text_instead(self) -> Locator:
        return self.by_test_id("alert-sms")

    @property
    def active_link(self) -> Locator:
        return self.by_test_id("alert-active-link")

    @property
    def recent(self) -> Locator:
        return self.by_test_id("my-alerts").get_by_test_id("alert-item")


class AlertStatusPage(Screen):
    """#/alert/<id>: the young person's own alert."""

    def wait(self) -> None:
        expect(self.by_test_id("alert-state")).to_be_visible()

    @property
    def alert_id(self) -> str:
        return self.page.url.split("#/alert/", 1)[1]

    @property
    def state(self) -> Locator:
        return self.by_test_id("alert-state")

    @property
    def acknowledged(self) -> Locator:
        return self.by_test_id("alert-acknowledged")

    def person(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid='alert-person'][data-name='{name}']")

    def person_status(self, name: str) -> Locator:
        return self.person(name).get_by_test_id("alert-person-status")

    @property
    def events(self) -> Locator:
        return self.by_test_id("alert-event")

    @property
    def advice(self) -> Locator:
        return self.by_test_id("alert-advice")

    @property
    def flash(self) -> Locator:
        return self.by_test_id("alert-flash")

    def cancel(self) -> None:
        self.by_test_id("alert-cancel").click()
        self.by_test_id("alert-cancel-yes").click()
        expect(self.state).to_have_attribute("data-state", "cancelled")


class RecipientAlertPage(Screen):
    """An alert for the person it was sent to: #/contact/alerts/<id> or #/alerts/<id>."""

    def wait(self) -> None:
        expect(self.by_test_id("recipient-message")).to_be_visible()

    @property
    def heading(self) -> Locator:
        return self.by_test_id("recipient-title")

    @property
    def message(self) -> Locator:
        return self.by_test_id("recipient-message")

    @property
    def plus_code(self) -> Locator:
        return self.by_test_id("recipient-plus-code")

    @property
    def map_link(self) -> Locator:
        return self.by_test_id("recipient-map")

    @property
    def call(self) -> Locator:
        return self.by_test_id("recipient-call")

    @property
    def text(self) -> Locator:
        return self.by_test_id("recipient-text")

    @property
    def answer(self) -> Locator:
        return self.by_test_id("recipient-answer")

    @property
    def taken(self) -> Locator:
        return self.by_test_id("recipient-taken")

    def got_this(self) -> None:
        self.by_test_id("recipient-acknowledge").click()
        expect(self.answer).to_be_visible()

    def cant_right_now(self) -> None:
        self.by_test_id("recipient-decline").click()
        expect(self.answer).to_be_visible()

    def other_status(self, name: str) -> Locator:
        return self.page.locator(f"[data-testid='recipient-other'][data-name='{name}']").get_by_test_id(
            "recipient-other-status"
        )


class PhoneAlerts(Screen):
    """The "Alerts on this phone" part of a carer's or social worker's home."""

    @property
    def status(self) -> Locator:
        return self.by_test_id("phone-alerts-status")

    def turn_on(self) -> None:
        self.by_test_id("phone-alerts-on").click()
        expect(self.status).to_contain_text("On.")

    @property
    def sent_to_me(self) -> Locator:
        return self.by_test_id("sent-to-me-list").get_by_test_id("alert-item")

    @property
    def urgent_link(self) -> Locator:
        return self.by_test_id("sent-to-me-active-link")


class AdminHome(Screen):
    @property
    def refused(self) -> Locator:
        return self.by_test_id("refused-row")

    @property
    def show_older(self) -> Locator:
        return self.by_test_id("refused-older")

    def open_council_settings(self) -> CouncilSettingsPage:
        self.by_test_id("council-settings-link").click()
        settings = CouncilSettingsPage(self.page)
        settings.expect_title("Council settings")
        settings.wait_until_loaded()
        return settings


class CouncilSettingsPage(Screen):
    """An admin's council settings: alert wait times, the duty rota, office hours and
    bank holidays, the missing-episode thresholds, and how long information is kept."""

    def open(self) -> None:  # type: ignore[override]
        super().open("/council-settings")
        self.expect_title("Council settings")
        self.wait_until_loaded()

    def reload(self) -> None:
        """Read the settings from the server again."""
        self.page.reload()
        self.expect_title("Council settings")
        self.wait_until_loaded()

    def minutes(self, step: str) -> Locator:
        """`step`: trio, carer or duty."""
        return self.by_test_id(f"escalation-{step}_minutes")

    def threshold(self, name: str) -> Locator:
        return self.by_test_id(f"threshold-{name}")

    def retention(self, name: str) -> Locator:
        """How long something is kept, e.g. `alert_location_hours`."""
        return self.by_test_id(f"retention-{name}")

    def error(self, test_id: str) -> Locator:
        """The message shown beside the field (or group of tick boxes) `test_id`."""
        return self.by_test_id(f"{test_id}-error")

    def office_day(self, day: str) -> Locator:
        return self.by_test_id(f"office-days-{day}")

    @property
    def office_days_error(self) -> Locator:
        return self.by_test_id("office-days-error")

    @property
    def rota_rows(self) -> Locator:
        return self.by_test_id("rota-row")

    def rota_row(self, n: int) -> RotaRow:
        return RotaRow(self.rota_rows.nth(n))

    def add_to_rota(self) -> RotaRow:
        self.by_test_id("rota-add").click()
        return RotaRow(self.rota_rows.last)

    @property
    def on_duty_now(self) -> Locator:
        return self.by_test_id("on-duty-now")

    def save(self) -> None:
        self.by_test_id("settings-save").click()

    @property
    def saved(self) -> Locator:
        return self.by_test_id("settings-saved")

    @property
    def problem(self) -> Locator:
        return self.by_test_id("settings-error")


class RotaRow:
    def __init__(self, row: Locator) -> None:
        self.row = row

    @property
    def person(self) -> Locator:
        return self.row.get_by_test_id("rota-person")

    @property
    def chosen_person(self) -> Locator:
        return self.person.locator("option:checked")

    @property
    def cover(self) -> Locator:
        return self.row.get_by_test_id("rota-cover")

    @property
    def phone(self) -> Locator:
        return self.row.get_by_test_id("rota-phone")

    def day(self, day: str) -> Locator:
        return self.row.get_by_test_id(f"rota-days-{day}")

    @property
    def days_error(self) -> Locator:
        return self.row.get_by_test_id("rota-days-error")

    @property
    def starts(self) -> Locator:
        return self.row.get_by_test_id("rota-starts")

    @property
    def ends(self) -> Locator:
        return self.row.get_by_test_id("rota-ends")

    @property
    def ends_error(self) -> Locator:
        return self.row.get_by_test_id("rota-ends-error")

    def choose(self, person: str, cover: str) -> None:
        self.person.select_option(label=person)
        self.cover.select_option(cover)
