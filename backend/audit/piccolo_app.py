"""Piccolo app for the audit area; its migrations live in migrations/audit."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from backend.audit import tables

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations" / "audit"

APP_CONFIG = AppConfig(
    app_name="audit",
    migrations_folder_path=str(MIGRATIONS),
    table_classes=[
        value
        for value in vars(tables).values()
        if isinstance(value, type) and getattr(value, "__module__", "") == tables.__name__
    ],
    migration_dependencies=[],
)
