"""The words of a Return Home Interview (RHI), taken from the source guidance.

The form is seed 003's Appendix 8, "Missing return interview/assessment", field by field;
what is counted about offers, refusals, consent and timeliness is seed 002's; the
choice of interviewer and agreeing what is shared are seed 000's. Pure data, like
`backend.episodes.vocabulary` (whose `Term` and `Source` it uses). `plain` holds the
young-person words (reading age about 10) wherever a young person will see a term;
push and pull factors, high-risk categories, referrals and the risk grade are for
professionals only, as the risk assessment is (JOURNEYS.md: "not shown to young people").
"""

from __future__ import annotations

from backend.episodes import vocabulary as episodes
from backend.episodes.vocabulary import (
    INTERVENTIONS,
    PLAN_EXAMPLE,
    RETURN_FORM,
    RETURN_INTERVIEWS,
    Source,
)
from backend.episodes.vocabulary import (
    Term as Term,  # re-exported: the interviews' own lists are typed with it
)

FORM = RETURN_FORM
_SHARING = Source("003", "Discuss sharing of information and confidentiality")
_YP = Source("003", "Young Person's Details")
_EPISODE = Source("003", "Missing Episode Details")
_DISCUSSION = Source("003", "Discussion with Young Person")
_PUSH = Source("003", "Push Factors of going missing")
_PULL = Source("003", "Pull Factors of going missing")
_HIGH = Source("003", "High Risk Categories")
RHI = Source("002", "Return Home Interviews")
TIMELINESS = Source("002", "Timeliness of Return Home Interviews")
CONSENT = Source("002", "Gaining parental consent")
INFO_SHARING = Source("002", "Information Sharing")
DATA = Source("002", "Data collection on missing children")
FOLLOW_UP = Source("002", "Follow-up after the child returns from missing")
FROM_HOME = Source("002", "Children missing from home")
CHILDRENS_HOMES = Source("002", "Children missing from children's homes")
RETURNS = Source("000", "When a young person returns")
FLOW = Source("001", "Children Missing from Home and Care Practice Guidance")
GROOMING_SIGNS_SOURCE = Source("001", "Grooming for potential exploitation, look out for:")

# --- the interview itself ------------------------------------------------------------

NAMES = (
    Term(
        "return_home_interview",
        "Return Home Interview",
        RHI,
        plain="a chat about what happened",
        note="Plain words from JOURNEYS.md ('Words on young-person screens').",
    ),
    Term(
        "definition",
        "A Return Home Interview (RHI) is a conversation between a child and a trained "
        "professional after a child has returned from a missing episode.",
        RHI,
        plain="After you come back, you can have a chat with someone about what happened. It can help "
        "keep you safe.",
    ),
    Term(
        "not_a_police_check",
        "The 'return interview' is different from a police 'safe and well' check and "
        "is not an Achieving Best Evidence (ABE) interview.",
        RETURN_INTERVIEWS.at("7.1"),
        plain="This is not the same as talking to the police.",
    ),
)

# PRODUCT.md's record of an RHI, beside the form.
RECORD_FIELDS = (
    Term("offered_at", "offered when", Source("PRODUCT", "Words"), kind="datetime"),
    Term(
        "outcome",
        "accepted or declined (and why)",
        Source("PRODUCT", "Words"),
        kind="choice",
        note="One of OFFER_OUTCOMES; why: DECLINE_REASONS.",
    ),
    Term("held_at", "held when", Source("PRODUCT", "Words"), kind="datetime"),
    Term("held_by", "by whom", Source("PRODUCT", "Words"), kind="text"),
    Term(
        "interviewer",
        "The young person chooses who they speak to where possible",
        Source("PRODUCT", "Words"),
        kind="choice",
        note="One of INTERVIEWERS.",
    ),
    Term(
        "parental_consent",
        "Gaining parental consent",
        CONSENT,
        kind="choice",
        note="One of PARENTAL_CONSENT; only where parental_consent_applies().",
    ),
    Term(
        "not_held_reason",
        "the number of RHIs that do not take place within 72-hours and the reasons why",
        TIMELINESS,
        kind="choice",
        note="One of NOT_HELD_REASONS.",
    ),
    Term(
        "sharing",
        "Agree and review with young people how information will be shared, and with whom",
        RETURNS,
        kind="choice",
        note="Per SHAREABLE_PARTS x AUDIENCES.",
    ),
    Term(
        "follow_up_support",
        "follow-up support",
        Source("PRODUCT", "Words"),
        kind="ticks",
        note="FOLLOW_UP_SUPPORT and REFERRALS.",
    ),
)

