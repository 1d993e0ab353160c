"""A recipient may be the out-of-hours worker who knows the young person (seed 000),
asked before the duty rota."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar


ID = "2026-11-29T17:45:55:812185"
VERSION = "1.38.0"
DESCRIPTION = "alerts: a recipient may be the out-of-hours worker who knows the young person"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="alerts", description=DESCRIPTION
    )

    manager.alter_column(
        table_class_name="AlertRecipient",
        tablename="alert_recipient",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "RecipientRole",
                {
                    "TRUSTED_CONTACT": "trusted_contact",
                    "CARER": "carer",
                    "DUTY": "duty",
                    "YOUNG_PERSON": "young_person",
                    "SOCIAL_WORKER": "social_worker",
                    "KNOWN_WORKER": "known_worker",
                },
            )
        },
        old_params={
            "choices": Enum(
                "RecipientRole",
                {
                    "TRUSTED_CONTACT": "trusted_contact",
                    "CARER": "carer",
                    "DUTY": "duty",
                    "YOUNG_PERSON": "young_person",
                    "SOCIAL_WORKER": "social_worker",
                },
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
