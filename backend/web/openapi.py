"""What the OpenAPI document says each route can answer, added in one place.

Litestar documents a handler's success reply from its return type, and a 400 for
validation in Litestar's own shape. Everything else a route can answer comes from layers
it cannot see: the edge guard, the CSRF and JSON checks, the body size limit and the one
error tree every service raises from, all leaving as problem+json (web/problems.py). So
as each route is registered, its handlers get those replies added here, from what can be
told about the handler (its path and methods). The few replies a handler builds by hand
(a PDF, a photo, a 304) are named by the app (backend/replies.py: this module knows no
domain), and a test keeps them in step with the routes. Request bodies that refuse
unknown fields are documented as closed (ClosedStructs).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Router
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Schema
from litestar.plugins import OpenAPISchemaPlugin, ReceiveRoutePlugin
from litestar.routes import BaseRoute, HTTPRoute
from litestar.typing import FieldDefinition

from backend.errors import NotFound
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


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=Problem, media_type=MEDIA_TYPE, description=description, generate_examples=False
    )


def binary(media_type: str, description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=bytes, media_type=media_type, description=description, generate_examples=False
    )


def no_body(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=None, description=description, generate_examples=False)


HandMade = dict[tuple[str, str], dict[int, ResponseSpec]]
"""(method, path as in the document) -> the replies a handler builds by hand."""


def responses_for(
    path: str, methods: set[str], success_status: int, hand_made: HandMade | None = None
) -> dict[int, ResponseSpec]:
    """Every reply a handler for `methods` on `path` (as in the document) can give besides
    the success reply Litestar documents."""
    errors = dict(SHARED)
    if path.startswith("/api/"):
        errors |= API
    if methods & UNSAFE:
        errors |= WRITES
    answers = {status: _problem(description) for status, description in errors.items()}
    if success_status == 204:
        answers[204] = no_body("Done")
    for method in methods:
        answers |= (hand_made or {}).get((method, path), {})
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
            plugin
            for plugin in schema_creator.plugins
            if plugin is not self and schema_creator.plugin_supports_field(plugin, field_definition)
        )
        schema = litestars.to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        return schema


class DocumentedReplies(ReceiveRoutePlugin):
    """Adds responses_for() to every handler in the document as its route is registered
    (a handler's own `responses` still win)."""

    def __init__(self, hand_made: HandMade | None = None) -> None:
        self.hand_made = hand_made or {}

    def receive_route(self, route: BaseRoute) -> None:
        if not isinstance(route, HTTPRoute):
            return
        for handler in route.route_handlers:
            if not handler.resolve_include_in_schema():
                continue
            found = responses_for(
                route.path_format, set(handler.http_methods), handler.status_code, self.hand_made
            )
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
