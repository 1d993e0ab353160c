from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Text
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-29T12:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "plan enums as choices; the sealed name of who changed a part"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="plans", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="PlanChange",
        tablename="plan_change",
        column_name="actor",
        db_column_name="actor",
        column_class_name="Text",
        column_class=Text,
        params={
            "default": None,
            "null": True,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.alter_column(
        table_class_name="PlanVersion",
        tablename="plan_version",
        column_name="status",
        db_column_name="status",
        params={
            "choices": Enum(
                "VersionStatus",
                {
                    "DRAFT": "draft",
                    "AGREED": "agreed",
                    "SUPERSEDED": "superseded",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="PlanSignature",
        tablename="plan_signature",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "SignerRole",
                {
                    "YOUNG_PERSON": "young_person",
                    "CARER": "carer",
                    "SOCIAL_WORKER": "social_worker",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="PlanChange",
        tablename="plan_change",
        column_name="role",
        db_column_name="role",
        params={
            "choices": Enum(
                "ChangedBy",
                {
                    "YOUNG_PERSON": "young_person",
                    "CARER": "carer",
                    "SOCIAL_WORKER": "social_worker",
                    "TRUSTED_CONTACT": "trusted_contact",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
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
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
