"""Piccolo app for rights requests; its migrations live in migrations/rights."""

from backend.piccolo_apps import app_config
from backend.rights import tables

APP_CONFIG = app_config("rights", tables, depends_on=("accounts", "young_people"))
