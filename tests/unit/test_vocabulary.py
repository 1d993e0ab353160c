"""The episode and return-interview vocabularies: stable codes, the seeds' own words, the
suggested-grade rule and the time limits.

The checks against the seed files themselves run where the guidance is on disk (the
`shared/seeds` folder beside or above the checkout, or HOMEWARD_SEEDS_DIR) and are
skipped, saying so, where it is not.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest

from backend.episodes import vocabulary as ep
from backend.errors import Invalid
from backend.interviews import vocabulary as rhi
from backend.plans.content import AUDIENCES as PLAN_AUDIENCES

SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
ALL_LISTS = {f"episodes.{name}": terms for name, terms in ep.LISTS.items()} | {
    f"interviews.{name}": terms for name, terms in rhi.LISTS.items()
}
ALL_TERMS = [(name, term) for name, terms in ALL_LISTS.items() for term in terms]
HIGH = [code for code, weight in ep.FACTOR_WEIGHTS.items() if weight.grade == "high"]
MEDIUM = [code for code, weight in ep.FACTOR_WEIGHTS.items() if weight.grade == "medium"]


def _find_docs() -> Path | None:
    if os.environ.get("HOMEWARD_SEEDS_DIR"):
        return Path(os.environ["HOMEWARD_SEEDS_DIR"]).parent
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "seeds" / "README.md").is_file():
            return folder / "shared"
    return None


DOCS = _find_docs()
needs_seeds = pytest.mark.skipif(DOCS is None, reason="the seed documents are not on this machine")


def _letters(text: str) -> str:
    """Only letters and digits: spacing, quotes, bullets and trailing colons differ between
    the seed's table cells and our strings; the words must not."""
    return re.sub(r"[\W_]+", "", text)


def _document(seed: str) -> str:
    assert DOCS is not None
    if seed in ep.PRODUCT_DOCS:
        return (DOCS / f"{seed}.md").read_text()
    (path,) = (DOCS / "seeds").glob(f"{seed}_*.txt")
    return path.read_text()


def _seed_rows(seed: str, start: str, end: str, skip: tuple[str, ...] = ()) -> list[str]:
    """The non-blank lines of a seed table between two lines (both left out)."""
    lines = [line.strip() for line in _document(seed).splitlines()]
    first = lines.index(start) + 1
    last = next(i for i in range(first, len(lines)) if lines[i] == end)
    return [line for line in lines[first:last] if line and line not in skip]


# --- codes ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_LISTS))
def test_codes_are_snake_case_and_unique_in_each_list(name):
    codes = [term.code for term in ALL_LISTS[name]]
    assert codes, "an empty list"
    assert [code for code in codes if not SNAKE.match(code)] == []
    assert len(codes) == len(set(codes))


def test_catalogue_keys_are_unique_across_both_areas_and_carry_every_term():
    episodes, interviews = ep.catalogue(), rhi.catalogue()
    assert not set(episodes) & set(interviews)
    plain = sum(1 for _, term in ALL_TERMS if term.plain)
    assert len(episodes) + len(interviews) == len(ALL_TERMS) + plain
    assert episodes["episodes.risk_factor.suspected_abduction"] == "Suspicion of abduction"
    assert interviews["interviews.name.return_home_interview.plain"] == "a chat about what happened"


def test_due_action_codes_are_unique_snake_case_and_name_known_triggers():
    codes = [action.code for action in ep.DUE_ACTIONS]
    assert len(codes) == len(set(codes))
    triggers = set(ep.codes(ep.TRIGGERS))
    for action in ep.DUE_ACTIONS:
        assert SNAKE.match(action.code)
        assert action.triggers and set(action.triggers) <= triggers, action.code
        assert action.owner in {"social_worker", "carer"}


def test_due_actions_cover_what_the_brief_names():
    assert {
        "strategy_meeting",
        "inform_senior_manager",
        "further_strategy_meeting",
        "plan_review",
        "rhi_offer",
        "rhi_held",
    } <= set(ep.codes(ep.DUE_ACTIONS))


