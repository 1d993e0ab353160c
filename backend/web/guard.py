"""The edge: input refused for every route before any handler or service sees it.

Each rule here is one that no domain should have to remember: PostgreSQL cannot store NUL
in text (SQLite can, so only one database failed), deeply nested JSON exhausts the
decoder's recursion, a body that is not UTF-8 is not JSON, an integer in a path or query
must fit the database's 32-bit integer, and a control character in a path or query has no
use but to upset whatever reads it later (a file system, a log).
"""

from __future__ import annotations

import re
from typing import Any

import msgspec
from litestar import Request
from litestar.typing import FieldDefinition

from backend.errors import HomewardError, Invalid
from backend.i18n import N_, Message
from backend.web.auth import UNSAFE, require_json
from backend.web.problems import printable

MAX_DEPTH = 32
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

HIDDEN_CHARACTER = N_("This has a hidden character we can't save. Please type it again.")
HIDDEN_IN_ADDRESS = N_("This address has a hidden character in it.")
NUMBER_RANGE = Message(N_("Use a whole number from {lowest} to {highest}."), lowest=INT_MIN, highest=INT_MAX)
NOT_UTF8 = N_("Send the body as JSON in UTF-8.")
NOT_JSON = N_("That is not valid JSON.")


async def guard_request(request: Request) -> None:
    """Refuse bad input at the edge: path, query, then (for handlers that read one) the body."""
    _check_path(request)
    _check_query(request)
    await require_json(request)
    handler = request.route_handler
    if request.method in UNSAFE and "data" in handler.parsed_fn_signature.parameters:
        _check_body(await request.body())


def _check_path(request: Request) -> None:
    if not _CONTROL.search(request.scope["path"]):
        return
    named = [name for name, value in request.path_params.items() if _CONTROL.search(str(value))]
    raise Invalid({named[0] if named else "path": HIDDEN_IN_ADDRESS})


def _check_query(request: Request) -> None:
    errors: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if _CONTROL.search(name) or _CONTROL.search(value):
            errors[printable(name)] = HIDDEN_CHARACTER
    signature = request.route_handler.parsed_fn_signature.parameters
    for name, field in signature.items():
        if not _is_int(field):
            continue
        key = getattr(field.kwarg_definition, "query", None) or name  # a query alias
        raw = request.query_params.get(key, request.path_params.get(key))
        try:
            number = int(raw) if raw is not None else None
        except ValueError:
            continue  # not a number at all: the handler's own validation says so
        if number is not None and not INT_MIN <= number <= INT_MAX:
            errors[key] = NUMBER_RANGE
    if errors:
        raise Invalid(errors)


def _is_int(field: FieldDefinition) -> bool:
    kinds = field.inner_types if field.is_union else (field,)
    return any(kind.annotation is int for kind in kinds)


def _check_body(raw: bytes) -> None:
    if not raw:
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HomewardError(NOT_UTF8) from None
    try:
        value = msgspec.json.decode(raw)
    except RecursionError:
        raise HomewardError(_TOO_DEEP) from None
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise HomewardError(NOT_JSON) from None
    field = _field_with_nul(value)
    if field is not None:
        raise Invalid({field: HIDDEN_CHARACTER})


_TOO_DEEP = Message(N_("That JSON is nested too deeply (more than {levels} levels)."), levels=MAX_DEPTH)


def _field_with_nul(value: Any) -> str | None:
    """The top-level field holding a NUL anywhere inside it ("body" when the body is not
    an object). Walks without recursion, refusing JSON nested deeper than MAX_DEPTH."""
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, field, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise HomewardError(_TOO_DEEP)
        if isinstance(item, str):
            if "\x00" in item:
                return field or "body"
        elif isinstance(item, dict):
            for key, inner in item.items():
                name = field or printable(key)
                if "\x00" in key:
                    return name
                stack.append((inner, name, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, field, depth + 1) for inner in item)
    return None
