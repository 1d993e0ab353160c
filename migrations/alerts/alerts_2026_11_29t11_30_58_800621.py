from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-29T11:30:58:800621"
VERSION = "1.38.0"
DESCRIPTION = "alerts: drop the plain-text name of who answered and the English sentences of events"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="alerts", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="Alert",
        tablename="alert",
        column_name="acknowledged_by",
        db_column_name="acknowledged_by",
        schema=None,
    )

    manager.drop_column(
        table_class_name="AlertEvent",
        tablename="alert_event",
        column_name="what",
        db_column_name="what",
        schema=None,
    )

    return manager
