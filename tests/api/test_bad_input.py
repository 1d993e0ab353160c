"""Bad input found by fuzzing: each gets a clear 4xx problem+json and changes nothing.

PostgreSQL refuses NUL in text where SQLite stores it, so these run on both databases
(the suite runs once per database). "Changes nothing" is checked against every table
(sessions aside: any signed-in request marks its session as seen).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

import pytest
from litestar import Litestar, get
from litestar.params import FromPath
from piccolo.conf.apps import Finder

from backend.accounts.tables import Session
from backend.web.problems import HANDLERS

NUL = "\x00"
PROBLEM = "application/problem+json"


async def everything() -> dict[str, list]:
    tables = [t for t in Finder().get_table_classes() if t is not Session]
    return {t._meta.tablename: sorted(map(repr, await t.select())) for t in tables}


def assert_problem(reply, status: int, field: str | None = None) -> dict:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == PROBLEM
    problem = reply.json()
    assert problem["status"] == status and problem["title"]
    if field is not None:
        assert [e["field"] for e in problem["errors"]] == [field], problem
    return problem


@contextmanager
def homeward_log():
    """What the app logs, caught at its own logger (Litestar's logging set-up replaces the
    root logger's handlers whenever an app is made)."""
    lines: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    catch, logger = Catch(level=logging.INFO), logging.getLogger("homeward")
    logger.addHandler(catch)
    try:
        yield lines
    finally:
        logger.removeHandler(catch)


def yp(world, who="jade") -> str:
    return f"/api/young-people/{world.young[who]}"


async def invite_code(world) -> str:
    return (await world.invite("tyler"))["code"]


# (who sends it, method, url(world), body(world) with a NUL in it, field named)
NUL_IN_TEXT = {
    "sign-in name": (
        None,
        "POST",
        lambda w: "/api/auth/login",
        lambda w: {"identifier": f"ja{NUL}de", "secret": "246810"},
        "identifier",
    ),
    "young person's name": (
        "sam",
        "POST",
        lambda w: "/api/young-people",
        lambda w: {"preferred_name": f"K{NUL}ai", "date_of_birth": "2012-05-01"},
        "preferred_name",
    ),
    "alert's idempotency key": (
        "jade",
        "POST",
        lambda w: "/api/alerts",
        lambda w: {"idempotency_key": f"tap-{NUL}-12345678"},
        "idempotency_key",
    ),
    "contact's name": (
        "jade",
        "POST",
        lambda w: f"{yp(w)}/contacts",
        lambda w: {"name": f"Lou{NUL}", "phone": "020 7946 0123"},
        "name",
    ),
    "plan text nested in a list": (
        "jade",
        "PUT",
        lambda w: f"{yp(w)}/plan/sections/places",
        lambda w: {"might_go": [{"name": f"The park{NUL}", "where": "", "notes": ""}], "safe": []},
        "might_go",
    ),
    "a key, not a value": (
        "jade",
        "PUT",
        lambda w: f"{yp(w)}/plan/sections/worries",
        lambda w: {f"what{NUL}": "x"},
        "what\\x00",
    ),
}


@pytest.mark.parametrize("case", list(NUL_IN_TEXT))
async def test_a_nul_in_any_text_is_refused_naming_the_field(world, case):
    who, method, url, body, field = NUL_IN_TEXT[case]
    client = world.people[who].client if who else world.anonymous()
    before = await everything()
    reply = await client.request(method, url(world), json=body(world))
    assert_problem(reply, 422, field)
    assert await everything() == before


async def test_a_nul_in_invite_names_is_refused_and_the_invite_still_works(world):
    code = await invite_code(world)
    anyone = world.anonymous()
    before = await everything()
    reply = await anyone.post(
        "/api/invites/accept",
        json={"code": code, "username": "tyler", "secret": "135246", "display_name": f"Ty{NUL}"},
    )
    assert_problem(reply, 422, "display_name")
    reply = await anyone.post(
        "/api/invites/accept", json={"code": code, "username": f"ty{NUL}ler", "secret": "135246"}
    )
    assert_problem(reply, 422, "username")
    assert await everything() == before
    joined = await anyone.post(
        "/api/invites/accept",
        json={"code": code, "username": "tyler", "secret": "135246", "display_name": "Ty"},
    )
    assert joined.status_code == 201, joined.text


async def test_a_nul_in_an_edited_contact_name_changes_nothing(world):
    url = f"{yp(world)}/contacts"
    lou = (await world.jade.client.post(url, json={"name": "Lou", "phone": "020 7946 0123"})).json()
    before = await everything()
    reply = await world.jade.client.put(
        f"{url}/{lou['id']}", json={"name": f"L{NUL}u", "phone": "020 7946 0123"}
    )
    assert_problem(reply, 422, "name")
    assert await everything() == before


async def test_a_nul_in_a_query_or_path_is_refused_naming_it(world):
    before = await everything()
    reply = await world.jade.client.get(f"{yp(world)}/plan/compare?first=1%00&second=1")
    assert_problem(reply, 422, "first")
    reply = await world.jade.client.put(
        f"{yp(world)}/plan/sections/worries%00", json={"what_worries_me": "x"}
    )
    assert_problem(reply, 422, "section")
    reply = await world.jade.client.get("/api/auth/me?anything=%00")
    assert_problem(reply, 422, "anything")
    assert await everything() == before


async def test_the_service_worker_with_a_nul_is_refused_not_a_server_error(world):
    before = await everything()
    reply = await world.anonymous().get("/sw.js%00.html")
    assert_problem(reply, 422, "file_path")
    assert await everything() == before
    assert (await world.anonymous().get("/sw.js")).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/index.html/x",  # through a file as if it were a folder
        "/js/app.js/more/x.js",
        "/" + "a" * 300,  # a name longer than any file system allows
        "/" + "a/" * 3000 + "x",  # a path longer than any file system allows
    ],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
