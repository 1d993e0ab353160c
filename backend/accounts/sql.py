"""The accounts statements run on (nearly) every request, written once (see `db.Sql`)."""

from backend.db import Sql

SESSION_WITH_USER = Sql(
    """
    SELECT s.id, s."user", s.kind, s.csrf_token, s.created_at, s.last_seen_at, s.revoked_at,
           u.role, u.display_name, u.council, u.active, u.language
    FROM user_session AS s JOIN homeward_user AS u ON u.id = s."user"
    WHERE s.id = :id
    """
)
"""A session and the person it signs in, in one round trip."""

SEEN = Sql("UPDATE user_session SET last_seen_at = :at WHERE id = :id")

ME = Sql(
    """
    SELECT u.id, u.role, u.display_name, u.username, u.email, u.language, u.phone,
           s.kind, s.device_name, s.created_at, s.last_seen_at
    FROM user_session AS s JOIN homeward_user AS u ON u.id = s."user"
    WHERE s.id = :session
    """
)
"""What the signed-in person's phone shows about them and this session (`phone` sealed)."""
