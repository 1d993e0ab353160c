"""Turning a request into an Actor: the session cookie, CSRF and the client address."""

from __future__ import annotations

from litestar import Request, Response

from backend.accounts import services as accounts
from backend.accounts.actor import Actor
from backend.clock import now
from backend.config import get_settings
from backend.errors import Forbidden, HomewardError
from backend.security import same

COOKIE = "homeward_session"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Browsers cap cookie lifetimes at 400 days; the server decides what is really valid.
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600


class UnsupportedMediaType(HomewardError):
    status = 415
    title = "Send JSON (Content-Type: application/json)"


async def provide_actor(request: Request) -> Actor:
    """The signed-in caller. Unsafe methods must echo the session's CSRF token."""
    actor = await accounts.actor_for_token(request.cookies.get(COOKIE), now())
    if request.method in UNSAFE:
        sent = request.headers.get("x-csrf-token", "")
        if not sent or not same(sent, actor.csrf_token):
            raise Forbidden(
                "Reload the page and try again.", title="This request was refused for safety"
            )
    return actor


async def require_json(request: Request) -> None:
    """Unsafe requests with a body must be JSON: an HTML form from another site cannot
    send that without a CORS preflight, which we never grant."""
    if request.method not in UNSAFE:
        return
    has_body = request.headers.get("content-length", "0") != "0" or (
        "transfer-encoding" in request.headers
    )
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if has_body and media != "application/json":
        raise UnsupportedMediaType()


def client_address(request: Request) -> str:
    if get_settings().trust_forwarded_for:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"


def set_session_cookie(response: Response, token: str, kind: str) -> None:
    response.set_cookie(
        key=COOKIE,
        value=token,
        max_age=DEVICE_COOKIE_SECONDS if kind == "device" else None,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(key=COOKIE, path="/")