def test_interview_audiences_use_the_plan_codes_plus_the_social_worker():
    assert set(ep.codes(rhi.AUDIENCES)) == {"police", "school", "carer", "social_worker"}
    assert set(ep.codes(rhi.AUDIENCES)) - {"social_worker"} <= set(PLAN_AUDIENCES)


# --- sources --------------------------------------------------------------------------

SOURCED = {
    **{f"{name}.{term.code}": term for name, term in ALL_TERMS},
    **{f"due_action.{action.code}": action for action in ep.DUE_ACTIONS},
    **{f"threshold.{threshold.code}": threshold for threshold in ep.THRESHOLDS},
    **{f"weight.{code}": weight for code, weight in ep.FACTOR_WEIGHTS.items()},
}


def test_every_item_names_its_source():
    unsourced = [
        key
        for key, item in SOURCED.items()
        if item.source.seed not in ep.SEEDS + ep.PRODUCT_DOCS or not item.source.heading.strip()
    ]
    assert unsourced == []


def test_words_that_are_ours_say_why():
    assert [
        f"{name}.{term.code}" for name, term in ALL_TERMS if not term.verbatim and not term.note.strip()
    ] == []


@needs_seeds
@pytest.mark.parametrize("name", sorted(ALL_LISTS))
def test_seed_words_are_the_seeds_own(name):
    not_found = [
        term.code
        for term in ALL_LISTS[name]
        if term.verbatim
        and _letters(term.seed_text or term.text) not in _letters(_document(term.source.seed))
    ]
    assert not_found == []


@needs_seeds
def test_quoted_headings_and_paragraphs_are_in_the_source():
    def found(source: ep.Source) -> bool:
        document = _letters(_document(source.seed))
        return _letters(source.heading) in document and _letters(source.para) in document

    assert [key for key, item in SOURCED.items() if not found(item.source)] == []


@needs_seeds
def test_due_action_words_and_owners_are_quoted_from_the_seeds():
    everything = "".join(_letters(_document(seed)) for seed in ep.SEEDS)
    misquoted = [
        action.code
        for action in ep.DUE_ACTIONS
        if _letters(action.text) not in _letters(_document(action.source.seed))
        or _letters(action.owner_in_seed) not in everything
    ]
    assert misquoted == []


@needs_seeds
def test_threshold_words_are_quoted_from_their_seed():
    misquoted = [
        threshold.code
        for threshold in ep.THRESHOLDS
        if _letters(threshold.text) not in _letters(_document(threshold.source.seed))
    ]
    assert misquoted == []


# --- nothing left out of the seed's lists -------------------------------------------------


@needs_seeds
def test_risk_factors_are_every_row_of_the_toolkit_risk_assessment_in_order():
    rows = _seed_rows(
        "003",
        "Address from which missing",
        "Missing Analysis Tool",
        skip=("Factor", "UASC", "Y/N", "Details and Explanation"),
    )
    ours = [term.seed_text or term.text for term in ep.RISK_FACTORS if term.code != "uasc"]
    assert [_letters(row) for row in rows] == [_letters(text) for text in ours]


@needs_seeds
def test_push_factors_are_every_row_of_appendix_8_in_order():
    rows = _seed_rows("003", "Push Factors of going missing", "Analysis of Information:", skip=("Tick",))
    assert [_letters(row) for row in rows] == [_letters(term.text) for term in rhi.PUSH_FACTORS]


@needs_seeds
def test_pull_factors_are_every_row_of_appendix_8_in_order():
    rows = _seed_rows("003", "Pull Factors of going missing", "Analysis of Information:")
    assert [_letters(row) for row in rows] == [_letters(term.text) for term in rhi.PULL_FACTORS]


