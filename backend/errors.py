"""One error tree for the whole backend; the web layer maps it to problem+json."""

from __future__ import annotations

from backend.i18n import N_, Message


class HomewardError(Exception):
    """Base of every error a person can be shown."""

    status = 400
    title = N_("Something is wrong with that request")

    def __init__(self, detail: str | None = None, *, title: str | None = None):
        super().__init__(detail or title or self.title)
        self.detail = detail
        if title:
            self.title = title


class NotFound(HomewardError):
    status = 404
    title = N_("Not found")


class Forbidden(HomewardError):
    status = 403
    title = N_("You can't do that")


class Unauthenticated(HomewardError):
    status = 401
    title = N_("Please sign in")


class Conflict(HomewardError):
    status = 409
    title = N_("That clashes with something already saved")


class Invalid(HomewardError):
    """Bad input; `errors` names each bad field so the screen can point at it, and
    `suggestions` may offer values that would do instead (a free username)."""

    status = 422
    title = N_("Please check what you entered")

    def __init__(
        self,
        errors: dict[str, str],
        detail: str | None = None,
        suggestions: dict[str, list[str]] | None = None,
    ):
        # The fields' messages in one line, in English; problem+json says it translated.
        self.summary = "; ".join(f"{k}: {v}" for k, v in errors.items())
        super().__init__(detail or self.summary)
        self.errors = errors
        self.suggestions = suggestions or {}


class TooManyAttempts(HomewardError):
    status = 429
    title = N_("Too many tries. Please wait and try again.")

    def __init__(self, retry_after_seconds: int):
        minutes = max(1, -(-retry_after_seconds // 60))
        super().__init__(
            N_("Try again in 1 minute.")
            if minutes == 1
            else Message(N_("Try again in {minutes} minutes."), minutes=minutes)
        )
        self.retry_after_seconds = retry_after_seconds
