"""Every error leaves as application/problem+json, from this one place, in the reader's
language (backend/web/language.py): the title, the detail and each field's message are
English message ids, translated here."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap
from litestar.utils.scope.state import ScopeState

from backend.errors import HomewardError, Invalid, TooManyAttempts
from backend.i18n import N_, Message, translate
from backend.web import language

log = logging.getLogger("homeward")
MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: N_("Something is wrong with that request"),
    401: N_("Please sign in"),
    403: N_("You can't do that"),
    404: N_("Not found"),
    405: N_("That method is not allowed here"),
    413: N_("That is too large to send"),
    415: N_("Send JSON (Content-Type: application/json)"),
    429: N_("Too many requests"),
}
REFUSED = N_("Request refused")
CHECK_ENTRIES = N_("Please check what you entered")
SOME_NOT_RIGHT = N_("Some of what was sent is not right. Each field says what.")
OUR_SIDE = N_("Something went wrong on our side")
TRY_AGAIN = N_("Please try again in a moment.")
MISSING = N_("This is needed.")
UNKNOWN = N_("This is not something we ask for. Leave it out.")
NOT_VALID = N_("This is not valid.")
UNREADABLE = N_("What was sent can't be read here. Check it and send it again.")
TOO_LONG = N_("Use {count} characters or fewer.")
TOO_SHORT = N_("Use at least {count} characters.")
NOT_TEXT = N_("Write this as words.")


class FieldError(msgspec.Struct, omit_defaults=True):
    field: str
    message: str
    suggestions: list[str] | None = None
    """Values that would do instead (free usernames), when there are any."""


class Problem(msgspec.Struct, omit_defaults=True):
    """RFC 9457 problem details; `errors` names each bad field so a screen can point at it."""

    type: str
    title: str
    status: int
    detail: str | None = None
    errors: list[FieldError] | None = None


def printable(text: object) -> str:
    """Text safe for one log line: control characters (a newline in a request path could
    start a forged line) are written as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in str(text))


def _problem(
    request: Request, status: int, title: str, detail: str | None, errors=None, headers=None
) -> Response:
    code = language.of(request)
    body = Problem(
        type="about:blank",
        title=translate(title, code),
        status=status,
        detail=translate(detail, code) if detail else None,
        errors=[
            FieldError(e["field"], translate(e["message"], code), e.get("suggestions")) for e in errors or ()
        ]
        or None,
    )
    return Response(body, status_code=status, media_type=MEDIA_TYPE, headers=headers or {})


def homeward_error(request: Request, exc: HomewardError) -> Response:
    errors: list[dict[str, Any]] | None = None
    headers = None
    detail = exc.detail
    if isinstance(exc, Invalid):
        errors = [{"field": field, "message": message} for field, message in exc.errors.items()]
        for error in errors:
            if exc.suggestions.get(error["field"]):
                error["suggestions"] = exc.suggestions[error["field"]]
        if detail == exc.summary:
            # The English summary of the fields: said again in the reader's language.
            code = language.of(request)
            detail = "; ".join(f"{f}: {translate(m, code)}" for f, m in exc.errors.items())
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    return _problem(request, exc.status, exc.title, detail, errors, headers)


def _sent(request: Request) -> object:
    """The body as Litestar parsed it for this request (kept in the request's scope), or
    Empty when it was never parsed."""
    return ScopeState.from_scope(request.scope).json


def _body_fields(request: Request) -> list[str]:
    """The fields of the body a whole-body error is about, found from the body itself.

    msgspec reports a missing or unknown field as an error of the whole body (Litestar's
    key is "data") and names the field only in its message: its ValidationError carries
    no path or field (Litestar reads locations out of the same text). So instead compare
    what was sent with the fields the route's body type declares: the required ones not
    sent, or the ones sent that it does not have."""
    parameter = request.route_handler.parsed_fn_signature.parameters.get("data")
    body = _sent(request)
    kind = getattr(parameter, "annotation", None)
    if not isinstance(body, dict) or not (isinstance(kind, type) and issubclass(kind, msgspec.Struct)):
        return []
    fields = msgspec.structs.fields(kind)
    names = {field.encode_name for field in fields}
    missing = [field.encode_name for field in fields if field.required and field.encode_name not in body]
    strict = kind.__struct_config__.forbid_unknown_fields
    unknown = [name for name in body if name not in names] if strict else []
    return missing + unknown


def _plain(request: Request, field: str) -> str | Message:
    """Words for what is wrong with a body field, worked out from what the route's body
    type declares about it (its type, its length limits) and what was sent: msgspec's own
    text is English and written for programmers ("Expected `str` of length <= 254")."""
    parameter = request.route_handler.parsed_fn_signature.parameters.get("data")
    kind = getattr(parameter, "annotation", None)
    sent = _sent(request)
    if not (isinstance(kind, type) and issubclass(kind, msgspec.Struct)) or not isinstance(sent, dict):
        return NOT_VALID
    info = msgspec.inspect.type_info(kind)
    declared = next((f for f in getattr(info, "fields", ()) if f.encode_name == field), None)
    if declared is None:
        return NOT_VALID
    kinds = declared.type.types if isinstance(declared.type, msgspec.inspect.UnionType) else (declared.type,)
    text = next((k for k in kinds if isinstance(k, msgspec.inspect.StrType)), None)
    value = sent.get(field)
    if text is None or value is None:
        return NOT_VALID
    if not isinstance(value, str):
        return NOT_TEXT
    if text.max_length is not None and len(value) > text.max_length:
        return Message(TOO_LONG, count=text.max_length)
    if text.min_length is not None and len(value) < text.min_length:
        return Message(TOO_SHORT, count=text.min_length)
    return NOT_VALID


def _field_errors(request: Request, exc: ValidationException) -> list[dict]:
    errors = []
    for item in exc.extra or []:
        if not isinstance(item, dict):
            continue
        field = str(item.get("key", "")).removeprefix("$.").split(".")[0]
        if field != "data":
            if field:
                errors.append({"field": field, "message": _plain(request, field)})
            continue
        sent = _sent(request)
        body = sent if isinstance(sent, dict) else {}  # _body_fields finds none otherwise
        for name in _body_fields(request):
            errors.append({"field": name, "message": MISSING if name not in body else UNKNOWN})
    return errors


def http_error(request: Request, exc: HTTPException) -> Response:
    if isinstance(exc, ValidationException):
        named = _field_errors(request, exc)
        if named:
            return _problem(request, 422, CHECK_ENTRIES, SOME_NOT_RIGHT, named)
        return _problem(request, 400, TITLES[400], UNREADABLE)
    status = exc.status_code
    if status >= 500:
        log.error("HTTP %s: %s", status, printable(exc.detail))
        return _problem(request, status, OUR_SIDE, None)
    return _problem(request, status, TITLES.get(status, REFUSED), None, None, exc.headers)


def server_error(request: Request, exc: Exception) -> Response:
    # Log the type and route only: request bodies may hold a young person's words.
    log.error(
        "unhandled %s on %s %s", type(exc).__name__, request.method, printable(request.url.path), exc_info=exc
    )
    return _problem(request, 500, OUR_SIDE, TRY_AGAIN)


# What the file system says about a path no file of ours can have: a name too long for it,
# or a path that goes on through a file as if it were a folder.
HANDLERS: ExceptionHandlersMap = {
    HomewardError: homeward_error,
    HTTPException: http_error,
    Exception: server_error,
}
