"""A bad value in settings.json gives one line naming the field and the values allowed."""

from __future__ import annotations

from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from advisor_app.cli.main import main
from advisor_app.sync.providers.demo import SCALES
from advisor_app.workspace.settings import Settings
from tests.conftest import fixed_clock


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            '{"demo_scale": "huge"}',
            'demo_scale must be one of "standard", "medium", "large", "tiny" (Invalid enum value',
        ),
        ('{"theme": "pink"}', 'theme must be one of "system", "light", "dark"'),
        ('{"sync_interval_minutes": "often"}', "sync_interval_minutes: Expected `int`, got `str`"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_field(
    settings: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "settings.json").write_text(settings)
    for args in (["status"], ["--demo", "status"]):
        assert main(["--data-dir", str(tmp_path), *args], clock=fixed_clock) == 1
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], lines
    assert not (tmp_path / "advisor.db").exists(), "refused before anything was made"


def test_the_allowed_demo_scales_are_the_demo_sources_scales() -> None:
    assert set(get_args(get_type_hints(Settings)["demo_scale"])) == set(SCALES)
