from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-11-29T14:06:24:648304"
VERSION = "1.38.0"
DESCRIPTION = ""


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="plans", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="PlanChange",
        tablename="plan_change",
        column_name="section",
        db_column_name="section",
        params={
            "choices": Enum(
                "Section",
                {
                    "ABOUT_ME": "about_me",
                    "WORRIES": "worries",
                    "PLACES": "places",
                    "CARER_STEPS": "carer_steps",
                    "SHARING": "sharing",
                    "PROFESSIONAL_NOTES": "professional_notes",
                    "TRIO": "trio",
                    "PHOTO": "photo_id",
                    "COMING_BACK": "coming_back",
                },
            )
        },
        old_params={
            "choices": Enum(
                "Section",
                {
                    "ABOUT_ME": "about_me",
                    "WORRIES": "worries",
                    "PLACES": "places",
                    "CARER_STEPS": "carer_steps",
                    "SHARING": "sharing",
                    "PROFESSIONAL_NOTES": "professional_notes",
                    "TRIO": "trio",
                    "PHOTO": "photo_id",
                },
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
