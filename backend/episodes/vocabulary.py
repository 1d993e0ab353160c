"""The words of a missing episode, taken from the source guidance (`../shared/seeds/`).

Pure data: no database, no HTTP. Every code is a stable snake_case identifier that may be
stored and used as a message-catalogue key (`catalogue()`); every term carries the
guidance's own English and where it came from, so a reviewer can check it against the
seed. Where we had to choose (a label the seeds do not give, a time limit they disagree
on, the suggested-grade rule) the term says so in `note`, and `docs/seeds.md` explains.

Seeds: 000 practice recommendations, 001 one-page practice guidance, 002 partnership
checklists, 003 Portsmouth risk assessment toolkit, 004 Early Help missing guidance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import KW_ONLY, dataclass
from datetime import timedelta
from typing import Literal

from backend.errors import Invalid

SEEDS = ("000", "001", "002", "003", "004")
# PRODUCT.md and JOURNEYS.md are the product's own words; a term may cite them when the
# seeds have no word for what the product needs.
PRODUCT_DOCS = ("PRODUCT", "JOURNEYS")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a term came from: the seed (or product document), the heading it sits under
    exactly as the document spells it, and a paragraph number where the seed has one."""

    seed: str
    heading: str
    para: str = ""

    def at(self, para: str) -> Source:
        """The same heading, a given paragraph."""
        return Source(self.seed, self.heading, para)

    def cite(self) -> str:
        where = f"{self.heading} {self.para}".strip()
        return f"{self.seed}: {where}"


@dataclass(frozen=True, slots=True)
class Term:
    """One entry in a vocabulary list.

    `text` is the guidance's English. When we tidied it (a typo, a trailing colon) the
    seed's own words are kept in `seed_text`; when the words are ours, `verbatim` is
    False and `note` says why. `plain` is the young-person wording (reading age about
    10) and is set only where a young person will see the term.
    """

    code: str
    text: str
    source: Source
    _: KW_ONLY
    plain: str = ""
    seed_text: str = ""
    verbatim: bool = True
    note: str = ""
    kind: str = ""  # for form fields: text, datetime, date, yes_no, choice, ticks, number


# --- sources used again and again -----------------------------------------------------

RA = Source("003", "Portsmouth Missing Child Risk Assessment")
ANALYSIS = Source("003", "Missing Analysis Tool")
RECORDING = Source("003", "6.4 Recording a missing period", "6.4.1")
CONSIDER = Source("003", "6.2 When a looked after child goes missing", "6.2.2")
REPORTING = Source("003", "6.3 Reporting a child as missing")
ESCALATING = Source("003", "9 Response to escalating concerns", "9.3")
CONTINUED_CARE = Source("003", "6.6 Review of continued missing period")
CONTINUED_HOME = Source("003", "5.6 Review of continued absence")
RETURN_INTERVIEWS = Source("003", "7 Return interviews: safety, assessment and information gathering")
THRESHOLDS_APX = Source("003", "Appendix 4: THRESHOLDS AND APPROPRIATE INTERVENTIONS")
INTERVENTIONS = Source("003", "Appendix 5: Intervention Strategies")
PLAN_EXAMPLE = Source("003", "Appendix 7: Example of a Missing related protection and disruption plan")
RETURN_FORM = Source("003", "Appendix 8: Missing return interview/assessment")
DEFINITIONS_APX = Source("003", "Appendix 1 - Definitions")
FROM_HOME_CHART = Source("003", "Appendix 2 - Missing from home procedure flow chart")
FROM_CARE_CHART = Source("003", "Appendix 3 - Missing from care Procedure Flowchart")
PARENTS = Source("003", "5.2 Responsibility of parents/carers", "5.2.1")
PLACEMENT = Source("003", "6.1 Pre-placement and admission to the placement")
POLICE_ROLE = Source("003", "5.3 Role of the Police")
RETURN_HOME = Source("003", "5.7 Return of the child")
RETURN_CARE = Source("003", "6.7 Return of the child")
ROLES = Source("003", "6.5 Roles and responsibilities", "6.5.3")
FLOW = Source("001", "Children Missing from Home and Care Practice Guidance")
EARLY_HELP = Source("004", "EARLY HELP SERVICES: MISSING PRACTICE GUIDANCE")
EH_REPORTING = Source("004", "Reporting and Responding to Missing:")
EH_SOCIAL_CARE = Source("004", "Children's Social Care Response to Missing:")
BEFORE = Source("000", "Before a young person is reported missing")
DURING = Source("000", "When a young person is reported missing")
PRODUCT_WORDS = Source("PRODUCT", "Words")

# --- risk assessment (seed 003, "Portsmouth Missing Child Risk Assessment") ----------
# The form has two tables: an age row (with a UASC Y/N column), then the factors, each
# with "Details and Explanation". We keep the seed's grouping and order.

RISK_FACTOR_GROUPS: dict[str, str] = {
    "age": "Factor (age, with UASC Y/N)",
    "factors": "Factor (Details and Explanation)",
}

AGE_FACTORS = (
    Term("age_10_or_under", "10 years old or under", RA),
    Term("age_11_to_14", "11 to 14 years of age", RA),
    Term("age_15_up_to_18", "15 up to 18 years of age", RA),
    Term(
        "uasc",
        "Unaccompanied asylum seeking child (UASC)",
        RA,
        seed_text="UASC",
        note="The form has a UASC Y/N column beside the age rows; the full words are the "
        "toolkit's own (introduction: 'unaccompanied asylum seeking children').",
    ),
)

