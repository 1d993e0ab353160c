"""backend.kept: what the plan read and the data keys remember is bounded in size and
in time, and an erasure empties it at once."""

from __future__ import annotations

import time

from backend import kept
from backend.kept import Kept
from backend.sealed import forget_unsealed, seal, unseal
from backend.security import _keys


def test_the_oldest_unused_entry_goes_first_when_full():
    memory: Kept[str] = Kept(size=2, seconds=60)
    memory.put("a", "Jade")
    memory.put("b", "Sam")
    assert memory.get("a") == "Jade"  # now the most recently used
    memory.put("c", "Alex")
    assert len(memory) == 2
    assert memory.get("b") is None
    assert memory.get("a") == "Jade" and memory.get("c") == "Alex"


def test_an_entry_is_forgotten_after_its_time_even_if_used():
    memory: Kept[str] = Kept(size=10, seconds=0.05)
    memory.put("a", "Jade")
    assert memory.get("a") == "Jade"
    time.sleep(0.06)
    assert memory.get("a") is None
    assert len(memory) == 0


def test_forget_all_empties_every_memory():
    first: Kept[str] = Kept(size=10, seconds=60)
    second: Kept[int] = Kept(size=10, seconds=60)
    first.put("a", "Jade")
    second.put("b", 1)
    kept.forget_all()
    assert first.get("a") is None and second.get("b") is None


def test_an_opened_value_is_remembered_until_an_erasure():
    sealed = seal("Jade's worries")
    assert unseal(sealed) == "Jade's worries"
    assert _keys().opened.get(sealed) == "Jade's worries"
    forget_unsealed()
    assert _keys().opened.get(sealed) is None
    assert unseal(sealed) == "Jade's worries"  # opened again from the database's value


def test_a_photo_sized_value_is_never_remembered():
    sealed = seal("x" * 40_000)
    assert unseal(sealed) == "x" * 40_000
    assert _keys().opened.get(sealed) is None


def test_a_name_sealed_again_within_the_minute_reuses_its_sealed_form_under_the_same_keys():
    from backend.sealed import seal_again

    first = seal_again("Sam Okafor")
    assert seal_again("Sam Okafor") == first
    assert unseal(first) == "Sam Okafor"
    assert seal_again("Priya Shah") != first
    forget_unsealed()
    assert seal_again("Sam Okafor") != first  # sealed afresh after an erasure