# The counts seed 002 asks every area to keep: offered, accepted, undertaken, refused.
OFFER_OUTCOMES = (
    Term("offered", "The number of RHIs offered", DATA, plain="We asked if you would like a chat"),
    Term("accepted", "The number of RHIs accepted", DATA, plain="You said yes to a chat"),
    Term(
        "declined",
        "refuse an offer of an RHI",
        DATA,
        plain="You said no thanks",
        note="Seed 002 says 'refuse' and 'declined' for the same thing; PRODUCT says declined.",
    ),
    Term(
        "held",
        "The number RHIs undertaken",
        DATA,
        plain="You had your chat",
        note="Seed 002's 'undertaken'; PRODUCT says held.",
    ),
)

INTERVIEWERS = (
    Term(
        "independent_worker",
        "an independent person who is trained to carry out these interviews and is "
        "also able to follow up any actions that emerge",
        RETURN_INTERVIEWS.at("7.6"),
        plain="A worker from a service that is not your carer or your social worker",
    ),
    Term(
        "someone_they_trust",
        "Identify an individual that the young person respects and wants to talk to.",
        INTERVENTIONS,
        plain="Someone you already know and trust",
        note="Seed 002: 'upskilling a trusted professional in their life'.",
    ),
    Term(
        "nominated_care_professional",
        "it is better that an interview is conducted by a nominated care "
        "professional than no interview being conducted at all",
        RETURN_INTERVIEWS.at("7.8"),
        plain="Someone who works where you live",
    ),
    Term(
        "no_preference",
        "No preference",
        Source("000", "When a young person returns"),
        verbatim=False,
        plain="I don't mind",
        note="Ours. Seed 000: 'Ensure young people have a choice of who to speak to "
        "for their Return Home Interview.'",
    ),
)

# Seed 002 asks for "the reasons for refusal" but lists none; these are the reasons its
# text names. Every list ends with "other" and a free-text why.
DECLINE_REASONS = (
    Term(
        "young_person_refused",
        "refuse an offer of an RHI and the reasons for refusal",
        DATA,
        plain="I don't want a chat",
        note="Record the young person's own reason as well.",
    ),
    Term(
        "wants_time_to_decide", "time to decide if they want a RHI", RHI, plain="I need more time to decide"
    ),
    Term(
        "wants_someone_else",
        "a choice in who provides their RHI",
        RHI,
        plain="I want to talk to someone else",
    ),
    Term(
        "nothing_changed_last_time",
        "young people who go missing more than once may disengage from "
        "services and be more likely to decline any future offers of a RHI",
        FOLLOW_UP,
        plain="Nothing changed after last time",
        note="Seed 002 links this to a 'lack of meaningful follow up'.",
    ),
    Term(
        "no_parental_consent",
        "RHIs that do not take place due to lack of parental consent",
        CONSENT,
        plain="My parent said no",
    ),
    Term("other", "Other", DATA, verbatim=False, plain="Something else", note="Ours: say why."),
)

NOT_HELD_REASONS = (
    Term("declined", "refuse an offer of an RHI", DATA, note="Why: DECLINE_REASONS."),
    Term("could_not_contact", "make several contact attempts if not initially successful", RHI),
    Term(
        "missing_again",
        "going missing again before the RHI for a previous missing episode takes place",
        TIMELINESS,
    ),
    Term("referral_delay", "delays in RHI referrals", TIMELINESS),
    Term(
        "peak_demand",
        "school holidays or bank holiday weekends, can create a backlog of RHI referrals",
        TIMELINESS,
    ),
    Term(
        "not_appropriate_yet",
        "some instances where it might not be appropriate to carry out a RHI with a "
        "young person within the 72-hour timeframe",
        TIMELINESS,
    ),
    Term(
        "young_person_chose_later",
        "the best way to engage them is to give them control and choice",
        TIMELINESS,
    ),
    Term("other", "Other", DATA, verbatim=False, note="Ours: say why."),
)

