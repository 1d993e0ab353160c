"""The PWA's return-interview words come from backend/interviews/vocabulary.py: the
generated tables are up to date, and every plain word a young person reads is the
vocabulary's own English in pwa/i18n/en.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from backend.interviews import vocabulary

ROOT = Path(__file__).resolve().parents[2]


def test_the_generated_word_tables_are_up_to_date():
    done = subprocess.run(
        [sys.executable, "scripts/rhi_words.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + "run: .venv/bin/python scripts/rhi_words.py"


def test_every_plain_word_in_the_english_catalogue_is_the_vocabularys():
    english = json.loads((ROOT / "pwa" / "i18n" / "en.json").read_text())
    words = vocabulary.catalogue()
    shipped = {key: text for key, text in english.items() if key.startswith("interviews.")}
    assert shipped, "no interview words in the catalogue"
    assert {key: words.get(key) for key in shipped} == shipped
