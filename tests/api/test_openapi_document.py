"""The OpenAPI document says every status and content type a route can answer, so a client
(and the schema fuzzing in tests/fuzz) can rely on it."""

from __future__ import annotations

import pytest

from backend.replies import HANDMADE as EXTRA

PROBLEM = "application/problem+json"
WRITES = {"post", "put", "patch", "delete"}


@pytest.fixture
async def document(client_for):
    reply = await client_for().get("/schema/openapi.json")
    assert reply.status_code == 200
    return reply.json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "delete", "patch", "head"}:
                yield path, method, operation


async def test_every_refusal_is_documented_as_problem_json(document):
    assert document["components"]["schemas"]["Problem"]["required"] == ["status", "title", "type"]
    for path, method, operation in operations(document):
        expected = {"400", "422"}
        if path.startswith("/api/"):
            expected |= {"401", "403", "404", "409", "429"}
        if method in WRITES:
            expected |= {"413", "415"}
        responses = operation["responses"]
        assert expected <= set(responses), (method, path)
        for status in expected:
            assert list(responses[status]["content"]) == [PROBLEM], (method, path, status)
            assert responses[status]["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}


async def test_no_content_replies_document_no_body(document):
    empty = [(m, p) for p, m, op in operations(document) if "204" in op["responses"]]
    assert ("post", "/api/auth/logout") in empty and ("delete", "/api/contact/push-subscription") in empty
    for path, method, operation in operations(document):
        if "204" in operation["responses"]:
            assert "content" not in operation["responses"]["204"], (method, path)


async def test_files_are_documented_with_their_media_types(document):
    plan = "/api/young-people/{young_person_id}/plan"
    pdf = document["paths"][f"{plan}/philomena.pdf"]["get"]["responses"]["200"]
    assert list(pdf["content"]) == ["application/pdf"]
    photo = document["paths"][f"{plan}/photos/{{photo_id}}"]["get"]["responses"]["200"]
    assert list(photo["content"]) == ["image/jpeg"]
    agreed = document["paths"][f"{plan}/agreed"]["get"]["responses"]
    assert agreed["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/OfflineCopy"
    }
    assert "content" not in agreed["304"]
    assert "503" in document["paths"]["/health"]["get"]["responses"]


async def test_every_hand_documented_reply_names_a_real_route(document):
    for method, path in EXTRA:
        assert method.lower() in document["paths"].get(path, {}), (method, path)


async def test_the_served_document_is_the_apps_own(app, document):
    assert document == app.openapi_schema.to_schema()
