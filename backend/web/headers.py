"""Security headers on every response: API, static files and errors alike.

A before_send hook is the one place that sees every response (middleware and
response_headers miss static files and 404/405/500).
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
    ]
)
BASE = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # Location is asked for only by our own page, and only when the young person chooses.
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
    "interest-cohort=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
HSTS = "max-age=63072000; includeSubDomains"


def make_before_send(https: bool):
    async def before_send(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        for name, value in BASE.items():
            headers[name] = value
        if https:
            headers["Strict-Transport-Security"] = HSTS
        path = scope.get("path", "")
        if path.startswith("/api/") or path == "/health":
            headers["Cache-Control"] = "no-store"
        elif path in ("/", "/index.html", "/sw.js", "/manifest.webmanifest"):
            # Always revalidate, so a new version of the app reaches phones.
            headers["Cache-Control"] = "no-cache"

    return before_send
