"""Write the PWA's return-interview word tables from backend/interviews/vocabulary.py.

    .venv/bin/python scripts/rhi_words.py          # writes the two modules
    .venv/bin/python scripts/rhi_words.py --check  # exits 1 when they are out of date

- pwa/js/screens/rhi-plain.js: for each list a young person (or carer) sees, code ->
  catalogue key (`interviews.<list>.<code>.plain`), named in full so the catalogue
  tests can find every key. The words are in pwa/i18n/<language>.json.
- pwa/js/screens/rhi-terms.js: the guidance's own English for the professional form
  (seed 003 Appendix 8 and seed 002), code -> words, for the social worker's screen.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from backend.interviews import vocabulary as v

ROOT = Path(__file__).resolve().parents[1]
PLAIN = ROOT / "pwa" / "js" / "screens" / "rhi-plain.js"
TERMS = ROOT / "pwa" / "js" / "screens" / "rhi-terms.js"

PLAIN_LISTS = {
    "INTERVIEWER": "interviewer",
    "DECLINE_REASON": "decline_reason",
    "WHERE_WENT": "where_went",
    "WHO_WITH": "who_with",
    "HOW_TRAVELLED": "how_travelled",
    "WHAT_WOULD_HELP": "what_would_help",
    "FOLLOW_UP_SUPPORT": "follow_up_support",
    "AUDIENCE": "audience",
    "SHAREABLE_PART": "shareable_part",
    "SHARING_NOTICE": "sharing_notice",
    "NAME": "name",
}
TERM_LISTS = {
    "QUESTION": "question",
    "PUSH_FACTOR": "push_factor",
    "PULL_FACTOR": "pull_factor",
    "HIGH_RISK_CATEGORY": "high_risk_category",
    "REPEAT_RISK": "repeat_risk",
    "WHERE_WENT": "where_went",
    "WHO_WITH": "who_with",
    "HOW_TRAVELLED": "how_travelled",
    "WHAT_WOULD_HELP": "what_would_help",
    "FOLLOW_UP_SUPPORT": "follow_up_support",
    "REFERRAL": "referral",
    "DECLINE_REASON": "decline_reason",
    "NOT_HELD_REASON": "not_held_reason",
    "PARENTAL_CONSENT": "parental_consent",
    "INTERVIEWER": "interviewer",
    "EPISODE_FIELD": "episode_field",
    "ASSESSMENT_FIELD": "assessment_field",
    "SHARING_FIELD": "sharing_field",
}
# The form's other boxes (RhiForm.details): risk of going missing again has its own field.
DETAIL_LISTS = ("episode_field", "assessment_field", "sharing_field")
NOT_A_DETAIL = {"risk_of_going_missing_again"}
HEADER = "// Written by scripts/rhi_words.py from backend/interviews/vocabulary.py: do not edit.\n"


def _table(name: str, entries: dict[str, str]) -> str:
    lines = [f"export const {name} = {{"]
    lines += [f"  {code}: {json.dumps(value, ensure_ascii=False)}," for code, value in entries.items()]
    return "\n".join([*lines, "};", ""])


def plain_module() -> str:
    parts = [HEADER + "// Catalogue keys of the words young people read (pwa/i18n/<language>.json).\n"]
    for name, listed in PLAIN_LISTS.items():
        keys = {t.code: f"{v.NAMESPACE}.{listed}.{t.code}.plain" for t in v.LISTS[listed] if t.plain}
        parts.append(_table(name, keys))
    return "\n".join(parts)


def terms_module() -> str:
    parts = [HEADER + "// The guidance's words, for the professional's return interview form.\n"]
    for name, listed in TERM_LISTS.items():
        terms = [t for t in v.LISTS[listed] if t.code not in NOT_A_DETAIL]
        parts.append(_table(name, {t.code: t.text for t in terms}))
    kinds = {
        t.code: t.kind or "text"
        for listed in DETAIL_LISTS
        for t in v.LISTS[listed]
        if t.code not in NOT_A_DETAIL
    }
    parts.append(
        "// How each of those boxes is filled in: text, yes_no, date or datetime.\n"
        + _table("DETAIL_KIND", kinds)
    )
    return "\n".join(parts)


def main() -> int:
    wanted = {PLAIN: plain_module(), TERMS: terms_module()}
    if "--check" in sys.argv:
        stale = [str(path) for path, text in wanted.items() if not path.exists() or path.read_text() != text]
        if stale:
            print("out of date:", *stale)
            return 1
        return 0
    for path, text in wanted.items():
        path.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
