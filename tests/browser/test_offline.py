"""Installable and usable with no signal: manifest, service worker, offline shell."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.pages import SignInPage, YoungPersonHome

PWA = Path(__file__).resolve().parents[2] / "pwa"


def wait_for_service_worker(page) -> None:
    # evaluate, not wait_for_function: that one needs eval, which our CSP forbids.
    page.evaluate(
        """async () => {
            await navigator.serviceWorker.ready;
            while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
        }"""
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


def test_the_shell_loads_offline_with_the_offline_banner(signed_in):
    jade = signed_in("jade")
    wait_for_service_worker(jade)
    home = YoungPersonHome(jade)
    expect(home.offline_banner).to_be_hidden()

    jade.context.set_offline(True)
    jade.reload()
    expect(home.offline_banner).to_be_visible()
    expect(home.offline_banner).to_contain_text("You're offline")
    # The API is out of reach: the screen says so plainly and keeps the way out.
    expect(home.by_test_id("screen-problem")).to_contain_text("You're offline")
    expect(home.quick_exit).to_be_visible()

    jade.context.set_offline(False)
    home.by_test_id("retry").click()
    expect(home.greeting).to_have_text("Hi Jade")
    expect(home.offline_banner).to_be_hidden()


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
        if path.is_file() and path.suffix in {".js", ".css", ".png", ".svg", ".webmanifest"}
    }
    on_disk.discard("/sw.js")
    assert on_disk - listed == set(), "add these to SHELL in pwa/sw.js"
    assert listed - on_disk - {"/"} == set(), "these are in SHELL but not in pwa/"
    json.loads((PWA / "manifest.webmanifest").read_text())
