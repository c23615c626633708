"""Run by the lock tests: hold a workspace lock the core's way or Qt's, say "held", wait to be killed.

python -m tests.reliability.lock_holder_child core|qt LOCKFILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    kind, path = sys.argv[1], Path(sys.argv[2])
    if kind == "qt":
        from PySide6.QtCore import QLockFile

        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)
        assert lock.tryLock(0), "the lock is free"
    else:
        from advisor_app.workspace.lock import acquire

        held = acquire(path, what="hold the lock")
        assert held.held
    print("held", flush=True)
    time.sleep(120)


if __name__ == "__main__":
    main()