# --- parental consent (seed 002, "Gaining parental consent") ---------------------------------
# Seed 002 asks areas to agree when parental consent is needed; it sets no age. We ask for
# it for a child missing from home who is under 16: seed 003 says children under 16 "are
# not legally considered as being able to live independently", and from 16 a child can
# agree to their own accommodation (Appendix 1). For a child in care the local authority
# shares parental responsibility, so the care plan applies instead.

PARENTAL_CONSENT_UNDER_AGE = 16

PARENTAL_CONSENT = (
    Term("sought", "seek parental consent before conducting a RHI", CONSENT, plain="We asked your parent"),
    Term("given", "consented to a RHI", FROM_HOME, plain="Your parent said yes"),
    Term(
        "refused",
        "the reasons why consent is denied",
        CONSENT,
        plain="Your parent said no",
        note="Record why: seed 002 asks areas to monitor the reasons; it lists none.",
    ),
    Term(
        "overridden",
        "a parent's lack of consent for a RHI should be overridden",
        CONSENT,
        plain="Your parent said no, but you can still have a chat to keep you safe",
    ),
    Term(
        "young_person_consented",
        "competent to consent to the offer of a RHI themselves",
        CONSENT,
        plain="You said yes yourself",
    ),
    Term(
        "school_in_loco_parentis",
        "approaching schools to act 'in loco parentis' enabling them to give consent to RHIs",
        CONSENT,
        plain="Your school said yes",
    ),
)


def parental_consent_applies(context: str, age: int | None) -> bool:
    """Whether a parent's consent is asked for before the RHI (an unknown age counts as under 16)."""
    return context == "missing_from_home" and (age is None or age < PARENTAL_CONSENT_UNDER_AGE)


# --- the Appendix 8 form ------------------------------------------------------------------

SHARING_FIELDS = (
    Term("permission_to_share", "Permission to Share given", _SHARING, kind="yes_no"),
    Term(
        "kept_confidential",
        "ask them to state if they wish for anything to remain confidential",
        _SHARING,
        kind="text",
    ),
    Term(
        "ppn_date",
        "Date of PPN",
        _SHARING,
        kind="date",
        note="PPN: the police notification to the local authority (003 5.7.3, 'PPN Notification system').",
    ),
    Term("completed_by", "Person completing the return interview", _SHARING, kind="text"),
    Term("completed_on", "Date complete", _SHARING, kind="date"),
    Term("lead_professional", "Lead Professional", _SHARING, kind="text"),
)

YOUNG_PERSON_FIELDS = (
    Term("name", "Name", _YP, kind="text", note="From the young person's record."),
    Term(
        "ccm",
        "CCM",
        _YP,
        kind="text",
        note="A local case reference the seed does not expand; from the record.",
    ),
    Term("telephone", "Telephone Number", _YP, kind="text", note="From the record."),
    Term("dob_age", "DOB/age", _YP, kind="date", note="From the record."),
)

EPISODE_DETAIL_FIELDS = (
    Term("who_reported", "Who reported the young person missing?", _EPISODE, kind="text"),
    Term("missing_from", "Where did they go missing from?", _EPISODE, kind="text"),
    Term("where_found", "Where was the YP found?", _EPISODE, kind="text"),
    Term("spoken_to_adult_with_pr", "Have you spoken to the adult with PR?", _EPISODE, kind="yes_no"),
    Term(
        "issues_highlighted",
        "Were any issues highlighted/why do they think the YP went missing?",
        _EPISODE,
        kind="text",
    ),
    Term("ppn_references", "PPN reference (s)", _EPISODE, kind="text", note="One row per PPN."),
    Term("time_left", "Time left", _EPISODE, kind="datetime"),
    Term("time_returned", "Time returned", _EPISODE, kind="datetime"),
    Term(
        "how_long_missing",
        "How long were they missing?",
        _EPISODE,
        kind="text",
        seed_text="How long where they missing?",
        note="Typo in the seed ('where') corrected.",
    ),
    Term("presentation_on_return", "What was their presentation upon return?", _EPISODE, kind="text"),
    Term("safe_and_well_completed", "Was a Police Safe & Well check completed?", _EPISODE, kind="yes_no"),
    Term("safe_and_well_findings", "What does the Safe & Well check tell us?", _EPISODE, kind="text"),
    Term("went_missing_with", "Did the young person go missing with anyone? Details", _EPISODE, kind="text"),
)

