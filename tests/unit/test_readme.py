"""The README is part of the product: its settings table must match the code."""

import dataclasses
import re
from pathlib import Path

from backend.config import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_setting_and_no_others():
    documented = set(re.findall(r"^\| `HOMEWARD_([A-Z_]+)` \|", README.read_text(), re.M))
    in_code = {field.name.upper() for field in dataclasses.fields(Settings)}
    assert documented == in_code


def test_readme_test_command_is_what_ci_runs():
    ci = (README.parent / ".ci" / "run").read_text()
    assert "./scripts/test.sh" in README.read_text()
    assert "./scripts/test.sh" in ci
