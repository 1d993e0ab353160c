"""Piccolo app for the contacts area; its migrations live in migrations/contacts."""

from backend.contacts import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("contacts", tables, depends_on=("accounts", "young_people"))
