"""The councils statements on the alert path (every tap asks how long to wait; the
social worker's step asks for the office hours and the rota), written once (see
`db.Sql`)."""

from backend.db import Sql

SETTINGS = Sql("SELECT * FROM council_settings WHERE council = :council")
"""The council's settings row, every column (as `CouncilSettings.select()`); none until
its settings are first read."""

ESCALATION = Sql(
    """
    SELECT trio_minutes, carer_minutes, duty_minutes FROM council_settings WHERE council = :council
    """
)
"""Only the minutes an alert waits at each step (what every tap asks)."""

ROTA = Sql("SELECT * FROM duty_rota WHERE council = :council ORDER BY position")
"""The council's duty rota in its order, every column (as `DutyRota.select()`)."""
