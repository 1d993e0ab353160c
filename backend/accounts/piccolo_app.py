"""Piccolo app for the accounts area; its migrations live in migrations/accounts."""

from backend.accounts import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("accounts", tables)
