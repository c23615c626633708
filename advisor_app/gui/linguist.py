"""`make translations`: gather the GUI's texts into `resources/i18n/*.ts`, compile `.qm`.

    python -m advisor_app.gui.linguist           # lupdate -no-obsolete, then lrelease
    python -m advisor_app.gui.linguist --check   # list texts without a finished translation

English has a catalog of its own with only the plural forms (`%n case(s)` reads
`1 case`, `2 cases`). The sources are every `advisor_app/gui/**/*.py` except the generated `gui/forms/` (their
texts are read from the `ui/*.ui` forms they come from) and every `ui/*.ui`. Locations
are left out of the `.ts` so that a change of line numbers is not a change of catalog.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import PySide6

from advisor_app.gui.i18n import CATALOG, LANGUAGES

_TREE = Path(__file__).resolve().parents[2]
_TARGET_LANGUAGES = {"en": "en_US", "de": "de_DE"}
PLURALS_ONLY = "en"
"""English is the source language: its catalog holds only the plural forms of `%n` texts."""


def tool(name: str) -> Path:
    """`lupdate` / `lrelease` as shipped inside the PySide6 wheel (or the `pyside6-` wrapper)."""
    shipped = Path(PySide6.__file__).parent / name
    if shipped.exists():
        return shipped
    wrapper = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(wrapper).exists():
        raise FileNotFoundError(f"{name} not found: install PySide6 with its tools (pyside6-{name})")
    return Path(wrapper)


def source_files(tree: Path = _TREE) -> list[Path]:
    gui = tree / "advisor_app" / "gui"
    python = sorted(p for p in gui.rglob("*.py") if "forms" not in p.relative_to(gui).parts)
    return python + sorted((tree / "ui").glob("*.ui"))


def ts_path(language: str, tree: Path = _TREE) -> Path:
    return tree / "resources" / "i18n" / f"{CATALOG}_{language}.ts"


def qm_path(language: str, tree: Path = _TREE) -> Path:
    return ts_path(language, tree).with_suffix(".qm")


def lupdate(ts: Path, language: str, tree: Path = _TREE) -> None:
    """Bring `ts` up to date with the sources: new texts added unfinished, vanished ones dropped."""
    command = [
        str(tool("lupdate")),
        *(str(p) for p in source_files(tree)),
        "-no-obsolete",
        *(["-pluralonly"] if language == PLURALS_ONLY else []),
        "-locations",
        "none",
        "-source-language",
        "en_US",
        "-target-language",
        _TARGET_LANGUAGES.get(language, language),
        "-ts",
        str(ts),
    ]
    ts.parent.mkdir(parents=True, exist_ok=True)
    _run(command)


def lrelease(ts: Path, qm: Path) -> None:
    _run([str(tool("lrelease")), str(ts), "-qm", str(qm)])


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr or done.stdout}")


@dataclass(frozen=True, slots=True)
class Untranslated:
    context: str
    source: str
    comment: str

    def __str__(self) -> str:
        note = f" ({self.comment})" if self.comment else ""
        return f"{self.context}: {self.source!r}{note}"


def untranslated(ts: Path) -> list[Untranslated]:
    """Messages whose translation is unfinished, empty, or missing one of its plural forms."""
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            if message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
                found.append(
                    Untranslated(context_name, message.findtext("source", ""), message.findtext("comment", ""))
                )
    return found


def update_all(tree: Path = _TREE) -> dict[str, list[Untranslated]]:
    missing = {}
    for language in LANGUAGES:
        ts = ts_path(language, tree)
        lupdate(ts, language, tree)
        lrelease(ts, qm_path(language, tree))
        missing[language] = untranslated(ts)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m advisor_app.gui.linguist", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list texts that have no finished translation")
    args = parser.parse_args(argv)
    if args.check:
        missing = {language: untranslated(ts_path(language)) for language in LANGUAGES}
    else:
        missing = update_all()
        for language in LANGUAGES:
            print(f"updated {ts_path(language).relative_to(_TREE)} and {qm_path(language).name}")
    count = 0
    for language, items in missing.items():
        for item in items:
            print(f"untranslated ({language}) {item}")
        count += len(items)
    if count:
        print(f"{count} texts to translate: open the .ts files in `pyside6-linguist`, then run `make translations`")
    return 1 if count and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
