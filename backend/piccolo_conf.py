"""Piccolo's configuration: the engine comes from HOMEWARD_DATABASE_URL."""

from piccolo.conf.apps import AppRegistry

from backend.config import get_settings
from backend.db import engine_from_url

DB = engine_from_url(get_settings().database_url)

APP_REGISTRY = AppRegistry(
    apps=[
        "backend.accounts.piccolo_app",
        "backend.young_people.piccolo_app",
        "backend.invites.piccolo_app",
        "backend.audit.piccolo_app",
        "backend.plans.piccolo_app",
        "backend.contacts.piccolo_app",
        "backend.push.piccolo_app",
        "backend.alerts.piccolo_app",
        "backend.councils.piccolo_app",
        "backend.interviews.piccolo_app",
        "backend.episodes.piccolo_app",
        "backend.actions.piccolo_app",
        "backend.notify.piccolo_app",
        "backend.feedback.piccolo_app",
        "backend.rights.piccolo_app",
    ]
)
