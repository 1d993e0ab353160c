"""Which Web Push endpoints Homeward will send to: real push services only, and a
loopback stand-in outside production."""

from __future__ import annotations

import pytest

from backend.outbound import PushServiceResolver, RefusedAddress, push_endpoint_problem

REAL = [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH",
    "https://fcm.googleapis.com/wp/dGVzdA",
    "https://android.googleapis.com/gcm/send/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
    "https://web.push.apple.com/QGuQyavXutnMH",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB",
    "https://FCM.googleapis.com/fcm/send/upper-case-host",
]
NEVER = [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://fcm.googleapis.com:8443/fcm/send/abc",  # another port
    "https://user:pw@fcm.googleapis.com/fcm/send/abc",  # credentials
    "https://fcm.googleapis.com.evil.example/fcm/send/abc",
    "https://evilfcm.googleapis.com.example/x",
    "https://notify.windows.com.evil.example/x",
    "https://evil.example/fcm.googleapis.com/fcm/send/abc",
    "https://push.example.net/send/abc",
    "https://10.0.0.1/steal",
    "https://192.168.1.1/router",
    "https://172.16.0.5/x",
    "https://169.254.169.254/latest/meta-data/",
    "https://[fe80::1]/x",
    "https://[fd00::1]/x",
    "https://0.0.0.0/x",
    "http://10.0.0.1/steal",
    "ftp://fcm.googleapis.com/x",
    "file:///etc/passwd",
    "https:///nohost",
    "https://[not-an-address/x",
    "not a url",
    "",
]
LOOPBACK = ["http://localhost:8090/notify/abc", "http://127.0.0.1:8090/notify/abc", "https://[::1]:9/x"]


@pytest.mark.parametrize("endpoint", REAL)
@pytest.mark.parametrize("production", [True, False], ids=["production", "development"])
def test_real_push_services_are_allowed(endpoint, production):
    assert push_endpoint_problem(endpoint, production) is None


@pytest.mark.parametrize("endpoint", NEVER)
@pytest.mark.parametrize("production", [True, False], ids=["production", "development"])
def test_anything_else_is_refused_in_every_mode(endpoint, production):
    assert push_endpoint_problem(endpoint, production)


@pytest.mark.parametrize("endpoint", LOOPBACK)
def test_a_loopback_stand_in_is_allowed_outside_production_only(endpoint):
    assert push_endpoint_problem(endpoint, production=False) is None
    assert push_endpoint_problem(endpoint, production=True)


async def test_in_production_a_name_that_resolves_to_a_loopback_address_is_refused():
    resolver = PushServiceResolver(production=True)
    try:
        with pytest.raises(RefusedAddress, match="not a public address"):
            await resolver.resolve("localhost", 443)
    finally:
        await resolver.close()


async def test_outside_production_loopback_names_resolve_for_the_stand_in():
    resolver = PushServiceResolver(production=False)
    try:
        results = await resolver.resolve("localhost", 443)
    finally:
        await resolver.close()
    assert results and all(r["host"] in ("127.0.0.1", "::1") for r in results)
