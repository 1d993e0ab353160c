"""Piccolo app for the audit area; its migrations live in migrations/audit."""

from backend.audit import tables
from backend.piccolo_apps import app_config

APP_CONFIG = app_config("audit", tables)
