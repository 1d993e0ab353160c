"""Piccolo app for the invites area; its migrations live in migrations/invites."""

from backend.invites import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("invites", tables, depends_on=("accounts", "young_people"))
