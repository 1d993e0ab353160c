from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-11-29T14:01:05:520619"
VERSION = "1.38.0"
DESCRIPTION = ""


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="accounts", description=DESCRIPTION)

    manager.alter_column(
        table_class_name="User",
        tablename="homeward_user",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "Role",
                {
                    "YOUNG_PERSON": "young_person",
                    "CARER": "carer",
                    "SOCIAL_WORKER": "social_worker",
                    "MANAGER": "manager",
                    "ADMIN": "admin",
                    "POLICE_LIAISON": "police_liaison",
                },
            )
        },
        old_params={
            "choices": Enum(
                "Role",
                {
                    "YOUNG_PERSON": "young_person",
                    "CARER": "carer",
                    "SOCIAL_WORKER": "social_worker",
                    "MANAGER": "manager",
                    "ADMIN": "admin",
                },
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
