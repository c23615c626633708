"""The committed modules in advisor_app/gui/forms are what `make forms` makes from ui/."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor_app.gui.formgen import FORMS_DIR, generate, module_name, ui_dir

FORMS = sorted(ui_dir().glob("*.ui"))


def test_there_are_forms() -> None:
    assert FORMS


@pytest.mark.parametrize("ui_file", FORMS, ids=[f.name for f in FORMS])
def test_generated_form_is_current(ui_file: Path) -> None:
    committed = FORMS_DIR / module_name(ui_file)
    assert committed.is_file(), f"{committed.name} missing: run `make forms`"
    assert committed.read_text(encoding="utf-8") == generate(ui_file), f"{committed.name} is stale: run `make forms`"
    assert committed.read_text(encoding="utf-8").startswith("# Generated from ui/")
