"""The push service stand-in, driven the way the backend will drive it: pywebpush's webpush_async.

Sync tests: each send runs in its own event loop (asyncio.run), so they behave the same
with or without pytest-asyncio's auto mode.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import time
from pathlib import Path

import pytest
from py_vapid import Vapid
from pywebpush import WebPusher, WebPushException, webpush_async

from tests.infra.sockets import listening_addresses
from tests.support.pushservice import PushService, PushServiceError
from tests.support.vapid import make_vapid_keys

SUB = "mailto:test@example.org"


def send(subscription, data, private_key, *, claims=None, timeout=5, **options):
    """One webpush_async call as the backend will make it; returns aiohttp's response."""
    return asyncio.run(
        webpush_async(
            subscription,
            data,
            vapid_private_key=private_key,
            # pywebpush adds "aud" and "exp" to this dict: a fresh one per send.
            vapid_claims={"sub": SUB} if claims is None else claims,
            ttl=3600,
            headers={"Urgency": "high"},
            timeout=timeout,
            **options,
        )
    )


def refusal(subscription, data, private_key, **options) -> WebPushException:
    with pytest.raises(WebPushException) as caught:
        send(subscription, data, private_key, **options)
    return caught.value


@pytest.fixture(scope="module")
def keys():
    return make_vapid_keys()


@pytest.fixture(scope="module")
def pem_path(keys, tmp_path_factory) -> str:
    return keys.write_pem(tmp_path_factory.mktemp("vapid") / "private.pem")


@pytest.fixture
def subscription(push_service, keys):
    return push_service.subscribe(keys.public_key)


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_subscription_is_shaped_like_a_browser_one(push_service, subscription):
    assert set(subscription) == {"endpoint", "keys"}
    assert subscription["endpoint"].startswith(f"http://localhost:{push_service.port}/notify/")
    p256dh = _b64url_decode(subscription["keys"]["p256dh"])
    assert len(p256dh) == 65 and p256dh[0] == 4
    assert len(_b64url_decode(subscription["keys"]["auth"])) == 16
    assert push_service.notifications(subscription) == []


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads /proc/net/tcp (Linux)")
def test_stand_in_listens_on_loopback_only(push_service):
    assert listening_addresses(push_service.port) == {"127.0.0.1"}


def test_payload_is_decrypted_exactly_with_ttl_and_urgency(push_service, subscription, pem_path):
    payload = json.dumps({"alert": "3f1c", "title": "Homeward", "body": "Zoë needs you ✓"})

    response = send(subscription, payload, pem_path)

    assert response.status == 201
    assert push_service.notifications(subscription) == [payload]
    assert push_service.notifications(subscription, as_json=True)[0]["alert"] == "3f1c"
    seen = push_service.received()[subscription["endpoint"]]
    assert (seen["arrived"], seen["delivered"]) == (1, 1)
    request = seen["requests"][0]
    assert request["ttl"] == "3600"
    assert request["urgency"] == "high"
    assert request["content_encoding"] == "aes128gcm"
    assert request["content_type"] == "application/octet-stream"  # aiohttp adds it for bytes


def test_private_key_works_as_raw_string_but_not_as_pem_string(push_service, subscription, keys):
    assert send(subscription, "raw", keys.private_raw).status == 201
    with pytest.raises(ValueError, match="Could not deserialize key data"):
        send(subscription, "pem", keys.private_pem)
    assert push_service.notifications(subscription) == ["raw"]


def test_pywebpush_writes_aud_and_exp_into_the_claims_dict(subscription, pem_path, push_service):
    claims = {"sub": SUB}
    send(subscription, "hello", pem_path, claims=claims)
    assert claims["aud"] == push_service.origin
    assert claims["exp"] > time.time() + 11 * 3600


def test_token_for_another_audience_is_refused_with_403(push_service, subscription, pem_path):
    # What a reused claims dict does after a send to another push service.
    stale = {"sub": SUB, "aud": "https://fcm.googleapis.com"}
    error = refusal(subscription, "hello", pem_path, claims=stale)
    assert error.response.status == 403
    assert push_service.notifications(subscription) == []


def test_send_after_expire_answers_410(push_service, subscription, pem_path):
    push_service.expire(subscription)

    error = refusal(subscription, "hello", pem_path)

    assert error.response.status == 410  # aiohttp's response: .status
    assert error.status_code == 410  # pywebpush 2.5.0 reads either kind of response
    assert push_service.notifications(subscription) == []


