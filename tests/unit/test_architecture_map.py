"""ARCHITECTURE.md's map of advisor_app/ matches the package: every folder and module it
names exists, and every one at the top and in gui/ is named."""

from __future__ import annotations

import re
from pathlib import Path

import advisor_app

PACKAGE = Path(advisor_app.__file__).resolve().parent
ARCHITECTURE = PACKAGE.parent / "ARCHITECTURE.md"
ENTRY = re.compile(r"^(?P<indent>  |    )(?P<name>[\w.]+/?)(?:\s|$)")
MODULE = re.compile(r"(?<![\w/*.])(?:[a-z_]+/)*[a-z_]+\.py\b")


def map_block(text: str) -> list[str]:
    """The lines of the map under `advisor_app/`, up to the next top-level folder (ui/)."""
    layers = text[text.index("## Layers") :]
    block = layers[layers.index("```") + 3 :]
    lines = block[: block.index("```")].splitlines()
    start = lines.index("advisor_app/")
    rest = lines[start + 1 :]
    end = next(i for i, line in enumerate(rest) if line and not line.startswith(" "))
    return rest[:end]


def mapped_entries(lines: list[str]) -> dict[str, list[str]]:
    """Path of each entry (relative to advisor_app) -> the modules its description names."""
    entries: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        match = ENTRY.match(line)
        if match:
            name = match.group("name").rstrip("/")
            current = name if len(match.group("indent")) == 2 else f"gui/{name}"
            description = line[match.end() :]
            entries[current] = []
        else:
            description = line
        if current is not None:
            entries[current] += MODULE.findall(description)
    return entries


def _exists_near(entry: str, module: str) -> bool:
    here = PACKAGE / entry
    places = [here if here.is_dir() else here.parent, here.parent, PACKAGE]
    return any((place / module).is_file() for place in places)


def _items(folder: Path) -> set[str]:
    return {
        path.name.removesuffix(".py")
        for path in folder.iterdir()
        if not path.name.startswith("_") and (path.is_dir() or path.suffix == ".py")
    }


def test_the_map_is_read() -> None:
    entries = mapped_entries(map_block(ARCHITECTURE.read_text(encoding="utf-8")))
    assert {"workspace", "connect", "cli", "secrets.py", "gui", "gui/app.py"} <= set(entries)
    assert "source_sync.py" in entries["workspace"]


def test_every_named_folder_and_module_exists() -> None:
    entries = mapped_entries(map_block(ARCHITECTURE.read_text(encoding="utf-8")))
    missing_entries = [entry for entry in entries if not (PACKAGE / entry).exists()]
    missing_modules = [
        f"{entry}: {m}" for entry, modules in entries.items() for m in modules if not _exists_near(entry, m)
    ]
    assert missing_entries == []
    assert missing_modules == []


def test_every_top_level_and_gui_item_is_on_the_map() -> None:
    entries = mapped_entries(map_block(ARCHITECTURE.read_text(encoding="utf-8")))
    top = {entry.removesuffix(".py") for entry in entries if "/" not in entry}
    gui = {entry.removeprefix("gui/").removesuffix(".py") for entry in entries if entry.startswith("gui/")}
    assert _items(PACKAGE) - top == set()
    assert _items(PACKAGE / "gui") - gui == set()


def test_a_stale_entry_is_caught() -> None:
    lines = ["  workspace/   desk.py (opens it), gone.py", "  loose.py     a module that moved", "    app.py  Qt"]
    entries = mapped_entries(lines)
    assert entries == {"workspace": ["desk.py", "gone.py"], "loose.py": [], "gui/app.py": []}
    assert not (PACKAGE / "loose.py").exists()
    assert not _exists_near("workspace", "gone.py")
    assert _exists_near("workspace", "desk.py")
