"""The app's module hints are the ones scripts/modulepreload.py computes from the imports,
never kept by hand: index.html names the shell's modules for the browser to fetch at
once, and js/module-map.js names, for each screen loaded when first opened, the modules
it brings with it."""

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("modulepreload", ROOT / "scripts" / "modulepreload.py")
assert _spec is not None and _spec.loader is not None
modulepreload = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(modulepreload)


def test_index_html_lists_the_modules_the_imports_reach():
    html = (ROOT / "pwa" / "index.html").read_text(encoding="utf-8")
    assert modulepreload.written(html) == html, "stale: run .venv/bin/python scripts/modulepreload.py"


def test_the_module_map_is_current():
    kept = (ROOT / "pwa" / "js" / "module-map.js").read_text(encoding="utf-8")
    assert modulepreload.module_map() == kept, "stale: run .venv/bin/python scripts/modulepreload.py"
    assert modulepreload.main(["--check"]) == 0


def test_every_module_of_the_pwa_is_reached_from_app_js():
    on_disk = {"/" + p.relative_to(ROOT / "pwa").as_posix() for p in (ROOT / "pwa" / "js").rglob("*.js")}
    assert modulepreload.reachable() == on_disk


def test_the_first_load_holds_the_shell_and_no_screen_of_any_role():
    shell = set(modulepreload.modules())
    assert {"/js/i18n.js", "/js/lazy.js", "/js/module-map.js", "/js/ui.js"} <= shell
    screens = {url for url in shell if url.startswith("/js/screens/")}
    assert screens == set(), "a screen imported statically from the shell loads for everyone: use lazy()"
    # Every route's screen is loaded when it is opened, each home only for its own role.
    lazy = set(modulepreload.lazy_modules())
    assert {"/js/screens/signin.js", "/js/screens/home.js", "/js/screens/home-young-person.js"} <= lazy


def test_a_screen_brings_what_it_imports_and_nothing_the_shell_has():
    needs = modulepreload.needs()
    young_home = needs["/js/screens/home-young-person.js"]
    assert "/js/screens/alert-button.js" in young_home  # imported by it, not by the shell
    assert "/js/screens/home-carer.js" not in young_home  # another role's home
    shell = set(modulepreload.modules())
    assert all(not (set(modules) & shell) for modules in needs.values())
    source = (ROOT / "pwa" / "js" / "module-map.js").read_text(encoding="utf-8")
    listed = json.loads(re.search(r"NEEDS = (\{.*\});", source, re.DOTALL).group(1))
    assert listed == needs


def test_a_new_import_makes_the_list_stale(tmp_path):
    (tmp_path / "a.js").write_text(
        'import { x } from "./b.js";\n// import "./not-this.js";\nlazy("/d.js");\n'
    )
    (tmp_path / "b.js").write_text('export {\n  y,\n} from "./sub/c.js";\nimport "./a.js";\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.js").write_text("export const y = 1;\n")
    (tmp_path / "d.js").write_text('import { y } from "./sub/c.js";\nimport { z } from "./e.js";\n')
    (tmp_path / "e.js").write_text("export const z = 2;\n")
    old_pwa = modulepreload.PWA
    modulepreload.PWA = tmp_path
    try:
        assert modulepreload.modules(tmp_path / "a.js") == ["/b.js", "/sub/c.js"]
        assert modulepreload.lazy_modules(tmp_path / "a.js") == ["/d.js"]
        # d.js needs e.js; c.js is in the shell already.
        assert modulepreload.needs(tmp_path / "a.js") == {"/d.js": ["/e.js"]}
    finally:
        modulepreload.PWA = old_pwa
