"""Every table says what personal data it holds, and personal data is encrypted unless a
reason to keep it readable is written down beside it."""

import pytest

from backend.personal import declaration, needs_classifying
from backend.sealed import is_encrypted, registered_tables

TABLES = registered_tables()


def names(table):
    return [column._meta.name for column in table._meta.columns]


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_every_table_declares_its_personal_data(table):
    assert declaration(table) is not None, (
        f"{table.__name__} has no declare(...) in its tables.py (backend/personal.py says how)"
    )


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_every_text_or_date_column_is_classified(table):
    declared = declaration(table)
    assert declared is not None
    unclassified = [
        column._meta.name
        for column in table._meta.columns
        if needs_classifying(column)
        and column._meta.name not in declared.personal
        and column._meta.name not in declared.not_personal
    ]
    assert not unclassified, (
        f"{table.__name__}: say whether {unclassified} hold personal data (declare(...) in its tables.py)"
    )


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_personal_data_is_encrypted_unless_a_reason_is_given(table):
    declared = declaration(table)
    assert declared is not None
    columns = {column._meta.name: column for column in table._meta.columns}
    plain = [
        name
        for name, personal in declared.personal.items()
        if not is_encrypted(columns[name]) and not personal.plain_because.strip()
    ]
    assert not plain, f"{table.__name__}: encrypt {plain} (backend.sealed.encrypted) or say why not"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_every_encrypted_column_is_declared_personal(table):
    declared = declaration(table)
    assert declared is not None
    sealed = [c._meta.name for c in table._meta.columns if is_encrypted(c)]
    assert set(sealed) <= set(declared.personal), table.__name__


def test_a_forgotten_column_would_be_caught():
    # The check itself must be able to fail: a table with an undeclared text column.
    from piccolo.columns import Varchar
    from piccolo.table import Table

    class Scratch(Table):
        nickname = Varchar()

    assert declaration(Scratch) is None
    assert needs_classifying(Scratch.nickname)
