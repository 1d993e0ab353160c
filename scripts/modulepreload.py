"""Keep the app's module hints equal to its imports: index.html's list and js/module-map.js.

    .venv/bin/python scripts/modulepreload.py          # rewrite both
    .venv/bin/python scripts/modulepreload.py --check  # exit 1 if either is stale

Without hints a browser learns of a module only when the one importing it has arrived:
app.js, then its imports, then theirs, one round trip per level on a phone's slow
connection. The app is split in two:

- the shell: every module reachable by static imports from js/app.js. index.html names
  each with `<link rel="modulepreload">`, nearest first (breadth first), so the browser
  asks for all of them as soon as it reads the page;
- the screens: modules loaded when first needed, through `lazy("/js/...")` (js/lazy.js).
  js/module-map.js lists, for each, every module its static imports reach that the shell
  does not hold; lazy() hints them all at once when it loads the screen.

tests/unit/test_modulepreload.py fails when either list is stale, so neither is kept by
hand.
"""

from __future__ import annotations

import json
import re
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PWA = ROOT / "pwa"
INDEX = PWA / "index.html"
ENTRY = PWA / "js" / "app.js"
MODULE_MAP = PWA / "js" / "module-map.js"
BEGIN = "<!-- modulepreload: written by scripts/modulepreload.py, do not edit -->"
END = "<!-- /modulepreload -->"
# `import ... from "./x.js"`, `export ... from "./x.js"` (over several lines) and `import "./x.js"`.
IMPORTED = re.compile(r"""(?:\bfrom|^\s*import)\s*["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)
# `lazy("/js/screens/x.js")`: a module loaded when it is first needed (js/lazy.js).
LAZY = re.compile(r"""\blazy\(\s*["'](/[^"']+\.js)["']\s*\)""")
BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
MAP_HEADER = """\
// Written by scripts/modulepreload.py, do not edit. For each module loaded with lazy()
// (js/lazy.js): every module its imports reach that the shell (index.html's
// modulepreload list) does not already load, for lazy() to ask for all at once.
"""


def _without_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    return re.sub(r"^\s*//.*$", "", source, flags=re.MULTILINE)


def _url(path: Path) -> str:
    return "/" + path.relative_to(PWA).as_posix()


def _source(module: Path) -> str:
    if module == MODULE_MAP and not module.exists():
        return ""  # written by this script, and imports nothing
    return _without_comments(module.read_text(encoding="utf-8"))


def _static_imports(module: Path) -> list[Path]:
    source = _source(module)
    return [(module.parent / target).resolve() for target in IMPORTED.findall(source)]


def _lazy_imports(module: Path) -> list[Path]:
    source = _source(module)
    return [(PWA / target.lstrip("/")).resolve() for target in LAZY.findall(source)]


def _closure(entry: Path) -> list[Path]:
    """Every module reachable by static imports from `entry` (itself left out), nearest first."""
    seen = {entry}
    order: list[Path] = []
    queue = deque([entry])
    while queue:
        for found in _static_imports(queue.popleft()):
            if found not in seen:
                seen.add(found)
                order.append(found)
                queue.append(found)
    return order


def modules(entry: Path = ENTRY) -> list[str]:
    """The shell: the URL path of every module `entry` imports statically, nearest first."""
    return [_url(path) for path in _closure(entry)]


def lazy_modules(entry: Path = ENTRY) -> list[str]:
    """Every module loaded with lazy() from anywhere the app reaches, in the order found."""
    seen = {entry}
    found: list[Path] = []
    queue = deque([entry])
    while queue:
        module = queue.popleft()
        for target in _static_imports(module) + _lazy_imports(module):
            if target not in seen:
                seen.add(target)
                queue.append(target)
        for target in _lazy_imports(module):
            if target not in found:
                found.append(target)
    return [_url(path) for path in found]


def reachable(entry: Path = ENTRY) -> set[str]:
    """Every module the app can load: the shell, the lazy modules and what they import."""
    urls = set(modules(entry)) | {_url(entry)}
    for url in lazy_modules(entry):
        urls.add(url)
        urls.update(modules(PWA / url.lstrip("/")))
    return urls


def needs(entry: Path = ENTRY) -> dict[str, list[str]]:
    """For each lazy module, the modules its static imports reach outside the shell."""
    shell = set(modules(entry)) | {_url(entry)}
    return {
        url: [m for m in modules(PWA / url.lstrip("/")) if m not in shell and m != url]
        for url in sorted(lazy_modules(entry))
    }


def module_map() -> str:
    body = json.dumps(needs(), indent=2)
    return f"{MAP_HEADER}export const NEEDS = {body};\n"


def block(indent: str = "  ") -> str:
    links = "".join(f'\n{indent}<link rel="modulepreload" href="{href}">' for href in modules())
    return f"{BEGIN}{links}\n{indent}{END}"


def written(html: str) -> str:
    """index.html with its list made current (added after the module script if missing)."""
    if BEGIN in html:
        return BLOCK.sub(lambda _: block(), html)
    script = '<script type="module" src="/js/app.js"></script>'
    return html.replace(script, f"{script}\n  {block()}", 1)


def main(argv: list[str]) -> int:
    html = INDEX.read_text(encoding="utf-8")
    current = written(html)
    mapped = module_map()
    if "--check" in argv:
        old_map = MODULE_MAP.read_text(encoding="utf-8") if MODULE_MAP.exists() else ""
        if current != html or mapped != old_map:
            print("pwa/index.html or pwa/js/module-map.js is stale: run scripts/modulepreload.py")
            return 1
        return 0
    # The map first: it is itself one of the shell's modules.
    MODULE_MAP.write_text(mapped, encoding="utf-8")
    INDEX.write_text(written(html), encoding="utf-8")
    print(f"{len(modules())} shell modules in pwa/index.html, {len(needs())} lazy ones in {MODULE_MAP.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
