"""`advisor-app --self-test`: does this installation work? The bundle's smoke test and a support call run it.

It opens a throw-away workspace (migrations, a tiny demo sync, the SLA calendars), asks
the keyring which backend it uses, writes an `.eml` draft, then hands the workspace to
`gui/selftest.py` for what needs Qt (platform plugins, translations, SVG, painting the
main window offscreen, a PDF). Each check reports one line; a failed check makes the exit
code 1, a warning (no keyring running here) does not. Nothing outside the temporary
folder is read or written.
"""

from __future__ import annotations

import email
import platform
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module, metadata
from pathlib import Path
from typing import TextIO

from advisor_app import APP_NAME, __version__
from advisor_app.workspace.checks import Check, guarded
from advisor_app.workspace.desk import Clock, Desk, open_desk, system_clock
from advisor_app.workspace.folder import default_root
from advisor_app.workspace.settings import Settings, save_settings

# The backend a platform should have, and the modules it needs (lost when freezing misses them).
_PLATFORM_KEYRING = {
    "linux": ("SecretService", ("secretstorage", "jeepney")),
    "darwin": ("macOS", ()),
    "win32": ("Windows", ("win32ctypes",)),
}
_RESOURCES = (
    ("policies", "tiers.json"),
    ("policies", "sla-policy.json"),
    ("templates", "weekly-update.en.md.j2"),
    ("templates", "page.html.j2"),
    ("i18n", "advisor_desk_de.qm"),
    ("icons", "advisor-desk.svg"),
)


def installation() -> str:
    """What is running: the frozen bundle's folder, or the Python environment."""
    if getattr(sys, "frozen", False):
        return f"bundle {Path(sys.executable).resolve().parent}"
    return f"Python {platform.python_version()} at {sys.prefix}"


def resources_check() -> Check:
    from advisor_app.domain.resources import resource_path

    paths = [resource_path(*parts) for parts in _RESOURCES]
    return Check("resources", True, f"{len(paths)} checked in {paths[0].parents[1]}")


def data_folder_check() -> Check:
    """The default workspace is the user's data folder, never inside the installation."""
    root = default_root()
    if getattr(sys, "frozen", False):
        bundle = Path(sys.executable).resolve().parent
        if root.resolve().is_relative_to(bundle):
            return Check("data-folder", False, f"{root} is inside the bundle {bundle}")
    return Check("data-folder", True, str(root))


def workspace_check(desk: Desk) -> Check:
    from sqlalchemy import func, select

    from advisor_app.store import schema
    from advisor_app.store.database import head_revision, inspect_database

    revision = inspect_database(desk.workspace.database).revision
    if revision != head_revision():
        return Check("workspace", False, f"schema at {revision}, expected {head_revision()}")
    with desk.engine.connect() as connection:
        accounts = connection.scalar(select(func.count()).select_from(schema.AccountRow))
        cases = connection.scalar(select(func.count()).select_from(schema.CaseRow))
        timed = connection.scalar(select(func.count()).where(schema.CaseRow.clock_state.is_not(None)))
    if not accounts or not cases or not timed:
        return Check("workspace", False, f"the demo sync left {accounts} accounts, {cases} cases, {timed} with clocks")
    return Check("workspace", True, f"migrated to {revision}; demo sync: {accounts} accounts, {cases} cases")


def sync_process_check(desk: Desk) -> Check:
    """The window's sync runs in a process of its own (spawned: in a bundle, the executable again)."""
    from advisor_app.workspace.sync_process import sync_in_process

    report = sync_in_process(desk.workspace.root, desk.settings, desk.clock(), None)
    written = sum(stream.written for stream in report.streams.values())
    return Check("sync-process", True, f"a demo sync in a child process: {written} rows written")


def calendars_check(desk: Desk) -> Check:
    """Every shipped business calendar with its public holidays (the `holidays` package loads countries lazily)."""
    from advisor_app.sla import calendar_ids
    from advisor_app.store.clocks import current_calendar, holidays_in

    year = desk.clock().year
    counts: dict[str, int] = {}
    with desk.engine.connect() as connection:
        for calendar_id in calendar_ids():
            counts[calendar_id] = len(holidays_in(current_calendar(connection, calendar_id), year))
    without = [calendar_id for calendar_id, count in counts.items() if count == 0 and calendar_id != "24x7"]
    if without:
        return Check("calendars", False, f"no public holidays in {year} for {', '.join(without)}")
    return Check("calendars", True, ", ".join(f"{calendar_id} {count}" for calendar_id, count in counts.items()))


