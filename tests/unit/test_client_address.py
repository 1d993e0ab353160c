"""Reading the client's address from X-Forwarded-For behind a known number of proxies."""

from __future__ import annotations

import pytest

from backend.accounts.throttle import address_key
from backend.web.auth import canonical_ip, forwarded_client


@pytest.mark.parametrize(
    ("headers", "count", "client"),
    [
        (["203.0.113.5"], 1, "203.0.113.5"),
        (["spoofed, 203.0.113.5"], 1, "203.0.113.5"),  # the left is the client's own writing
        (["1.1.1.1, 203.0.113.5, 192.0.2.9"], 2, "203.0.113.5"),
        (["1.1.1.1", "203.0.113.5"], 1, "203.0.113.5"),  # several headers are one list
        (["203.0.113.5"], 2, None),  # fewer entries than proxies: not from our proxies
        ([], 1, None),
        (["1.1.1.1, nonsense"], 1, None),
        (["203.0.113.5, " + "9" * 10_000], 1, None),
    ],
)
def test_the_entry_as_many_from_the_right_as_there_are_proxies_is_the_client(headers, count, client):
    assert forwarded_client(headers, count) == client


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("203.0.113.5", "203.0.113.5"),
        (" 203.0.113.5:8443 ", "203.0.113.5"),
        ("[2001:DB8::1]:443", "2001:db8::1"),
        ("2001:0db8:0000::0001", "2001:db8::1"),
        ("::ffff:203.0.113.5", "203.0.113.5"),
        ("fe80::1%eth0", "fe80::1"),
        ("", None),
        ("unknown", None),
        ("203.0.113.5:1:2", None),
        ("256.1.1.1", None),
        ("x" * 65, None),
    ],
)
def test_an_address_has_one_spelling_and_anything_else_is_refused(text, canonical):
    assert canonical_ip(text) == canonical


def test_ipv6_addresses_are_counted_per_64_block():
    assert (
        address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9") == "address:2001:db8:1:2::/64"
    )
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("203.0.113.5") == "address:203.0.113.5"
    assert len(address_key("x" * 1000)) < 80
