"""The PWA's words: every shipped catalogue (pwa/i18n/<language>.json) has every key,
with the same placeholders and the plural forms its language needs; every key the
code uses exists; and no English is left written into the screens of young people,
trusted contacts and carers."""

from __future__ import annotations

import json
import re
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel import Locale

from backend import i18n
from tests.unit.pwa_source import HOLE, string_literals

PWA = Path(__file__).resolve().parents[2] / "pwa"
CATALOGUES = PWA / "i18n"
ENGLISH = "en"
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

# Screens only professionals use: they may stay English (their words move to the
# catalogues only where a screen is shared with a young person, contact or carer).
PROFESSIONAL_ONLY = {
    "js/screens/care-team.js",
    "js/screens/council-settings.js",
    "js/screens/home-admin.js",
    "js/screens/home-manager.js",
    "js/screens/home-social-worker.js",
    "js/screens/interview-form.js",
    "js/screens/interviewers.js",
    "js/screens/rhi-terms.js",
    "js/screens/feedback-cards.js",
    "js/screens/feedback-figures.js",
    "js/screens/feedback-quotes.js",
    "js/screens/supervision.js",
}
# Names, not words: the same in every language.
NAMES = {"Homeward", "Childline", "Missing People"}
# Literals that look like English but are not shown to anyone, by module.
NOT_SHOWN = {
    "js/i18n.js": {"English", "no catalogue for " + HOLE},  # a language's own name; an internal error
    "js/push.js": {
        "PushManager",
        "Notification",
        "no service worker",
    },  # browser API names; an internal error
    "js/quick-exit.js": {"Escape"},  # a key's name
    "js/screens/signin.js": {"Chrome OS", "Chromium OS"},  # platform names the browser reports
    # Rewords the server's English events for an adult ("you are" -> "they are"); other
    # languages get the adult's wording from the server.
    "js/screens/alert-answer.js": {"they are"},
    # The last resort if no catalogue can be read at all: a notification must show.
    "sw.js": {"Someone you support needs you. Open Homeward."},
}
STOP_WORDS = set(
    "a an and are be can for has have i in is it me my no not now of off on or our please "
    "that the their there they this to was we what when where who will with yet you your".split()
)


def catalogue(code: str) -> dict:
    return json.loads((CATALOGUES / f"{code}.json").read_text(encoding="utf-8"))


def shipped() -> list[str]:
    return sorted(path.stem for path in CATALOGUES.glob("*.json"))


def plural_forms(code: str) -> set[str]:
    return set(Locale.parse(code).plural_form.tags) | {"other"}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def sources() -> dict[str, str]:
    """Every JavaScript module of the PWA, by its path under pwa/."""
    return {str(path.relative_to(PWA)): path.read_text() for path in sorted(PWA.rglob("*.js"))}


def keys_used() -> dict[str, str]:
    """Every key the PWA names (a t("...") call, a table of keys, data-i18n in index.html)."""
    namespaces = {key.split(".")[0] for key in catalogue(ENGLISH)}
    used: dict[str, str] = {}
    for module, source in sources().items():
        for literal in string_literals(source):
            if KEY.match(literal.text) and literal.text.split(".")[0] in namespaces:
                used.setdefault(literal.text, f"pwa/{module}:{literal.line}")
    html = (PWA / "index.html").read_text()
    for key in re.findall(r'data-i18n(?:-label)?="([^"]+)"', html):
        used.setdefault(key, "pwa/index.html")
    return used


def test_the_pwa_ships_the_languages_the_server_knows():
    assert shipped() == sorted(i18n.LANGUAGES)
    declared = re.findall(r"^  (\w+): \{ name: ", (PWA / "js" / "i18n.js").read_text(), re.MULTILINE)
    assert sorted(declared) == shipped()


@pytest.mark.parametrize("code", shipped())
def test_every_catalogue_has_every_key(code):
    english, other = set(catalogue(ENGLISH)), set(catalogue(code))
    assert not english - other, f"{code}.json lacks: {sorted(english - other)}"
    assert not other - english, f"{code}.json has keys English lacks: {sorted(other - english)}"


@pytest.mark.parametrize("code", shipped())
def test_no_message_is_empty_or_padded(code):
    bad = {
        key: text
        for key, value in catalogue(code).items()
        for text in forms(value)
        if not isinstance(text, str) or not text.strip() or text != text.strip()
    }
    assert not bad, bad


@pytest.mark.parametrize("code", shipped())
def test_plural_messages_have_the_forms_their_language_needs(code):
    english = catalogue(ENGLISH)
    wrong = {}
    for key, value in catalogue(code).items():
        if isinstance(value, dict) != isinstance(english.get(key), dict):
            wrong[key] = "plural in one language and not in the other"
        elif isinstance(value, dict) and set(value) != plural_forms(code):
            wrong[key] = f"has {sorted(value)}, needs {sorted(plural_forms(code))}"
    assert not wrong, wrong


@pytest.mark.parametrize("code", shipped())
def test_translations_keep_the_placeholders(code):
    english = catalogue(ENGLISH)
    wrong = {}
    for key, value in catalogue(code).items():
        if key not in english:
            continue
        expected = set().union(*(placeholders(text) for text in forms(english[key])))
        found = [placeholders(text) for text in forms(value)]
        # A plural form may leave the number out ("one second" in Arabic has no digit).
        if set().union(*found) != expected or any(expected - {"count"} - form for form in found):
            wrong[key] = (sorted(expected), [sorted(form) for form in found])
    assert not wrong, wrong


