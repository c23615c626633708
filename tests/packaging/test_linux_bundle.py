"""The Linux bundle as `make package` builds it: it starts from its tarball unpacked anywhere
(`--self-test` with a real Secret Service), carries what freezing easily loses and nothing
the app does not use, its desktop entry and metainfo validate, and it installs into a home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.integration.secret_service import missing_programs, secret_service

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.timeout(900),  # the first test waits for the build
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle is built on Linux"),
]

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_ID = "com.advisordesk.AdvisorDesk"
MAX_UNPACKED_MB = 200


@dataclass(frozen=True)
class Built:
    bundle: Path
    tarball: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One build per test run (about two minutes), into a folder of its own."""
    folder = tmp_path_factory.mktemp("package")
    env = {**os.environ, "PY": sys.executable, "DIST": str(folder / "dist"), "WORK": str(folder / "build")}
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (tarball,) = (folder / "dist").glob("advisor-desk-*-linux-*.tar.gz")
    return Built(folder / "dist" / "advisor-desk", tarball)


@pytest.fixture(scope="module")
def unpacked(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tarball unpacked in another folder, as an advisor would."""
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "Apps with space"
    with tarfile.open(built.tarball) as archive:
        archive.extractall(elsewhere, filter="tar")
    return elsewhere / "advisor-desk"


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    missing = missing_programs()
    assert not missing, f"the bundle test needs {missing} (packaging/system-deps.sh test installs them)"
    with secret_service(tmp_path_factory.mktemp("secret-service")) as env:
        yield env


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No display, no Qt platform chosen, no venv: the self-test must choose offscreen itself."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "VIRTUAL_ENV", "PYTHON"))}
    env.pop("DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"), **extra}


def test_unpacked_tarball_passes_its_self_test_with_the_secret_service(
    unpacked: Path, keyring_env: dict[str, str], tmp_path: Path
) -> None:
    result = subprocess.run(
        [str(unpacked / "advisor-app"), "--self-test"],
        env=_clean_env(tmp_path / "home", **keyring_env),
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = result.stdout
    assert result.returncode == 0, report + result.stderr
    assert f"(bundle {unpacked}," in report
    lines = {line.split()[1]: line for line in report.splitlines()[1:-1]}
    assert all(line.split()[0] == "ok" for line in lines.values()), report
    assert "keyring.backends.SecretService.Keyring" in lines["keyring"]
    assert "xcb" in lines["qt-platforms"] and "wayland" in lines["qt-platforms"]
    assert "'Cancel' -> 'Abbrechen'" in lines["translations"]
    assert "in a child process" in lines["sync-process"], "the spawned sync runs in the frozen bundle"
    assert "Traceback" not in result.stderr
    # The temporary workspace is gone; the user's data folder was not made by a self-test.
    assert not (tmp_path / "home" / ".local" / "share" / "advisor-desk").exists()


def test_self_test_without_a_keyring_warns_and_names_why(unpacked: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(unpacked / "advisor-app"), "--self-test"],
        env=_clean_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (keyring_line,) = [line for line in result.stdout.splitlines() if " keyring " in line]
    assert keyring_line.split()[0] == "warn"
    assert "SecretService:" in keyring_line and "DBUS_SESSION_BUS_ADDRESS" in keyring_line
    assert "installed: KWallet, SecretService" in keyring_line


def test_bundle_carries_what_freezing_loses_and_not_what_the_app_does_not_use(built: Built) -> None:
    internal = built.bundle / "_internal"
    files = [path for path in built.bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    names = [str(path.relative_to(internal)) for path in files if path.is_relative_to(internal)]
    size_mb = sum(path.stat().st_size for path in files) / 1e6
    assert size_mb < MAX_UNPACKED_MB, f"{size_mb:.0f} MB unpacked"
    for unused in ("Qt6WebEngine", "Qt63D", "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6Multimedia", "libgtk-3"):
        assert not [name for name in names if unused in name], unused
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "plugins" / "platforms").iterdir()) == [
        "libqoffscreen.so",
        "libqwayland.so",
        "libqxcb.so",
    ]
    assert (qt / "plugins" / "imageformats" / "libqsvg.so").is_file()
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    languages = {path.stem.rsplit("_", 1)[1] for path in (qt / "translations").glob("*.qm")}
    assert languages == {"de", "en"}
    (keyring_meta,) = internal.glob("keyring-*.dist-info")
    assert "SecretService = keyring.backends.SecretService" in (keyring_meta / "entry_points.txt").read_text()
    migrations = internal / "advisor_app" / "store" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "versions" / "0001_initial_schema.py").is_file()
    assert (internal / "advisor_app" / "_resources" / "i18n" / "advisor_desk_de.qm").is_file()
    assert (internal / "advisor_app" / "_ui" / "main_window.ui").is_file()
    assert not [name for name in names if name.endswith(".ts")]


def test_every_bundled_library_finds_its_dependencies(built: Built) -> None:
    internal = built.bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = []
    for library in [*internal.rglob("*.so"), *internal.rglob("*.so.*")]:
        output = subprocess.run(["ldd", str(library)], env=env, capture_output=True, text=True).stdout
        missing += [f"{library.name}: {line.strip()}" for line in output.splitlines() if "not found" in line]
    assert missing == []


def test_desktop_entry_and_metainfo_validate(built: Built) -> None:
    share = built.bundle / "share"
    for tool in ("desktop-file-validate", "appstreamcli"):
        assert shutil.which(tool), f"{tool} missing (packaging/system-deps.sh test installs it)"
    desktop = share / "applications" / f"{DESKTOP_ID}.desktop"
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    metainfo = share / "metainfo" / f"{DESKTOP_ID}.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert f'<release version="{version("advisor-desk")}"' in metainfo.read_text()
    sizes = {path.parts[-3] for path in (share / "icons" / "hicolor").glob("*/apps/advisor-desk.*")}
    assert {"16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512", "scalable"} <= sizes


def test_install_into_a_home_then_uninstall_keeps_the_workspace(unpacked: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = _clean_env(home)
    subprocess.run([str(unpacked / "install.sh")], env=env, check=True, capture_output=True, timeout=120)
    lib = home / ".local" / "lib" / "advisor-desk"
    command = home / ".local" / "bin" / "advisor-app"
    assert command.resolve() == (lib / "advisor-app").resolve()
    shown = subprocess.run([str(command), "--version"], env=env, capture_output=True, text=True, check=True)
    assert shown.stdout == f"advisor-app {version('advisor-desk')}\n"
    data = home / ".local" / "share"
    entry = data / "applications" / f"{DESKTOP_ID}.desktop"
    assert f'Exec="{lib}/advisor-app"' in entry.read_text()
    subprocess.run(["desktop-file-validate", str(entry)], check=True)
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "advisor-desk.png").is_file()
    # A workspace made by the installed app lives in the user's data folder, not in the bundle.
    status = subprocess.run([str(command), "--demo", "status"], env=env, capture_output=True, text=True, timeout=180)
    assert status.returncode == 0, status.stderr
    assert (data / "advisor-desk" / "demo" / "advisor.db").is_file()
    # Updating is installing again; it replaces the app and keeps the workspace.
    subprocess.run([str(unpacked / "install.sh")], env=env, check=True, capture_output=True, timeout=120)
    subprocess.run([str(lib / "uninstall.sh")], env=env, check=True, capture_output=True, timeout=60)
    assert not lib.exists() and not command.exists() and not entry.exists()
    assert not list((data / "icons").rglob("advisor-desk.*"))
    assert (data / "advisor-desk" / "demo" / "advisor.db").is_file()
