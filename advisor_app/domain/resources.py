"""Where the run-time resources (`resources/` and `ui/` of the source tree) are found.

An installed wheel carries them inside the package as `_resources` and `_ui`; a source
checkout (or an editable install) reads them from the top of the tree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _locate(packaged: str, in_tree: str) -> Path:
    inside = _PACKAGE / packaged
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / in_tree


@cache
def resources_dir() -> Path:
    return _locate("_resources", "resources")


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`; raises FileNotFoundError naming it when missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {path}")
    return path
