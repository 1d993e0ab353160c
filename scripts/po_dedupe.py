"""Drop repeated entries from a .po file (the first translation of a message stays).

Two branches that each add a message the other also added leave it twice after a merge;
gettext tools refuse a catalogue with a message twice. Usage: python scripts/po_dedupe.py FILE
"""

import sys
from pathlib import Path


def dedupe(text: str) -> tuple[str, int]:
    blocks = text.split("\n\n")
    seen: set[tuple[str, str]] = set()
    kept, dropped = [], 0
    for block in blocks:
        lines = block.strip("\n").splitlines()
        context = next((line for line in lines if line.startswith("msgctxt ")), "")
        ids = [line for line in lines if line.startswith("msgid ")]
        key = (context, ids[0]) if ids else None
        if key and ids[0] != 'msgid ""' and key in seen:
            dropped += 1
            continue
        if key:
            seen.add(key)
        kept.append(block)
    return "\n\n".join(kept), dropped


if __name__ == "__main__":
    path = Path(sys.argv[1])
    text, dropped = dedupe(path.read_text())
    path.write_text(text)
    print(f"{path}: {dropped} repeated entries dropped")
