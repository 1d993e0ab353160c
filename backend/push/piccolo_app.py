"""Piccolo app for Web Push subscriptions; its migrations live in migrations/push.

The table was made by the contacts app (its first migration) and handed over to this
one by a pair of migrations that change no schema: see migrations/push."""

from backend.piccolo_apps import app_config
from backend.push import tables

APP_CONFIG = app_config("push", tables, depends_on=("accounts", "contacts"))
