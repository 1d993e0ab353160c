"""Alerts read how long to wait, and who is on duty, from the councils' settings now
(councils.api); the councils' migration 2026-11-29T11:32:42 copied alerts' old settings
there, and runs first (alerts depend on councils). A recipient may now be the young
person's own social worker (in office hours)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar

ID = "2026-11-29T14:00:23:796069"
VERSION = "1.38.0"
DESCRIPTION = "alerts: escalation reads the councils' settings; its old escalation settings are dropped"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="alerts", description=DESCRIPTION
    )

    manager.drop_table(
        class_name="EscalationSettings",
        tablename="escalation_settings",
        schema=None,
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
                },
            )
        },
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
