"""One way to declare a Piccolo app per domain folder, with migrations in migrations/<app>."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from piccolo.columns.reference import LazyTableReference
from piccolo.conf.apps import AppConfig
from piccolo.table import Table

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def app_config(name: str, tables: ModuleType, depends_on: tuple[str, ...] = ()) -> AppConfig:
    """The app `name`, holding every Table class defined in the module `tables`."""
    return AppConfig(
        app_name=name,
        migrations_folder_path=str(MIGRATIONS / name),
        table_classes=[
            value
            for value in vars(tables).values()
            if isinstance(value, type) and issubclass(value, Table) and value.__module__ == tables.__name__
        ],
        migration_dependencies=[f"backend.{dep}.piccolo_app" for dep in depends_on],
    )


def elsewhere(app: str, table: str) -> LazyTableReference:
    """A table of another domain, for a ForeignKey, without importing that domain.

    Given by app name (not module path), Piccolo's migrations see the same reference
    as a direct import, so switching to it changed no migration.
    """
    return LazyTableReference(table, app_name=app)