FACTORS = (
    Term("has_child_protection_plan", "Has a Child Protection Plan", RA),
    Term(
        "needs_essential_medication",
        "Needs essential medication or treatment not readily available to them e.g. asthma inhaler, insulin",
        RA,
    ),
    Term(
        "may_not_interact_safely",
        "May not have the physical ability to interact safely with others or in an unknown environment, "
        "e.g. visually impaired, history of abuse or inappropriate adult/stranger relationships, "
        "Downs Syndrome etc.",
        RA,
    ),
    Term(
        "lacks_risk_awareness",
        "Lacks reasonable awareness of the risks associated with running away, incl. learning disabled",
        RA,
    ),
    Term("missing_over_24_hours", "Been missing for over 24 hours", RA),
    Term("missing_3_times_in_90_days", "3 times in 90 days missing occasion", RA),
    Term(
        "associates_with_people_posing_risk",
        "Known to associate with adults or children who present a risk of harm e.g. Sexual Offenders, "
        "Offenders against children",
        RA,
    ),
    Term(
        "mental_illness",
        "Mental illness or psychological disorder that may increase risk of harm to themselves or others",
        RA,
    ),
    Term("drugs_alcohol_dependency", "Drugs and/or alcohol dependency", RA),
    Term("suspected_abduction", "Suspicion of abduction", RA),
    Term("suspected_suicide_or_self_harm", "Suspected suicide or self-harm", RA),
    Term(
        "violent_or_racial_incident_before",
        "Involved in violent and/or racial incident or confrontation immediately prior to disappearance",
        RA,
    ),
    Term(
        "state_of_mind_concerns",
        "Concerns about state of mind e.g. unusual behaviour prior to disappearance or disappeared with "
        "no prior indication, or seemed troubled etc.",
        RA,
    ),
    Term(
        "inclement_weather",
        "Inclement weather conditions where exposure would seriously increase risk to health",
        RA,
    ),
    Term("family_problems", "Family/relationship problems or recent history of family conflict/abuse", RA),
    Term("employment_problems", "Employment problems", RA),
    Term("financial_problems", "Financial problems", RA),
    Term(
        "criminal_activity_while_absent",
        "Engaged (or is believed to have engaged in) criminal activities during their absence",
        RA,
    ),
    Term("school_or_college_problems", "School or college problems", RA),
    Term(
        "ongoing_victim_of_bullying_or_exploitation",
        "On-going victim of bullying, harassment, or exploitation e.g. racial, sexual etc.",
        RA,
    ),
    Term(
        "previously_harmed_while_missing",
        "Previously disappeared and suffered or was exposed to harm whilst missing",
        RA,
    ),
    Term(
        "forced_marriage_fgm_trafficking",
        "Victim or potential victim, of forced marriage, FGM or trafficking, incl. for sexual exploitation",
        RA,
    ),
    Term("associates_with_gangs", "Known to associate with gang members and other violent offenders", RA),
)

RISK_FACTORS = AGE_FACTORS + FACTORS

# The toolkit's "Missing Analysis Tool" that follows the factor table.
RISK_ASSESSMENT_FIELDS = (
    Term("name_of_child", "Name of Child Missing", RA, kind="text"),
    Term("date", "Date", RA, kind="date"),
    Term("address_missing_from", "Address from which missing", RA, kind="text"),
    Term("factor_details", "Details and Explanation", RA, kind="text", note="One per ticked factor."),
    Term("risk_taking_behaviours", "YOUNG PERSON RISK TAKING BEHAVIOURS/INDICATORS", ANALYSIS, kind="text"),
    Term("associates_addresses_hotspots", "ASSOCIATES/ADDRESSES/HOTSPOTS", ANALYSIS, kind="text"),
    Term("alleged_perpetrators", "ALLEGED PERPETRATOR/S", ANALYSIS, kind="text"),
    Term("police_activity", "POLICE ACTIVITY", ANALYSIS, kind="text"),
    Term("summary_of_risk", "Summary of Risk", ANALYSIS, kind="text"),
    Term(
        "summary_of_actions",
        "Summary of Actions Taken",
        ANALYSIS,
        kind="text",
        note="The form adds: 'Include attempts to talk to child on mobile phone and attempts to "
        "contact friends & family'.",
    ),
    Term("review_date", "Review Date for Actions Decided", ANALYSIS, kind="date"),
    Term("completed_by", "Completed by, full name", ANALYSIS, kind="text"),
)

# What staff "must consider" when deciding the level of risk: prompts, not ticks.
RISK_CONSIDERATIONS = tuple(
    Term(code, text, CONSIDER)
    for code, text in (
        ("circumstances", "The circumstances of them going missing"),
        ("care_plan", "The child's care plan"),
        ("age", "The age of the child"),
        ("maturity", "The maturity of the child"),
        ("disability", "Any physical or cognitive disability of the child"),
        (
            "medication",
            "Any continuing or urgent need for the child to have medication or other medical treatment",
        ),
        ("legal_status", "The legal status of the child"),
        ("history", "Previous behaviour and history of the child"),
        ("danger_to_self_or_others", "Danger posed by the child to themselves or others"),
        ("vulnerability", "General vulnerability of the child"),
        ("substance_abuse", "The child's tendency to drug/substance abuse"),
        (
            "running_to_or_from",
            "Whether the child is perceived as running to, or running from, someone or something",
        ),
        (
            "placement_circumstances",
            "Any circumstances within the placement, say with carers or other "
            "residents that may be relevant to the absence",
        ),
        ("offending", "The risk of offending"),
        ("peer_influence", "The influence of peer groups, families or friends"),
        (
            "predatory_influences",
            "Predatory influences on the child. These may relate to others wanting to "
            "use the child for crime, sex or drugs",
        ),
        ("abduction", "Any known risk of abduction"),
        (
            "environment",
            "Environmental factors including weather, time of year, community events or tensions",
        ),
    )
)

