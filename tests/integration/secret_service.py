"""A private Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon,
with keyring files in a temporary XDG_DATA_HOME, so nothing touches the user's keyring."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PASSWORD = b"advisor-desk-test-keyring"


def missing_programs() -> list[str]:
    return [name for name in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(name) is None]


@contextmanager
def secret_service(folder: Path) -> Iterator[dict[str, str]]:
    """Start the bus and the keyring daemon; yield the environment that reaches them."""
    runtime = folder / "run"
    runtime.mkdir(mode=0o700)
    data = folder / "data"
    data.mkdir()
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "XDG_DATA_HOME": str(data),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("DISPLAY", None)
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(PASSWORD)
    daemon.stdin.close()
    try:
        _wait_until_served(env)
        yield {key: env[key] for key in ("DBUS_SESSION_BUS_ADDRESS", "XDG_DATA_HOME", "XDG_RUNTIME_DIR")}
    finally:
        for process in (daemon, bus):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_served(env: dict[str, str], timeout: float = 20) -> None:
    # The daemon makes the login keyring from the password on its standard input. Asking
    # for a secret before then makes it prompt (there is no display), the prompt is
    # dismissed and the collection is never made: so wait for the file, not the bus.
    login = Path(env["XDG_DATA_HOME"]) / "keyrings" / "login.keyring"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if login.is_file():
            return
        time.sleep(0.05)
    raise RuntimeError(f"the test Secret Service did not make {login} within {timeout}s")
