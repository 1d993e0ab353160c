from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from enum import Enum
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-29T11:43:13:090820"
VERSION = "1.38.0"
DESCRIPTION = "contact state as choices; the language a trusted contact chose"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="contacts", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="TrustedContact",
        tablename="trusted_contact",
        column_name="language",
        db_column_name="language",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 8,
            "default": "en",
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": Enum("LanguageCode", {"EN": "en", "AR": "ar"}),
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.alter_column(
        table_class_name="TrustedContact",
        tablename="trusted_contact",
        column_name="state",
        db_column_name="state",
        params={
            "choices": Enum(
                "ContactState",
                {
                    "NOT_INVITED": "not_invited",
                    "INVITED": "invited",
                    "ACTIVE": "active",
                    "STEPPED_DOWN": "stepped_down",
                    "REMOVED": "removed",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