# Seed 001's signs to look out for before a young person goes (carer prompts; not part
# of the grade).
_RISK_SIGNS = Source("001", "What might increase risk of going missing")
WARNING_SIGNS = tuple(
    Term(code, text, _RISK_SIGNS)
    for code, text in (
        ("previous_missing", "Previous missing"),
        ("home_after_curfew", "Coming home after agreed curfew"),
        ("truant_from_school", "Regularly truant from school"),
        ("wants_to_move", "Saying they want to move / different type of placement"),
        ("changes_in_behaviour", "Changes in behaviour - excessive texts; secretive; change in mood"),
        (
            "stopped_saying_whereabouts",
            "Stopped letting carer / staff know whereabouts or refuses to "
            "provide address when 'staying with friends'",
        ),
        ("phone_off", "Doesn't answer calls or turns phone off"),
    )
)
_GROOMING = Source("001", "Grooming for potential exploitation, look out for:")
GROOMING_SIGNS = tuple(
    Term(code, text, _GROOMING)
    for code, text in (
        ("new_clothes", "New clothes"),
        ("phone", "Phone"),
        ("money", "Money"),
        ("met_or_collected", "Being met or collected"),
    )
)

# --- risk grades ------------------------------------------------------------------------

_POLICING = Source("003", "1. Introduction")
_GRADE_NOTE = (
    "The seeds name the police categories but do not define them; this definition is the "
    "toolkit's own threshold for the grade (Appendix 4), which it also uses at the return interview."
)
GRADES = (
    Term(
        "no_apparent_risk",
        "No apparent risk",
        _POLICING,
        seed_text="no apparent risk",
        note="Definition from Appendices 2 and 3 (the 'Missing? NO' branch): 'Child is out without "
        "permission and not believed to be at risk'. Current College of Policing practice may say "
        "'very low risk' for this grade; see docs/seeds.md.",
    ),
    Term("low", "Low", _POLICING, seed_text="low", note=_GRADE_NOTE),
    Term("medium", "Medium", _POLICING, seed_text="medium", note=_GRADE_NOTE),
    Term("high", "High", _POLICING, seed_text="high", note=_GRADE_NOTE),
)
GRADE_ORDER = tuple(grade.code for grade in GRADES)  # least to most serious

GRADE_DEFINITIONS = (
    Term(
        "no_apparent_risk", "Child is out without permission and not believed to be at risk", FROM_CARE_CHART
    ),
    Term(
        "low",
        "Child or Young Person reported absent/ missing for the first time",
        THRESHOLDS_APX,
        note="Appendix 4 adds: 'If a young person has a learning disability, they should not be "
        "considered low risk.'",
    ),
    Term(
        "medium",
        "Child or young person missing on more than one occasion and is engaging in risk taking "
        "behaviours during missing episodes. Child or young person is likely to go missing again.",
        THRESHOLDS_APX,
    ),
    Term(
        "high",
        "Child or young person missing 3 times in 90 days or at continued risk of missing episodes "
        "or significant risk taking behaviours during missing episode",
        THRESHOLDS_APX,
    ),
)

POLICE_DECIDE = Term(
    "police_decide",
    "Ultimately, the decision about the risk level attributed to the case lies with the police.",
    REPORTING.at("6.3.4"),
    note="Shown beside every suggested grade; the police's grade is recorded as well.",
)

SUGGESTION_ONLY = Term(
    "suggestion_only",
    "Our own suggestion from the risk factors never replaces the police's or the professional's decision, "
    "and both are kept.",
    Source("PRODUCT", "Words"),
)

# --- the suggested grade ----------------------------------------------------------------
# The seeds give no formula from ticked factors to a grade. Our rule, kept small so a
# carer can follow it and a reviewer can change one line:
#   1. any factor weighted "high" below -> high;
#   2. otherwise any factor weighted "medium" -> medium;
#   3. otherwise medium for a child under 16 or of unknown age (seed 003 6.3.5: "no case
#      involving a child under 16 years will be classified as low risk");
#   4. otherwise (16 or over, nothing ticked) -> low.
# It never suggests no_apparent_risk: deciding a child is not at risk is the police's call,
# and seed 002 asks that missing children be graded "medium or high risk rather than low
# or absent". It never replaces the police's grade: both are kept.


@dataclass(frozen=True, slots=True)
class Weight:
    grade: Literal["high", "medium"] | None
    why: str
    source: Source


_MEDIUM_WHY = (
    "It is on the toolkit's risk assessment. The guidance does not say how much one factor weighs, so any "
    "ticked factor rules out low: the toolkit says a young person with a learning disability should not "
    "be considered low risk, and seed 002 asks that missing children be graded medium or high."
)
_medium = Weight("medium", _MEDIUM_WHY, THRESHOLDS_APX)
_EMOTIONAL = "The return interview form lists 'Emotional Wellbeing Concerns' as a high-risk category."
_ASSOCIATES = (
    "The return interview form lists 'High Risk peer/adult associates identified' as a high-risk category."
)

