"""Compile the Designer forms in `ui/` into `advisor_app/gui/forms/` (`make forms`).

The generated modules are committed; a test regenerates them in memory and fails when a
committed one is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from advisor_app.domain.resources import resources_dir

FORMS_DIR = Path(__file__).resolve().parent / "forms"


def ui_dir() -> Path:
    return resources_dir().parent / ("_ui" if resources_dir().name == "_resources" else "ui")


def module_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def generate(ui_file: Path) -> str:
    uic = Path(sys.executable).with_name("pyside6-uic")
    output = subprocess.run([str(uic), "-g", "python", str(ui_file)], check=True, capture_output=True, text=True).stdout
    # uic stamps its own version into a comment; leave it out so the file depends only on the form.
    body = "\n".join(line for line in output.splitlines() if "Created by: Qt User Interface Compiler" not in line)
    header = f"# Generated from ui/{ui_file.name} by `make forms` (pyside6-uic). Do not edit.\n"
    return header + body.rstrip() + "\n"


def main() -> int:
    FORMS_DIR.mkdir(exist_ok=True)
    for ui_file in sorted(ui_dir().glob("*.ui")):
        target = FORMS_DIR / module_name(ui_file)
        target.write_text(generate(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target.relative_to(FORMS_DIR.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
