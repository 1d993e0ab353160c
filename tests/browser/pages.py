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