FACTOR_WEIGHTS: dict[str, Weight] = {
    "age_10_or_under": Weight(
        "high",
        "The youngest children are the least able to keep themselves safe; staff must consider "
        "'the age of the child' and 'the maturity of the child'.",
        CONSIDER,
    ),
    "age_11_to_14": Weight(
        None, "Age is recorded; the under-16 rule already keeps the suggestion at medium or above.", REPORTING
    ),
    "age_15_up_to_18": Weight(
        None, "Age is recorded; a 15-year-old is covered by the under-16 rule.", REPORTING
    ),
    "uasc": Weight(
        "medium",
        "The toolkit asks about unaccompanied asylum seeking children because of the "
        "risk of trafficking; tick the trafficking factor as well if it is suspected.",
        Source("003", "1. Introduction"),
    ),
    "has_child_protection_plan": _medium,
    "needs_essential_medication": Weight(
        "high",
        "Without essential medication or treatment a child's health can be in danger quickly; "
        "staff must consider 'any continuing or urgent need for the child to have medication'.",
        CONSIDER,
    ),
    "may_not_interact_safely": _medium,
    "lacks_risk_awareness": _medium,
    "missing_over_24_hours": Weight(
        "high",
        "Missing for more than 24 hours is a trigger for a strategy meeting, and 'Missing "
        "Overnight/24 hours' is a high-risk category on the return interview form.",
        ESCALATING,
    ),
    "missing_3_times_in_90_days": Weight(
        "high",
        "Missing 3 times in 90 days is the toolkit's own definition of high risk and a trigger for "
        "a strategy meeting.",
        THRESHOLDS_APX,
    ),
    "associates_with_people_posing_risk": Weight("high", _ASSOCIATES, RETURN_FORM),
    "mental_illness": Weight("high", _EMOTIONAL, RETURN_FORM),
    "drugs_alcohol_dependency": Weight(
        "high",
        "The return interview form lists 'Alcohol/Substance Misuse during missing period' as a "
        "high-risk category.",
        RETURN_FORM,
    ),
    "suspected_abduction": Weight(
        "high",
        "When an adult is believed to be involved in a child going missing, safeguarding procedures "
        "must be used; a child 'removed from care by an adult' is missing.",
        Source("003", "9 Response to escalating concerns", "9.7"),
    ),
    "suspected_suicide_or_self_harm": Weight("high", _EMOTIONAL, RETURN_FORM),
    "violent_or_racial_incident_before": _medium,
    "state_of_mind_concerns": Weight("high", _EMOTIONAL, RETURN_FORM),
    "inclement_weather": Weight(
        "high", "The factor itself says exposure 'would seriously increase risk to health'.", RA
    ),
    "family_problems": _medium,
    "employment_problems": _medium,
    "financial_problems": _medium,
    "criminal_activity_while_absent": Weight(
        "high",
        "The return interview form lists 'Involved in Criminal behaviour' as a high-risk category.",
        RETURN_FORM,
    ),
    "school_or_college_problems": _medium,
    "ongoing_victim_of_bullying_or_exploitation": Weight(
        "high",
        "Exploitation, including sexual exploitation, is one of the concerns that make a child "
        "'missing' and not 'absent'.",
        EARLY_HELP,
    ),
    "previously_harmed_while_missing": Weight(
        "high",
        "The return interview form lists 'Harmed or Injured whilst missing' as a high-risk category.",
        RETURN_FORM,
    ),
    "forced_marriage_fgm_trafficking": Weight(
        "high",
        "Trafficking is a high-risk category on the return interview form; forced marriage and FGM "
        "make a child 'missing' and not 'absent'.",
        RETURN_FORM,
    ),
    "associates_with_gangs": Weight("high", _ASSOCIATES, RETURN_FORM),
}

# The same reasons as catalogue entries, so a screen can show them in any language.
WEIGHT_REASONS = tuple(
    Term(code, weight.why, weight.source, verbatim=False, note="Our reason for the factor's weight.")
    for code, weight in FACTOR_WEIGHTS.items()
)

UNDER_16_FLOOR_AGE = 16  # seed 003 6.3.5

SUGGESTION_RULES = (
    Term(
        "high_factor",
        "High, because of: {factors}.",
        PRODUCT_WORDS,
        verbatim=False,
        note="Our rule (see FACTOR_WEIGHTS): one factor weighted high is enough.",
    ),
    Term(
        "medium_factor",
        "Medium, because of: {factors}. None of the ticked factors is one the guidance treats as high risk.",
        PRODUCT_WORDS,
        verbatim=False,
        note="Our rule.",
    ),
    Term(
        "under_16",
        "Medium: no factor is ticked, but no case involving a child under 16 is classified as low risk.",
        REPORTING,
        verbatim=False,
        note="Seed 003 6.3.5: 'no case involving a child under 16 years will be classified as low risk' "
        "(Hampshire Constabulary). An unknown age is treated as under 16.",
    ),
    Term(
        "nothing_ticked",
        "Low: no factor is ticked and the young person is 16 or over. A child reported "
        "missing for the first time is low risk unless something else is known.",
        THRESHOLDS_APX,
        verbatim=False,
        note="Seed 003 Appendix 4, Low Risk.",
    ),
)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested grade, the rule that gave it and the factors that decided it."""

    grade: str
    rule: str
    factors: tuple[str, ...]

    def explain(self) -> tuple[str, ...]:
        """The reason in words, then one line per deciding factor, then who decides."""
        rule = _by_code(SUGGESTION_RULES)[self.rule]
        factors = _by_code(RISK_FACTORS)
        names = "; ".join(factors[code].text for code in self.factors)
        lines = [rule.text.format(factors=names)]
        lines += [f"{factors[code].text}: {FACTOR_WEIGHTS[code].why}" for code in self.factors]
        lines += [SUGGESTION_ONLY.text, POLICE_DECIDE.text]
        return tuple(lines)


def age_band(age: int) -> str:
    """The risk assessment's age row for an age in years."""
    if age <= 10:
        return "age_10_or_under"
    if age <= 14:
        return "age_11_to_14"
    return "age_15_up_to_18"


def suggest_grade(factors: Iterable[str], *, age: int | None) -> Suggestion:
    """Suggest a police risk grade from the ticked risk-assessment factors.

    `age` in years; None (not known) is treated as under 16. The age row is added from
    `age` when given. Unknown factor codes are refused, never ignored.
    """
    ticked = set(factors)
    unknown = ticked - set(FACTOR_WEIGHTS)
    if unknown:
        raise Invalid({"risk_factors": f"Unknown risk factor {sorted(unknown)[0]!r}."})
    if age is not None:
        ticked.add(age_band(age))
    in_order = [term.code for term in RISK_FACTORS if term.code in ticked]
    for grade, rule in (("high", "high_factor"), ("medium", "medium_factor")):
        deciding = tuple(code for code in in_order if FACTOR_WEIGHTS[code].grade == grade)
        if deciding:
            return Suggestion(grade, rule, deciding)
    if age is None or age < UNDER_16_FLOOR_AGE:
        return Suggestion("medium", "under_16", ())
    return Suggestion("low", "nothing_ticked", ())


