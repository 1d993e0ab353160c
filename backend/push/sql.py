"""The push statements on the alert path (which browsers a recipient has, on every tap;
where to send, on every push), written once (see `db.Sql`)."""

from backend.db import Sql

OF_CONTACT = Sql("SELECT id FROM push_subscription WHERE contact = :contact")
"""A trusted contact's subscriptions."""

OF_USER = Sql('SELECT id FROM push_subscription WHERE "user" = :user')
"""A user's subscriptions."""

TARGET = Sql("SELECT subscription FROM push_subscription WHERE id = :id")
"""One subscription's sealed endpoint and keys."""
