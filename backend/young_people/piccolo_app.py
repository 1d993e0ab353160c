"""Piccolo app for the young people area; its migrations live in migrations/young_people."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.young_people import tables

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "young_people"

APP_CONFIG = AppConfig(
    app_name="young_people",
    migrations_folder_path=str(MIGRATIONS),
    table_classes=[
        value
        for value in vars(tables).values()
        if isinstance(value, type) and getattr(value, "__module__", "") == tables.__name__
    ],
    migration_dependencies=["backend.accounts.piccolo_app"],
)
