"""Installable and usable with no signal: manifest, service worker, offline shell."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.checks import assert_accessible_at_320
from tests.browser.pages import CaseloadPage, PlanPage, Screen, SignInPage, YoungPersonHome, sign_in

PWA = Path(__file__).resolve().parents[2] / "pwa"


NOT_CLAIMED = "registered, not in control (worker activated)"


def wait_for_service_worker(page, seconds: float = 20) -> None:
    """Wait until the service worker controls the page; fail, saying how far it got, if
    it does not within ``seconds`` (page.evaluate itself never times out).

    A page that navigated while its worker was activating is never controlled:
    `clients.claim()` ran before that document existed (seen in CI: "worker activated",
    no controller, for the whole wait). As a person's next visit would be, the next load
    is: so the page is loaded once more, and must then be controlled."""
    state = _controlled_within(page, seconds)
    if state == NOT_CLAIMED:
        page.reload()
        state = _controlled_within(page, seconds)
    assert state == "controlled", f"the service worker did not take control in {seconds} s: {state}"


def _controlled_within(page, seconds: float) -> str:
    # evaluate, not wait_for_function: that one needs eval, which our CSP forbids. Gives
    # up early once the worker has been active for a second without taking the page.
    return page.evaluate(
        """async (ms) => {
            const deadline = Date.now() + ms;
            let activeSince = null;
            while (!navigator.serviceWorker.controller && Date.now() < deadline) {
                const registration = await navigator.serviceWorker.getRegistration();
                const active = registration && registration.active && registration.active.state === "activated";
                activeSince = active ? (activeSince ?? Date.now()) : null;
                if (activeSince !== null && Date.now() - activeSince > 1000) break;
                await new Promise((r) => setTimeout(r, 50));
            }
            if (navigator.serviceWorker.controller) return "controlled";
            const registration = await navigator.serviceWorker.getRegistration();
            if (!registration) return "not registered";
            const worker = registration.installing || registration.waiting || registration.active;
            return `registered, not in control (worker ${worker ? worker.state : "gone"})`;
        }""",
        seconds * 1000,
    )


def test_manifest_is_valid_and_its_icons_load(page):
    page.goto("/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    reply = page.request.get(href)
    assert reply.ok
    assert reply.headers["content-type"].startswith("application/manifest+json")
    manifest = reply.json()

    assert manifest["name"] == "Homeward"
    assert manifest["short_name"]
    assert manifest["start_url"] == "/#/home"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])

    purposes = {(icon.get("sizes"), icon.get("purpose", "any"), icon["type"]) for icon in manifest["icons"]}
    for size in ("192x192", "512x512"):
        assert (size, "any", "image/png") in purposes
        assert (size, "maskable", "image/png") in purposes
    assert any(icon["type"] == "image/svg+xml" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        fetched = page.request.get(icon["src"])
        assert fetched.ok, icon["src"]
        assert fetched.headers["content-type"].startswith(icon["type"]), icon["src"]
        if icon["type"] == "image/png":
            body = fetched.body()
            assert body[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = int.from_bytes(body[16:20], "big"), int.from_bytes(body[20:24], "big")
            assert f"{width}x{height}" == icon["sizes"], icon["src"]


def test_service_worker_is_registered_and_controls_the_page(page):
    page.goto("/#/signin")
    wait_for_service_worker(page)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == page.url.split("#")[0]
    cached = page.evaluate(
        "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => new URL(r.url).pathname))"
    )
    assert "/" in cached and "/js/app.js" in cached
    assert not [path for path in cached if path.startswith("/api/") or path == "/health"]


def cached(page) -> dict[str, list[str]]:
    """Every cache on this phone and the paths it holds."""
    return page.evaluate(
        """async () => {
            const out = {};
            for (const name of await caches.keys()) {
                const keys = await (await caches.open(name)).keys();
                out[name] = keys.map((r) => new URL(r.url).pathname);
            }
            return out;
        }"""
    )


def wait_for_kept_plan(page) -> None:
    page.evaluate(
        """async () => {
            for (let i = 0; i < 100; i++) {
                const cache = await caches.open("homeward-plans");
                if ((await cache.keys()).length) return;
                await new Promise((r) => setTimeout(r, 50));
            }
            throw new Error("no plan kept");
        }"""
    )


def test_the_shell_loads_offline_for_a_professional_without_keeping_who_they_are(signed_in):
    sam = signed_in("sam")
    wait_for_service_worker(sam)
    home = Screen(sam)
    expect(home.offline_banner).to_be_hidden()

    sam.context.set_offline(True)
    sam.reload()
    expect(home.offline_banner).to_be_visible()
    expect(home.offline_banner).to_contain_text("You're offline")
    # No identity is kept for professionals: the screen says plainly it can't load.
    expect(home.by_test_id("screen-problem")).to_contain_text("You're offline")
    expect(home.quick_exit).to_be_visible()

    sam.context.set_offline(False)
    home.by_test_id("retry").click()
    home.expect_title("Your caseload")
    expect(home.offline_banner).to_be_hidden()
    assert "homeward-identity" not in cached(sam)


def test_jades_people_and_plan_can_be_read_with_no_signal(signed_in):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()  # this visit goes through the service worker, which keeps the copy
    home = YoungPersonHome(jade)
    expect(home.people_updated).to_have_text(re.compile(r"^Last updated Today at \d{1,2}:\d\d [ap]m\.$"))
    first = home.by_test_id("call-person").first
    name = first.get_attribute("data-name")
    tel = first.get_by_test_id("call-link").get_attribute("href")
    assert re.fullmatch(r"tel:\+44207946\d{4}", tel), tel
    home.open_plan()
    plan = PlanPage(jade)
    plan.wait()
    place = plan.section("places", plan.agreed).get_by_test_id("place").first.locator("strong").text_content()

    jade.context.set_offline(True)
    jade.goto("/#/home")
    jade.reload()
    expect(home.greeting).to_have_text("Hi Jade")
    expect(home.offline_banner).to_be_visible()
    expect(home.quick_exit).to_be_visible()
    expect(home.people_updated).to_have_text(
        re.compile(r"^Saved on this phone\. Last updated Today at \d{1,2}:\d\d [ap]m\.$")
    )
    person = home.person(name)
    expect(person.get_by_test_id("call-link")).to_have_attribute("href", tel)
    expect(person.get_by_test_id("call-link")).to_have_text(f"Call {name}")
    expect(person.get_by_test_id("text-link")).to_have_attribute("href", tel.replace("tel:", "sms:"))
    childline = home.helpline("Childline")
    expect(childline).to_contain_text("0800 1111")
    expect(childline.get_by_test_id("call-link")).to_have_attribute("href", "tel:08001111")
    expect(childline.get_by_test_id("text-link")).to_have_count(0)
    missing_people = home.helpline("Missing People")
    expect(missing_people).to_contain_text("116 000")
    expect(missing_people.get_by_test_id("call-link")).to_have_attribute("href", "tel:116000")
    expect(missing_people.get_by_test_id("text-link")).to_have_attribute("href", "sms:116000")
    assert_accessible_at_320(jade, "young person home with call and text buttons, offline")

    home.open_plan()
    expect(plan.by_test_id("offline-copy")).to_contain_text(
        "You're offline. This is the copy kept on this phone."
    )
    expect(plan.by_test_id("last-updated")).to_have_text(re.compile(r"^Last updated Today at "))
    expect(plan.section("places")).to_contain_text(place)
    expect(plan.section("trio")).to_be_visible()
    expect(plan.quick_exit).to_be_visible()
    assert_accessible_at_320(jade, "your plan, offline")
    jade.context.set_offline(False)


def test_the_kept_plan_is_revalidated_with_its_etag(signed_in):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()
    expect(YoungPersonHome(jade).people_updated).to_be_visible()
    first = jade.evaluate(
        """async () => {
            const cache = await caches.open("homeward-plans");
            const [key] = await cache.keys();
            const kept = await cache.match(key);
            return { etag: kept.headers.get("ETag"), at: kept.headers.get("X-Homeward-Fetched-At") };
        }"""
    )
    assert first["etag"] and first["at"]
    conditional = []
    jade.context.on(
        "request",
        lambda r: (
            conditional.append(r.headers.get("if-none-match"))
            if r.url.endswith("/plan/agreed") and r.service_worker
            else None
        ),
    )
    jade.wait_for_timeout(1100)
    jade.reload()
    expect(YoungPersonHome(jade).people_updated).to_be_visible()
    again = jade.evaluate(
        """async () => {
            const cache = await caches.open("homeward-plans");
            const [key] = await cache.keys();
            const kept = await cache.match(key);
            return { etag: kept.headers.get("ETag"), at: kept.headers.get("X-Homeward-Fetched-At") };
        }"""
    )
    assert again["etag"] == first["etag"]
    assert again["at"] > first["at"]
    assert first["etag"] in conditional, conditional


def test_signing_out_deletes_what_the_phone_kept(page, server):
    sign_in(page, "jade", server)  # a session of its own: the shared one stays signed in
    wait_for_service_worker(page)
    page.reload()
    home = YoungPersonHome(page)
    expect(home.people_updated).to_be_visible()
    kept = cached(page)
    assert kept.get("homeward-identity") == ["/offline/identity"]
    assert len(kept.get("homeward-plans", [])) == 1
    identity = page.evaluate(
        "caches.open('homeward-identity').then((c) => c.match('/offline/identity')).then((r) => r.json())"
    )
    assert identity["role"] == "young_person" and identity["display_name"] == "Jade"
    assert "csrf" not in json.dumps(identity).lower()
    # Only the agreed plan is kept from /api, nothing else.
    api_paths = [p for paths in kept.values() for p in paths if p.startswith("/api/")]
    assert len(api_paths) == 1 and api_paths[0].endswith("/plan/agreed"), api_paths

    home.sign_out()
    SignInPage(page).expect_title("Sign in to Homeward")
    kept = cached(page)
    assert "homeward-identity" not in kept and "homeward-plans" not in kept, kept
    page.context.set_offline(True)
    page.goto("/#/home")
    page.reload()
    expect(home.greeting).to_have_count(0)
    page.context.set_offline(False)


def test_a_carer_reads_a_plan_kept_on_her_phone_with_no_signal(signed_in):
    priya = signed_in("priya")
    wait_for_service_worker(priya)
    priya.reload()
    CaseloadPage(priya).open_young_person("Jade")
    priya.get_by_test_id("link-plan").click()
    plan = PlanPage(priya)
    plan.wait()
    wait_for_kept_plan(priya)

    priya.context.set_offline(True)
    priya.goto("/#/home")
    priya.reload()
    home = Screen(priya)
    home.expect_title("Young people you look after")
    expect(home.by_test_id("carer-offline")).to_be_visible()
    home.by_test_id("kept-plan-link").filter(has_text="Jade's plan").click()
    plan.expect_title("Jade's plan")
    expect(plan.by_test_id("offline-copy")).to_contain_text("You're offline.")
    expect(plan.by_test_id("last-updated")).to_be_visible()
    expect(plan.section("places")).to_be_visible()
    expect(plan.quick_exit).to_be_hidden()
    priya.context.set_offline(False)


def test_sign_in_screen_opens_offline_after_one_visit(page):
    screen = SignInPage(page)
    screen.open()
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.reload()
    screen.expect_title("Sign in to Homeward")
    expect(screen.offline_banner).to_be_visible()


def test_service_worker_precaches_every_shell_file():
    source = (PWA / "sw.js").read_text()
    listed = set(re.findall(r'^\s+"(/[^"]*)",$', source, re.MULTILINE))
    on_disk = {
        "/" + str(path.relative_to(PWA))
        for path in PWA.rglob("*")
        if path.is_file() and path.suffix in {".js", ".css", ".png", ".svg", ".webmanifest", ".json"}
    }
    on_disk.discard("/sw.js")
    assert on_disk - listed == set(), "add these to SHELL in pwa/sw.js"
    assert listed - on_disk - {"/"} == set(), "these are in SHELL but not in pwa/"
    json.loads((PWA / "manifest.webmanifest").read_text())


ANDROID = (
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"
)


def phone_with_a_kept_plan(new_context, server):
    """Jade signed in on a phone of its own that has kept her plan and people."""
    phone = new_context(user_agent=ANDROID).new_page()
    sign_in(phone, "jade", server)
    wait_for_service_worker(phone)
    phone.reload()  # through the service worker, which keeps the copy
    expect(YoungPersonHome(phone).people_updated).to_be_visible()
    wait_for_kept_plan(phone)
    kept = cached(phone)
    assert kept.get("homeward-identity") and kept.get("homeward-plans"), kept
    return phone


def sign_out_the_newest_other_phone(jade) -> None:
    """From Jade's own signed-in session: sign out the phone she signed in on last."""
    jade.evaluate(
        """async () => {
            const me = await (await fetch("/api/auth/me")).json();
            const sessions = await (await fetch("/api/auth/sessions")).json();
            const [lost] = sessions.filter((s) => !s.current)
                .sort((a, b) => new Date(b.created_at) - new Date(a.created_at));
            const reply = await fetch(`/api/auth/sessions/${lost.id}`, {
                method: "DELETE", headers: { "X-CSRF-Token": me.csrf_token } });
            if (reply.status !== 204) throw new Error(`sign-out answered ${reply.status}`);
        }"""
    )


