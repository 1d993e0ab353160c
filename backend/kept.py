"""A short, bounded memory of results that are pure functions of their key.

The plan read opens the same sealed values and builds the same reply from the same rows
many times a minute. Where a result depends on nothing but its key (a sealed token's
plain text; a plan reply built from exactly these rows, for this reader, in this
language), it can be kept instead of made again, and a kept result is never stale: a
change anywhere makes a different key.

Kept values hold personal data, in this process's memory only. So each `Kept` is small
(`size` entries), forgets an entry `seconds` after it was made (whether or not it is still
used: an erasure by another process, the worker's retention job, is out of memory within
that time), and `forget_all()` empties every one at once (after an erasure here).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

_every: weakref.WeakSet[Kept] = weakref.WeakSet()


class Kept(Generic[V]):
    __slots__ = ("__weakref__", "_entries", "_lock", "seconds", "size")

    def __init__(self, size: int, seconds: float) -> None:
        self.size = size
        self.seconds = seconds
        self._entries: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()  # some callers run on worker threads
        _every.add(self)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if time.monotonic() - found[0] >= self.seconds:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def through(self, key: Hashable, make: Callable[[], V], keep: bool = True) -> V:
        """The value kept under `key`, else `make()` (kept too, when `keep`)."""
        found = self.get(key)
        if found is None:
            found = make()
            if keep:
                self.put(key, found)
        return found

    def forget(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_also: list[Callable[[], None]] = []


def also_forget(forget: Callable[[], None]) -> None:
    """Have `forget_all()` call `forget` too (a memory of personal data that is not a `Kept`)."""
    _also.append(forget)


def forget_all() -> None:
    """Empty every `Kept` in this process, and what was given to `also_forget`."""
    for kept in list(_every):
        kept.forget()
    for forget in _also:
        forget()
