"""The plan read's statements (a young person opens their plan more than anything else),
written once (see `db.Sql`)."""

from backend.db import Sql

PLAN_AND_VERSIONS = Sql(
    """
    SELECT p.id AS plan_id, p.review_due_at, p.review_reason,
           v.id, v.number, v.status, v.content, v.content_hash, v.created_at, v.updated_at,
           v.agreed_at
    FROM plan AS p
    LEFT JOIN plan_version AS v ON v.plan = p.id AND v.status IN (:draft, :agreed)
    WHERE p.young_person = :young_person
    ORDER BY v.number DESC
    """
)
"""A young person's plan with its draft and agreed versions (sealed), newest first: one
row with empty version columns when it has neither."""

SIGNATURES = Sql(
    """
    SELECT s.version, s.role, s.content_hash, s.signed_at, u.display_name
    FROM plan_signature AS s LEFT JOIN homeward_user AS u ON u.id = s."user"
    WHERE s.version IN (:first, :second)
    ORDER BY s.signed_at
    """
)
"""Who signed either of two versions (the second may be None), in the order they signed."""

CHANGES = Sql(
    """
    SELECT version, at, actor, role, section FROM plan_change
    WHERE version IN (:first, :second)
    ORDER BY at DESC
    """
)
"""Who changed which part of either of two versions, newest first (`actor` is sealed)."""

TRIO_STATES = Sql("SELECT contact_id, state, since FROM trio_standing WHERE young_person = :young_person")
