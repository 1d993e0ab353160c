"""Where the time goes, from a py-spy profile of the server (raw, collapsed stacks).

Reads the file bench/plan_read.py --profile writes (`py-spy record --idle --format raw`:
one line per distinct stack, frames root first, then a sample count) and prints:

- each thread's share: the event loop (where requests are served; its idle share is
  time waiting for the database or for work) and the threads around it (aiosqlite's
  thread per connection, anyio's worker threads for argon2 and files, logging);
- the event loop's busy samples by layer (the package of the innermost frame): Piccolo
  query building, the database driver, Litestar, uvicorn, JSON, cryptography, ...;
- the share of Homeward's own steps (session lookup, access check, plan view, audit
  write, ...), counting every sample with that step anywhere on its stack;
- the top functions, inclusive and self.

The same file opens as a flame graph in https://www.speedscope.app or with Brendan
Gregg's flamegraph.pl.

Usage: python bench/profile_summary.py PROFILE.txt [--top 20]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")

LAYERS = [  # (name, file path fragments), first match on the innermost frame wins
    (
        "Piccolo query building",
        (
            "piccolo/query/",
            "piccolo/querystring",
            "piccolo/columns/",
            "piccolo/table.py",
            "piccolo/custom_types",
            "piccolo/utils/",
        ),
    ),
    ("Piccolo engine", ("piccolo/engine/",)),
    ("SQLite driver (aiosqlite, sqlite3)", ("aiosqlite/", "sqlite3/")),
    ("asyncpg", ("asyncpg/",)),
    ("argon2", ("argon2/",)),
    ("cryptography (Fernet, HMAC)", ("cryptography/", "hmac.py", "hashlib")),
    ("JSON (msgspec, json)", ("msgspec/", "json/")),
    ("Litestar", ("litestar/",)),
    ("uvicorn + httptools", ("uvicorn/", "httptools/")),
    ("asyncio", ("asyncio/", "uvloop/")),
    ("Homeward (own frames)", ("backend/",)),
    ("dates, uuid, typing, other stdlib", ("datetime", "uuid.py", "typing.py", "enum.py", "<frozen")),
]

STEPS = [  # (step, function name, file fragment): a sample counts if the frame is on its stack
    ("session lookup (accounts.actor_for_token)", "actor_for_token", "backend/accounts/services.py"),
    ("access check (young_people.require)", "require", "backend/young_people/services.py"),
    ("plan view (plans.view_data)", "view_data", "backend/plans/services.py"),
    ("trio (contacts.visible_trio)", "visible_trio", "backend/contacts/services.py"),
    ("audit write (backend/audit/services.py)", None, "backend/audit/services.py"),
    ("write_transaction (backend/db.py)", "write_transaction", "backend/db.py"),
    ("field decryption (security.decrypt)", "decrypt", "backend/security.py"),
    ("Piccolo Query.querystrings (SQL built per call)", "querystrings", "piccolo/query/"),
    ("Piccolo ForeignKey.__getattribute__", "__getattribute__", "piccolo/columns/column_types.py"),
    ("SQLite statement outside a transaction (db.py pool)", "_run_in_new_connection", "backend/db.py"),
    ("hand-off to aiosqlite's thread (Connection._execute)", "_execute", "aiosqlite/core.py"),
    ("response encoding (Litestar + msgspec)", "to_asgi_response", "litestar/"),
    ("msgspec.convert in controllers", "convert", "msgspec/"),
]


def parse(path: Path) -> list[tuple[list[tuple[str, str]], int, str]]:
    """(frames as (function, file), count, the innermost frame's line) per stack."""
    stacks = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = []
        leaf_line = ""
        for text in stack.split(";"):
            match = FRAME.match(text)
            frames.append((match["function"], match["file"]) if match else (text, ""))
            leaf_line = (match["line"] or "") if match else ""
        stacks.append((frames, int(count), leaf_line))
    return stacks


def aiosqlite_waiting_line() -> str:
    """The line where aiosqlite's thread waits for its next statement (`tx.get()`); any
    other line of that loop is running one, in SQLite's C code (query, commit, fsync)."""
    try:
        import inspect

        import aiosqlite.core

        lines, start = inspect.getsourcelines(aiosqlite.core._connection_worker_thread)
    except (ImportError, AttributeError, OSError):
        return ""
    for offset, text in enumerate(lines):
        if "tx.get(" in text:
            return str(start + offset)
    return ""


def thread_of(frames: list[tuple[str, str]]) -> str:
    files = " ".join(file for _, file in frames)
    if not any(function == "Thread._bootstrap_inner" for function, _ in frames):
        return "event loop"
    if "aiosqlite/" in files:
        return "aiosqlite threads"
    if "QueueListener" in " ".join(function for function, _ in frames):
        return "logging thread"
    if "anyio/" in files:
        return "anyio worker threads"
    return "other threads"


def idle(frames: list[tuple[str, str]], thread: str, line: str, waiting_line: str) -> bool:
    function, file = frames[-1]
    if thread == "event loop":
        # uvloop waits in C: a stack ending at the loop's run is the loop with nothing to do.
        return function in ("Runner.run", "run_forever", "_run_once", "select") or "selectors" in file
    if thread == "aiosqlite threads" and function == "_connection_worker_thread":
        return line == waiting_line
    return function in ("Condition.wait", "Queue.get", "Event.wait")


def layer(frames: list[tuple[str, str]]) -> str:
    for _function, file in reversed(frames):
        for name, fragments in LAYERS:
            if any(fragment in file for fragment in fragments):
                return name
    return "other"


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


def summarise(path: Path, top: int) -> None:
    stacks = parse(path)
    waiting_line = aiosqlite_waiting_line()
    total = sum(count for _, count, _ in stacks)
    threads: Counter[str] = Counter()
    busy_by_thread: Counter[str] = Counter()
    loop_busy: list[tuple[list[tuple[str, str]], int]] = []
    other_busy: list[tuple[list[tuple[str, str]], int, str]] = []
    for frames, count, line in stacks:
        thread = thread_of(frames)
        threads[thread] += count
        if not idle(frames, thread, line, waiting_line):
            busy_by_thread[thread] += count
            if thread == "event loop":
                loop_busy.append((frames, count))
            else:
                other_busy.append((frames, count, line))
    busy = sum(count for _, count in loop_busy)
    print(f"{path}: {total} samples")
    print("\nthreads (samples: all / not idle)")
    for thread, count in threads.most_common():
        print(f"  {thread:<24}{count:>7}{busy_by_thread[thread]:>7}")
    loop_total = threads["event loop"]
    print(
        f"\nevent loop busy {busy} of {loop_total} samples ({pct(busy, loop_total).strip()}); "
        "shares below are of its busy samples"
    )

    layers: Counter[str] = Counter()
    for frames, count in loop_busy:
        layers[layer(frames)] += count
    print("\nby layer (innermost known frame)")
    for name, count in layers.most_common():
        print(f"  {pct(count, busy)}  {name}")

    print("\nHomeward's steps (inclusive: the step anywhere on the stack)")
    for step, function, fragment in STEPS:
        count = sum(
            c
            for frames, c in loop_busy
            if any(
                (function is None or f.rsplit(".", 1)[-1] == function) and fragment in file
                for f, file in frames
            )
        )
        print(f"  {pct(count, busy)}  {step}")

    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for frames, count in loop_busy:
        names = {f"{function} ({file})" for function, file in frames}
        for name in names:
            inclusive[name] += count
        own[f"{frames[-1][0]} ({frames[-1][1]})"] += count
    skip = (
        "asyncio/",
        "uvicorn/",
        "click/",
        "runpy",
        "<module>",
        "litestar/app.py",
        "litestar/middleware/",
        "litestar/_asgi/",
        "litestar/routes/http.py",
        "backend/cli.py",
    )
    print(f"\ntop {top} functions, inclusive (framework entry frames left out)")
    shown = 0
    for name, count in inclusive.most_common():
        if any(fragment in name for fragment in skip):
            continue
        print(f"  {pct(count, busy)}  {name}")
        shown += 1
        if shown == top:
            break
    print(f"\ntop {top} functions, self")
    for name, count in own.most_common(top):
        print(f"  {pct(count, busy)}  {name}")

    other = sum(count for _, count, _ in other_busy)
    if other:
        print(
            "\nother threads, not idle: innermost frames (samples; aiosqlite's"
            f" _connection_worker_thread:{waiting_line or '?'} is waiting, any other line is running a"
            " statement in SQLite's C code, commit and fsync included)"
        )
        leaves: Counter[str] = Counter()
        for frames, count, line in other_busy:
            leaves[f"{frames[-1][0]} ({frames[-1][1]}:{line})"] += count
        for name, count in leaves.most_common(8):
            print(f"  {count:>6}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    summarise(args.profile, args.top)


if __name__ == "__main__":
    main()
