"""What every response carries: security headers (API, static files and errors alike),
caching rules, problem+json errors, the OpenAPI document and HSTS only over https."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from backend.app import create_app
from backend.config import get_settings


def policy(header: str) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in (d if len(d) == 2 else (d[0], "") for d in directives)}


def assert_security_headers(reply) -> None:
    csp = reply.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp
    assert "'unsafe-eval'" not in csp
    directives = policy(csp)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["referrer-policy"] == "no-referrer"
    permissions = reply.headers["permissions-policy"]
    assert "camera=()" in permissions and "microphone=()" in permissions
    assert reply.headers["x-frame-options"] == "DENY"
    assert reply.headers["strict-transport-security"].startswith("max-age=")


SAMPLES = {
    "api reply": ("GET", "/api/auth/me", 200),
    "static index": ("GET", "/", 200),
    "static script": ("GET", "/js/app.js", 200),
    "unknown api path": ("GET", "/api/nothing-here", 404),
    "unknown file": ("GET", "/nothing-here.txt", 404),
    "wrong method": ("DELETE", "/health", 405),
    "refused": ("GET", "/api/figures", 403),
}


@pytest.mark.parametrize("sample", list(SAMPLES))
async def test_security_headers_are_on_every_kind_of_response(world, sample):
    method, url, expected = SAMPLES[sample]
    reply = await world.jade.client.request(method, url)
    assert reply.status_code == expected
    assert_security_headers(reply)


async def test_security_headers_are_on_a_reply_to_someone_not_signed_in(client_for):
    reply = await client_for().get("/api/auth/me")
    assert reply.status_code == 401
    assert_security_headers(reply)


async def test_root_serves_the_installable_app(client_for):
    client = client_for()
    index = await client.get("/")
    assert index.status_code == 200
    assert index.headers["content-type"].startswith("text/html")
    assert '<link rel="manifest"' in index.text
    assert index.headers["cache-control"] == "no-cache"
    manifest = await client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    assert manifest.json()["start_url"]


async def test_the_apps_files_travel_compressed_and_api_replies_do_not(world):
    gzip = {"Accept-Encoding": "gzip"}
    script = await world.anonymous().get("/js/app.js", headers=gzip)
    assert script.status_code == 200 and script.headers["content-encoding"] == "gzip"
    plain = await world.anonymous().get("/js/app.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.text == script.text  # httpx unzips
    assert int(script.headers["content-length"]) < len(plain.content) / 2
    # BREACH: a reply holding a secret beside words a stranger chose is never compressed.
    plan = await world.jade.client.get(f"/api/young-people/{world.young['jade']}/plan", headers=gzip)
    assert len(plan.content) > 1024  # big enough that it would be compressed
    assert "content-encoding" not in plan.headers


async def test_api_replies_are_never_cached(world):
    for reply in (
        await world.jade.client.get("/api/auth/me"),
        await world.jade.client.get(f"/api/young-people/{world.young['jade']}"),
        await world.jade.client.get("/api/figures"),
        await world.anonymous().get("/api/auth/me"),
    ):
        assert reply.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api/auth/me", 401),
        ("GET", "/api/nothing-here", 404),
        ("PUT", "/api/auth/me", 405),
        ("POST", "/api/auth/login", 422),
    ],
)
async def test_errors_are_problem_json(client_for, method, url, status):
    reply = await client_for().request(method, url, json={} if method != "GET" else None)
    assert reply.status_code == status
    assert reply.headers["content-type"] == "application/problem+json"
    problem = reply.json()
    assert problem["status"] == status
    assert problem["title"]
    assert problem["type"] == "about:blank"


async def test_openapi_document_lists_the_api(client_for):
    reply = await client_for().get("/schema/openapi.json")
    assert reply.status_code == 200
    schema = reply.json()
    assert schema["info"]["title"] == "Homeward"
    paths = schema["paths"]
    for path, method in (
        ("/api/auth/login", "post"),
        ("/api/young-people", "get"),
        ("/api/young-people/{young_person_id}", "get"),
        ("/api/invites/accept", "post"),
        ("/api/figures", "get"),
        ("/health", "get"),
    ):
        assert method in paths[path], path
    assert not any(path.startswith("/js") or path == "/" for path in paths)


async def test_roles_relations_kinds_and_actions_are_enums_in_the_openapi_document(client_for):
    schemas = (await client_for().get("/schema/openapi.json")).json()["components"]["schemas"]

    def values(name: str) -> set[str]:
        found = [schema for key, schema in schemas.items() if key.split("_")[-1] == name]
        assert found, f"no {name} in the OpenAPI document"
        return set(found[0]["enum"])

    assert values("Role") == {"young_person", "carer", "social_worker", "manager", "admin", "police_liaison"}
    assert values("SessionKind") == {"device", "browser"}
    assert values("Language") == {"en", "ar"}
    assert values("InviteRole") == {"young_person", "carer"}
    assert "manage_care_team" in values("RecordAction")
    assert values("AccountAction") == {"deactivate", "reactivate", "reset_link"}


async def test_hsts_is_sent_only_when_homeward_is_served_over_https(client_for):
    assert "strict-transport-security" in (await client_for().get("/health")).headers
    plain = create_app(dataclasses.replace(get_settings(), base_url="http://127.0.0.1:8000"))
    transport = httpx.ASGITransport(app=plain, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client:
        for url in ("/health", "/", "/api/nothing-here"):
            reply = await client.get(url)
            assert "strict-transport-security" not in reply.headers
            assert "content-security-policy" in reply.headers