# Asked of the young person, so each has plain words.
DISCUSSION_QUESTIONS = (
    Term(
        "who_reported",
        "Who reported you missing?",
        _DISCUSSION,
        kind="text",
        plain="Who told people you were away?",
    ),
    Term(
        "how_long",
        "How long were you missing for?",
        _DISCUSSION,
        kind="text",
        plain="How long were you away?",
    ),
    Term(
        "where_slept",
        "If you stayed out all night where did you sleep?",
        _DISCUSSION,
        kind="text",
        plain="If you stayed out all night, where did you sleep?",
    ),
    Term(
        "left_from",
        "Where did you go missing from?",
        _DISCUSSION,
        kind="text",
        plain="Where did you leave from?",
    ),
    Term("where_went", "Where did you go?", _DISCUSSION, kind="text", plain="Where did you go?"),
    Term("how_travelled", "How did you get there?", _DISCUSSION, kind="text", plain="How did you get there?"),
    Term("what_did", "What did you do?", _DISCUSSION, kind="text", plain="What did you do?"),
    Term(
        "who_with",
        "Who were you with/who did you meet?",
        _DISCUSSION,
        kind="text",
        plain="Who were you with? Did you meet anyone?",
    ),
    Term(
        "felt_safe",
        "Did you feel safe with them?",
        _DISCUSSION,
        kind="text",
        plain="Did you feel safe with them?",
    ),
    Term(
        "why_not_tell",
        "Why did you not tell anyone that you were leaving/ or that you did not plan to return home?",
        _DISCUSSION,
        kind="text",
        plain="Why didn't you tell anyone you were going, or that you were not coming back?",
    ),
    Term(
        "thinking_feeling",
        "What were you thinking and feeling at the time?",
        _DISCUSSION,
        kind="text",
        plain="What were you thinking and feeling then?",
    ),
    Term(
        "what_would_help",
        "What needs to happen to make you feel safer/ more stable at home/school?",
        _DISCUSSION,
        kind="text",
        plain="What would help you feel safer at home or at school?",
    ),
    Term(
        "who_affected",
        "Who do you think has been affected during your missing episode? How and why?",
        _DISCUSSION,
        kind="text",
        plain="Who else do you think it affected while you were away? How?",
    ),
)

PUSH_FACTORS = (
    Term("domestic_violence", "Witnessing/experiencing domestic violence", _PUSH),
    Term("abuse", "Experiencing Physical abuse, Sexual abuse, Emotional abuse", _PUSH),
    Term("cultural_conflicts", "Cultural conflicts", _PUSH),
    Term("problems_with_peers", "Problems with peers (bullying)", _PUSH),
    Term("substance_misuse", "Substance misuse by parents/carers/child", _PUSH),
    Term(
        "learning_disability_or_mental_health",
        "Learning disabilities, special needs or mental health "
        "issues (Low self-esteem, Anger management difficulties, Social isolation)",
        _PUSH,
    ),
    Term("homophobia", "Homophobia", _PUSH),
    Term("relationship_breakdown", "Breakdown in relationships with caring adults", _PUSH),
    Term(
        "death_loss_or_illness", "Death, loss or illness of a significant person in the child's life", _PUSH
    ),
    Term("financial_employment", "Financial/employment difficulties", _PUSH),
    Term(
        "needing_space",
        "Needing space - not able to have own time or space at home. Bored or isolated and "
        "having a lack of activities or opportunity.",
        _PUSH,
    ),
    Term("lack_of_love_and_security", "Lack of love and security", _PUSH),
    Term("family_history_of_prostitution", "Family history of prostitution", _PUSH),
    Term(
        "trafficking_factors",
        "Trafficking Factors - Isolation (being in a foreign country, not "
        "speaking the language, not knowing who to trust), Young people not understanding their "
        "situation/how they are safe and not understanding they were/are victims of trafficking or Scared "
        "of deportation (nearing 18/asylum decision).",
        _PUSH,
    ),
    Term(
        "crime_or_risky_associates",
        "History of crime or association with offenders or adults/ "
        "children that pose a risk of harm (parents or child).",
        _PUSH,
    ),
    Term("disrupted_schooling", "History of disrupted schooling/ poor attendance/ exclusions", _PUSH),
    Term(
        "medical_needs", "Regular medical needs/ treatment on going or Health/Sexual health problems", _PUSH
    ),
    Term("self_harm_mental_health", "Self-harm/ mental health difficulties", _PUSH),
    Term(
        "criminal_activities_gangs",
        "Engaged/ exposed to criminal activities, gang members and/or other violent offenders",
        _PUSH,
    ),
    Term("previous_missing", "Previous/current missing episodes", _PUSH),
    Term("other", "Other, please specify", _PUSH),
)