def kept_nothing_personal(page) -> None:
    kept = cached(page)
    assert "homeward-plans" not in kept and "homeward-identity" not in kept, kept


def test_a_lost_phone_signed_out_from_elsewhere_keeps_no_copy_when_reopened(signed_in, new_context, server):
    lost = phone_with_a_kept_plan(new_context, server)
    sign_out_the_newest_other_phone(signed_in("jade"))

    lost.reload()
    SignInPage(lost).expect_title("Sign in to Homeward")
    kept_nothing_personal(lost)
    lost.context.set_offline(True)
    lost.goto("/#/plan")
    lost.reload()
    expect(YoungPersonHome(lost).greeting).to_have_count(0)
    expect(lost.locator("main")).not_to_contain_text("Jade")
    lost.context.set_offline(False)


def test_the_service_worker_drops_every_copy_when_revalidation_says_signed_out(
    signed_in, new_context, server
):
    """The worker does not rely on the page: a 401 when it revalidates the plan clears
    the plan and who was signed in, even with no screen running to do it."""
    lost = phone_with_a_kept_plan(new_context, server)
    path = lost.evaluate("caches.open('homeward-plans').then((c) => c.keys()).then(([r]) => r.url)")
    sign_out_the_newest_other_phone(signed_in("jade"))

    status = lost.evaluate("(url) => fetch(url).then((r) => r.status)", path)
    assert status == 401
    kept_nothing_personal(lost)


def test_the_service_worker_drops_every_copy_when_the_server_says_nobody_is_signed_in(
    signed_in, new_context, server
):
    lost = phone_with_a_kept_plan(new_context, server)
    sign_out_the_newest_other_phone(signed_in("jade"))
    assert lost.evaluate("fetch('/api/auth/me').then((r) => r.status)") == 401
    kept_nothing_personal(lost)


def test_a_plan_no_longer_theirs_goes_but_the_rest_stays(signed_in):
    """A 404 on revalidation (not theirs any more) drops that copy only: still signed in."""
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    jade.reload()
    wait_for_kept_plan(jade)
    other = "/api/young-people/00000000-0000-4000-8000-000000000000/plan/agreed"
    assert jade.evaluate("(url) => fetch(url).then((r) => r.status)", other) == 404
    kept = cached(jade)
    assert kept.get("homeward-identity") and len(kept.get("homeward-plans", [])) == 1, kept
