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

AROUND = Sql(
    """
    SELECT 'signature' AS kind, s.version AS ref, s.signed_at AS at, s.role AS role,
           s.content_hash AS detail, u.display_name AS name, NULL AS sealed
    FROM plan_signature AS s
    JOIN plan_version AS v ON v.id = s.version
    JOIN plan AS p ON p.id = v.plan
    LEFT JOIN homeward_user AS u ON u.id = s."user"
    WHERE p.young_person = :young_person AND v.status IN (:draft, :agreed)
    UNION ALL
    SELECT 'change', c.version, c.at, c.role, c.section, NULL, c.actor
    FROM plan_change AS c
    JOIN plan_version AS v ON v.id = c.version
    JOIN plan AS p ON p.id = v.plan
    WHERE p.young_person = :young_person AND v.status IN (:draft, :agreed)
    UNION ALL
    SELECT 'person', t.contact_id, t.since, NULL, t.state, NULL, NULL
    FROM trio_standing AS t WHERE t.young_person = :young_person
    UNION ALL
    SELECT 'adult', NULL, NULL, 'carer', NULL, u.display_name, NULL
    FROM placement AS pl JOIN homeward_user AS u ON u.id = pl.carer
    WHERE pl.young_person = :young_person AND pl.active
    UNION ALL
    SELECT 'adult', NULL, NULL, 'social_worker', NULL, u.display_name, NULL
    FROM case_allocation AS a JOIN homeward_user AS u ON u.id = a.social_worker
    WHERE a.young_person = :young_person AND a.active
    UNION ALL
    SELECT 'young_person', NULL, NULL, NULL, NULL, yp.preferred_name, NULL
    FROM young_person AS yp WHERE yp.id = :young_person
    """
)
"""Everything a plan read shows around the versions' content, in one round trip (the
plan read is the request a young person makes most): for each row, by `kind`,
- `signature`: who signed the draft or the agreed version (`ref` the version), when
  (`at`), as what (`role`), on which content (`detail`, its hash), their `name`;
- `change`: who changed which part (`detail`, the section) of either version (`ref`),
  when, as what, their name `sealed`;
- `person`: where one of the young person's people (`ref`, the contact) stands now
  (`detail`) and since when (`at`);
- `adult`: the name of a carer placed with them or a social worker allocated to them now
  (`role` says which; the young people domain's placements and allocations, read for
  the same facts as `young_people.api.adult_names`);
- `young_person`: their preferred `name`.
In no order. Types come from the first SELECT's columns (SQLite converts by them)."""

TRIO_STATES = Sql("SELECT contact_id, state, since FROM trio_standing WHERE young_person = :young_person")
