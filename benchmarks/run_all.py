"""`make bench`: run every benchmarks/bench_*.py in its own interpreter, one after another.

Each benchmark prints its own table, with the floor it is compared against measured in
the same run. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main() -> int:
    scripts = sorted(Path(__file__).resolve().parent.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks found in benchmarks/", file=sys.stderr)
        return 1
    failed = 0
    for script in scripts:
        print(f"== {script.name}", flush=True)
        failed += subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
