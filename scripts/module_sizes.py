"""Print the module sizes table of docs/architecture.md, from the tree as it is.

    .venv/bin/python scripts/module_sizes.py

One row per part of backend/ (each domain folder, web/, and the core modules at the top
level together), then the PWA and the tests: files, lines of code (not blank, not only
a comment), and the largest file. Paste the output over the table in the document.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _code_lines(path: Path) -> int:
    comment = "//" if path.suffix == ".js" else "#"
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip() and not line.strip().startswith(comment))


def _row(name: str, files: list[Path]) -> str:
    sizes = {path: _code_lines(path) for path in files}
    largest = max(sizes, key=lambda path: sizes[path])
    where = largest.relative_to(ROOT)
    return f"| {name} | {len(files)} | {sum(sizes.values()):,} | `{where}` ({sizes[largest]:,}) |"


def rows() -> list[str]:
    backend = ROOT / "backend"
    out = ["| part | files | lines of code | largest file (lines) |", "|---|---|---|---|"]
    core = sorted(backend.glob("*.py"))
    out.append(_row("core (`backend/*.py`)", core))
    for folder in sorted(p for p in backend.iterdir() if p.is_dir() and any(p.rglob("*.py"))):
        out.append(_row(f"`{folder.name}/`", sorted(folder.rglob("*.py"))))
    total = sorted(backend.rglob("*.py"))
    out.append(_row("**backend, all**", total))
    out.append(_row("PWA (`pwa/js`)", sorted((ROOT / "pwa" / "js").rglob("*.js"))))
    tests = [p for p in (ROOT / "tests").rglob("*.py") if "node_modules" not in p.parts]
    out.append(_row("tests (`tests/`)", sorted(tests)))
    return out


if __name__ == "__main__":
    print("\n".join(rows()))