@needs_seeds
def test_high_risk_categories_are_every_row_of_appendix_8_in_order():
    rows = _seed_rows(
        "003",
        "High Risk Categories",
        "What is your assessment of identified areas of support:",
        skip=("Y/N", "For missing periods of over 24 hours inform the Deputy Director"),
    )
    assert [_letters(row) for row in rows] == [_letters(term.text) for term in rhi.HIGH_RISK_CATEGORIES]


def test_form_lists_have_the_seeds_number_of_rows():
    # Counted by hand in seed 003, so this holds where the seed files are absent too.
    assert (len(ep.AGE_FACTORS), len(ep.FACTORS)) == (4, 23)
    assert (len(rhi.PUSH_FACTORS), len(rhi.PULL_FACTORS), len(rhi.HIGH_RISK_CATEGORIES)) == (21, 11, 10)
    assert len(rhi.DISCUSSION_QUESTIONS) == 13
    assert ep.codes(rhi.REPEAT_RISK) == ("high", "medium", "low")


def test_every_risk_factor_has_exactly_one_weight():
    assert set(ep.FACTOR_WEIGHTS) == set(ep.codes(ep.RISK_FACTORS))
    for weight in ep.FACTOR_WEIGHTS.values():
        assert weight.grade in {"high", "medium", None}
        assert weight.why.strip()


def test_police_grades_are_the_four_police_categories_in_order():
    assert ep.GRADE_ORDER == ("no_apparent_risk", "low", "medium", "high")
    assert ep.codes(ep.GRADE_DEFINITIONS) == ep.GRADE_ORDER


# --- the suggested grade --------------------------------------------------------------------


@pytest.mark.parametrize("age", [16, 17, 18, 21])
def test_nothing_ticked_at_16_or_over_suggests_low(age):
    suggestion = ep.suggest_grade([], age=age)
    assert (suggestion.grade, suggestion.rule, suggestion.factors) == ("low", "nothing_ticked", ())


@pytest.mark.parametrize("age", [11, 14, 15, None])
def test_nothing_ticked_under_16_or_of_unknown_age_suggests_medium(age):
    suggestion = ep.suggest_grade([], age=age)
    assert (suggestion.grade, suggestion.rule) == ("medium", "under_16")
    assert "under 16" in suggestion.explain()[0]


@pytest.mark.parametrize("age", [4, 10])
def test_a_child_of_10_or_under_is_suggested_high_with_the_age_row_as_the_reason(age):
    suggestion = ep.suggest_grade([], age=age)
    assert (suggestion.grade, suggestion.factors) == ("high", ("age_10_or_under",))


@pytest.mark.parametrize("factor", HIGH)
def test_a_single_high_risk_factor_suggests_high_and_says_why(factor):
    suggestion = ep.suggest_grade([factor], age=17)
    assert (suggestion.grade, suggestion.rule) == ("high", "high_factor")
    assert factor in suggestion.factors
    text = {term.code: term.text for term in ep.RISK_FACTORS}[factor]
    assert any(
        line.startswith(text) and ep.FACTOR_WEIGHTS[factor].why in line for line in suggestion.explain()
    )


@pytest.mark.parametrize("factor", MEDIUM)
def test_a_single_other_factor_suggests_medium_even_at_17(factor):
    suggestion = ep.suggest_grade([factor], age=17)
    assert (suggestion.grade, suggestion.rule, suggestion.factors) == ("medium", "medium_factor", (factor,))


def test_the_factors_that_push_to_high_are_the_ones_docs_seeds_md_lists():
    assert set(HIGH) == {
        "age_10_or_under",
        "needs_essential_medication",
        "missing_over_24_hours",
        "missing_3_times_in_90_days",
        "associates_with_people_posing_risk",
        "mental_illness",
        "drugs_alcohol_dependency",
        "suspected_abduction",
        "suspected_suicide_or_self_harm",
        "state_of_mind_concerns",
        "inclement_weather",
        "criminal_activity_while_absent",
        "ongoing_victim_of_bullying_or_exploitation",
        "previously_harmed_while_missing",
        "forced_marriage_fgm_trafficking",
        "associates_with_gangs",
    }


