"""A real Web Push service for tests: web-push-testing in node, behind tests/pushservice/serve.js.

It checks VAPID (key, signature, claims) and decrypts what it receives, so a test can
read back exactly what a phone would have shown. Subscriptions are browser-like dicts,
``{"endpoint": ..., "keys": {"p256dh": ..., "auth": ...}}``; the endpoint names the
service (``http://localhost:<port>/notify/<clientHash>``), so a subscription that went
through the database still works with every method here.

Every call here is blocking HTTP to another process. In an async test, call them
between awaits, never while a send on the same event loop is meant to be in flight.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "pushservice"
INSTALL_HINT = "run `npm ci --prefix tests/pushservice` (needs node 20 and the npm registry)"
_READY = re.compile(rb"^ready (\d+)$", re.MULTILINE)


class PushServiceError(RuntimeError):
    """The stand-in could not start, or refused a call made to it (not a push)."""


class PushService:
    """Starts ``node tests/pushservice/serve.js`` on 127.0.0.1 and talks to it."""

    def __init__(
        self,
        *,
        package_dir: Path = PACKAGE_DIR,
        node: str = "node",
        port: int = 0,
        start_timeout: float = 15.0,
    ) -> None:
        self.package_dir = Path(package_dir)
        self.node = node
        self.requested_port = port
        self.port = port
        self.start_timeout = start_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None
        self._http: httpx.Client | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> PushService:
        """Start node and wait for its "ready <port>" line; return self."""
        if self._process is not None:
            raise PushServiceError("push service stand-in already started")
        if not (self.package_dir / "node_modules" / "web-push-testing").is_dir():
            raise PushServiceError(
                f"web-push-testing is not installed in {self.package_dir / 'node_modules'}: {INSTALL_HINT}"
            )
        node = shutil.which(self.node)
        if node is None:
            raise PushServiceError(f"`{self.node}` not found on PATH: the stand-in needs node 20")
        descriptor, log_name = tempfile.mkstemp(prefix="homeward-pushservice-", suffix=".log")
        os.close(descriptor)
        self._log_path = Path(log_name)
        # Output goes to a file opened for appending: node blocks on a full pipe, and the
        # model prints a stack trace for every refused VAPID token.
        with self._log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [node, str(self.package_dir / "serve.js"), str(self.requested_port), "--exit-with-stdin"],
                cwd=self.package_dir,
                stdin=subprocess.PIPE,  # closed by stop(), or by the OS if pytest dies
                stdout=log,
                stderr=log,
            )
        try:
            self.port = self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        self._http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=10.0, trust_env=False)
        return self

    def _wait_until_ready(self) -> int:
        assert self._process is not None and self._log_path is not None
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            found = _READY.search(self._log_path.read_bytes())
            if found:
                return int(found.group(1))
            if self._process.poll() is not None:
                raise PushServiceError(
                    f"push service stand-in exited with {self._process.returncode}:\n{self.log()}"
                )
            time.sleep(0.02)
        raise PushServiceError(f"push service stand-in not ready after {self.start_timeout} s:\n{self.log()}")

    def stop(self) -> None:
        """Stop node (it exits when its stdin closes; killed if it does not)."""
        if self._http is not None:
            self._http.close()
            self._http = None
        process, self._process = self._process, None
        if process is not None:
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._log_path is not None:
            self._log_path.unlink(missing_ok=True)
            self._log_path = None

    def __enter__(self) -> PushService:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def pid(self) -> int | None:
        """The node process id while running."""
        return self._process.pid if self._process is not None else None

    @property
    def origin(self) -> str:
        """What endpoints start with, and the audience a VAPID token must name."""
        return f"http://localhost:{self.port}"

    def log(self) -> str:
        """What node has printed so far (refused tokens print a stack trace)."""
        if self._log_path is None or not self._log_path.exists():
            return ""
        return self._log_path.read_text(errors="replace")

    # -- the push service ------------------------------------------------------------

    def subscribe(self, application_server_key: str) -> dict[str, Any]:
        """Subscribe like a browser's pushManager.subscribe() with this VAPID public key.

        ``application_server_key`` is the 65-byte uncompressed P-256 public key, base64url.
        """
        data = self._post(
            "/subscribe", {"userVisibleOnly": "true", "applicationServerKey": application_server_key}
        )["data"]
        return {
            "endpoint": data["endpoint"],
            "keys": {"p256dh": data["keys"]["p256dh"], "auth": data["keys"]["auth"]},
        }

    def notifications(self, subscription: dict[str, Any] | str, *, as_json: bool = False) -> list[Any]:
        """Payloads delivered to this subscription so far, decrypted, oldest first."""
        data = self._post("/get-notifications", {"clientHash": self.client_hash(subscription)})["data"]
        messages = data["messages"]
        return [json.loads(message) for message in messages] if as_json else list(messages)

    def expire(self, subscription: dict[str, Any] | str) -> None:
        """Make later sends to this subscription answer 410 Gone."""
        self._post(f"/expire-subscription/{self.client_hash(subscription)}", None)

    # -- test controls ---------------------------------------------------------------

    def fail_next(
        self, count: int, status: int = 500, *, delay_ms: int = 0, retry_after: str | int | None = None
    ) -> None:
        """Make the next ``count`` sends (to any subscription) answer ``status`` and deliver nothing.

        Calls add to a queue. ``retry_after`` adds a Retry-After header to those answers.
        """
        body: dict[str, Any] = {"count": count, "status": status, "delay_ms": delay_ms}
        if retry_after is not None:
            body["retry_after"] = str(retry_after)
        self._post("/test-control/fail-next", body)

    def delay(self, ms: int) -> None:
        """Hold every send for ``ms`` milliseconds before handling it (0 turns it off).

        A sender that times out has gone, but the send is still handled after the delay.
        """
        self._post("/test-control/delay", {"ms": ms})

    def reset(self) -> None:
        """No queued failures, no delay, no counts. Subscriptions and messages are kept."""
        self._post("/test-control/reset", {})

    def received(self) -> dict[str, dict[str, Any]]:
        """Sends seen since the last reset, by endpoint.

        Each value: ``arrived`` (requests), ``delivered`` (answered 201), and ``requests``,
        one dict per request with ``status``, ``ttl``, ``urgency``, ``topic``,
        ``content_encoding``, ``content_type`` and ``body_bytes``.
        """
        answer = self._client().get("/test-control/received")
        self._check(answer)
        return {f"{self.origin}/notify/{client_hash}": seen for client_hash, seen in answer.json().items()}

    # -- plumbing --------------------------------------------------------------------

    def client_hash(self, subscription: dict[str, Any] | str) -> str:
        """The stand-in's id for a subscription (the last part of its endpoint)."""
        endpoint = subscription if isinstance(subscription, str) else subscription["endpoint"]
        prefix = f"{self.origin}/notify/"
        if not endpoint.startswith(prefix):
            raise PushServiceError(f"{endpoint!r} is not an endpoint of this push service ({prefix}...)")
        return endpoint[len(prefix) :]

    def _client(self) -> httpx.Client:
        if self._http is None:
            raise PushServiceError("push service stand-in is not running: call start() first")
        return self._http

    def _post(self, path: str, body: dict[str, Any] | None) -> Any:
        # The model reads JSON only with a JSON Content-Type, so always send one.
        answer = self._client().post(path, json=body if body is not None else {})
        self._check(answer)
        is_json = answer.headers.get("content-type", "").startswith("application/json")
        return answer.json() if is_json else None

    @staticmethod
    def _check(answer: httpx.Response) -> None:
        if answer.is_error:
            request = answer.request
            raise PushServiceError(
                f"{request.method} {request.url.path} answered {answer.status_code}: {answer.text}"
            )
