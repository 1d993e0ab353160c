"""Every message the server can show has a translation in every shipped language."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from backend import i18n

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT]


def marked_messages() -> dict[str, str]:
    """Every N_("...") in the backend, with where it is."""
    found = {}
    method_map = [("**.py", "python")]
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "backend"), method_map, keywords={"N_": None}
    ):
        found.setdefault(message, f"backend/{filename}:{lineno}")
    return found


def test_the_extractor_finds_marked_messages():
    assert marked_messages(), "no N_() messages found: the check below would pass vacuously"


@pytest.mark.parametrize("code", SHIPPED)
def test_every_marked_message_is_translated(code):
    catalogue = i18n.catalogue(code)
    missing = {m: where for m, where in marked_messages().items() if (m, None) not in catalogue}
    assert not missing, f"{code}: translate these in backend/locale/{code}/LC_MESSAGES/messages.po: {missing}"


@pytest.mark.parametrize("code", SHIPPED)
def test_translations_keep_the_placeholders(code):
    catalogue = i18n.catalogue(code)
    wrong = {
        message: text
        for (message, _), text in catalogue.items()
        if i18n.placeholders(message) != i18n.placeholders(text)
    }
    assert not wrong, wrong


def test_a_missing_translation_reads_in_english():
    assert i18n.translate("No such message here", "ar") == "No such message here"


def test_accept_language_picks_the_first_shipped_language():
    assert i18n.from_accept_language("fr-FR, ar;q=0.8, en;q=0.5") == "ar"
    assert i18n.from_accept_language("fr, de") == "en"
    assert i18n.from_accept_language("en;q=0.2, ar-EG;q=0.9") == "ar"
    assert i18n.supported("AR_eg") == "ar" and i18n.supported("xx") == "en"


@pytest.mark.parametrize("code", SHIPPED)
def test_no_message_is_translated_twice(code):
    # Two branches adding the same message leave it twice after a merge: gettext tools
    # refuse such a file (scripts/po_dedupe.py mends it).
    from scripts.po_dedupe import dedupe

    path = i18n.LOCALE_DIR / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    assert dedupe(path.read_text())[1] == 0