# --- time limits and counts ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Threshold:
    code: str
    value: timedelta | int
    text: str
    source: Source
    note: str = ""


STRATEGY_MEETING_MISSING_OVER = timedelta(hours=24)
SENIOR_LEADERSHIP_ALERT_AFTER = timedelta(hours=24)
INFORM_SENIOR_MANAGER_AFTER = timedelta(hours=48)
FURTHER_STRATEGY_MEETING_AFTER = timedelta(days=7)
REPEAT_EPISODES = 3
REPEAT_WINDOW = timedelta(days=90)
STRATEGY_MEETING_WITHIN_WORKING_DAYS = 3
RHI_OFFER_WITHIN = timedelta(hours=24)
RHI_HELD_WITHIN = timedelta(hours=72)
FIFTEEN_MINUTE_RULE_FIRST = timedelta(minutes=15)
FIFTEEN_MINUTE_RULE_FURTHER = timedelta(minutes=15)
HIGH_RISK_REVIEW_EVERY = timedelta(weeks=6)

THRESHOLDS = (
    Threshold(
        "strategy_meeting_missing_over",
        STRATEGY_MEETING_MISSING_OVER,
        "The trigger for holding a missing from care/home strategy meeting under S47 Children Act "
        "1989 will be missing for more than 24 hours",
        ESCALATING,
    ),
    Threshold(
        "senior_leadership_alert_after",
        SENIOR_LEADERSHIP_ALERT_AFTER,
        "Allocated to a social worker and missing for 24hrs",
        FLOW,
        "Followed by 'Complete Senior Leadership Alert'. Seed 003 says 48 hours for a child in "
        "care; we keep both (docs/seeds.md).",
    ),
    Threshold(
        "inform_senior_manager_after",
        INFORM_SENIOR_MANAGER_AFTER,
        "When a child has been missing for a period of 48 hours the social worker should inform the "
        "relevant senior manager.",
        CONTINUED_CARE.at("6.6.1"),
    ),
    Threshold(
        "further_strategy_meeting_after",
        FURTHER_STRATEGY_MEETING_AFTER,
        "A further strategy meeting should be convened if child has not been located within 7 days.",
        CONTINUED_CARE.at("6.6.2"),
        "For a child missing from home, 5.6.5 says the same ('not been located within 7 days').",
    ),
    Threshold(
        "repeat_episodes",
        REPEAT_EPISODES,
        "Three episodes of missing within a 90 day period should trigger a multi-agency strategy meeting",
        CONTINUED_CARE.at("6.6.3"),
    ),
    Threshold(
        "repeat_window",
        REPEAT_WINDOW,
        "Three episodes of missing within a 90 day period",
        CONTINUED_CARE.at("6.6.3"),
    ),
    Threshold(
        "strategy_meeting_within_working_days",
        STRATEGY_MEETING_WITHIN_WORKING_DAYS,
        "Hold strategy meeting within 3 working days",
        FLOW,
        "Seed 003 9.1 says 'within a week of any trigger episode'; we use the shorter (docs/seeds.md).",
    ),
    Threshold(
        "rhi_offer_within",
        RHI_OFFER_WITHIN,
        "RHI to be offered within 24hrs",
        FLOW,
        "Counted from the return.",
    ),
    Threshold(
        "rhi_held_within",
        RHI_HELD_WITHIN,
        "The return interview should be conducted in all instances within 72 hours of the child's "
        "return, unless there are exceptional circumstances.",
        RETURN_INTERVIEWS.at("7.9"),
        "Seed 002 says the same and notes confusion over whether it runs from the return or the "
        "referral; we count from the return.",
    ),
    Threshold(
        "fifteen_minute_rule_first",
        FIFTEEN_MINUTE_RULE_FIRST,
        "If the child is not home or where they should be ring or text them after 15 minutes.",
        PLAN_EXAMPLE,
    ),
    Threshold(
        "fifteen_minute_rule_further",
        FIFTEEN_MINUTE_RULE_FURTHER,
        "If they do not respond or phone switched off wait a further 15 minutes and ring the Police to "
        "report missing.",
        PLAN_EXAMPLE,
    ),
    Threshold(
        "high_risk_review_every",
        HIGH_RISK_REVIEW_EVERY,
        "A review meeting should be convened every 6 weeks.",
        THRESHOLDS_APX,
        "High risk: after the Section 47 joint investigation enquiry is initiated.",
    ),
)

# --- what missing means ---------------------------------------------------------------

CONTEXTS = (
    Term(
        "missing_from_home",
        "a child whose whereabouts cannot be established - where the circumstances are out of character "
        "or there are indicators to suggest that the child may be at risk of harm to themselves or others. "
        "Any child who fits the above definition, where there are additional concerns regarding CSE, gangs, "
        "radicalisation, FGM, forced marriage etc...should be considered 'missing' and not 'absent' "
        "(reasonable professional judgement)",
        Source("004", "Missing From Home:"),
    ),
    Term(
        "missing_from_care",
        "includes children that have stayed out longer than allowed (unauthorised absence), run away "
        "(missing) and/or been removed from care by an adult (missing). A child where the circumstances are "
        "out of character or there are indicators to suggest that the child may be at risk of harm to "
        "themselves or others. (Including additional concerns regarding CSE, gangs, radicalisation, FGM, "
        "forced marriage etc.) should be considered 'missing' and not 'absent' (reasonable professional "
        "judgement)",
        Source("004", "Missing From Care:"),
    ),
    Term(
        "away_from_placement_without_authorisation",
        "stayed out longer than allowed (unauthorised absence)",
        Source("004", "Missing From Care:"),
        note="The name 'away from placement without authorisation' is not in the seeds; seed 004 calls it "
        "'unauthorised absence' and seed 003 (Appendices 2 and 3) 'Child is out without permission and not "
        "believed to be at risk'. Not reported to the police as missing unless concerns grow.",
    ),
)
CONTEXT_LABELS = (
    Term("missing_from_home", "Missing From Home", Source("004", "Missing From Home:")),
    Term("missing_from_care", "Missing From Care", Source("004", "Missing From Care:")),
    Term(
        "away_from_placement_without_authorisation",
        "Away from placement without authorisation",
        Source("004", "Missing From Care:"),
        verbatim=False,
        note="Our label (the statutory guidance's term); the seed says 'unauthorised absence'.",
    ),
)

