"""pwa/index.html names every module of the app for the browser to fetch at once, and
the list is the one scripts/modulepreload.py computes from the imports, never kept by hand."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("modulepreload", ROOT / "scripts" / "modulepreload.py")
assert _spec is not None and _spec.loader is not None
modulepreload = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(modulepreload)


def test_index_html_lists_the_modules_the_imports_reach():
    html = (ROOT / "pwa" / "index.html").read_text(encoding="utf-8")
    assert modulepreload.written(html) == html, "stale: run .venv/bin/python scripts/modulepreload.py"


def test_every_module_of_the_pwa_is_reached_from_app_js():
    on_disk = {"/" + p.relative_to(ROOT / "pwa").as_posix() for p in (ROOT / "pwa" / "js").rglob("*.js")}
    assert set(modulepreload.modules()) | {"/js/app.js"} == on_disk


def test_a_new_import_makes_the_list_stale(tmp_path):
    (tmp_path / "a.js").write_text('import { x } from "./b.js";\n// import "./not-this.js";\n')
    (tmp_path / "b.js").write_text('export {\n  y,\n} from "./sub/c.js";\nimport "./a.js";\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.js").write_text("export const y = 1;\n")
    old_pwa = modulepreload.PWA
    modulepreload.PWA = tmp_path
    try:
        assert modulepreload.modules(tmp_path / "a.js") == ["/b.js", "/sub/c.js"]
    finally:
        modulepreload.PWA = old_pwa
