"""The PWA's files (pwa/), kept in memory and compressed once, not on every request.

A file is read on its first request and kept with its brotli (quality 11) and gzip
(level 9) forms: the strongest settings, affordable because each is computed once per
version of the file (a changed file, by size or time, is read again). A phone gets the
smallest form it accepts: brotli is about a fifth smaller than gzip on our scripts.
Only these files are compressed; replies under /api/ never are (BREACH: a secret
beside words a stranger chose).

Every answer carries a strong ETag per form, and `Cache-Control: no-cache`: the file
names carry no version, so a browser must ask again (a 304 when nothing changed) rather
than keep an old module beside a new page. The service worker (sw.js) is what keeps the
app on the phone for no signal.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import anyio
import brotli
from litestar import Request, Response, Router, get, head
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
)
# Each form's ETag differs (the bytes differ), as a strong validator must.
FORMS = ("br", "gzip")


@dataclass(frozen=True)
class Kept:
    stamp: tuple[int, int]  # (mtime_ns, size): read again when either changes
    media_type: str
    tag: str  # of the plain bytes; each form's ETag adds its name
    forms: dict[str, bytes]  # "identity", and "br" / "gzip" when smaller

    def etag(self, form: str) -> str:
        return f'"{self.tag}"' if form == "identity" else f'"{self.tag}-{form}"'


def _media_type(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    # Litestar names the charset of text/* itself.
    if kind in ("application/json", "application/manifest+json"):
        return f"{kind}; charset=utf-8"
    return kind


def _compressed(body: bytes, media_type: str) -> dict[str, bytes]:
    forms = {"identity": body}
    if not media_type.startswith(COMPRESSIBLE):
        return forms
    for name, packed in (
        ("br", brotli.compress(body, quality=11)),
        ("gzip", gzip.compress(body, compresslevel=9, mtime=0)),
    ):
        if len(packed) < len(body):
            forms[name] = packed
    return forms


def accepted(header: str) -> set[str]:
    """Content codings in an Accept-Encoding header with a q-value above 0."""
    names = set()
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(quality) > 0:
                names.add(name.strip())
        except ValueError:
            continue
    return names


# Shared by every app in the process (the tests make many): a file is compressed once.
_KEPT: dict[Path, Kept] = {}


class Shelf:
    """The files under one directory, each kept in memory after its first request."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, name: str) -> Path | None:
        parts = PurePosixPath(name).parts
        if any(part in ("..", ".") or "\x00" in part for part in parts):
            return None
        path = self.root.joinpath(*[p for p in parts if p != "/"])
        try:
            if path.is_dir():
                path = path / "index.html"
            path = path.resolve()
        except (OSError, ValueError):
            return None
        if not path.is_relative_to(self.root):
            return None
        return path

    async def find(self, name: str) -> Kept | None:
        path = self._path(name)
        if path is None:
            return None
        try:
            status = path.stat()
        except OSError:
            return None  # not there, or a path that cannot name a file (too long, through a file)
        kept = _KEPT.get(path)
        if kept is not None and kept.stamp == (status.st_mtime_ns, status.st_size):
            return kept
        # Reading and compressing (brotli at its best takes a while) off the event loop.
        return await anyio.to_thread.run_sync(_read, path)


def warm(root: Path) -> int:
    """Read and compress every file under `root` now (at start-up, on a worker thread),
    so no phone waits while a file is compressed. Returns how many were kept."""
    kept = 0
    for path in sorted(root.resolve().rglob("*")):
        if path.is_file() and path not in _KEPT and _read(path) is not None:
            kept += 1
    return kept


def _read(path: Path) -> Kept | None:
    try:
        status = path.stat()
        if not path.is_file():
            return None
        body = path.read_bytes()
    except OSError:
        return None
    media_type = _media_type(path)
    kept = Kept(
        stamp=(status.st_mtime_ns, status.st_size),
        media_type=media_type,
        tag=hashlib.sha256(body).hexdigest()[:20],
        forms=_compressed(body, media_type),
    )
    _KEPT[path] = kept
    return kept


async def _answer(shelf: Shelf, name: str, request: Request) -> tuple[int, dict[str, str], Kept, bytes]:
    """(status, headers, the file, the body in the form sent) for a GET of `name`."""
    kept = await shelf.find(name)
    if kept is None:
        raise NotFoundException()
    codings = accepted(request.headers.get("accept-encoding", ""))
    form = next((f for f in FORMS if f in kept.forms and f in codings), "identity")
    headers = {"ETag": kept.etag(form), "Vary": "Accept-Encoding", "Cache-Control": "no-cache"}
    if form != "identity":
        headers["Content-Encoding"] = form
    asked = {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}
    if kept.etag(form) in asked or "*" in asked:
        return 304, headers, kept, b""
    return 200, headers, kept, kept.forms[form]


def static_router(root: Path) -> Router:
    """GET and HEAD for every file under `root`; "/" (and a folder) is its index.html."""
    shelf = Shelf(root)

    async def answer(name: str, request: Request) -> Response[bytes]:
        status, headers, kept, body = await _answer(shelf, name, request)
        return Response(content=body, status_code=status, headers=headers, media_type=kept.media_type)

    @get("/", name="pwa/index", include_in_schema=False)
    async def index(request: Request) -> Response[bytes]:
        return await answer("index.html", request)

    @get("/{file_path:path}", name="pwa", include_in_schema=False)
    async def file(request: Request, file_path: FromPath[PurePosixPath]) -> Response[bytes]:
        return await answer(file_path.as_posix(), request)

    @head("/{file_path:path}", name="pwa/head", include_in_schema=False)
    async def file_head(request: Request, file_path: FromPath[PurePosixPath]) -> Response[None]:
        status, headers, kept, _ = await _answer(shelf, file_path.as_posix(), request)
        return Response(content=None, status_code=status, headers=headers, media_type=kept.media_type)

    return Router(path="/", route_handlers=[index, file, file_head], include_in_schema=False)
