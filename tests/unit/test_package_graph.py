"""The package graph: the top-level rooms of advisor_app import each other one way only.

A node is a top-level package (`workspace`, `sync`, ...) or module (`errors`, `secrets`);
an edge is any import from one into another, read from the source (also the imports inside
functions and under TYPE_CHECKING, since those are arrows a reader follows too).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import advisor_app

PACKAGE = Path(advisor_app.__file__).resolve().parent
ROOT = PACKAGE.name


def _module_name(path: Path) -> list[str]:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(source: str, package: list[str]) -> set[str]:
    """Dotted names of what `source` (a module in `package`) imports, relative imports resolved."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            # `from advisor_app import secrets` imports the module secrets, not the package root.
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _room(module: str) -> str | None:
    """The top-level package or module of advisor_app that `module` is in (None: outside, or
    a name of the package root such as APP_NAME)."""
    parts = module.split(".")
    if parts[0] != ROOT or len(parts) < 2:
        return None
    room = parts[1]
    return room if (PACKAGE / room).is_dir() or (PACKAGE / f"{room}.py").is_file() else None


def package_graph() -> dict[str, dict[str, set[str]]]:
    """room -> room it imports -> the files (relative to advisor_app) that do."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _room(".".join(_module_name(path)))
        if source is None:
            continue
        edges = graph.setdefault(source, {})
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name[:-1]
        for module in imported_modules(path.read_text(encoding="utf-8"), package):
            target = _room(module)
            if target is not None and target != source:
                edges.setdefault(target, set()).add(str(path.relative_to(PACKAGE)))
    return graph


def find_cycle(graph: dict[str, dict[str, set[str]]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None (depth-first search, rooms in sorted order)."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for target in sorted(graph.get(node, {})):
            cycle = visit(target, [*path, node])
            if cycle is not None:
                return cycle
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start, [])
        if cycle is not None:
            return cycle
    return None


def describe(cycle: list[str], graph: dict[str, dict[str, set[str]]]) -> str:
    steps = [f"{a} -> {b} ({', '.join(sorted(graph[a][b]))})" for a, b in itertools.pairwise(cycle)]
    return "cycle between packages: " + " -> ".join(cycle) + "\n  " + "\n  ".join(steps)


def test_the_graph_sees_the_rooms() -> None:
    graph = package_graph()
    assert {"workspace", "connect", "cli", "sync", "gui", "errors", "secrets"} <= set(graph)
    assert "workspace" in graph["connect"], "connect/ opens the workspace through the desk"
    assert "gui" in graph["cli"], "the command line starts the GUI"


def test_no_cycle_between_top_level_packages() -> None:
    graph = package_graph()
    cycle = find_cycle(graph)
    assert cycle is None, describe(cycle, graph)


def test_a_cycle_is_found_and_named() -> None:
    graph = {
        "a": {"b": {"a/x.py"}},
        "b": {"c": {"b/y.py"}},
        "c": {"a": {"c/z.py"}, "d": {"c/w.py"}},
        "d": {},
    }
    cycle = find_cycle(graph)
    assert cycle == ["a", "b", "c", "a"]
    assert describe(cycle, graph) == (
        "cycle between packages: a -> b -> c -> a\n  a -> b (a/x.py)\n  b -> c (b/y.py)\n  c -> a (c/z.py)"
    )
    assert find_cycle({"a": {"b": {"a/x.py"}}, "b": {}}) is None


def test_imports_are_read_with_relative_and_lazy_ones() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import probe\n"
        "from ..sync.engine import run_sync\n"
        "if TYPE_CHECKING:\n    from advisor_app.gui import app\n"
        "def f() -> None:\n    from advisor_app import secrets\n"
    )
    names = imported_modules(source, ["advisor_app", "connect"])
    assert {
        "advisor_app.connect.probe",
        "advisor_app.sync.engine",
        "advisor_app.gui.app",
        "advisor_app.secrets",
    } <= names
    assert {_room(name) for name in names} - {None} == {"connect", "sync", "gui", "secrets"}
    assert _room("advisor_app.APP_NAME") is None
