"""Every package the code imports is declared in pyproject.toml.

A package that arrives only as another one's dependency can vanish with that package's
next release; the backend's imports must be in `dependencies`, the tests' in `dependencies`
or the `test` extra. Imports are read from the source (every `import` statement, also those
inside functions), mapped to the distribution that provides them, and compared by name.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Runs in its own environment with its own pinned packages (scripts/ssda903-validator.sh).
OWN_ENVIRONMENT = {ROOT / "tests" / "exports" / "lac_driver.py"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return {_normalise(re.match(r"[A-Za-z0-9._-]+", r).group(0)) for r in requirements}


def _local(module: str, folder: Path) -> bool:
    """A module of this repository (the backend, the tests, a script beside the importer)."""
    for base in (ROOT, folder):
        if (base / module).is_dir() or (base / f"{module}.py").is_file():
            return True
    return False


def _third_party_imports(folder: Path) -> dict[str, set[str]]:
    """Top-level module name -> the files importing it, for modules outside the stdlib."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        if path in OWN_ENVIRONMENT or ".venv" in path.parts or "node_modules" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "__future__" or _local(top, path.parent):
                    continue
                found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def _undeclared(folder: Path, declared: set[str]) -> list[str]:
    providers = packages_distributions()
    problems = []
    for module, files in sorted(_third_party_imports(folder).items()):
        distributions = {_normalise(d) for d in providers.get(module, [])}
        if not distributions:
            problems.append(f"{module}: not installed (imported by {sorted(files)})")
        elif not distributions & declared:
            problems.append(
                f"{module} (from {sorted(distributions)}): undeclared, imported by {sorted(files)}"
            )
    return problems


def test_the_backend_declares_every_package_it_imports():
    assert _undeclared(ROOT / "backend", _declared()) == []


def test_the_tests_declare_every_package_they_import():
    assert _undeclared(ROOT / "tests", _declared("test")) == []


def test_the_check_sees_an_undeclared_import(tmp_path, monkeypatch):
    """The check itself works: a module importing an undeclared package is reported."""
    folder = ROOT / "backend"
    monkeypatch.setattr(
        sys.modules[__name__], "_third_party_imports", lambda _folder: {"aiosqlite": {"backend/x.py"}}
    )
    assert _undeclared(folder, {"litestar"}) != []
    assert _undeclared(folder, {"aiosqlite"}) == []
