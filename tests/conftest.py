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

# The demo workspace of the tests is anchored a minute before the session starts, so the
# command line (which reads the system clock) and the movable clock of the GUI tests see
# the same present; the data relative to the anchor is the same in every run.
NOW = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=1)


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