async def test_a_path_no_file_can_have_is_not_found_not_a_server_error(client_for, path, method):
    reply = await client_for().request(method, path)
    assert reply.status_code == 404
    if method == "GET":
        assert_problem(reply, 404)


def nested(depth: int) -> bytes:
    return ('{"what_worries_me": ' * depth + '"x"' + "}" * depth).encode()


@pytest.mark.parametrize("depth", [33, 1000, 5000])
async def test_json_nested_too_deeply_is_refused(world, depth):
    before = await everything()
    for method, url in (("POST", "/api/alerts"), ("PUT", f"{yp(world)}/plan/sections/worries")):
        reply = await world.jade.client.request(
            method, url, content=nested(depth), headers={"content-type": "application/json"}
        )
        problem = assert_problem(reply, 400)
        assert "nested too deeply" in problem["detail"]
    assert await everything() == before


async def test_json_nested_as_deep_as_allowed_is_read(world):
    reply = await world.jade.client.put(
        f"{yp(world)}/plan/sections/worries", content=nested(32), headers={"content-type": "application/json"}
    )
    # Read, then refused by the section's own rules for what it found.
    assert_problem(reply, 422)


async def test_a_body_that_is_not_utf8_is_refused(world):
    before = await everything()
    body = '{"what_worries_me": "caf\xe9"}'.encode("latin-1")
    reply = await world.jade.client.put(
        f"{yp(world)}/plan/sections/worries", content=body, headers={"content-type": "application/json"}
    )
    problem = assert_problem(reply, 400)
    assert "UTF-8" in problem["detail"]
    reply = await world.anonymous().post(
        "/api/auth/login",
        content=b'{"identifier": "\xff", "secret": "x"}',
        headers={"content-type": "application/json"},
    )
    assert_problem(reply, 400)
    assert await everything() == before


async def test_a_body_that_is_not_json_at_all_is_refused(world):
    reply = await world.jade.client.post(
        "/api/alerts", content=b'{"idempotency_key": ', headers={"content-type": "application/json"}
    )
    assert assert_problem(reply, 400)["detail"] == "That is not valid JSON."


