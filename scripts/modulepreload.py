"""Keep pwa/index.html's `<link rel="modulepreload">` list equal to the app's modules.

    .venv/bin/python scripts/modulepreload.py          # rewrite the list in index.html
    .venv/bin/python scripts/modulepreload.py --check  # exit 1 if it is stale

Without the hints a browser learns of a module only when the one importing it has
arrived: app.js, then its imports, then theirs, one round trip per level on a phone's
slow connection. With them it asks for every module as soon as it reads the page.
The list is every module reachable by static imports from js/app.js, nearest first
(breadth first), read from the files; tests/unit/test_modulepreload.py fails when
index.html's list differs, so it is never kept by hand.
"""

from __future__ import annotations

import re
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PWA = ROOT / "pwa"
INDEX = PWA / "index.html"
ENTRY = PWA / "js" / "app.js"
BEGIN = "<!-- modulepreload: written by scripts/modulepreload.py, do not edit -->"
END = "<!-- /modulepreload -->"
# `import ... from "./x.js"`, `export ... from "./x.js"` (over several lines) and `import "./x.js"`.
IMPORTED = re.compile(r"""(?:\bfrom|^\s*import)\s*["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)
BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)


def _without_comments(source: str) -> str:
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    return re.sub(r"^\s*//.*$", "", source, flags=re.MULTILINE)


def modules(entry: Path = ENTRY) -> list[str]:
    """The URL path of every module reachable from `entry` (itself left out), nearest first."""
    seen = {entry}
    order: list[Path] = []
    queue = deque([entry])
    while queue:
        module = queue.popleft()
        for target in IMPORTED.findall(_without_comments(module.read_text(encoding="utf-8"))):
            found = (module.parent / target).resolve()
            if found not in seen:
                seen.add(found)
                order.append(found)
                queue.append(found)
    return ["/" + path.relative_to(PWA).as_posix() for path in order]


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
    if "--check" in argv:
        if current != html:
            print("pwa/index.html's modulepreload list is stale: run scripts/modulepreload.py")
            return 1
        return 0
    INDEX.write_text(current, encoding="utf-8")
    print(f"{len(modules())} modules listed in pwa/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
