from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-29T11:04:53:737910"
VERSION = "1.38.0"
DESCRIPTION = "audit events as codes: drop the plain columns"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="audit", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="AuditEvent",
        tablename="audit_event",
        column_name="actor_name",
        db_column_name="actor_name",
        schema=None,
    )

    manager.drop_column(
        table_class_name="AuditEvent",
        tablename="audit_event",
        column_name="detail",
        db_column_name="detail",
        schema=None,
    )

    manager.drop_column(
        table_class_name="AuditEvent",
        tablename="audit_event",
        column_name="what",
        db_column_name="what",
        schema=None,
    )

    return manager