DEFINITIONS = (
    Term(
        "missing_person",
        "Anyone whose whereabouts cannot be established will be considered missing until "
        "located and their wellbeing or otherwise confirmed. Categories of risk will be 'no apparent risk, "
        "low, medium or high'.",
        DEFINITIONS_APX,
    ),
    Term(
        "child_in_care",
        "A child who Is looked after by the Local Authority e.g. they are 'in care' by "
        "reason of a court order, if they are provided with accommodation for more than 24 hours with the "
        "agreement of their parents or with the child if they are aged 16 or more.",
        DEFINITIONS_APX,
    ),
    Term(
        "strategy_meeting",
        "This meeting will be for all relevant safeguarding practitioners to "
        "discuss the push and pull factors as to why a child repeatedly goes missing, to agree a "
        "multi-agency intervention plan to reduce the risks to the child and to reduce the number of "
        "repeated missing person episodes.",
        DEFINITIONS_APX,
    ),
    Term("police_reference", "Police reference number (or CAD number)", EH_REPORTING),
    Term(
        "safe_and_well_check",
        "Islington Police also have a duty to provide every child returned from a "
        "missing episode with a safe and well check (sometimes recorded as a 'de-brief').",
        EH_SOCIAL_CARE,
    ),
    Term(
        "safe_and_well_check_purpose",
        "Its purpose is to check for any indications that the child has "
        "suffered harm; where and with whom they have been; and to give them an opportunity to disclose any "
        "offending by, or against, them. This is not a return interview",
        RETURN_HOME.at("5.7.3"),
    ),
    Term(
        "hidden_missing",
        "Not all children and young people who go missing from home or care are reported "
        "as missing to the police.",
        Source("002", "“Hidden missing” children"),
    ),
    Term(
        "missing_episode",
        "from the time the young person's whereabouts are unknown to their return",
        PRODUCT_WORDS,
        plain="time away",
        note="Plain words from JOURNEYS.md.",
    ),
)

# --- what is recorded for each episode ---------------------------------------------------
# PRODUCT.md's list, each matched to the seed 003 6.4.1 "Carers should record" item.

EPISODE_FIELDS = (
    Term("context", "Where did they go missing from?", RETURN_FORM, kind="choice", note="One of CONTEXTS."),
    Term(
        "started_at",
        "Date",
        RECORDING,
        kind="datetime",
        note="'Date' and 'Time' in 6.4.1; PRODUCT: start date and time.",
    ),
    Term("last_seen", "Where and when last seen. What happened before?", FLOW, kind="text"),
    Term("description", "Describe young person and what wearing", FLOW, kind="text"),
    Term("circumstances", "Circumstances", RECORDING, kind="text"),
    Term(
        "reported_by",
        "Who reported the young person missing?",
        RETURN_FORM,
        kind="choice",
        note="One of REPORTERS.",
    ),
    Term(
        "reported_to_police",
        "If missing - parents / carers / professional to call Police (101)",
        FLOW,
        kind="yes_no",
        note="No means 'hidden missing' (seed 002).",
    ),
    Term(
        "police_reference",
        "Police incident number",
        RECORDING,
        kind="text",
        note="Seed 004: 'Police reference number (or CAD number)'.",
    ),
    Term("risk_assessment", "Risk assessment", RECORDING, kind="ticks", note="RISK_FACTORS ticked."),
    Term(
        "suggested_grade",
        "Suggested grade",
        PRODUCT_WORDS,
        kind="choice",
        verbatim=False,
        note="Ours, from suggest_grade(); kept beside the police's grade, never instead of it.",
    ),
    Term("police_grade", "Agreed category of risk", RECORDING, kind="choice", note="One of GRADES."),
    Term(
        "actions_taken",
        "Any actions being taken to locate or determine their whereabouts",
        RECORDING,
        kind="text",
    ),
    Term("found_at", "Date and time and location when found", RECORDING, kind="datetime"),
    Term("found_where", "Where was the YP found?", RETURN_FORM, kind="text"),
    Term(
        "how_found", "How found", PRODUCT_WORDS, kind="choice", verbatim=False, note="Ours; one of HOW_FOUND."
    ),
    Term("returned_at", "Time returned", RETURN_FORM, kind="datetime"),
    Term("returned_by", "Who they were returned by", RECORDING, kind="choice", note="One of RETURNED_BY."),
    Term("safe_and_well_check_done", "Was a Police Safe & Well check completed?", RETURN_FORM, kind="yes_no"),
    Term("follow_up_actions", "Follow-up actions", RECORDING, kind="text"),
)

REPORTERS = (
    Term("parent", "Parents and those with parental responsibility", PARENTS),
    Term("foster_carer", "Foster carers", PLACEMENT.at("6.1.1")),
    Term("residential_staff", "member of residential staff", PLACEMENT.at("6.1.4")),
    Term(
        "social_worker",
        "the local authority complete the risk assessment and report the incident to the police",
        CONSIDER.at("6.2.1"),
        note="For a child missing from care.",
    ),
    Term("other_professional", "another professional", EH_REPORTING),
    Term(
        "member_of_public", "members of the public", Source("003", "5.1 All agencies / members of the public")
    ),
    Term(
        "police",
        "Children who have gone missing may come to the attention of the police in other ways.",
        POLICE_ROLE.at("5.3.4"),
    ),
    Term("other", "Other", PRODUCT_WORDS, verbatim=False, note="Ours: say who."),
)

