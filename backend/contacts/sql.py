"""The contacts statements on hot paths (the offline copy a phone keeps, the trio on every
young person's home), written once (see `db.Sql`)."""

from backend.db import Sql

CONTACTS_OF = Sql(
    """
    SELECT c.id, c.young_person, c.details, c.state, c.invite_code_hash, c.invite_expires_at,
           c.token_hash, c.csrf_token, c.position, c.created_by, c.created_at, c.accepted_at,
           c.stepped_down_at, c.forgotten_at, c.language,
           EXISTS (SELECT 1 FROM push_subscription AS s WHERE s.contact = c.id) AS notified
    FROM trusted_contact AS c
    WHERE c.young_person = :young_person
    ORDER BY c.position, c.created_at
    """
)
"""Every trusted contact a young person has had, in their order (callers keep the states
they want: a young person has a handful), each with whether they have turned
notifications on in any browser (the push domain's subscriptions, read for the same fact
as `push.api.contacts_with_any`)."""
