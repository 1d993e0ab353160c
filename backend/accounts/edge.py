"""The HTTP edge of accounts: the session cookie turned into an Actor (the `actor`
dependency every signed-in route asks for), and the reply that signs someone in.

What accounts cannot know (a young person's own record) is added by a `compose_actor`
dependency the app provides (backend/app.py), so accounts imports no other domain.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from litestar import Request, Response
from litestar.di import NamedDependency

from backend.accounts import services
from backend.accounts.actor import Actor
from backend.accounts.schemas import MeOut
from backend.clock import now
from backend.web import language
from backend.web.auth import check_csrf, session_token, set_device_cookie, set_session_cookie

ComposeActor = Callable[[Actor], Awaitable[Actor]]
"""Completes the Actor accounts resolved (the app adds a young person's record)."""


async def provide_actor(request: Request, compose_actor: NamedDependency[ComposeActor]) -> Actor:
    """The signed-in caller, or 401. Unsafe methods must echo the session's CSRF token.
    From here on the request speaks the caller's stored language, unless the page asked
    for another."""
    actor = await services.actor_for_token(session_token(request), now())
    check_csrf(request, actor.csrf_token)
    language.use(request, actor.language)
    return await compose_actor(actor)


async def signed_in(token: str, compose_actor: ComposeActor, status_code: int = 200) -> Response[MeOut]:
    """A Me reply that sets the session cookie and the device cookie (after sign-in or
    joining)."""
    at = now()
    actor = await compose_actor(await services.actor_for_token(token, at))
    response = Response(await services.me(actor), status_code=status_code)
    set_session_cookie(response, token, actor.session_kind)
    set_device_cookie(response, services.remember_device(actor, at))
    return response
