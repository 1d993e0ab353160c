"""Piccolo app for the alerts area; its migrations live in migrations/alerts."""

from backend.alerts import tables
from backend.piccolo_apps import app_config

# "councils": its migration copies alerts' old escalation settings before ours drops them.
APP_CONFIG = app_config(
    "alerts", tables, depends_on=("accounts", "young_people", "contacts", "push", "councils")
)
