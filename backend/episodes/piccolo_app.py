"""Piccolo app for the episodes area; its migrations live in migrations/episodes."""

from backend.episodes import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("episodes", tables, depends_on=("accounts", "young_people", "contacts"))
