"""Piccolo app for the notify area; its migrations live in migrations/notify."""

from backend.notify import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("notify", tables, depends_on=("accounts", "young_people", "push"))
