"""Piccolo app for the councils area; its migrations live in migrations/councils."""

from backend.councils import tables
from backend.piccolo_apps import app_config

# Not "alerts": the copy of alerts' old escalation settings (a migration of ours) must be
# able to run before alerts drops that table, so alerts will depend on us, not we on it.
APP_CONFIG = app_config("councils", tables, depends_on=("accounts",))
