"""Piccolo app for police-response feedback; its migrations live in migrations/feedback."""

from backend.feedback import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("feedback", tables, depends_on=("accounts", "young_people"))
