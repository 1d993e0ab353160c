"""Piccolo app for the accounts area; its migrations live in migrations/accounts."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.accounts import tables

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "accounts"

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=str(MIGRATIONS),
    table_classes=[
        value
        for value in vars(tables).values()
        if isinstance(value, type) and getattr(value, "__module__", "") == tables.__name__
    ],
    migration_dependencies=[],
)
