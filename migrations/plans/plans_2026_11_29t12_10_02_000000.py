from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-29T12:10:02:000000"
VERSION = "1.38.0"
DESCRIPTION = "drop the plain names of who changed a part (sealed in actor)"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="plans", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="PlanChange",
        tablename="plan_change",
        column_name="actor_name",
        db_column_name="actor_name",
        schema=None,
    )

    return manager
