"""Which local addresses a TCP port is listening on, from /proc/net (Linux)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

_LISTEN = "0A"


def listening_addresses(port: int) -> set[str]:
    """Addresses with a socket listening on ``port`` (empty if none)."""
    found: set[str] = set()
    for name in ("tcp", "tcp6"):
        table = Path("/proc/net") / name
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] == _LISTEN and int(port_hex, 16) == port:
                found.add(str(_decode(address)))
    return found


def _decode(address_hex: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    raw = bytes.fromhex(address_hex)
    # /proc prints each 32-bit word in host (little-endian) order.
    words = [raw[i : i + 4][::-1] for i in range(0, len(raw), 4)]
    joined = b"".join(words)
    return ipaddress.IPv4Address(joined) if len(joined) == 4 else ipaddress.IPv6Address(joined)