PULL_FACTORS = (
    Term(
        "to_see_family",
        "Running to see family, feeling like they are missing out on things/ wanting to "
        "choose rather than be told when they can have contact.",
        _PULL,
    ),
    Term(
        "to_be_near_friends",
        "Running to be near friends - friends aren't approved of/ classed as "
        "unsuitable. If in care - wanting to see friends when you choose not when told you can.",
        _PULL,
    ),
    Term(
        "to_be_with_partner",
        "Running to be with Boyfriend/Girlfriend - partner not approved of seen as unsuitable",
        _PULL,
    ),
    Term("spent_time_with_family", "Spent time with family", _PULL),
    Term(
        "friends_for_fun",
        "Went to see friends to have fun, go to town, shops, park to drink take drugs and hang out",
        _PULL,
    ),
    Term("partners_house", "Went to boyfriend or girlfriend's house", _PULL),
    Term("unfamiliar_place_with_partner", "Went somewhere unfamiliar with boyfriend or girlfriend.", _PULL),
    Term("unfamiliar_place_with_friends", "Went somewhere unfamiliar with friend/s.", _PULL),
    Term("alone_town_or_parks", "Walked around town or parks alone", _PULL),
    Term(
        "trafficking",
        "Trafficking - debt bondage, threats of violence to them or their families, "
        "voodoo/juju ceremonies, Stockholm syndrome",
        _PULL,
    ),
    Term("other", "Other, please specify", _PULL),
)

FACTOR_ANALYSIS_FIELDS = (
    Term("push_other_details", "Other, please specify", _PUSH, kind="text"),
    Term("push_analysis", "Analysis of Information", _PUSH, kind="text"),
    Term("pull_other_details", "Other, please specify", _PULL, kind="text"),
    Term("pull_analysis", "Analysis of Information", _PULL, kind="text"),
)

HIGH_RISK_CATEGORIES = (
    Term(
        "missing_overnight_24_hours",
        "Missing Overnight/24 hours",
        _HIGH,
        note="The form adds: 'For missing periods of over 24 hours inform the Deputy Director'.",
    ),
    Term("repeat_missing", "Repeat missing episode", _HIGH),
    Term("domestic_violence", "Domestic Violence/Partner abuse", _HIGH),
    Term("criminal_behaviour", "Involved in Criminal behaviour", _HIGH),
    Term("harmed_or_injured", "Harmed or Injured whilst missing", _HIGH),
    Term("emotional_wellbeing", "Emotional Wellbeing Concerns", _HIGH),
    Term("substance_misuse_while_missing", "Alcohol/Substance Misuse during missing period", _HIGH),
    Term("trafficking", "Trafficking", _HIGH),
    Term("high_risk_places", "High Risk areas/places visited identified", _HIGH),
    Term("high_risk_associates", "High Risk peer/adult associates identified", _HIGH),
)

# "What is your assessment of the risk for this young person going missing again?"
# Appendix 4 gives the thresholds; a high grade calls for a strategy meeting.
REPEAT_RISK = (
    Term(
        "high",
        "High",
        FORM,
        note="003 Appendix 4 High Risk; 'If high risk a strategy meeting should "
        "convened under S47 Children Act 1989' (the form) and 7.11.",
    ),
    Term("medium", "Medium", FORM, note="003 Appendix 4 Medium Risk."),
    Term(
        "low",
        "Low",
        FORM,
        note="003 Appendix 4 Low Risk; never for a young person with a learning disability.",
    ),
)
STRATEGY_MEETING_AT = "high"

