"""How administrators' events read (backend/words.py), and the words of their errors."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

DEACTIVATED = wording("admin.account_deactivated", you=N_("deactivated the account of {name}"))
REACTIVATED = wording("admin.account_reactivated", you=N_("reactivated the account of {name}"))

ONLY_ADMINS = N_("Only an administrator can manage accounts.")
NOT_YOURSELF = N_("You can't deactivate your own account.")
NO_SUCH_ACCOUNT = N_("No account with that id.")
