"""Fixtures for the integration tests: real servers started by the tests themselves."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.integration.rt.server import INSTALL_TIMEOUT_S, RTServer, RTUnavailable, ensure_rt_installed, rt_instance

_RT_SUMMARY = pytest.StashKey[list[str]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The first test that uses rt_server pays for apt-get install (about a minute here, more on a
    # slow mirror) inside its setup; the project-wide 300 s pytest-timeout would cut it short.
    for item in items:
        if "rt_server" in getattr(item, "fixturenames", ()) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(INSTALL_TIMEOUT_S + 300))


@pytest.fixture(scope="session")
def rt_server(request: pytest.FixtureRequest) -> Iterator[RTServer]:
    """A real Request Tracker 5 on 127.0.0.1, one per test session (see tests/integration/rt/NOTES.md).

    Tests share it: make your own tickets and find them by id or by a unique subject,
    never assume an empty queue.
    """
    summary = request.config.stash.setdefault(_RT_SUMMARY, [])
    try:
        install = ensure_rt_installed()
    except RTUnavailable as error:
        if _rt_required():
            pytest.fail(f"Request Tracker unavailable and required here: {error}", pytrace=False)
        pytest.skip(f"Request Tracker unavailable: {error}")
    if install.installed:
        summary.append(
            f"apt-get installed {len(install.installed)} RT package(s) in {install.seconds:.1f} s, "
            f"{install.disk_bytes / 1e6:.0f} MB of disk"
        )
    with rt_instance() as server:
        t = server.timings
        summary.append(
            f"RT {server.rt_version} at {server.base_url}: database {t['database_s']:.1f} s"
            f" ({'template cache' if t.get('database_cached') else 'initialised'}), server {t['server_s']:.1f} s"
        )
        yield server


def _rt_required() -> bool:
    """ADVISOR_RT_REQUIRED, or CI as root: there RT can always be installed, so a skip would hide a fault."""
    flag = os.environ.get("ADVISOR_RT_REQUIRED", "").strip().lower() in {"1", "true", "yes", "on"}
    in_ci_as_root = os.environ.get("CI", "").lower() == "true" and os.geteuid() == 0
    return flag or in_ci_as_root


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    lines = config.stash.get(_RT_SUMMARY, [])
    if lines:
        terminalreporter.write_sep("-", "Request Tracker")
        for line in lines:
            terminalreporter.write_line(line)
