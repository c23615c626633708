"""The layering rule: nothing outside advisor_app/gui imports PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import advisor_app

PACKAGE = Path(advisor_app.__file__).resolve().parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def core_modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "gui" not in path.relative_to(PACKAGE).parts]


def test_core_modules_exist() -> None:
    assert len(core_modules()) > 10


def test_no_core_module_imports_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(m for m in _imported_modules(path) if m.split(".")[0] in QT_MODULES)
        for path in core_modules()
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


def test_the_checker_sees_a_qt_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from PySide6.QtCore import QObject\nimport shiboken6\n")
    assert {"PySide6.QtCore", "shiboken6"} <= _imported_modules(module)


def test_headless_commands_load_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from advisor_app.cli import main, reports; from advisor_app.workspace import desk;"
        "from advisor_app.sync.providers import demo; from advisor_app.store import database;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# The GUI holds the engine and hands connections to the store's queries; it never writes SQL.
GUI_SQL_NAMES = frozenset({"Engine", "Connection"})


def _sql_imports(path: Path) -> list[str]:
    """The imports of `path` that would let it write its own SQL: sqlalchemy's query builders
    or the store's tables."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "sqlalchemy" or a.name.endswith("schema")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                builder = node.module.split(".")[0] == "sqlalchemy" and alias.name not in GUI_SQL_NAMES
                if builder or name.startswith("advisor_app.store.schema"):
                    found.append(name)
    return found


def test_no_gui_module_writes_sql() -> None:
    gui_modules = [path for path in (PACKAGE / "gui").rglob("*.py") if "forms" not in path.parts]
    assert len(gui_modules) > 30
    offenders = {str(path.relative_to(PACKAGE)): _sql_imports(path) for path in gui_modules}
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_checker_sees_sql_in_a_module(tmp_path: Path) -> None:
    module = tmp_path / "widget.py"
    module.write_text(
        "from sqlalchemy import Engine, case, select\nimport sqlalchemy.orm\n"
        "from advisor_app.store import schema\nfrom advisor_app.store.schema import cases\n"
    )
    assert _sql_imports(module) == [
        "sqlalchemy.case",
        "sqlalchemy.select",
        "sqlalchemy.orm",
        "advisor_app.store.schema",
        "advisor_app.store.schema.cases",
    ]