def keyring_check(platform_name: str = sys.platform) -> Check:
    """The backend keyring picks here, and which backends the installation carries at all."""
    import keyring

    from advisor_app.secrets import backend_description

    found = sorted({entry.name for entry in metadata.entry_points(group="keyring.backends")})
    if not found:
        return Check("keyring", False, "no keyring backends are installed (the keyring.backends entry points are lost)")
    expected, needs = _PLATFORM_KEYRING.get(platform_name, ("", ()))
    if expected:
        if expected not in found:
            return Check("keyring", False, f"the {expected} backend is missing (found: {', '.join(found)})")
        for module in needs:
            import_module(module)  # an ImportError names what the installation lacks
    description = backend_description(keyring.get_keyring())
    if description.startswith("none available"):
        why = _unavailable_reason(expected) if expected else ""
        return Check("keyring", True, f"{description}{why} (installed: {', '.join(found)})", warning=True)
    return Check("keyring", True, f"{description} (installed: {', '.join(found)})")


def _unavailable_reason(backend: str) -> str:
    (entry,) = metadata.entry_points(group="keyring.backends", name=backend)
    try:
        entry.load().Keyring.priority  # noqa: B018 (keyring raises the reason from this property)
    except Exception as error:
        return f"; {backend}: {error}"
    return ""


def eml_check(desk: Desk, folder: Path) -> Check:
    """A weekly update draft of the first demo account, as an unsent e-mail."""
    from advisor_app.drafts.service import first_account_export

    export = first_account_export(desk)
    path = folder / "update.eml"
    path.write_bytes(export.eml(desk.clock()))
    message = email.message_from_bytes(path.read_bytes())
    if message["X-Unsent"] != "1" or not message.is_multipart():
        return Check("e-mail", False, f"{path.name} is not an unsent multipart draft")
    return Check("e-mail", True, f"{path.name}, {path.stat().st_size:,} bytes: {message['Subject']}")


@contextmanager
def temporary_desk(clock: Clock) -> Iterator[Desk]:
    """A tiny demo workspace in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="advisor-self-test-") as folder:
        root = Path(folder) / "workspace"
        root.mkdir()
        save_settings(root / "settings.json", Settings(demo_scale="tiny"))
        desk = open_desk(root, demo=True, clock=clock)
        try:
            yield desk
        finally:
            desk.close()


def _qt_checks(desk: Desk, folder: Path) -> list[Check]:
    try:
        from advisor_app.gui.selftest import qt_checks
    except ImportError as error:
        return [Check("qt", False, f"Qt cannot be loaded: {error}")]
    return qt_checks(desk, folder)


def run_checks(clock: Clock = system_clock) -> list[Check]:
    checks = [
        guarded("resources", resources_check),
        guarded("data-folder", data_folder_check),
        guarded("keyring", keyring_check),
    ]
    try:
        with temporary_desk(clock) as desk:
            folder = desk.workspace.root
            checks.append(guarded("workspace", lambda: workspace_check(desk)))
            checks.append(guarded("calendars", lambda: calendars_check(desk)))
            checks.append(guarded("sync-process", lambda: sync_process_check(desk)))
            checks.append(guarded("e-mail", lambda: eml_check(desk, folder)))
            checks.extend(_qt_checks(desk, folder))
    except Exception as error:
        checks.append(Check("workspace", False, f"{type(error).__name__}: {error}"))
    return checks


def report(checks: list[Check], out: TextIO) -> int:
    """Print the checks; 0 when none failed, else 1."""
    print(f"{APP_NAME} {__version__} self-test ({installation()}, {platform.platform(terse=True)})", file=out)
    for check in checks:
        print(f"  {check.label:<5} {check.name:<13} {check.detail}", file=out)
    failed = [check.name for check in checks if not check.ok]
    warnings = sum(check.warning for check in checks)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=out)
        return 1
    print(f"self-test passed{f' ({warnings} warning(s))' if warnings else ''}", file=out)
    return 0


def main(clock: Clock = system_clock) -> int:
    return report(run_checks(clock), sys.stdout)
