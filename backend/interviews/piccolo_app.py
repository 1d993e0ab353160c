"""Piccolo app for return interviews; its migrations live in migrations/interviews."""

from backend.interviews import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("interviews", tables, depends_on=("accounts", "young_people", "episodes"))