ASSESSMENT_FIELDS = (
    Term("support_assessment", "What is your assessment of identified areas of support", FORM, kind="text"),
    Term("safety_plan", "What is the safety plan?", FORM, kind="text"),
    Term("address_with_caring_adult", "What needs to be addressed with the caring adult?", FORM, kind="text"),
    Term(
        "risk_of_going_missing_again",
        "What is your assessment of the risk for this young person going missing again?",
        FORM,
        kind="choice",
        note="One of REPEAT_RISK.",
    ),
    Term("strategy_meeting_required", "Is a strategy meeting required?", FORM, kind="yes_no"),
    Term(
        "independent_visitor_wanted",
        "Would the Young Person like an Independent Visitor?",
        FORM,
        kind="yes_no",
    ),
    Term("cse_indicators", "Are there indicators of CSE", FORM, kind="yes_no"),
    Term(
        "cse_screening_date",
        "Risk assessment/Screening tool completed date",
        FORM,
        kind="date",
        note="For CSE.",
    ),
    Term("cce_indicators", "Are there indicators of CCE", FORM, kind="yes_no"),
    Term(
        "cce_screening_date",
        "Risk assessment/Screening tool completed date",
        FORM,
        kind="date",
        note="For CCE.",
    ),
    Term("nrm_referral_required", "NRM referral Required", FORM, kind="yes_no"),
    Term(
        "allocated_worker",
        "Allocated Barnardos Worker",
        FORM,
        kind="text",
        note="Barnardo's is the seed's local provider; the field is the allocated support worker.",
    ),
    Term("locations_of_concern", "Locations of concern", FORM, kind="text"),
    Term(
        "other_young_people_of_concern",
        "Other YP's we have concern for following discussion (does this need sharing with MASH?)",
        FORM,
        kind="text",
    ),
    Term("people_of_concern", "People of concern", FORM, kind="text"),
    Term(
        "cpi_complete",
        "CPI Complete",
        FORM,
        kind="yes_no",
        note="CPI 1: police sharing of non-urgent information (003 Appendix 6).",
    ),
    Term("op_met_update_needed", "Does the Op MET need updating?", FORM, kind="yes_no"),
)

FORM_FIELDS = (
    SHARING_FIELDS
    + YOUNG_PERSON_FIELDS
    + EPISODE_DETAIL_FIELDS
    + DISCUSSION_QUESTIONS
    + FACTOR_ANALYSIS_FIELDS
    + ASSESSMENT_FIELDS
)

# --- where they went, who with, how they got there ------------------------------------------
# What RHI providers record from the discussion, in the words the seeds use for it.

WHERE_WENT = (
    Term("family", "Spent time with family", _PULL, plain="With family"),
    Term("friends", "Went to see friends", _PULL, plain="With friends"),
    Term(
        "partners_house",
        "Went to boyfriend or girlfriend's house",
        _PULL,
        plain="At a boyfriend's or girlfriend's house",
    ),
    Term("town_shops_park", "go to town, shops, park", _PULL, plain="In town, at the shops or in a park"),
    Term("somewhere_unfamiliar", "Went somewhere unfamiliar", _PULL, plain="Somewhere you did not know"),
    Term(
        "another_city",
        "Another city",
        PLAN_EXAMPLE,
        seed_text="other City's",
        plain="Another town or city",
        note="The seed: 'go to other City's with peers or adults'.",
    ),
    Term(
        "slept_rough_or_with_strangers",
        "sleep rough or stay with strangers",
        FOLLOW_UP,
        plain="Slept outside, or stayed with people you did not know",
    ),
    Term("other", "Other", FORM, verbatim=False, plain="Somewhere else", note="Ours: say where."),
)

WHO_WITH = (
    Term("alone", "Alone", _PULL, seed_text="alone", plain="On your own"),
    Term("friends", "friend/s", _PULL, plain="Friends"),
    Term("boyfriend_or_girlfriend", "Boyfriend/Girlfriend", _PULL, plain="A boyfriend or girlfriend"),
    Term("family", "Spent time with family", _PULL, plain="Family"),
    Term("adult", "in company with an adult", Source("003", "8 Police powers", "8.2"), plain="An adult"),
    Term("strangers", "stay with strangers", FOLLOW_UP, plain="People you did not know"),
    Term("other", "Other", FORM, verbatim=False, plain="Someone else", note="Ours: say who."),
)

HOW_TRAVELLED = (
    Term("walked", "Walked", _PULL, plain="Walked"),
    Term(
        "met_or_collected",
        "Being met or collected",
        GROOMING_SIGNS_SOURCE,
        plain="Someone met you or picked you up",
    ),
    Term("vehicle", "the vehicle they left in", CHILDRENS_HOMES, plain="In a car or other vehicle"),
    Term(
        "public_transport",
        "Public transport",
        FORM,
        verbatim=False,
        plain="Bus or train",
        note="Ours: the seeds do not list ways of travelling beyond these.",
    ),
    Term("other", "Other", FORM, verbatim=False, plain="Another way", note="Ours: say how."),
)

