from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from enum import Enum
from piccolo.columns.base import OnDelete
from piccolo.columns.base import OnUpdate
from piccolo.columns.column_types import ForeignKey
from piccolo.columns.column_types import Integer
from piccolo.columns.column_types import Text
from piccolo.columns.column_types import Timestamptz
from piccolo.columns.column_types import UUID
from piccolo.columns.column_types import Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.defaults.uuid import UUID4
from piccolo.columns.indexes import IndexMethod
from piccolo.table import Table


class Delivery(Table, tablename="delivery", schema=None):
    id = UUID(
        default=UUID4(),
        null=False,
        primary_key=True,
        unique=False,
        index=False,
        index_method=IndexMethod.btree,
        choices=None,
        db_column_name=None,
        secret=False,
    )


ID = "2026-11-29T11:30:40:836999"
VERSION = "1.38.0"
DESCRIPTION = "alerts: states and kinds as choices, delivery attempts, worker heartbeats, events as codes (new columns), sealed recipient names"


class SealedNameManager(MigrationManager):
    """SQLite cannot ALTER a column's type, and needs no change: a VARCHAR column there
    holds text of any length, so the recipient's name sealed into TEXT fits as it is.
    The other changes of columns here are only `choices`, which the database never sees."""

    async def _run_alter_columns(self, backwards: bool = False):
        if engine_finder().engine_type == "sqlite":
            return
        await super()._run_alter_columns(backwards=backwards)


async def forwards():
    manager = SealedNameManager(
        migration_id=ID, app_name="alerts", description=DESCRIPTION
    )

    manager.add_table(
        class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        schema=None,
        columns=None,
    )

    manager.add_table(
        class_name="OutboxWorker",
        tablename="outbox_worker",
        schema=None,
        columns=None,
    )

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="id",
        db_column_name="id",
        column_class_name="UUID",
        column_class=UUID,
        params={
            "default": UUID4(),
            "null": False,
            "primary_key": True,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="delivery",
        db_column_name="delivery",
        column_class_name="ForeignKey",
        column_class=ForeignKey,
        params={
            "references": Delivery,
            "on_delete": OnDelete.cascade,
            "on_update": OnUpdate.cascade,
            "target_column": None,
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": True,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="at",
        db_column_name="at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params={
            "default": TimestamptzNow(),
            "null": False,
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

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="channel",
        db_column_name="channel",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 10,
            "default": "",
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": Enum(
                "DeliveryChannel", {"PUSH": "push", "EMAIL": "email"}
            ),
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="result",
        db_column_name="result",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 10,
            "default": "",
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": Enum(
                "AttemptResult",
                {
                    "SENT": "sent",
                    "RETRY": "retry",
                    "GONE": "gone",
                    "FAILED": "failed",
                },
            ),
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="status_code",
        db_column_name="status_code",
        column_class_name="Integer",
        column_class=Integer,
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

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="error",
        db_column_name="error",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 200,
            "default": "",
            "null": False,
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

    manager.add_column(
        table_class_name="DeliveryAttempt",
        tablename="delivery_attempt",
        column_name="duration_ms",
        db_column_name="duration_ms",
        column_class_name="Integer",
        column_class=Integer,
        params={
            "default": 0,
            "null": False,
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

    manager.add_column(
        table_class_name="OutboxWorker",
        tablename="outbox_worker",
        column_name="id",
        db_column_name="id",
        column_class_name="UUID",
        column_class=UUID,
        params={
            "default": UUID4(),
            "null": False,
            "primary_key": True,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="OutboxWorker",
        tablename="outbox_worker",
        column_name="name",
        db_column_name="name",
        column_class_name="Text",
        column_class=Text,
        params={
            "default": "",
            "null": False,
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

    manager.add_column(
        table_class_name="OutboxWorker",
        tablename="outbox_worker",
        column_name="started_at",
        db_column_name="started_at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params={
            "default": TimestamptzNow(),
            "null": False,
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

    manager.add_column(
        table_class_name="OutboxWorker",
        tablename="outbox_worker",
        column_name="seen_at",
        db_column_name="seen_at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params={
            "default": TimestamptzNow(),
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": True,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="Alert",
        tablename="alert",
        column_name="acknowledged_recipient",
        db_column_name="acknowledged_recipient",
        column_class_name="UUID",
        column_class=UUID,
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

    manager.add_column(
        table_class_name="AlertEvent",
        tablename="alert_event",
        column_name="code",
        db_column_name="code",
        column_class_name="Varchar",
        column_class=Varchar,
        params={
            "length": 80,
            "default": "",
            "null": False,
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

    manager.add_column(
        table_class_name="AlertEvent",
        tablename="alert_event",
        column_name="params",
        db_column_name="params",
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
        table_class_name="Alert",
        tablename="alert",
        column_name="kind",
        db_column_name="kind",
        params={
            "choices": Enum(
                "Kind",
                {
                    "NEED_HELP": "need_help",
                    "SAFE_NOT_HOME": "safe_not_home",
                    "CALL_ME": "call_me",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="Alert",
        tablename="alert",
        column_name="state",
        db_column_name="state",
        params={
            "choices": Enum(
                "AlertState",
                {
                    "ACTIVE": "active",
                    "ACKNOWLEDGED": "acknowledged",
                    "CANCELLED": "cancelled",
                    "FAILED": "failed",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="Alert",
        tablename="alert",
        column_name="level",
        db_column_name="level",
        params={
            "choices": Enum(
                "Level", {"PEOPLE": 0, "CARER": 1, "DUTY": 2, "FINAL": 3}
            )
        },
        old_params={"choices": None},
        column_class=Integer,
        old_column_class=Integer,
        schema=None,
    )

    manager.alter_column(
        table_class_name="AlertRecipient",
        tablename="alert_recipient",
        column_name="level",
        db_column_name="level",
        params={
            "choices": Enum(
                "Level", {"PEOPLE": 0, "CARER": 1, "DUTY": 2, "FINAL": 3}
            )
        },
        old_params={"choices": None},
        column_class=Integer,
        old_column_class=Integer,
        schema=None,
    )

    manager.alter_column(
        table_class_name="AlertRecipient",
        tablename="alert_recipient",
        column_name="name",
        db_column_name="name",
        params={},
        old_params={},
        column_class=Text,
        old_column_class=Varchar,
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
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="AlertRecipient",
        tablename="alert_recipient",
        column_name="purpose",
        db_column_name="purpose",
        params={
            "choices": Enum("Purpose", {"ALERT": "alert", "CALL_999": "call_999"})
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="Delivery",
        tablename="delivery",
        column_name="channel",
        db_column_name="channel",
        params={
            "choices": Enum("DeliveryChannel", {"PUSH": "push", "EMAIL": "email"})
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    manager.alter_column(
        table_class_name="Delivery",
        tablename="delivery",
        column_name="state",
        db_column_name="state",
        params={
            "choices": Enum(
                "DeliveryState",
                {
                    "PENDING": "pending",
                    "SENDING": "sending",
                    "SENT": "sent",
                    "FAILED": "failed",
                    "GONE": "gone",
                    "CANCELLED": "cancelled",
                },
            )
        },
        old_params={"choices": None},
        column_class=Varchar,
        old_column_class=Varchar,
        schema=None,
    )

    return manager
