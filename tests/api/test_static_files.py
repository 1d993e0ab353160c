"""The PWA's files: compressed once in the smallest form the browser accepts, checked
again cheaply (ETag, 304), never served from outside pwa/, and a changed file is served
as it is now."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import httpx
import pytest
from litestar import Litestar

from backend.web.static import accepted, static_router, warm

PWA = Path(__file__).resolve().parents[2] / "pwa"


async def fetch_raw(client: httpx.AsyncClient, url: str, **headers: str) -> tuple[httpx.Response, bytes]:
    async with client.stream("GET", url, headers=headers) as reply:
        body = b"".join([chunk async for chunk in reply.aiter_raw()])
    return reply, body


@pytest.fixture
def anyone(client_for):
    return client_for()


async def test_a_script_goes_in_the_smallest_form_the_browser_accepts(anyone):
    on_disk = (PWA / "js" / "app.js").read_bytes()
    br_reply, br_body = await fetch_raw(
        anyone, "/js/app.js", **{"Accept-Encoding": "gzip, deflate, br, zstd"}
    )
    gz_reply, gz_body = await fetch_raw(anyone, "/js/app.js", **{"Accept-Encoding": "gzip"})
    plain_reply, plain_body = await fetch_raw(anyone, "/js/app.js", **{"Accept-Encoding": "identity"})

    assert br_reply.headers["content-encoding"] == "br"
    assert brotli.decompress(br_body) == on_disk
    assert gz_reply.headers["content-encoding"] == "gzip"
    assert gzip.decompress(gz_body) == on_disk
    assert "content-encoding" not in plain_reply.headers and plain_body == on_disk
    assert len(br_body) < len(gz_body) < len(on_disk) / 2
    for reply in (br_reply, gz_reply, plain_reply):
        assert reply.headers["vary"] == "Accept-Encoding"
        assert reply.headers["content-type"].startswith("text/javascript")
    # Each form is its own representation, with its own validator.
    assert len({br_reply.headers["etag"], gz_reply.headers["etag"], plain_reply.headers["etag"]}) == 3


async def test_a_coding_refused_with_q_0_is_not_used(anyone):
    reply, body = await fetch_raw(anyone, "/css/app.css", **{"Accept-Encoding": "br;q=0, gzip"})
    assert reply.headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (PWA / "css" / "app.css").read_bytes()
    assert accepted("br;q=0, gzip;q=0.5, identity") == {"gzip", "identity"}


async def test_a_phone_checking_its_copy_gets_304_and_no_body(anyone):
    first = await anyone.get("/js/i18n.js", headers={"Accept-Encoding": "br"})
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    again = await anyone.get(
        "/js/i18n.js", headers={"Accept-Encoding": "br", "If-None-Match": f'"other", {first.headers["etag"]}'}
    )
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    # A copy in another form is not this one: the whole file comes again.
    other_form = await anyone.get(
        "/js/i18n.js", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]}
    )
    assert other_form.status_code == 200 and other_form.text == first.text


async def test_the_index_and_a_head_request(anyone):
    index = await anyone.get("/", headers={"Accept-Encoding": "br"})
    assert index.status_code == 200 and index.headers["content-encoding"] == "br"
    assert index.headers["content-type"].startswith("text/html")
    assert index.text == (PWA / "index.html").read_text(encoding="utf-8")
    head = await anyone.head("/js/app.js")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"]
    image = await anyone.get("/icons/icon-192.png", headers={"Accept-Encoding": "br, gzip"})
    assert "content-encoding" not in image.headers  # already compressed
    assert image.content == (PWA / "icons" / "icon-192.png").read_bytes()


@pytest.mark.parametrize(
    "url",
    [
        "/nothing-here.js",
        "/js/app.js/more/x.js",
        "/../pyproject.toml",
        "/%2e%2e/pyproject.toml",
        "/js/%2e%2e/%2e%2e/pyproject.toml",
        "/js/..%2f..%2fpyproject.toml",
        "/js",
        "/" + "a" * 300 + ".js",
    ],
)
async def test_nothing_outside_the_apps_files_is_served(anyone, url):
    reply = await anyone.get(url)
    assert reply.status_code == 404
    assert reply.headers["content-type"] == "application/problem+json"
    assert "[project]" not in reply.text


async def test_only_get_and_head(anyone):
    reply = await anyone.post("/js/app.js", json={})
    assert reply.status_code == 405
    assert (await anyone.get("/js/app.js")).status_code == 200


async def test_a_changed_file_is_served_as_it_is_now(tmp_path):
    (tmp_path / "a.js").write_text("export const a = 1;\n" * 200)
    app = Litestar(route_handlers=[static_router(tmp_path)])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        first = await client.get("/a.js", headers={"Accept-Encoding": "br"})
        assert first.text == "export const a = 1;\n" * 200
        (tmp_path / "a.js").write_text("export const a = 2;\n" * 300)
        second = await client.get(
            "/a.js", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["etag"]}
        )
        assert second.status_code == 200
        assert second.text == "export const a = 2;\n" * 300
        assert second.headers["etag"] != first.headers["etag"]


def test_warming_keeps_every_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.css").write_text("body { color: black; }\n" * 100)
    (tmp_path / "c.json").write_text("{}")
    assert warm(tmp_path) == 2
    assert warm(tmp_path) == 0  # already kept
