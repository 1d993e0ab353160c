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

PLAN_READ = Sql(
    """
    SELECT 'version' AS kind, v.id AS ref, p.id AS plan, v.created_at AS at,
           v.updated_at AS at2, v.agreed_at AS at3, p.review_due_at AS due, v.number AS number,
           v.status AS role, v.content_hash AS detail, p.review_reason AS name, v.content AS sealed
    FROM plan AS p
    LEFT JOIN plan_version AS v ON v.plan = p.id AND v.status IN (:draft, :agreed)
    WHERE p.young_person = :young_person
    UNION ALL
    SELECT 'signature', s.version, NULL, s.signed_at, NULL, NULL, NULL, NULL,
           s.role, s.content_hash, u.display_name, NULL
    FROM plan_signature AS s
    JOIN plan_version AS v ON v.id = s.version
    JOIN plan AS p ON p.id = v.plan
    LEFT JOIN homeward_user AS u ON u.id = s."user"
    WHERE p.young_person = :young_person AND v.status IN (:draft, :agreed)
    UNION ALL
    SELECT 'change', c.version, NULL, c.at, NULL, NULL, NULL, NULL, c.role, c.section, NULL, c.actor
    FROM plan_change AS c
    JOIN plan_version AS v ON v.id = c.version
    JOIN plan AS p ON p.id = v.plan
    WHERE p.young_person = :young_person AND v.status IN (:draft, :agreed)
    UNION ALL
    SELECT 'person', t.contact_id, NULL, t.since, NULL, NULL, NULL, NULL, NULL, t.state, NULL, NULL
    FROM trio_standing AS t WHERE t.young_person = :young_person
    UNION ALL
    SELECT 'adult', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'carer', NULL, u.display_name, NULL
    FROM placement AS pl JOIN homeward_user AS u ON u.id = pl.carer
    WHERE pl.young_person = :young_person AND pl.active
    UNION ALL
    SELECT 'adult', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'social_worker', NULL, u.display_name, NULL
    FROM case_allocation AS a JOIN homeward_user AS u ON u.id = a.social_worker
    WHERE a.young_person = :young_person AND a.active
    UNION ALL
    SELECT 'young_person', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, yp.preferred_name, NULL
    FROM young_person AS yp WHERE yp.id = :young_person
    """
)
"""Everything a plan read shows, in one round trip (the plan read is the request a young
person makes most). One row shape for every `kind`; columns a kind does not use are
NULL. In no order.

- `version`: `ref` the draft's or the agreed version's id (NULL: the plan has neither;
  no row at all: no plan); the plan's `plan` id, `due` review_due_at and `name`
  review_reason; the version's `at` created_at, `at2` updated_at, `at3` agreed_at,
  `number`, `role` status, `detail` content_hash and `sealed` content;
- `signature`: `ref` the version signed, `at` when, `role` as what, `detail` the
  content_hash signed, `name` the signer's;
- `change`: `ref` the version changed, `at` when, `role` as what, `detail` the section,
  `sealed` who changed it;
- `person`: `ref` one of the young person's people (the contact), `detail` where they
  stand now, `at` since when;
- `adult`: `role` carer (placed with them now) or social_worker (allocated now), `name`
  (the young people domain's placements and allocations, read for the same facts as
  `young_people.api.adult_names`);
- `young_person`: `name`, their preferred name.

Types come from the first SELECT's columns (SQLite converts by their declared types, so
that SELECT names a real column for every column that needs converting)."""

TRIO_STATES = Sql("SELECT contact_id, state, since FROM trio_standing WHERE young_person = :young_person")
