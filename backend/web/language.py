"""The language of a request, chosen at the edge.

In order: the language the page asks for (the `X-Homeward-Language` header, or the
`homeward_lang` cookie the PWA keeps), else the signed-in person's stored choice (known
once their session is found, see backend/accounts/edge.py), else the browser's
Accept-Language. Services never choose: they read `i18n.current()` or return codes.
"""

from __future__ import annotations

from litestar import Request

from backend import i18n

HEADER = "x-homeward-language"
COOKIE = "homeward_lang"
_STATE = "homeward_language"


def asked_for(request: Request) -> str | None:
    """A shipped language the page asks for by header or cookie, or None."""
    for value in (request.headers.get(HEADER), request.cookies.get(COOKIE)):
        code = (value or "").strip().lower().replace("_", "-").split("-")[0]
        if code in i18n.LANGUAGES:
            return code
    return None


def choose(request: Request, stored: str | None = None) -> str:
    asked = asked_for(request)
    if asked:
        return asked
    if stored in i18n.LANGUAGES:
        return stored
    return i18n.from_accept_language(request.headers.get("accept-language"))


def use(request: Request, stored: str | None = None) -> str:
    """Set the language for the rest of this request (and remember it on the request,
    for an error answered after the handler's context is gone)."""
    code = choose(request, stored)
    i18n.use(code)
    # The scope's state dict itself: `request.state` wraps it in a new State (with a
    # lock) on every access, 3% of a busy plan read.
    request.scope.setdefault("state", {})[_STATE] = code
    return code


def of(request: Request) -> str:
    """The language this request was answered in, or would be."""
    return request.scope.get("state", {}).get(_STATE) or choose(request)
