"""`pipx install .` in effect: the wheel installed into a fresh venv runs `--self-test`."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1200)]

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_in_a_fresh_venv_passes_its_self_test(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    # The app's wheel from the folder, its dependencies at the pinned versions (pip's cache
    # serves them after the first install of the dev environment).
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--find-links",
            str(wheels),
            "-c",
            str(ROOT / "packaging" / "constraints.txt"),
            "advisor-desk",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "PYTHON"))}
    env.pop("DISPLAY", None)
    env["HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [str(target / "bin" / "advisor-app"), "--self-test"],
        cwd=tmp_path,  # not the source tree: the installed package must carry its resources
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Python {sys.version.split()[0]} at {target}" in result.stdout
    assert str(target / "lib") in result.stdout  # resources from the installed wheel (_resources)
    assert "self-test passed" in result.stdout
