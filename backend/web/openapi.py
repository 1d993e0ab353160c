"""What the OpenAPI document says each route can answer, added in one place.

Litestar documents a handler's success reply from its return type, and a 400 for
validation in Litestar's own shape. Everything else a route can answer comes from layers
it cannot see: the edge guard, the CSRF and JSON checks, the body size limit and the one
error tree every service raises from, all leaving as problem+json (web/problems.py). So
as each route is registered, its handlers get those replies added here, from what can be
told about the handler (its path and methods). The few replies a handler builds by hand
(a PDF, a photo, a 304) are listed in EXTRA, which a test keeps in step with the routes.
Request bodies that refuse unknown fields are documented as closed (ClosedStructs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Router
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Schema
from litestar.plugins import OpenAPISchemaPlugin, ReceiveRoutePlugin
from litestar.routes import BaseRoute, HTTPRoute
from litestar.typing import FieldDefinition

from backend.alerts.schemas import AlertStatus
from backend.contacts.schemas import ContactOut
from backend.errors import NotFound
from backend.plans.schemas import VersionOut
from backend.web.auth import UNSAFE
from backend.web.problems import MEDIA_TYPE, Problem

# Any route: a path or query the guard refuses (422), a parameter or body that cannot
# be read at all (400).
SHARED = {
    400: "The request can't be read: a parameter of the wrong type, or a body that is not "
    "UTF-8 JSON or is nested too deeply",
    422: "A field is not valid (each is named in `errors`), or a number is out of range, "
    "or there is a hidden (control) character in the address or a NUL in the text",
}
# Routes under /api/ call services, which may refuse with any error of the one tree.
API = {
    401: "Not signed in (or the sign-in details don't match)",
    403: "Not allowed, or an unsafe request without the session's X-CSRF-Token",
    404: "No such record, or one the caller may not see (the same answer)",
    409: "It clashes with what is already saved",
    429: "Too many tries; Retry-After says how many seconds to wait",
}
# POST, PUT, PATCH and DELETE may carry a body.
WRITES = {
    413: "The body is larger than HOMEWARD_MAX_REQUEST_BYTES",
    415: "The body is not application/json",
}


class OfflineCopy(msgspec.Struct):
    """GET .../plan/agreed: the service encodes these bytes itself, so the ETag is the hash
    of exactly what is sent."""

    agreed: VersionOut | None
    trio: list[ContactOut]
    review_due_at: dt.datetime | None


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=Problem, media_type=MEDIA_TYPE, description=description, generate_examples=False
    )


def _binary(media_type: str, description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=bytes, media_type=media_type, description=description, generate_examples=False
    )


def _no_body(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=None, description=description, generate_examples=False)


YP = "/api/young-people/{young_person_id}"
EXTRA: dict[tuple[str, str], dict[int, ResponseSpec]] = {
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
        304: _no_body("The phone's copy (If-None-Match) is still current"),
    },
    ("GET", YP + "/plan/photos/{photo_id}"): {200: _binary("image/jpeg", "The photo, re-encoded")},
    ("GET", YP + "/plan/philomena.pdf"): {200: _binary("application/pdf", "The police form")},
}


def responses_for(path: str, methods: set[str], success_status: int) -> dict[int, ResponseSpec]:
    """Every reply a handler for `methods` on `path` (as in the document) can give besides
    the success reply Litestar documents."""
    errors = dict(SHARED)
    if path.startswith("/api/"):
        errors |= API
    if methods & UNSAFE:
        errors |= WRITES
    answers = {status: _problem(description) for status, description in errors.items()}
    if success_status == 204:
        answers[204] = _no_body("Done")
    for method in methods:
        answers |= EXTRA.get((method, path), {})
    return answers


class ClosedStructs(OpenAPISchemaPlugin):
    """A request struct made with forbid_unknown_fields refuses any other field (422): its
    schema says so (additionalProperties: false), so a client never sends one."""

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        return (
            not field_definition.is_union
            and field_definition.is_subclass_of(msgspec.Struct)
            and field_definition.type_.__struct_config__.forbid_unknown_fields
        )

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: Any) -> Schema:
        litestars = next(
            plugin for plugin in schema_creator.plugins
            if plugin is not self and schema_creator.plugin_supports_field(plugin, field_definition)
        )
        schema = litestars.to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        return schema


class DocumentedReplies(ReceiveRoutePlugin):
    """Adds responses_for() to every handler in the document as its route is registered
    (a handler's own `responses` still win)."""

    def receive_route(self, route: BaseRoute) -> None:
        if not isinstance(route, HTTPRoute):
            return
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            found = responses_for(route.path_format, set(handler.http_methods), handler.status_code)
            handler.responses = {**found, **(handler.responses or {})}


DOCUMENT_PATHS = frozenset({"/schema", "/schema/openapi.json"})


def schema_router(guard: Callable[[Request], Awaitable[None]]) -> Router:
    """The router Litestar serves the document from. Litestar answers any other path
    below it with an HTML page of its own: refuse those first, as problem+json."""

    async def before_request(request: Request) -> None:
        await guard(request)  # a router's hook replaces the app's, so run it here
        if request.url.path not in DOCUMENT_PATHS:
            raise NotFound()

    return Router("/schema", route_handlers=[], include_in_schema=False, before_request=before_request)
