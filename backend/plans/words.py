"""How the plan's events read in "who has looked at my information" (backend/words.py):
`you` for the young person, `adult` for anyone else. Attempts (what a refused caller
tried to do) are infinitive: "Someone who isn't allowed tried to look at your plan."
"""

from __future__ import annotations

from backend.i18n import N_
from backend.plans.schemas import Section
from backend.words import wording

OPENED = wording(
    "plan.opened",
    you=N_("looked at your safety plan"),
    adult=N_("looked at {young_person}'s safety plan"),
)
SIGNED = wording(
    "plan.signed",
    you=N_("signed your safety plan"),
    adult=N_("signed {young_person}'s safety plan"),
)
AGREED = wording(
    "plan.agreed",
    you=N_("your safety plan was agreed by everyone"),
    adult=N_("{young_person}'s safety plan was agreed by everyone"),
)
VERSIONS_READ = wording(
    "plan.versions_read",
    you=N_("looked at the versions of your safety plan"),
    adult=N_("looked at the versions of {young_person}'s safety plan"),
)
COMPARED = wording(
    "plan.compared",
    you=N_("compared versions of your safety plan"),
    adult=N_("compared versions of {young_person}'s safety plan"),
)
PHOTO_SEEN = wording(
    "plan.photo_seen",
    you=N_("looked at your photo"),
    adult=N_("looked at {young_person}'s photo"),
)
POLICE_FORM = wording(
    "plan.police_form_downloaded",
    you=N_("downloaded your police form (Philomena Protocol)"),
    adult=N_("downloaded {young_person}'s police form (Philomena Protocol)"),
)

# One code per part, so each reads whole in every language (no English part name
# dropped into a translated sentence).
CHANGED = {
    Section.ABOUT_ME: wording(
        "plan.changed.about_me",
        you=N_('changed "about me" in your safety plan'),
        adult=N_('changed "about me" in {young_person}\'s safety plan'),
    ),
    Section.WORRIES: wording(
        "plan.changed.worries",
        you=N_('changed "what worries me" in your safety plan'),
        adult=N_('changed "what worries me" in {young_person}\'s safety plan'),
    ),
    Section.PLACES: wording(
        "plan.changed.places",
        you=N_("changed the places in your safety plan"),
        adult=N_("changed the places in {young_person}'s safety plan"),
    ),
    Section.CARER_STEPS: wording(
        "plan.changed.carer_steps",
        you=N_("changed what your carer will do, in your safety plan"),
        adult=N_("changed what the carer will do, in {young_person}'s safety plan"),
    ),
    Section.SHARING: wording(
        "plan.changed.sharing",
        you=N_("changed who can see what in your safety plan"),
        adult=N_("changed who can see what in {young_person}'s safety plan"),
    ),
    Section.COMING_BACK: wording(
        "plan.changed.coming_back",
        you=N_('changed "when I come back" in your safety plan'),
        adult=N_('changed "when I come back" in {young_person}\'s safety plan'),
    ),
    Section.PROFESSIONAL_NOTES: wording(
        "plan.changed.professional_notes",
        you=N_("changed the notes from professionals in your safety plan"),
        adult=N_("changed the notes from professionals in {young_person}'s safety plan"),
    ),
    Section.TRIO: wording(
        "plan.changed.trio",
        you=N_("changed your people in your safety plan"),
        adult=N_("changed {young_person}'s people in their safety plan"),
    ),
    Section.PHOTO: wording(
        "plan.changed.photo",
        you=N_("changed your photo in your safety plan"),
        adult=N_("changed {young_person}'s photo in their safety plan"),
    ),
}

# What someone who was refused tried to do.
OPEN = wording("plan.open", you=N_("look at your plan"), adult=N_("open {young_person}'s plan"))
EDIT = wording("plan.edit", you=N_("change your plan"), adult=N_("change {young_person}'s plan"))
SIGN = wording("plan.sign", you=N_("sign your plan"), adult=N_("sign {young_person}'s plan"))
SEE_VERSIONS = wording(
    "plan.see_versions",
    you=N_("look at the versions of your plan"),
    adult=N_("look at the versions of {young_person}'s plan"),
)
COMPARE = wording(
    "plan.compare",
    you=N_("compare versions of your plan"),
    adult=N_("compare versions of {young_person}'s plan"),
)
ADD_PHOTO = wording(
    "plan.add_photo",
    you=N_("add a photo to your plan"),
    adult=N_("add a photo to {young_person}'s plan"),
)
SEE_PHOTO = wording(
    "plan.see_photo", you=N_("look at your photo"), adult=N_("look at {young_person}'s photo")
)
DOWNLOAD_POLICE_FORM = wording(
    "plan.download_police_form",
    you=N_("download your police form"),
    adult=N_("download {young_person}'s police form"),
)
