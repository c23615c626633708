"""The wheel carries what the app needs at run time: resources, forms, migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_resources_ui_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("advisor_desk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "advisor_app/_resources/policies/tiers.json",
        "advisor_app/_resources/demo/parameters.json",
        "advisor_app/_resources/icons/advisor-desk.svg",
        "advisor_app/_ui/main_window.ui",
        "advisor_app/gui/forms/ui_main_window.py",
        "advisor_app/store/migrations/env.py",
        "advisor_app/store/migrations/script.py.mako",
        "advisor_app/store/migrations/versions/0001_initial_schema.py",
    }
    assert expected <= names
    assert not any(name.startswith("tests/") for name in names)
