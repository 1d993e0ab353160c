"""Every error leaves as application/problem+json, from this one place."""

from __future__ import annotations

import errno
import logging
import re

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, InternalServerException, ValidationException

from backend.errors import HomewardError, Invalid, TooManyAttempts

log = logging.getLogger("homeward")
MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Something is wrong with that request",
    401: "Please sign in",
    403: "You can't do that",
    404: "Not found",
    405: "That method is not allowed here",
    413: "That is too large to send",
    415: "Send JSON (Content-Type: application/json)",
    429: "Too many requests",
}


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


def _problem(status: int, title: str, detail: str | None, errors=None, headers=None) -> Response:
    body = Problem(
        type="about:blank",
        title=title,
        status=status,
        detail=detail or None,
        errors=[FieldError(e["field"], e["message"], e.get("suggestions")) for e in errors or ()] or None,
    )
    return Response(body, status_code=status, media_type=MEDIA_TYPE, headers=headers or {})


def homeward_error(_: Request, exc: HomewardError) -> Response:
    errors = None
    headers = None
    if isinstance(exc, Invalid):
        errors = [{"field": field, "message": message} for field, message in exc.errors.items()]
        for error in errors:
            if exc.suggestions.get(error["field"]):
                error["suggestions"] = exc.suggestions[error["field"]]
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    return _problem(exc.status, exc.title, exc.detail, errors, headers)


# Litestar names the whole body "data" when the problem is a field that is missing or
# not ours; the field itself is only named in the message.
_FIELD_IN_MESSAGE = re.compile(r"(?:missing required|unknown) field `([^`]+)`")


def _field(key: str, message: str = "") -> str:
    field = key.removeprefix("$.").split(".")[0] if key else ""
    if field == "data":
        named = _FIELD_IN_MESSAGE.search(message)
        return named.group(1) if named else ""
    return field


def http_error(_: Request, exc: HTTPException) -> Response:
    if isinstance(exc, ValidationException):
        errors = [
            {
                "field": _field(item.get("key", ""), item.get("message", "")),
                "message": item.get("message", "is not valid"),
            }
            for item in (exc.extra or [])
            if isinstance(item, dict)
        ]
        named = [e for e in errors if e["field"]]
        if named:
            return _problem(422, "Please check what you entered", exc.detail, named)
        return _problem(400, TITLES[400], exc.detail)
    status = exc.status_code
    if status >= 500:
        log.error("HTTP %s: %s", status, printable(exc.detail))
        return _problem(status, "Something went wrong on our side", None)
    return _problem(status, TITLES.get(status, "Request refused"), None, None, exc.headers)


def server_error(request: Request, exc: Exception) -> Response:
    # Log the type and route only: request bodies may hold a young person's words.
    log.error("unhandled %s on %s %s", type(exc).__name__, request.method,
              printable(request.url.path), exc_info=exc)
    return _problem(500, "Something went wrong on our side", "Please try again in a moment.")


# What the file system says about a path no file of ours can have: a name too long for it,
# or a path that goes on through a file as if it were a folder.
_NO_SUCH_FILE = {errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP}


def static_file_error(request: Request, exc: InternalServerException) -> Response:
    """For the PWA's static files: Litestar turns every file-system error but "not found"
    into a 500; a path that cannot name one of our files is a 404."""
    cause = exc.__cause__
    if isinstance(cause, OSError) and cause.errno in _NO_SUCH_FILE:
        return _problem(404, TITLES[404], None)
    return http_error(request, exc)


HANDLERS = {HomewardError: homeward_error, HTTPException: http_error, Exception: server_error}
