"""docs/privacy/records-of-processing.md is what scripts/records_of_processing.py writes
from the declarations beside the tables: a new personal column must be listed there."""

from pathlib import Path

from backend.personal import declaration
from backend.sealed import registered_tables
from scripts.records_of_processing import TARGET, render


def test_the_committed_records_of_processing_are_what_the_code_declares():
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "docs/privacy/records-of-processing.md is out of date: run "
        ".venv/bin/python scripts/records_of_processing.py and commit it"
    )


def test_every_personal_column_is_a_row_with_who_sees_it_and_how_long_it_is_kept():
    text = render()
    for table in registered_tables():
        declared = declaration(table)
        assert declared is not None
        for column, personal in declared.personal.items():
            row = f"| `{table._meta.tablename}` | `{column}` |"
            assert row in text, f"{table.__name__}.{column} is not listed"
            line = next(line for line in text.splitlines() if row in line)
            assert f"| {' '.join(personal.kept.split())} |" in line
            assert "| yes |" in line or "| no: " in line


def test_the_privacy_documents_are_in_the_repository():
    folder = Path(__file__).resolve().parents[2] / "docs" / "privacy"
    code = (folder / "childrens-code.md").read_text(encoding="utf-8")
    rows = [
        line for line in code.splitlines() if line.startswith("| ") and line.split("|")[1].strip().isdigit()
    ]
    assert [int(row.split("|")[1]) for row in rows] == list(range(1, 16))
    assert "records-of-processing.md" in (folder / "dpia.md").read_text(encoding="utf-8")
