"""The words of a manager's figures (English source; Arabic in the catalogue)."""

from __future__ import annotations

from backend.figures.counting import NOT_RECORDED, Dimension, Group
from backend.figures.periods import PeriodKind
from backend.figures.schemas import FigureKey
from backend.i18n import N_

LABELS = {
    FigureKey.YOUNG_PEOPLE: N_("Young people on Homeward"),
    FigureKey.YOUNG_PEOPLE_JOINED: N_("Young people who have joined on their own phone"),
    FigureKey.CARERS: N_("Carers using Homeward"),
}
ONLY_MANAGERS = N_("Only managers see council figures.")
NO_SUCH_TEAM = N_("There is no such team in your council.")
BAD_PERIOD = N_("Choose month, quarter or year.")
BAD_START = N_("Give the first day of a month, quarter or year, like 2026-01-01.")

GROUPS = {
    Group.EPISODES: N_("Missing episodes"),
    Group.MISSING_FROM: N_("Missing episodes by where from"),
    Group.YOUNG_PEOPLE: N_("Young people who went missing"),
    Group.OUT_OF_AREA: N_("Young people who went missing, by placement"),
    Group.INTERVIEWS: N_("Return home interviews"),
    Group.DECLINED: N_("Return home interviews declined, and why"),
    Group.CONSENT: N_("Return home interviews lost to parental consent"),
    Group.FOLLOW_UP: N_("Follow-up support after a return"),
}
PARTS = {
    "reported": N_("Reported to the police"),
    "unreported": N_("Not reported (hidden missing)"),
    "not_yet_reported": N_("Not reported yet"),
    "home": N_("Missing from home"),
    "care": N_("Missing from care"),
    "once": N_("Went missing once"),
    "repeat": N_("Went missing more than once"),
    "out_of_area": N_("Placed out of area"),
    "in_area": N_("Not placed out of area"),
    "not_offered": N_("Not offered yet"),
    "no_answer": N_("Offered, no answer yet"),
    "declined": N_("Declined"),
    "accepted_not_held": N_("Accepted, not held yet"),
    "held_within_72_hours": N_("Held within 72 hours"),
    "held_later": N_("Held after 72 hours"),
    "young_person_refused": N_("The young person refused"),
    "wants_time_to_decide": N_("Wanted time to decide"),
    "wants_someone_else": N_("Wanted someone else"),
    "nothing_changed_last_time": N_("Nothing changed last time"),
    "no_parental_consent": N_("No parental consent"),
    "other": N_("Other"),
    "lost_to_parental_consent": N_("Lost to parental consent"),
    "not_lost": N_("Not lost to consent"),
    "follow_up_given": N_("Follow-up given"),
    "no_follow_up": N_("No follow-up recorded"),
    NOT_RECORDED: N_("Not recorded"),
}
SUMS = {
    "offered": N_("Return home interviews offered"),
    "accepted": N_("Return home interviews accepted"),
    "held": N_("Return home interviews held"),
}
DIMENSIONS = {
    Dimension.AGE_BAND: N_("By age band"),
    Dimension.SEX: N_("By sex"),
    Dimension.ETHNICITY: N_("By ethnic group"),
}
CATEGORIES = {
    "under_13": N_("Under 13"),
    "13_15": N_("13 to 15"),
    "16_17": N_("16 and 17"),
    "18_over": N_("18 and over"),
    "F": N_("Female"),
    "M": N_("Male"),
    "U": N_("Not known"),
    "white": N_("White"),
    "mixed": N_("Mixed"),
    "asian": N_("Asian or Asian British"),
    "black": N_("Black or Black British"),
    "other": N_("Other ethnic group"),
    "not_known": N_("Refused or not yet obtained"),
    NOT_RECORDED: N_("Not recorded"),
}
TOTAL = N_("Total")
SIXTEEN_SEVENTEEN = N_("16 and 17 year olds who went missing")
PERIODS = {PeriodKind.MONTH: N_("Month"), PeriodKind.QUARTER: N_("Quarter"), PeriodKind.YEAR: N_("Year")}
CSV_HEADER = (N_("Figure"), N_("Breakdown"), N_("Group"), N_("Part"), N_("Number"))
