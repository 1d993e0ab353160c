"""Piccolo app for the actions area; its migrations live in migrations/actions."""

from backend.actions import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("actions", tables, depends_on=("accounts", "young_people"))
