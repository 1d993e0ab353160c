"""What a council starts with, and where each number comes from.

The thresholds are the guidance's own numbers (`../shared/seeds/`; the episode vocabulary
cites the same lines). A council may change any of them on its settings screen.
"""

from __future__ import annotations

# Nobody answering an alert in 5 minutes moves it on (JOURNEYS.md, "02:40, Saturday");
# the same number alerts used as its one council setting.
ESCALATION_MINUTES = 5

# Ours: the seeds name no office hours. Seed 003 6.3.6 speaks of "the emergency duty team,
# if out of hours, and the Social Worker ... the next working day".
OFFICE_DAYS = "mon,tue,wed,thu,fri"
OPENS_AT = 9 * 60
CLOSES_AT = 17 * 60
TIME_ZONE = "Europe/London"

# Seed 003 9.3: "The trigger for holding a missing from care/home strategy meeting under
# S47 Children Act 1989 will be missing for more than 24 hours".
STRATEGY_MEETING_AFTER_HOURS = 24
# Seed 003 6.6.1: "When a child has been missing for a period of 48 hours the social worker
# should inform the relevant senior manager." (Seed 001 has a "Senior Leadership Alert" at
# 24 hours for a child allocated to a social worker: a council may choose that.)
SENIOR_MANAGER_AFTER_HOURS = 48
# Seed 003 6.6.2: "A further strategy meeting should be convened if child has not been
# located within 7 days." (5.6.5 says the same for a child missing from home.)
FURTHER_MEETING_AFTER_DAYS = 7
# Seed 003 6.6.3: "Three episodes of missing within a 90 day period should trigger a
# multi-agency strategy meeting".
REPEAT_EPISODES = 3
REPEAT_WINDOW_DAYS = 90
# Seed 001: "Hold strategy meeting within 3 working days".
STRATEGY_MEETING_WITHIN_WORKING_DAYS = 3
# Seed 001: "RHI to be offered within 24hrs"; seed 003 7.9: "The return interview should be
# conducted in all instances within 72 hours of the child's return".
RHI_OFFER_WITHIN_HOURS = 24
RHI_HELD_WITHIN_HOURS = 72

# -- retention (issue 15; docs/privacy/dpia.md, "How long we keep it") --------------------
# An alert's location and phone number are for finding the young person. Kept 72 hours
# after the alert ends: the return home interview is held "within 72 hours of the
# child's return" (seed 003 7.9), and where they were may matter to it; then deleted.
ALERT_LOCATION_HOURS = 72
# A trusted person who stepped down (or was removed) stays, marked so, in the young
# person's plan until the plan is next agreed; 30 days gives time for that. Then their
# name, phone and email are erased and a placeholder stays.
STEPPED_DOWN_CONTACT_DAYS = 30
# Police-feedback answers are needed one by one only until their quarter's figures are
# out (a quarter's links have all run out); 90 days after a month's links run out its
# answers become counts per question, which give exactly the same figures.
FEEDBACK_ANSWERS_DAYS = 90
# The Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50:
# a looked-after child's case record is kept until their 75th birthday (or 15 years
# after their death, if they die before 18). A council may keep it longer, never less.
LOOKED_AFTER_UNTIL_AGE = 75
# No law sets a period for other children's records; local authority retention
# schedules commonly keep children's social care records until the 25th birthday.
OTHER_UNTIL_AGE = 25
