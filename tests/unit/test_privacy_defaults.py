"""High privacy by default (the ICO Children's Code, standards 7, 10 and 13): this test
reads each default as shipped and fails if one changes. Changing a default here is a
decision for the DPIA (docs/privacy/dpia.md), not a refactor."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from backend.alerts.schemas import AlertIn
from backend.plans.schemas import Audience, Sharing
from backend.web.headers import BASE, CSP
from tests.unit.pwa_source import string_literals

PWA = Path(__file__).resolve().parents[2] / "pwa"
QUICK_EXIT_SITE = "https://www.bbc.co.uk/weather"
# Absolute addresses the app may name, and why none of them is a request the app makes.
ALLOWED = {
    QUICK_EXIT_SITE: "the neutral site 'Leave quickly' goes to",
    "https://www.openstreetmap.org/": "a map link in a shared alert location, opened only if the reader taps it",
    "http://www.w3.org/2000/svg": "the SVG namespace, a name and not an address fetched",
}
TRACKERS = re.compile(
    r"sendBeacon|google-analytics|googletagmanager|gtag\(|plausible|matomo|sentry|mixpanel|"
    r"segment\.io|hotjar|facebook|fonts\.googleapis|cdn\.|unpkg|jsdelivr",
    re.I,
)


def _source(name: str) -> str:
    return (PWA / name).read_text(encoding="utf-8")


def _pwa_files() -> list[Path]:
    return [
        p for p in PWA.rglob("*") if p.suffix in {".js", ".html", ".css", ".webmanifest", ".json", ".svg"}
    ]


def test_location_is_off_until_the_young_person_turns_it_on_for_one_alert():
    assert AlertIn(idempotency_key="k" * 8).location is None
    button = _source("js/screens/alert-button.js")
    switch = button[button.index("function shareSwitch") :]
    switch = switch[: switch.index("\n}\n")]
    made = switch[switch.index('h("input"') :]
    made = made[: made.index("});")]
    assert "checked" not in made, "the share-location switch must be made off"
    assert "input.checked = true" not in switch, "nothing turns the switch on but the young person"
    assert 't("common.off")' in switch, "the switch says it is off, in words"
    # The browser is asked for a place only when the switch is on.
    assert "share.input.checked ? whereAmI() : null" in button
    assert "geolocation=(self)" in BASE["Permissions-Policy"]
    assert "camera=()" in BASE["Permissions-Policy"] and "microphone=()" in BASE["Permissions-Policy"]


def test_the_plan_shares_each_part_only_as_far_as_the_missing_protocol_needs_until_chosen():
    defaults = msgspec.to_builtins(Sharing())
    assert defaults == {
        "about_me": ["carer", "police", "trusted_contacts"],
        "photo": ["carer", "police"],
        "health": ["carer", "police"],
        "worries": ["carer"],
        "places": ["carer", "police", "trusted_contacts"],
        "trio": ["carer", "police"],
        "coming_back": ["carer"],
    }
    assert all(Audience.SCHOOL not in parts for parts in defaults.values()), (
        "nothing goes to school unless chosen"
    )


def test_leaving_quickly_clears_the_phone_only_when_the_young_person_chooses_it():
    quick = _source("js/quick-exit.js")
    assert 'localStorage.getItem(CLEARS_PHONE) === "yes"' in quick
    assert f'NEUTRAL_SITE = "{QUICK_EXIT_SITE}"' in quick


def test_no_analytics_and_no_third_party_scripts_fonts_or_requests():
    for path in _pwa_files():
        text = path.read_text(encoding="utf-8")
        assert not TRACKERS.search(text), f"{path.relative_to(PWA)}: {TRACKERS.search(text).group(0)}"


def test_the_app_names_no_other_site_but_the_quick_exit_and_a_map_link_the_reader_chooses():
    found = set()
    for path in _pwa_files():
        text = path.read_text(encoding="utf-8")
        texts = [lit.text for lit in string_literals(text)] if path.suffix == ".js" else [text]
        for piece in texts:
            found.update(re.findall(r"https?://[^\s\"'`<>)]+", piece))
    strange = {url for url in found if not any(url.startswith(allowed) for allowed in ALLOWED)}
    assert not strange, f"the PWA names other sites: {sorted(strange)}"
    assert any(url.startswith(QUICK_EXIT_SITE) for url in found)


def test_the_content_security_policy_lets_the_browser_reach_only_homeward_itself():
    directives = dict(part.split(" ", 1) for part in CSP.split("; "))
    for name, value in directives.items():
        sources = set(value.split())
        assert sources <= {"'self'", "'none'", "data:"}, f"{name} allows {sources}"
    assert directives["connect-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert BASE["Referrer-Policy"] == "no-referrer"