HOW_FOUND = (
    Term(
        "came_back",
        "CHILD RETURNS",
        FROM_CARE_CHART,
        plain="You came back yourself",
        note="Came back on their own.",
    ),
    Term(
        "found_by_carer",
        "Carers may visit known places to locate the child if appropriate.",
        ROLES,
        plain="Your carer found you",
    ),
    Term(
        "found_by_trusted_person",
        "Include and support friends/family and non-traditional partners to look for young people",
        DURING,
        plain="One of your people found you",
    ),
    Term(
        "found_by_police",
        "The police will carry out enquiries aimed at locating the child as soon as possible.",
        POLICE_ROLE,
        plain="The police found you",
        note="5.3.1",
    ),
    Term(
        "whereabouts_known",
        "If the whereabouts are known or suspected, it is the responsibility of the "
        "parent or carer to arrange for the child's return.",
        RETURN_HOME,
        plain="Someone knew where you were and came for you",
        note="5.7.2",
    ),
    Term("other", "Other", PRODUCT_WORDS, verbatim=False, plain="Something else", note="Ours: say how."),
)

RETURNED_BY = (
    Term("self", "CHILD RETURNS", FROM_HOME_CHART, note="Came back on their own."),
    Term(
        "parent_or_carer",
        "it is the responsibility of the parent or carer to arrange for the child's return",
        RETURN_HOME,
        note="5.7.2",
    ),
    Term(
        "local_authority",
        "it will be the responsibility of the local authority to arrange for the child's return",
        RETURN_CARE,
        note="6.7.1",
    ),
    Term("police", "the police may agree to assist", RETURN_HOME, note="5.7.2"),
    Term(
        "trusted_person",
        "Family - knowledge of peers or possible locations; trust adults could help locate",
        FLOW,
    ),
    Term("other", "Other", PRODUCT_WORDS, verbatim=False, note="Ours: say who."),
)

# --- due actions ------------------------------------------------------------------------

TRIGGERS = (
    Term("missing_over_24_hours", "missing for more than 24 hours", ESCALATING),
    Term(
        "missing_48_hours_from_care",
        "When a child has been missing for a period of 48 hours",
        CONTINUED_CARE.at("6.6.1"),
        note="A looked after child (section 6).",
    ),
    Term("not_found_in_7_days", "if child has not been located within 7 days", CONTINUED_CARE.at("6.6.2")),
    Term("three_episodes_in_90_days", "three episodes in a 90 day period", ESCALATING),
    Term("high_risk_at_rhi", "children considered high risk following return interview", ESCALATING),
    Term("returned", "CHILD RETURNS", FROM_HOME_CHART),
    Term(
        "rhi_not_held_in_72_hours",
        "In the event that the return interview is not conducted within 72 hours",
        RETURN_INTERVIEWS.at("7.15"),
    ),
)


@dataclass(frozen=True, slots=True)
class Deadline:
    """How long after the trigger the action is due. 0 hours: due at once."""

    amount: int
    unit: Literal["hours", "working_days"]


@dataclass(frozen=True, slots=True)
class DueAction:
    code: str
    text: str
    source: Source
    owner: str  # the Homeward role whose dashboard shows it
    owner_in_seed: str  # who the guidance says does it, in its words
    triggers: tuple[str, ...]
    deadline: Deadline | None  # None: the seeds set no time limit
    note: str = ""


DUE_ACTIONS = (
    DueAction(
        "strategy_meeting",
        "Hold strategy meeting within 3 working days",
        FLOW,
        "social_worker",
        "It is the responsibility of children services to arrange that meeting.",
        (
            "missing_over_24_hours",
            "missing_48_hours_from_care",
            "three_episodes_in_90_days",
            "high_risk_at_rhi",
        ),
        Deadline(STRATEGY_MEETING_WITHIN_WORKING_DAYS, "working_days"),
        "Triggers: seed 003 9.3, 6.6.1, 6.6.3, 7.11. Owner: 9.1; Appendix 4 'Strategy meeting called by "
        "Social Worker'. One meeting per episode however many triggers fire.",
    ),
    DueAction(
        "inform_senior_manager",
        "Complete Senior Leadership Alert",
        FLOW,
        "social_worker",
        "the social worker should inform the relevant senior manager",
        ("missing_over_24_hours", "missing_48_hours_from_care"),
        Deadline(0, "hours"),
        "Seed 001 at 24 hours for a child allocated to a social worker; seed 003 6.6.1 at 48 hours for a "
        "child in care; the return interview form: 'For missing periods of over 24 hours inform the Deputy "
        "Director'. The first trigger raises it; the later one does not add a second.",
    ),
    DueAction(
        "further_strategy_meeting",
        "A further strategy meeting should be convened if child has not been located within 7 days.",
        CONTINUED_CARE.at("6.6.2"),
        "social_worker",
        "It is the responsibility of children services to arrange that meeting.",
        ("not_found_in_7_days",),
        Deadline(STRATEGY_MEETING_WITHIN_WORKING_DAYS, "working_days"),
        "The seeds set no time limit for this meeting; we use the strategy meeting's 3 working days.",
    ),
    DueAction(
        "plan_review",
        "Update plans - anything need to change?",
        FLOW,
        "social_worker",
        "Develop a Missing Safety Plan that is co-designed by the young person, their carer and social "
        "worker",
        ("returned",),
        None,
        "Seed 000 for who; PRODUCT: reviewed after every episode. No time limit in the seeds.",
    ),
    DueAction(
        "rhi_offer",
        "RHI to be offered within 24hrs",
        FLOW,
        "social_worker",
        "a request is made to the Targeted Youth Service for a Return to Home Interview (RHI) where an "
        "independent RHI professional offers the child a chance to discuss the missing episode",
        ("returned",),
        Deadline(24, "hours"),
        "Seed 004 for who makes the offer; the social worker sees it due.",
    ),
    DueAction(
        "rhi_held",
        "The return interview should be conducted in all instances within 72 hours of the child's return",
        RETURN_INTERVIEWS.at("7.9"),
        "social_worker",
        "it remains the responsibility of the relevant social worker to ensure completion of the return "
        "interview",
        ("returned",),
        Deadline(72, "hours"),
        "Owner: seed 003 7.15.",
    ),
    DueAction(
        "rhi_late_alert",
        "the placement should alert the relevant senior manager in children's services",
        RETURN_INTERVIEWS.at("7.15"),
        "carer",
        "There is an additional responsibility on the child's placement to monitor that they are conducted "
        "within the agreed timescales.",
        ("rhi_not_held_in_72_hours",),
        Deadline(0, "hours"),
        "Looked after children; for a child at home the social worker's rhi_held action is already overdue.",
    ),
)

