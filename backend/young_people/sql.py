"""Young people's statements on the hot paths (every young person's request, every plan
read), written once (see `db.Sql`)."""

from backend.db import Sql

RECORD_OF_USER = Sql('SELECT id FROM young_person WHERE "user" = :user')
"""The record a young person's account is linked to."""

CARER_TIED = Sql(
    "SELECT 1 AS tied FROM placement WHERE young_person = :young_person AND carer = :carer AND active"
)
WORKER_TIED = Sql(
    """
    SELECT 1 AS tied FROM case_allocation
    WHERE young_person = :young_person AND social_worker = :social_worker AND active
    """
)
HAS_CARER = Sql("SELECT 1 AS placed FROM placement WHERE young_person = :young_person AND active LIMIT 1")

ADULT_NAMES = Sql(
    """
    SELECT u.display_name, t.tie FROM (
        SELECT carer AS adult, 'carer' AS tie FROM placement
        WHERE young_person = :young_person AND active
        UNION ALL
        SELECT social_worker AS adult, 'social_worker' AS tie FROM case_allocation
        WHERE young_person = :young_person AND active
    ) AS t JOIN homeward_user AS u ON u.id = t.adult
    """
)
"""The names of the carers placed with and the social workers allocated to a young
person now, in no order (the names only: no account is read, nothing unsealed)."""
