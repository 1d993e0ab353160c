"""The wording of the councils domain's audit events (backend/words.py).

No young person is named in these: the settings belong to the council. A refusal's
code is the attempt, in the infinitive ("tried to change the council's settings").
"""

from backend.i18n import N_
from backend.words import wording

SETTINGS_CHANGED = wording("councils.settings_changed", you=N_("changed the council's settings"))
OPEN_SETTINGS = wording("councils.open_settings", you=N_("look at the council's settings"))
CHANGE_SETTINGS = wording("councils.change_settings", you=N_("change the council's settings"))
