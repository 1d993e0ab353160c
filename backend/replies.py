"""Replies some handlers build by hand (a PDF, a photo, a 304, an alert tapped again),
for the OpenAPI document: web/openapi.py adds them to their routes. Here, at the
composition root, because they name domains' shapes and web/ knows no domain."""

from __future__ import annotations

import datetime as dt

import msgspec
from litestar.openapi.datastructures import ResponseSpec

from backend.alerts.schemas import AlertStatus
from backend.contacts.schemas import ContactOut
from backend.plans.schemas import VersionOut
from backend.web.openapi import HandMade, binary, no_body


class OfflineCopy(msgspec.Struct):
    """GET .../plan/agreed: the service encodes these bytes itself, so the ETag is the hash
    of exactly what is sent."""

    agreed: VersionOut | None
    trio: list[ContactOut]
    review_due_at: dt.datetime | None


YP = "/api/young-people/{young_person_id}"
HANDMADE: HandMade = {
    ("GET", "/health"): {
        503: ResponseSpec(dict, description="The database can't be reached", generate_examples=False),
    },
    ("POST", "/api/alerts"): {
        200: ResponseSpec(
            AlertStatus,
            description="The same tap again (same idempotency_key): the alert it already raised",
            generate_examples=False,
        ),
    },
    ("GET", YP + "/plan/agreed"): {
        200: ResponseSpec(
            OfflineCopy, description="The agreed plan and the trio, with an ETag", generate_examples=False
        ),
        304: no_body("The phone's copy (If-None-Match) is still current"),
    },
    ("GET", YP + "/plan/photos/{photo_id}"): {200: binary("image/jpeg", "The photo, re-encoded")},
    ("GET", YP + "/plan/philomena.pdf"): {200: binary("application/pdf", "The police form")},
}
