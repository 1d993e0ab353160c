"""The HTTP side of signing in, for any domain: the session and device cookies, CSRF,
JSON-only writes and the client address. Knows no domain: accounts turns the session
cookie into an Actor (backend/accounts/edge.py)."""

from __future__ import annotations

import ipaddress

from litestar import Request, Response

from backend.config import get_settings
from backend.errors import Forbidden, HomewardError
from backend.i18n import N_
from backend.security import same

COOKIE = "homeward_session"
# Marks a browser that has signed in to one account before (see accounts.services.sign_in).
# Sent only to the sign-in routes: nothing else needs it.
DEVICE_COOKIE = "homeward_device"
DEVICE_COOKIE_PATH = "/api/auth"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Browsers cap cookie lifetimes at 400 days; the server decides what is really valid.
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600
# The longest text an address can be written in ("[ffff:...:ffff]:65535" is 47).
LONGEST_ADDRESS = 64


class UnsupportedMediaType(HomewardError):
    status = 415
    title = N_("Send JSON (Content-Type: application/json)")


def session_token(request: Request) -> str | None:
    return request.cookies.get(COOKIE)


def check_csrf(request: Request, csrf_token: str) -> None:
    """Unsafe methods must echo the session's CSRF token in X-CSRF-Token."""
    if request.method in UNSAFE:
        sent = request.headers.get("x-csrf-token", "")
        if not sent or not same(sent, csrf_token):
            raise Forbidden(
                N_("Reload the page and try again."), title=N_("This request was refused for safety")
            )


async def require_json(request: Request) -> None:
    """Unsafe requests with a body must be JSON: an HTML form from another site cannot
    send that without a CORS preflight, which we never grant."""
    if request.method not in UNSAFE:
        return
    has_body = request.headers.get("content-length", "0") != "0" or ("transfer-encoding" in request.headers)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if has_body and media != "application/json":
        raise UnsupportedMediaType()


def client_address(request: Request) -> str:
    """The address sign-in throttling counts.

    With no proxy, the address that connected. Behind N proxies of ours, each appends
    the address it saw to X-Forwarded-For, so the entry N from the right is the one our
    outermost proxy saw; everything to its left was written by the client and may be
    anything.
    """
    socket = request.client.host if request.client else "unknown"
    count = get_settings().trusted_proxy_count
    if count:
        seen = forwarded_client(request.headers.getall("x-forwarded-for", []), count)
        if seen is not None:
            return seen
    return socket


def forwarded_client(headers: list[str], count: int) -> str | None:
    """The address `count` entries from the right of X-Forwarded-For (several headers
    read as one list), written canonically; None if there is no such entry or it is not
    an IP address."""
    entries = ",".join(headers).rsplit(",", count)
    if len(entries) < count:
        return None
    return canonical_ip(entries[-count])


def canonical_ip(text: str) -> str | None:
    """An IP address in one canonical spelling (so one address is one throttle key), or
    None. A port after it (`1.2.3.4:80`, `[::1]:80`) is dropped, as is an IPv6 zone."""
    text = text.strip()
    if not text or len(text) > LONGEST_ADDRESS:
        return None
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


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


def set_device_cookie(response: Response, value: str) -> None:
    response.set_cookie(
        key=DEVICE_COOKIE,
        value=value,
        max_age=DEVICE_COOKIE_SECONDS,
        path=DEVICE_COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )
