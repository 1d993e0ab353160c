"""Piccolo app for the young people area; its migrations live in migrations/young_people."""

from backend.piccolo_apps import app_config
from backend.young_people import tables

APP_CONFIG = app_config("young_people", tables, depends_on=("accounts",))