def test_high_wins_over_medium_and_only_the_deciding_factors_are_named_in_form_order():
    suggestion = ep.suggest_grade(["associates_with_gangs", "family_problems", "suspected_abduction"], age=16)
    assert suggestion.grade == "high"
    assert suggestion.factors == ("suspected_abduction", "associates_with_gangs")
    assert "Family/relationship problems" not in " ".join(suggestion.explain())


@pytest.mark.parametrize("age", [None, 5, 12, 15, 16, 17])
def test_no_apparent_risk_is_never_suggested(age):
    for factor in [None, *ep.FACTOR_WEIGHTS]:
        assert ep.suggest_grade([factor] if factor else [], age=age).grade != "no_apparent_risk"


def test_every_explanation_ends_by_saying_the_police_decide_and_both_grades_are_kept():
    for suggestion in (ep.suggest_grade([], age=17), ep.suggest_grade(["inclement_weather"], age=None)):
        assert suggestion.explain()[-2:] == (ep.SUGGESTION_ONLY.text, ep.POLICE_DECIDE.text)


def test_an_unknown_factor_is_refused_not_ignored():
    with pytest.raises(Invalid) as refused:
        ep.suggest_grade(["suspected_abduction", "bad_vibes"], age=15)
    assert refused.value.errors == {"risk_factors": "Unknown risk factor 'bad_vibes'."}


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "age_10_or_under"),
        (10, "age_10_or_under"),
        (11, "age_11_to_14"),
        (14, "age_11_to_14"),
        (15, "age_15_up_to_18"),
        (17, "age_15_up_to_18"),
    ],
)
def test_age_band_edges_follow_the_risk_assessment_rows(age, band):
    assert ep.age_band(age) == band


# --- thresholds -------------------------------------------------------------------------------


def test_thresholds_are_the_seeds_numbers():
    assert ep.STRATEGY_MEETING_MISSING_OVER == timedelta(hours=24)  # 003 9.3
    assert ep.SENIOR_LEADERSHIP_ALERT_AFTER == timedelta(hours=24)  # 001
    assert ep.INFORM_SENIOR_MANAGER_AFTER == timedelta(hours=48)  # 003 6.6.1
    assert ep.FURTHER_STRATEGY_MEETING_AFTER == timedelta(days=7)  # 003 6.6.2, 5.6.5
    assert (ep.REPEAT_EPISODES, ep.REPEAT_WINDOW) == (3, timedelta(days=90))  # 003 6.6.3, 9.3
    assert ep.STRATEGY_MEETING_WITHIN_WORKING_DAYS == 3  # 001
    assert ep.RHI_OFFER_WITHIN == timedelta(hours=24)  # 001
    assert ep.RHI_HELD_WITHIN == timedelta(hours=72)  # 003 7.9, 002
    assert (
        ep.FIFTEEN_MINUTE_RULE_FIRST == ep.FIFTEEN_MINUTE_RULE_FURTHER == timedelta(minutes=15)
    )  # 003 App. 7
    assert ep.HIGH_RISK_REVIEW_EVERY == timedelta(weeks=6)  # 003 App. 4
    assert rhi.PARENTAL_CONSENT_UNDER_AGE == ep.UNDER_16_FLOOR_AGE == 16


