"""Piccolo app for the plans area; its migrations live in migrations/plans."""

from backend.piccolo_apps import app_config
from backend.plans import tables

APP_CONFIG = app_config("plans", tables, depends_on=("accounts", "young_people"))