# --- "I'm worried": what a carer does, in the guidance's words ------------------------------
# JOURNEYS order: try the young person, the trio, the places, 15 minutes, then 101. Each
# step's `text` quotes the seed; the short heading a screen shows is in `plain` only
# where a young person could see it (they do not: these are carer steps).

WORRIED_STEPS = (
    Term(
        "search_home",
        "Search bedroom/ accommodation/ outbuildings/vehicles",
        PARENTS,
        note="Appendices 2 and 3: 'search premises and try to contact child/friends/relatives'.",
    ),
    Term(
        "try_young_person",
        "Ring the young person's mobile phone.",
        INTERVENTIONS,
        note="Also 'Compassion banking - send text messages to the young person', telling them 'you are "
        "worried and care about their safety'.",
    ),
    Term(
        "contact_trio",
        "Carers can contact these people when concerned about the young person's "
        "whereabouts - to avoid escalation.",
        BEFORE,
        note="The trusted trio (seed 000).",
    ),
    Term(
        "trio_help_look",
        "Include and support friends/family and non-traditional partners to look for "
        "young people, trust them to be part of the safety plan to reduce need for police response.",
        DURING,
    ),
    Term("visit_places", "Visit locations that the child is known to frequent", PARENTS),
    Term(
        "fifteen_minute_rule",
        "If the child is not home or where they should be ring or text them after 15 "
        "minutes. If they do not respond or phone switched off wait a further 15 minutes and ring the "
        "Police to report missing.",
        PLAN_EXAMPLE,
        note="'the 15 minute rule'.",
    ),
    Term(
        "call_101",
        "If missing - parents / carers / professional to call Police (101)",
        FLOW,
        note="Tell them: 'Where and when last seen. What happened before?' and 'Describe young person and "
        "what wearing' (seed 001); 'make it clear to the police that they are reporting the child as "
        "missing' (seed 003 6.3.1).",
    ),
    Term(
        "record_reference",
        "The carer should always ask for, and record the police reference number.",
        REPORTING,
        note="6.3.1; seed 004 calls it the 'Police reference number (or CAD number)'.",
    ),
    Term(
        "call_999",
        "Call 999 if they are in danger now",
        Source("003", "Appendix 9: Useful Contacts"),
        verbatim=False,
        note="Ours. The seeds list 'Police 999 or 101' (Appendix 9) and say carers "
        "'inform police immediately if high risk' (Appendix 3) and the police 'must be called and asked to "
        "attend without delay' if the child is in danger (6.7.5); they do not say when 999 rather than "
        "101.",
    ),
    Term(
        "inform_people",
        "Carers must also inform without delay: The parents/those who have parental "
        "responsibility (unless indicated otherwise on the care plan); The Social Worker or their team "
        "manager; The emergency duty team, if out of hours, and the Social Worker and accountable team "
        "manager the next working day",
        REPORTING.at("6.3.6"),
        note="The three people are a bulleted list in the seed, joined here.",
    ),
)


# --- catalogue ----------------------------------------------------------------------------

NAMESPACE = "episodes"
LISTS: dict[str, tuple[Term, ...]] = {
    "risk_factor": RISK_FACTORS,
    "risk_assessment_field": RISK_ASSESSMENT_FIELDS,
    "risk_consideration": RISK_CONSIDERATIONS,
    "warning_sign": WARNING_SIGNS,
    "grooming_sign": GROOMING_SIGNS,
    "grade": GRADES,
    "grade_definition": GRADE_DEFINITIONS,
    "factor_weight": WEIGHT_REASONS,
    "suggestion_rule": SUGGESTION_RULES,
    "context": CONTEXT_LABELS,
    "context_definition": CONTEXTS,
    "definition": DEFINITIONS,
    "field": EPISODE_FIELDS,
    "reporter": REPORTERS,
    "how_found": HOW_FOUND,
    "returned_by": RETURNED_BY,
    "trigger": TRIGGERS,
    "worried_step": WORRIED_STEPS,
    "notice": (SUGGESTION_ONLY, POLICE_DECIDE),
}


def catalogue(lists: dict[str, tuple[Term, ...]] = LISTS, namespace: str = NAMESPACE) -> dict[str, str]:
    """English message catalogue: `<namespace>.<list>.<code>` -> text, plus `.plain` keys."""
    messages: dict[str, str] = {}
    for name, terms in lists.items():
        for term in terms:
            messages[f"{namespace}.{name}.{term.code}"] = term.text
            if term.plain:
                messages[f"{namespace}.{name}.{term.code}.plain"] = term.plain
    return messages


def codes(terms: Iterable[Term]) -> tuple[str, ...]:
    return tuple(term.code for term in terms)


def _by_code(terms: Iterable[Term]) -> dict[str, Term]:
    return {term.code: term for term in terms}
