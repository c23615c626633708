"""Fixtures shared by every test: a fixed clock and throw-away workspaces."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

# Tests never open a real window and never touch the user's own settings or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from advisor_app.workspace.desk import Desk, open_desk

# The present of every test: a frozen Monday afternoon (Europe and the US both on winter
# time), so no result depends on the day the suite runs. The command line gets it too:
# in-process calls pass `main(argv, clock=fixed_clock)`.
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return NOW


class MovableClock:
    """A clock the test sets: the desk and every model read it through the same object."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(NOW)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace made once per session; tests copy it rather than regenerate it."""
    root = tmp_path_factory.mktemp("demo-template") / "workspace"
    desk = open_desk(root, demo=True, clock=fixed_clock)
    desk.close()
    return root


@pytest.fixture
def demo_root(demo_template: Path, tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "workspace"
    shutil.copytree(demo_template, root)
    return root


@pytest.fixture
def demo_desk(demo_root: Path, clock: MovableClock) -> Iterator[Desk]:
    desk = open_desk(demo_root, demo=True, clock=clock)
    yield desk
    desk.close()