# --- what would help, follow-up support and referrals ----------------------------------------

WHAT_WOULD_HELP = (
    Term("later_curfew", "later curfew", FLOW, plain="Coming home a bit later"),
    Term(
        "time_with_family_or_friends",
        "time with family or friends",
        FLOW,
        plain="More time with family or friends",
    ),
    Term("time_to_talk", "time to talk", FLOW, plain="Someone to talk to"),
    Term(
        "placement_type_or_location",
        "change in placement type or location",
        FLOW,
        plain="A different place to live",
    ),
    Term(
        "planning_for_independence",
        "planning for independence",
        FLOW,
        plain="Help to get ready to live on your own",
    ),
    Term("other", "Other", FORM, verbatim=False, plain="Something else", note="Ours: say what."),
)

_SPECIALIST = INTERVENTIONS
FOLLOW_UP_SUPPORT = (
    Term(
        "counselling",
        "Sexual, Drug and Alcohol Counselling and other Services.",
        _SPECIALIST,
        plain="Someone to talk to about sex, drugs or alcohol",
    ),
    Term("therapeutic", "Therapeutic Services.", _SPECIALIST, plain="Help with feelings and worries"),
    Term("advocacy", "Advocacy Services.", _SPECIALIST, plain="Someone to speak up for you"),
    Term("mentoring", "Mentoring Services.", _SPECIALIST, plain="A mentor to meet and help you"),
    Term(
        "camhs",
        "Child and Adolescent Mental Health Services (CAMHS).",
        _SPECIALIST,
        plain="Help from a mental health team",
    ),
    Term("education", "Involve Education services.", _SPECIALIST, plain="Help with school"),
    Term(
        "drop_in_group",
        'Raise awareness of "drop in" support groups.',
        _SPECIALIST,
        plain="A group you can drop in to",
    ),
    Term(
        "voluntary_sector", "Refer to Voluntary Sector for support.", _SPECIALIST, plain="Help from a charity"
    ),
    Term("positive_activities", "Positive activities.", _SPECIALIST, plain="Activities you enjoy"),
    Term("family_support", "Consider family support services.", _SPECIALIST, plain="Help for your family"),
    Term(
        "sexual_health",
        "Sexual health and contraceptive advice.",
        _SPECIALIST,
        plain="Advice about sex and staying healthy",
    ),
    Term(
        "bereavement",
        "Offer bereavement counselling to family and child",
        PLAN_EXAMPLE,
        plain="Help after someone has died",
    ),
    Term("self_harm", "Support YP with self-harming", PLAN_EXAMPLE, plain="Help if you hurt yourself"),
    Term(
        "one_to_one_advice",
        "Provide 1-1 advice on risks associated with missing episodes",
        PLAN_EXAMPLE,
        plain="One-to-one chats about staying safe",
    ),
    Term(
        "independent_visitor",
        "Independent Visitor",
        FORM,
        plain="A visitor who comes just to spend time with you",
    ),
    Term(
        "support_if_declined",
        "alternative support or signposting in cases where an RHI is declined",
        FROM_HOME,
        plain="Other help, even if you don't want a chat",
    ),
    Term("other", "Other", FORM, verbatim=False, plain="Something else", note="Ours: say what."),
)

REFERRALS = (
    Term("strategy_meeting", "Is a strategy meeting required?", FORM),
    Term(
        "mash",
        "does this need sharing with MASH?",
        FORM,
        note="MASH: the Multi-Agency Safeguarding Hub (003 5.3.3).",
    ),
    Term("nrm", "NRM referral Required", FORM, note="National Referral Mechanism (trafficking)."),
    Term("cse_screening", "Are there indicators of CSE", FORM),
    Term("cce_screening", "Are there indicators of CCE", FORM),
    Term("cpi", "CPI Complete", FORM),
    Term("op_met", "Does the Op MET need updating?", FORM),
    Term("camhs", "Does your local CAMHS accept referrals from RHIs?", FROM_HOME),
    Term("child_in_need_assessment", "making referral to a child in need assessment", RHI),
    Term("other", "Other", FORM, verbatim=False, note="Ours: say what."),
)

