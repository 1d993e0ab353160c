from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-11-29T11:38:18:143697"
VERSION = "1.38.0"
DESCRIPTION = ""


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="invites", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="Invite",
        tablename="invite",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "InviteRole", {"YOUNG_PERSON": "young_person", "CARER": "carer"}
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
