"""Push subscriptions move to their own app (backend/push): the contacts app lets go of
the table here, and the push app's first migration takes it as it is.

Both are faked (recorded as run, no SQL): Piccolo would otherwise drop the table here
and make an empty one there, losing every browser's subscription. Each app's history
still says what it holds, so later --auto migrations of either app come out right.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-29T11:33:26:999135"
VERSION = "1.38.0"
DESCRIPTION = "push subscriptions handed over to the push app (no SQL)"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="contacts", description=DESCRIPTION, fake=True
    )

    manager.drop_table(
        class_name="PushSubscription", tablename="push_subscription", schema=None
    )

    return manager