# --- what is shared, and with whom -------------------------------------------------------------
# The young person agrees, part by part, who sees what (seed 000). Codes match the plan's
# audiences (backend.plans.content.AUDIENCES) so one person means one code everywhere.

AUDIENCES = (
    Term(
        "police",
        "the police",
        RETURN_INTERVIEWS.at("7.12"),
        plain="The police",
        note="7.12: 'A copy of the return interview should be sent to the lead manager within children's "
        "services and the police.'",
    ),
    Term(
        "school",
        "school",
        Source("002", "Looked after children who go missing"),
        plain="Your school",
        note="'When a looked after child goes missing in your local area do you notify their school "
        "(where applicable)?'",
    ),
    Term(
        "carer",
        "the caring adult",
        FORM,
        plain="Your carer",
        note="'What needs to be addressed with the caring adult?'",
    ),
    Term(
        "social_worker",
        "the relevant social worker",
        RETURN_INTERVIEWS.at("7.15"),
        plain="Your social worker",
    ),
)

SHAREABLE_PARTS = (
    Term(
        "why_you_went",
        "Why they went",
        _DISCUSSION,
        verbatim=False,
        plain="Why you went",
        note="Ours: the push and pull factors and the 'why' questions.",
    ),
    Term(
        "where_you_went",
        "Where they went, who with and how",
        _DISCUSSION,
        verbatim=False,
        plain="Where you went, who you were with and how you got there",
        note="Ours: where, who with, how, where they slept, what they did.",
    ),
    Term(
        "how_you_felt",
        "How they felt",
        _DISCUSSION,
        verbatim=False,
        plain="How you were feeling",
        note="Ours: thinking and feeling, feeling safe, who was affected.",
    ),
    Term(
        "what_would_help",
        "What would help",
        _DISCUSSION,
        verbatim=False,
        plain="What would help",
        note="Ours: what would help and the follow-up support chosen.",
    ),
)

SHARING_NOTICES = (
    Term(
        "may_be_shared",
        "Please inform young person that a copy of the assessment may be shared with other "
        "professionals and ask them to state if they wish for anything to remain confidential.",
        _SHARING,
        plain="What you tell us may be shared with other people whose job is to help you. You can tell us "
        "what you want kept private.",
    ),
    Term(
        "must_be_shared",
        "If the young person doesn't give consent are there clear processes that "
        "staff are aware of for what must be shared and how much the child's wishes can be taken into "
        "account?",
        INFO_SHARING,
        plain="If anyone could get hurt, we may need to tell people who can help. We may do "
        "this even if you said no.",
        note="Also 003 7.13-7.14: a disclosure that needs action is referred to the local authority and "
        "the police.",
    ),
)

# --- catalogue -------------------------------------------------------------------------------

NAMESPACE = "interviews"
LISTS: dict[str, tuple[Term, ...]] = {
    "name": NAMES,
    "record_field": RECORD_FIELDS,
    "offer_outcome": OFFER_OUTCOMES,
    "interviewer": INTERVIEWERS,
    "decline_reason": DECLINE_REASONS,
    "not_held_reason": NOT_HELD_REASONS,
    "parental_consent": PARENTAL_CONSENT,
    "sharing_field": SHARING_FIELDS,
    "young_person_field": YOUNG_PERSON_FIELDS,
    "episode_field": EPISODE_DETAIL_FIELDS,
    "question": DISCUSSION_QUESTIONS,
    "push_factor": PUSH_FACTORS,
    "pull_factor": PULL_FACTORS,
    "factor_field": FACTOR_ANALYSIS_FIELDS,
    "high_risk_category": HIGH_RISK_CATEGORIES,
    "repeat_risk": REPEAT_RISK,
    "assessment_field": ASSESSMENT_FIELDS,
    "where_went": WHERE_WENT,
    "who_with": WHO_WITH,
    "how_travelled": HOW_TRAVELLED,
    "what_would_help": WHAT_WOULD_HELP,
    "follow_up_support": FOLLOW_UP_SUPPORT,
    "referral": REFERRALS,
    "audience": AUDIENCES,
    "shareable_part": SHAREABLE_PARTS,
    "sharing_notice": SHARING_NOTICES,
}


def catalogue() -> dict[str, str]:
    """English message catalogue: `interviews.<list>.<code>` -> text, plus `.plain` keys."""
    return episodes.catalogue(LISTS, NAMESPACE)
