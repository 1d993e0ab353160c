"""Police feedback's pure rules: fixed periods, link expiry, masking, prompts, and the
year's family of tables (hand-computed)."""

from __future__ import annotations

import datetime as dt

from backend.feedback import figures, periods
from backend.feedback.masking import mask, tidy
from backend.feedback.schemas import Prompt
from backend.feedback.supervision import prompts_for


def test_fixed_periods_and_when_a_quarter_is_finished():
    assert periods.months_in("2026-Q4") == ["2026-10", "2026-11", "2026-12"]
    assert periods.months_in("last week") == []
    assert periods.quarter_of_month("2026-11") == "2026-Q4"
    # December's links run to the end of January: Q4's figures appear on 1 February.
    assert figures.ready_on("2026-Q4") == dt.datetime(2027, 2, 1, tzinfo=dt.UTC)


def test_a_link_works_to_the_end_of_the_next_month_and_keeps_no_day():
    assert periods.expires_at("2026-11") == dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    assert periods.expires_at("2026-12") == dt.datetime(2027, 2, 1, tzinfo=dt.UTC)
    assert periods.month_of(dt.datetime(2026, 11, 29, 23, 59, tzinfo=dt.UTC)) == "2026-11"


def test_phone_numbers_and_emails_are_masked_but_other_numbers_stay():
    assert mask("ring 07700 900123 or +44 (0)20 7946 0123 now") == "ring [hidden] or [hidden] now"
    assert mask("mail jade.b@example.org") == "mail [hidden]"
    assert mask("I was 14 and it was 2 am") == "I was 14 and it was 2 am"
    assert tidy("  lots \n of   space ") == "lots of space"
    assert tidy(None) == ""


def _row(month: str, **answers) -> dict:
    keys = ("respect", "listened", "explained", "safe", "helped", "searched", "restrained")
    return {"month": month, **{key: answers.get(key) for key in keys}}


def test_a_quarter_is_one_family_of_tables_suppressed_together():
    rows = [_row("2026-11", respect=5)] * 11 + [_row("2026-11", respect=1, searched="yes")] * 4
    tables = figures.family(rows)
    assert tables["respect"] == {("5", "count"): 11, ("1", "count"): 4}
    assert tables["searched"] == {("not_answered", "count"): 11, ("yes", "count"): 4}
    shown = figures.publish(tables)
    assert shown["respect"]["total"] == "15" and shown["searched"]["total"] == "15"
    # 11 beside a total of 15 would say "the rest are about 4": hidden with them.
    assert shown["respect"]["5"] == "fewer than 10" and shown["respect"]["1"] == "fewer than 10"


def test_prompts_come_from_themes_in_ten_answers_or_more():
    few = [_row("2026-11", listened=1)] * 9
    assert [p for p, _ in prompts_for(few)] == [Prompt.TOO_FEW, Prompt.TREATED_DIFFERENTLY]
    many = [_row("2026-11", listened=1, respect=5, searched="no")] * 12
    assert [p for p, _ in prompts_for(many)] == [Prompt.NOT_LISTENED, Prompt.TREATED_DIFFERENTLY]


def test_a_quarter_of_mostly_low_risk_police_reports_raises_a_prompt():
    from types import SimpleNamespace

    from backend.feedback.supervision import episode_prompts

    def fact(grade):
        return SimpleNamespace(reported_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC), police_risk_grade=grade)

    assert episode_prompts([fact("low")] * 9) == []  # too few to say anything
    raised = episode_prompts([fact("low")] * 5 + [fact("no_apparent_risk")] * 1 + [fact("high")] * 6)
    assert [prompt for prompt, _ in raised] == [Prompt.LOW_RISK_REPORTED]
    assert episode_prompts([fact("low")] * 5 + [fact("high")] * 6) == []
    assert periods.bounds("2026-Q4") == (
        dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    )


def test_a_name_in_the_csv_is_never_a_formula():
    from backend.feedback.schemas import FiguresOut

    out = FiguresOut(
        council="=HYPERLINK(1)",
        force="Police",
        period="2026-Q3",
        periods=[],
        answers="fewer than 10",
        shown=False,
        ready_on=None,
        questions=[],
        happened=[],
        quotes=[],
        trend_svg="",
    )
    assert "'=HYPERLINK(1),Police,2026-Q3,answers,,fewer than 10" in figures.as_csv(out)
