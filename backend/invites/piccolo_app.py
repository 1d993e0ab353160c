"""Piccolo app for the invites area; its migrations live in migrations/invites."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.invites import tables

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "invites"

APP_CONFIG = AppConfig(
    app_name="invites",
    migrations_folder_path=str(MIGRATIONS),
    table_classes=[
        value
        for value in vars(tables).values()
        if isinstance(value, type) and getattr(value, "__module__", "") == tables.__name__
    ],
    migration_dependencies=["backend.accounts.piccolo_app", "backend.young_people.piccolo_app"],
)
