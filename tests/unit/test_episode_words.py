"""Why we suggest a risk grade reads the same as the vocabulary in English, and wholly in
Arabic for an Arabic reader."""

from __future__ import annotations

import re

import pytest

from backend.episodes import vocabulary, words
from backend.i18n import use

CASES = [
    (["mental_illness", "family_problems"], 14),
    (["family_problems", "uasc"], 16),
    ([], 12),
    ([], 17),
    ([], 9),
    (list(vocabulary.FACTOR_WEIGHTS), None),
]


@pytest.mark.parametrize(("factors", "age"), CASES)
def test_english_reasons_are_the_vocabularys_own(factors, age):
    suggestion = vocabulary.suggest_grade(factors, age=age)
    use("en")
    assert words.explain(suggestion) == list(suggestion.explain())


@pytest.mark.parametrize(("factors", "age"), CASES)
def test_arabic_reasons_leave_no_english(factors, age):
    suggestion = vocabulary.suggest_grade(factors, age=age)
    use("ar")
    try:
        lines = words.explain(suggestion)
    finally:
        use("en")
    english = [line for line in lines if re.search(r"[A-Za-z]{3,}", line.replace("FGM", ""))]
    assert not english
