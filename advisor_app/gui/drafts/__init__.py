"""Weekly update drafts in the window: the composer, the batch dialog, the notes tab."""

from PySide6.QtCore import QThreadPool

_pool: QThreadPool | None = None


def drafts_pool() -> QThreadPool:
    """One thread for composing drafts (reads and renders), so two compositions never race.

    When the window gets the shared single-writer pool, drafts can move onto it."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool
