"""How administrators' events read (backend/words.py), and the words of their errors."""

from __future__ import annotations

from backend.i18n import N_
from backend.words import wording

DEACTIVATED = wording("admin.account_deactivated", you=N_("deactivated the account of {name}"))
REACTIVATED = wording("admin.account_reactivated", you=N_("reactivated the account of {name}"))
RESET_LINK_MADE = wording("admin.reset_link_made", you=N_("made a reset link for {name}"))
RESET_LINK_NOTICE = wording(
    "admin.reset_link_notice",
    you=N_("{name} made you a link to reset your password and second factor. If you didn't ask, tell them."),
)

ONLY_ADMINS = N_("Only an administrator can manage accounts.")
NOT_YOURSELF = N_("You can't deactivate your own account.")
NO_SUCH_ACCOUNT = N_("No account with that id.")
NO_RESET_LINK = N_("Young people get a new sign-in link from their social worker or carer.")
