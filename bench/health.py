"""GET /health against the floors, measured in the same run (issue 13: /health at least
half the requests per second of the bare route).

bench/plan_read.py limited to the floors and /health: the same server, load generators,
interleaving and table (see its docstring). Every option of plan_read.py works here.

Usage: python bench/health.py [--database sqlite|postgres|both] [--seconds 4] [--rounds 3]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import plan_read  # bench/ is not a package: found through sys.path

if __name__ == "__main__":
    plan_read.main(default_routes=("bare", "static", "health"))