@pytest.mark.parametrize(
    ("first", "status"),
    [
        (2**31, 422),
        (2**63, 422),
        (-(2**31) - 1, 422),
        (2**31 - 1, 404),
        (-(2**31), 404),
    ],
)
async def test_plan_compare_takes_numbers_that_fit_the_database(world, first, status):
    await world.jade.client.put(f"{yp(world)}/plan/sections/worries", json={"what_worries_me": "x"})
    reply = await world.jade.client.get(f"{yp(world)}/plan/compare", params={"first": first, "second": 1})
    assert_problem(reply, status, "first" if status == 422 else None)


@pytest.mark.parametrize(
    "path", ["/schema/nothing-here", "/schema/swagger", "/schema/openapi.yaml", "/schema/openapi.json/x"]
)
async def test_unknown_paths_under_schema_are_problem_json(client_for, path):
    assert_problem(await client_for().get(path), 404)


async def test_the_openapi_document_is_still_served(client_for):
    for path in ("/schema", "/schema/openapi.json"):
        reply = await client_for().get(path)
        assert reply.status_code == 200
        assert reply.json()["info"]["title"] == "Homeward"


async def test_a_control_character_in_a_path_is_refused_and_never_logged(world):
    with homeward_log() as lines:
        reply = await world.jade.client.get(f"{yp(world)}/plan/sections/x%0d%0aFORGED")
        assert reply.status_code in (404, 405, 422)
        reply = await world.jade.client.put(
            f"{yp(world)}/plan/sections/worries%0d%0a2026-01-01 FORGED", json={"what_worries_me": "x"}
        )
        assert_problem(reply, 422, "section")
    assert not [line for line in lines if "FORGED" in line]


async def test_a_logged_path_has_its_control_characters_escaped():
    """Where a path is logged (a server error), a newline in it cannot start a new line."""
    import httpx

    @get("/boom/{name:str}", sync_to_thread=False)
    def boom(name: FromPath[str]) -> None:
        raise RuntimeError("boom")

    app = Litestar([boom], exception_handlers=HANDLERS, logging_config=None)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://homeward.test") as client:
        with homeward_log() as lines:
            reply = await client.get("/boom/x%0d%0a2026-01-01 ERROR forged%1b[31m")
    assert_problem(reply, 500)
    assert len(lines) == 1
    assert "\n" not in lines[0] and "\r" not in lines[0] and "\x1b" not in lines[0]
    assert "/boom/x\\r\\n2026-01-01 ERROR forged\\x1b[31m" in lines[0]


async def test_a_good_request_still_goes_through(world):
    """The edge reads the body before the handler: the handler still gets all of it."""
    reply = await world.sam.client.post(
        "/api/young-people", json={"preferred_name": "Kai " + "x" * 20, "date_of_birth": "2012-05-01"}
    )
    assert reply.status_code == 201, reply.text
    assert reply.json()["preferred_name"] == "Kai " + "x" * 20
    reply = await world.anonymous().post("/api/auth/login", json=world.priya.login_body())
    assert reply.status_code == 200


async def test_a_field_too_long_or_of_the_wrong_kind_is_said_in_plain_words(world):
    stranger = world.anonymous()
    reply = await stranger.post("/api/auth/login", json={"identifier": "x" * 500, "secret": "123456"})
    assert reply.status_code == 422
    assert reply.json()["errors"] == [{"field": "identifier", "message": "Use 254 characters or fewer."}]
    reply = await stranger.post("/api/auth/login", json={"identifier": 12, "secret": "123456"})
    assert reply.json()["errors"] == [{"field": "identifier", "message": "Write this as words."}]
    arabic = await stranger.post(
        "/api/auth/login",
        json={"identifier": "x" * 500, "secret": "123456"},
        headers={"X-Homeward-Language": "ar"},
    )
    assert arabic.json()["errors"][0]["message"] == "عدد الأحرف: 254 على الأكثر."
