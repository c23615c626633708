from __future__ import annotations

from pathlib import Path

import pytest

from advisor_app.errors import WorkspaceError
from advisor_app.workspace.settings import Settings, load_settings, save_settings


def test_defaults_when_missing(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "settings.json")
    assert settings.source_kind is None
    assert settings.sync_interval_minutes == 15


def test_round_trip_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(source_kind="demo", demo_seed=11))
    assert load_settings(path) == Settings(source_kind="demo", demo_seed=11)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_wrong_type_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"sync_interval_minutes": "often"}')
    with pytest.raises(WorkspaceError, match=r"sync_interval_minutes"):
        load_settings(path)


def test_broken_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"source_kind": ')
    with pytest.raises(WorkspaceError, match="is not valid JSON"):
        load_settings(path)