def _numbers(value: timedelta | int) -> set[int]:
    """The value as a whole number of weeks, days, hours or minutes, whichever it is."""
    if isinstance(value, int):
        return {value}
    units = (timedelta(weeks=1), timedelta(days=1), timedelta(hours=1), timedelta(minutes=1))
    return {value // unit for unit in units if value % unit == timedelta(0)}


@pytest.mark.parametrize("threshold", ep.THRESHOLDS, ids=lambda threshold: threshold.code)
def test_each_threshold_quotes_the_number_it_holds(threshold):
    spelled = {3: "Three"}
    assert any(
        re.search(rf"(?<!\d){number}(?!\d)", threshold.text) or spelled.get(number, "\0") in threshold.text
        for number in _numbers(threshold.value)
    ), threshold.text


def test_each_named_constant_is_in_the_threshold_list_with_its_value():
    listed = {threshold.code: threshold.value for threshold in ep.THRESHOLDS}
    for code, value in listed.items():
        assert getattr(ep, code.upper()) == value


def test_due_action_deadlines_match_the_thresholds():
    deadline = {action.code: action.deadline for action in ep.DUE_ACTIONS}
    assert deadline["rhi_offer"] == ep.Deadline(ep.RHI_OFFER_WITHIN // timedelta(hours=1), "hours")
    assert deadline["rhi_held"] == ep.Deadline(ep.RHI_HELD_WITHIN // timedelta(hours=1), "hours")
    assert deadline["strategy_meeting"] == ep.Deadline(
        ep.STRATEGY_MEETING_WITHIN_WORKING_DAYS, "working_days"
    )
    assert deadline["inform_senior_manager"] == ep.Deadline(0, "hours")
    assert deadline["plan_review"] is None


# --- parental consent -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "age", "applies"),
    [
        ("missing_from_home", 15, True),
        ("missing_from_home", None, True),
        ("missing_from_home", 16, False),
        ("missing_from_care", 12, False),
        ("away_from_placement_without_authorisation", 12, False),
    ],
)
def test_parental_consent_is_asked_for_a_child_missing_from_home_under_16(context, age, applies):
    assert rhi.parental_consent_applies(context, age) is applies


# --- plain words --------------------------------------------------------------------------------

YOUNG_PERSON_LISTS = [
    rhi.NAMES,
    rhi.OFFER_OUTCOMES,
    rhi.INTERVIEWERS,
    rhi.DECLINE_REASONS,
    rhi.PARENTAL_CONSENT,
    rhi.DISCUSSION_QUESTIONS,
    rhi.WHERE_WENT,
    rhi.WHO_WITH,
    rhi.HOW_TRAVELLED,
    rhi.WHAT_WOULD_HELP,
    rhi.FOLLOW_UP_SUPPORT,
    rhi.AUDIENCES,
    rhi.SHAREABLE_PARTS,
    rhi.SHARING_NOTICES,
    ep.HOW_FOUND,
]
# Professional-only, like the risk assessment (JOURNEYS.md).
STAFF_ONLY_LISTS = [
    ep.RISK_FACTORS,
    ep.GRADES,
    rhi.PUSH_FACTORS,
    rhi.PULL_FACTORS,
    rhi.HIGH_RISK_CATEGORIES,
    rhi.REPEAT_RISK,
    rhi.REFERRALS,
    rhi.NOT_HELD_REASONS,
    ep.DUE_ACTIONS,
]
PLAIN = [(term.code, term.plain) for terms in YOUNG_PERSON_LISTS for term in terms]
# JOURNEYS.md "Words on young-person screens": the words on the left are never used.
JARGON = re.compile(
    r"\bRHI\b|return home interview|return interview|missing|trusted trio|information.sharing|"
    r"risk assessment|safeguarding|philomena|\bCAMHS\b|\bPPN\b|\bYP\b",
    re.IGNORECASE,
)


def test_every_term_a_young_person_sees_has_plain_words():
    assert all(plain for _, plain in PLAIN), [code for code, plain in PLAIN if not plain]


def test_staff_only_terms_have_no_young_person_words():
    assert not [term.code for terms in STAFF_ONLY_LISTS for term in terms if getattr(term, "plain", "")]


def test_plain_words_avoid_jargon_and_long_sentences_and_words():
    def hard(plain: str) -> bool:
        sentences = [sentence.split() for sentence in re.split(r"[.?!]\s*", plain)]
        return bool(JARGON.search(plain)) or any(
            len(words) > 16 or any(len(word.strip(",'")) > 12 for word in words) for words in sentences
        )

    assert [plain for _, plain in PLAIN if hard(plain)] == []
