"""How an episode's events read (backend/words.py): the timeline, the audit log and the
notices sent when a carer starts the worried guide. `you` is said to the young person,
`adult` to anyone else. Attempts (what a refused caller tried) are infinitive.
"""

from __future__ import annotations

from backend.episodes import vocabulary
from backend.i18n import N_, translate
from backend.words import wording

# -- the timeline (and the audit log: each change is also an audit event) --------------
STARTED = wording(
    "episode.started",
    you=N_("Your carer was worried and started looking for you"),
    adult=N_("Worried about {young_person}: started the guide"),
)
RISK_ASSESSED = wording(
    "episode.risk_assessed",
    you=N_("Your carer went through the risk questions"),
    adult=N_("Went through the risk factors: suggested grade {grade}"),
)
REPORTED = wording(
    "episode.reported",
    you=N_("Your carer told the police you were missing"),
    adult=N_("Reported {young_person} missing to the police (reference {cad_number})"),
)
RETURNED = wording(
    "episode.returned",
    you=N_("You came back"),
    adult=N_("{young_person} is back"),
)
CLOSED_UNREPORTED = wording(
    "episode.closed_unreported",
    you=N_("You were found before anyone told the police"),
    adult=N_("{young_person} was found before anyone reported it: an unreported absence"),
)
FOLLOW_UP = wording(
    "episode.follow_up",
    you=N_("Your carer or social worker added notes about what happens next"),
    adult=N_("Changed the actions taken or the follow-up"),
)
PLACE_CLAIMED = wording(
    "episode.place_claimed",
    you=N_("Someone went to look for you at {place}"),
    adult=N_("Will check {place}"),
)
PLACE_UNCLAIMED = wording(
    "episode.place_unclaimed",
    you=N_("Someone stopped looking at {place}"),
    adult=N_("Is no longer checking {place}"),
)
PLACE_CHECKED = wording(
    "episode.place_checked",
    you=N_("Someone looked for you at {place}"),
    adult=N_("Checked {place}"),
)
PLACE_UNCHECKED = wording(
    "episode.place_unchecked",
    you=N_("Someone said {place} still needs checking"),
    adult=N_("Said {place} still needs checking"),
)

# -- reads, for the audit log --------------------------------------------------------------
OPENED = wording(
    "episode.opened",
    you=N_("looked at a time you were away"),
    adult=N_("looked at a time {young_person} was missing"),
)
LIST_OPENED = wording(
    "episode.list_opened",
    you=N_("looked at the times you were away"),
    adult=N_("looked at the times {young_person} was missing"),
)
SEARCH_OPENED = wording(
    "episode.search_opened",
    you=N_("looked at the places people are checking for you"),
    adult=N_("looked at the places to check for {young_person}"),
)

# -- attempts (a refused caller tried to ...) ------------------------------------------------
TRY_OPEN = wording(
    "episode.try_open",
    you=N_("look at a time you were away"),
    adult=N_("look at a time {young_person} was missing"),
)
TRY_START = wording(
    "episode.try_start",
    you=N_("say you were away"),
    adult=N_("say {young_person} was missing"),
)
TRY_CHANGE = wording(
    "episode.try_change",
    you=N_("change a time you were away"),
    adult=N_("change a time {young_person} was missing"),
)

# -- notices to the social worker (and the worker on duty out of hours) ---------------------
NOTICE_STARTED = wording(
    "episode.notice.started",
    you=N_("Your carer is worried about you"),
    adult=N_("{carer} is worried about {young_person} and has started the missing guide"),
)
NOTICE_REPORTED = wording(
    "episode.notice.reported",
    you=N_("Your carer told the police you were missing"),
    adult=N_("{young_person} has been reported missing to the police"),
)
NOTICE_BACK = wording(
    "episode.notice.back",
    you=N_("You are back"),
    adult=N_("{young_person} is back"),
)
SSDA903_EXPORTED = wording(
    "episode.ssda903_exported",
    you=N_("downloaded the council's SSDA903 missing return ({year}, {table})"),
)
TRY_SSDA903 = wording("episode.try_ssda903", you=N_("download the council's SSDA903 missing return"))

# -- messages -------------------------------------------------------------------------------
NOT_FOUND = N_("That missing episode was not found.")
ALREADY_OPEN = N_("There is already an open missing episode for this young person.")
IN_FUTURE = N_("That time has not happened yet.")
BEFORE_START = N_("That is before they went missing.")
BAD_CAD = N_("Use the police reference as they gave it: letters, numbers, / or -.")
NOT_OPEN = N_("This episode is already closed.")
NOT_REPORTED = N_("This episode was not reported to the police: record it as an unreported absence.")
ALREADY_REPORTED = N_("This episode was reported to the police: record the return instead.")
ALREADY_CLAIMED = N_("Someone else is already checking this place.")
PLACE_NOT_FOUND = N_("That place is not on the list.")
ABSENCE_FROM_CARE_ONLY = N_("Missing or away without permission is only recorded for a time away from care.")
SSDA903_MANAGERS_ONLY = N_("Only a manager of this council can download its SSDA903 return.")
SSDA903_NO_CHILD_ID = N_(
    "{count} young people in this return have no council child id yet. Add it to their record first."
)
SEARCH_OVER = N_("Nobody needs to look any more. Thank you for helping.")

# -- why we suggest a grade, in the reader's language ------------------------------------------
# The seeds' words (vocabulary.py) are the message ids; their Arabic is in messages.po.
FACTOR_BECAUSE = N_("{factor}: {why}")
FACTOR_SEPARATOR = N_("; ")


def explain(suggestion: vocabulary.Suggestion) -> list[str]:
    """`Suggestion.explain()` in the current language: the rule, one line per deciding
    factor with our reason for its weight, then that the police decide."""
    rules = {term.code: term.text for term in vocabulary.SUGGESTION_RULES}
    factors = {term.code: term.text for term in vocabulary.RISK_FACTORS}
    names = translate(FACTOR_SEPARATOR).join(translate(factors[code]) for code in suggestion.factors)
    lines = [translate(rules[suggestion.rule], factors=names)]
    lines += [
        translate(
            FACTOR_BECAUSE,
            factor=translate(factors[code]),
            why=translate(vocabulary.FACTOR_WEIGHTS[code].why),
        )
        for code in suggestion.factors
    ]
    lines += [translate(vocabulary.SUGGESTION_ONLY.text), translate(vocabulary.POLICE_DECIDE.text)]
    return lines