def test_fail_next_answers_500_once_then_delivers_once(push_service, subscription, pem_path):
    push_service.fail_next(1, 500)

    assert refusal(subscription, "hello", pem_path).response.status == 500
    assert send(subscription, "hello", pem_path).status == 201

    seen = push_service.received()[subscription["endpoint"]]
    assert (seen["arrived"], seen["delivered"]) == (2, 1)
    assert [request["status"] for request in seen["requests"]] == [500, 201]
    assert push_service.notifications(subscription) == ["hello"]


def test_fail_next_queues_429_with_retry_after_then_503(push_service, subscription, pem_path):
    push_service.fail_next(1, 429, retry_after=7)
    push_service.fail_next(1, 503)

    throttled = refusal(subscription, "hello", pem_path)
    unavailable = refusal(subscription, "hello", pem_path)

    assert (throttled.response.status, throttled.retry_after) == (429, "7")
    assert (unavailable.response.status, unavailable.retry_after) == (503, None)
    assert send(subscription, "hello", pem_path).status == 201


def test_send_slower_than_timeout_raises_timeout_error_yet_is_delivered(push_service, subscription, pem_path):
    push_service.delay(600)

    started = time.monotonic()
    with pytest.raises(TimeoutError):  # asyncio.TimeoutError is TimeoutError on 3.11
        send(subscription, "late", pem_path, timeout=0.2)
    assert time.monotonic() - started < 0.5

    # The service still handles it after the delay: a time-out is no proof of non-delivery.
    deadline = time.monotonic() + 5
    while push_service.received()[subscription["endpoint"]]["delivered"] < 1:
        assert time.monotonic() < deadline, "delayed send never handled"
        time.sleep(0.05)
    assert push_service.notifications(subscription) == ["late"]


def test_key_other_than_the_subscribed_one_is_refused_with_400(push_service, subscription):
    other = make_vapid_keys()

    error = refusal(subscription, "hello", other.private_raw)

    assert error.response.status == 400
    assert "Invalid Crypto-Key header sent" in str(error)
    assert push_service.notifications(subscription) == []


def test_token_signed_by_another_key_is_refused_with_400(push_service, subscription, keys):
    claims = {"sub": SUB, "aud": push_service.origin, "exp": int(time.time()) + 3600}
    forged = Vapid.from_raw(make_vapid_keys().private_raw.encode()).sign(claims)
    # Claim to be the subscribed key, so only the signature gives it away.
    forged["Authorization"] = re.sub(r"k=[^,\s]+", f"k={keys.public_key}", forged["Authorization"])

    response = asyncio.run(WebPusher(subscription).send_async("hello", forged, ttl=60, timeout=5))

    assert response.status == 400
    assert "Invalid authentication token supplied" in asyncio.run(response.text())
    assert push_service.notifications(subscription) == []


def test_send_without_vapid_is_refused_with_401(push_service, subscription):
    error = refusal(subscription, "hello", None, claims={})
    assert error.response.status == 401
    assert push_service.notifications(subscription) == []


def test_payload_over_3993_bytes_is_refused_with_413(push_service, subscription, pem_path):
    # aes128gcm adds 103 bytes (86 header, 16 tag, 1 padding delimiter); the limit is 4096.
    assert send(subscription, "x" * 3993, pem_path).status == 201
    assert refusal(subscription, "x" * 3994, pem_path).response.status == 413
    assert push_service.notifications(subscription) == ["x" * 3993]


def test_reset_forgets_controls_and_counts(push_service, subscription, pem_path):
    push_service.fail_next(2, 503)
    push_service.delay(500)
    push_service.reset()

    started = time.monotonic()
    assert send(subscription, "hello", pem_path).status == 201
    assert time.monotonic() - started < 0.5
    assert push_service.received()[subscription["endpoint"]]["arrived"] == 1


def test_controls_refuse_bad_arguments(push_service):
    with pytest.raises(PushServiceError, match="400"):
        push_service.fail_next(1, 200)
    with pytest.raises(PushServiceError, match="400"):
        push_service.delay(-1)


def test_subscription_of_another_service_is_refused(push_service):
    with pytest.raises(PushServiceError, match="not an endpoint of this push service"):
        push_service.notifications({"endpoint": "https://fcm.googleapis.com/fcm/send/abc"})


def test_missing_install_says_how_to_install(tmp_path):
    with pytest.raises(PushServiceError, match=r"npm ci --prefix tests/pushservice"):
        PushService(package_dir=tmp_path).start()


def test_stop_ends_the_node_process(keys):
    service = PushService().start()
    pid, port = service.pid, service.port
    service.subscribe(keys.public_key)

    service.stop()

    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert listening_addresses(port) == set()


def test_failed_start_shows_what_node_said(push_service):
    with pytest.raises(PushServiceError, match="EADDRINUSE"):
        PushService(port=push_service.port).start()