def test_every_key_the_pwa_uses_is_in_the_catalogues():
    english = catalogue(ENGLISH)
    missing = {key: where for key, where in keys_used().items() if key not in english}
    assert not missing, f"add to pwa/i18n/*.json: {missing}"


def test_every_key_in_the_catalogues_is_used():
    unused = set(catalogue(ENGLISH)) - set(keys_used())
    assert not unused, f"no code uses these (remove them, or name the key in full): {sorted(unused)}"


def test_keys_are_written_in_full():
    """A key built from pieces (t(`plan.${x}`)) can't be checked: name every key."""
    built = {
        f"pwa/{module}:{source[: match.start()].count(chr(10)) + 1}"
        for module, source in sources().items()
        for match in re.finditer(r"\bt\(\s*`", source)
    }
    assert not built, built


SCRIPT_ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words kept as they are inside Arabic: names, and what phones and files are called.
KEPT_IN_ARABIC = {
    "Homeward", "Childline", "Missing", "People", "iPhone", "iPad", "Android", "Mac", "Windows", "Linux",
    "Chromebook", "JPEG", "PNG", "WebP", "HEIC", "KB", "PDF", "Wi-Fi", "PIN", "QR", "Plus", "Code", "Philomena", "Escape",
    "AbilityNet", "EHRC", "EASS", "axe", "AA", "JSON", "ICO",
    "SSDA", "CSV",  # SSDA903 (the DfE return)'s name and its file type
}  # fmt: skip


def latin_words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(re.sub(r"\{[a-z_]+\}", "", text)))


@pytest.mark.parametrize("code", [code for code in shipped() if code == "ar"])
def test_the_arabic_catalogue_is_written_in_arabic(code):
    """An English message copied in untranslated is caught here."""
    english = catalogue(ENGLISH)
    untranslated = {}
    for key, value in catalogue(code).items():
        needs_arabic = any(latin_words(text) - KEPT_IN_ARABIC for text in forms(english[key]))
        for text in forms(value):
            if latin_words(text) - KEPT_IN_ARABIC or (needs_arabic and not SCRIPT_ARABIC.search(text)):
                untranslated[key] = text
    assert not untranslated, untranslated


# -- no English left in the screens ----------------------------------------------------


def looks_like_english(text: str) -> bool:
    """True for words a person would read: a capitalised word, a sentence, or a phrase
    with an everyday English word in it. Class names, paths, keys and codes are not."""
    if re.fullmatch(r"[A-Z][A-Za-z]*(-[A-Z][A-Za-z]*)+", text):  # a header's name
        return False
    bare = text.replace(HOLE, "")
    for name in NAMES:
        bare = bare.replace(name, "")
    stripped = bare.strip()
    if not stripped or KEY.match(stripped) or stripped[0] in "/#[^.:":
        return False
    if re.search(r"\b[A-Z][a-z]+", stripped):
        return True
    words = [token for token in stripped.split() if re.fullmatch(r"[A-Za-z']+[.,?!:]?", token)]
    if words and text[:1] + text[-1:] != text.strip()[:1] + text.strip()[-1:]:
        return True  # a piece of a sentence, joined to the words around it (" signed ")
    if len(words) >= 2 and any(word.strip(".,?!:").lower() in STOP_WORDS for word in words):
        return True
    return bool(re.search(r"[a-z]{2,}[.?!]$", stripped) and " " in stripped)


def english_left(module: str, source: str) -> list[str]:
    allowed = NOT_SHOWN.get(module, set())
    return [
        f"pwa/{module}:{literal.line}: {literal.text!r}"
        for literal in string_literals(source)
        if looks_like_english(literal.text) and literal.text not in allowed
    ]


def test_the_scanner_finds_english_and_passes_code():
    source = """
        // A comment with English words in it is fine.
        const shown = h("p", { class: "notice notice-warning", testid: "x", text: "Nobody has looked yet." });
        const button = h("button", { type: "button" }, "Undo");
        const who = `${name} has got this`;
        const fine = t("home.alert_button", { name });
        const regex = /^(Today|Yesterday) at/;
        const header = { "Content-Type": "application/json", "X-CSRF-Token": token };
        const words = [t("a.b"), "your carer", ` signed ${when}`];
    """
    assert [line.split(": ", 1)[1] for line in english_left("js/example.js", source)] == [
        "'Nobody has looked yet.'",
        "'Undo'",
        "'{…} has got this'",
        "'your carer'",
        "' signed {…}'",
    ]


def test_no_english_is_written_into_the_screens_of_young_people_contacts_and_carers():
    left = [
        found
        for module, source in sources().items()
        if module not in PROFESSIONAL_ONLY
        for found in english_left(module, source)
    ]
    assert not left, "put these in pwa/i18n/*.json and use t():\n" + "\n".join(left)


class _Words(HTMLParser):
    """Text in index.html that a person would read, and whether it is marked data-i18n."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.unmarked: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in {"meta", "link", "br", "img", "input"}:
            self.open.append((tag, "data-i18n" in dict(attrs)))

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data):
        text = data.strip()
        tags = [tag for tag, _ in self.open]
        # No script, no words to translate with: <noscript> stays in English.
        if not text or text in NAMES or {"head", "noscript", "script", "style"} & set(tags):
            return
        if not (self.open and self.open[-1][1]):
            self.unmarked.append(text)


def test_every_word_in_the_page_itself_is_translated():
    parser = _Words()
    parser.feed((PWA / "index.html").read_text())
    assert not parser.unmarked, parser.unmarked
