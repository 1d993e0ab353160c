"""Sign-in attempt counting, kept in the database so every process shares it."""

from __future__ import annotations

import datetime as dt
import ipaddress

from backend.accounts.tables import Throttle
from backend.clock import as_utc
from backend.config import get_settings
from backend.db import write_transaction
from backend.errors import TooManyAttempts


def _limit(key: str) -> int:
    settings = get_settings()
    if key.startswith(("account:", "device:")):
        return settings.login_max_failures_per_account
    if key.startswith(("invite:", "link:")):
        return settings.invite_max_tries_per_invite
    if key.startswith("invite-address:"):
        return settings.invite_max_tries_per_address
    return settings.login_max_failures_per_address


async def attempt(keys: list[str], now: dt.datetime) -> None:
    """Count one sign-in attempt against every key, or refuse (429) while any key has
    used up its tries in the current window.

    The attempt is counted before the secret is checked, by one atomic increment per
    key, so guesses sent all at once meet the same limit as guesses sent one by one.
    A sign-in that succeeds takes its attempt back (`succeeded`).
    """
    window = dt.timedelta(minutes=get_settings().login_window_minutes)
    async with write_transaction():
        await Throttle.insert(
            *[Throttle(key=key, failures=0, window_started_at=now) for key in keys]
        ).on_conflict(action="DO NOTHING")
        await Throttle.update(failures=0, window_started_at=now).where(
            Throttle.key.is_in(keys) & (Throttle.window_started_at <= now - window)
        )
        rows = (
            await Throttle.update(failures=Throttle.failures + 1)
            .where(Throttle.key.is_in(keys))
            .returning(Throttle.key, Throttle.failures, Throttle.window_started_at)
        )
        for row in rows:
            if row["failures"] > _limit(row["key"]):
                # Raising rolls the increments back: a refused try is not counted.
                ends = as_utc(row["window_started_at"]) + window
                raise TooManyAttempts(int((ends - now).total_seconds()) + 1)


async def succeeded(account: str, address: str | None = None) -> None:
    """The right details: forget the account's (or the device's) failures and give the
    address its try back."""
    async with write_transaction():
        await Throttle.delete().where(Throttle.key == account)
        if address is not None:
            await Throttle.update(failures=Throttle.failures - 1).where(
                (Throttle.key == address) & (Throttle.failures > 0)
            )


def account_key(identifier: str) -> str:
    return f"account:{identifier.strip().lower()[:254]}"


def device_key(device_id: str) -> str:
    return f"device:{device_id}"


def invite_key(invite_id: object) -> str:
    return f"invite:{invite_id}"


def link_key(link_id: object) -> str:
    return f"link:{link_id}"


def address_key(address: str, prefix: str = "address") -> str:
    """One key per client address. IPv6 counts per /64: a home or a phone is usually
    given a whole /64, and could otherwise take a new address for every guess."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"{prefix}:{address[:64]}"
    if ip.version == 6:
        return f"{prefix}:{ipaddress.ip_network((ip, 64), strict=False)}"
    return f"{prefix}:{ip}"
