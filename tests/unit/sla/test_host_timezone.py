"""The host's TZ setting changes no result (SLA.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_app.sla import BusinessCalendar, load_calendar

VECTORS = Path(__file__).resolve().parent / "vectors.json"
ROOT = Path(__file__).resolve().parents[3]

# Prints every vector's result and a few shipped-calendar results, one per line.
SCRIPT = """
import json, sys
from datetime import datetime, timedelta, timezone
from advisor_app.sla import BusinessCalendar, load_calendar
parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
for v in json.load(open(sys.argv[1]))["vectors"]:
    cal = BusinessCalendar.from_spec(v["calendar"])
    print(cal.add(parse(v["start"]), v["minutes"], [(parse(a), parse(b)) for a, b in v["pauses"]]).isoformat())
start = datetime(2026, 3, 6, 20, 30, tzinfo=timezone.utc)
for cid in ("us-mountain", "uk", "jp", "au", "de"):
    cal = load_calendar(cid)
    print(cid, cal.add(start, 600).isoformat(), cal.elapsed(start, start + timedelta(days=40)))
"""


def _run_under(tz: str) -> list[str]:
    env = {**os.environ, "TZ": tz, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(VECTORS)], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    )
    return done.stdout.splitlines()


def test_results_do_not_depend_on_the_tz_of_the_process() -> None:
    results = {tz: _run_under(tz) for tz in ("UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham")}
    baseline = results["UTC"]
    assert len(baseline) == len(json.loads(VECTORS.read_text())["vectors"]) + 5
    for tz, lines in results.items():
        assert lines == baseline, tz


@pytest.fixture
def host_zone() -> Iterator[None]:
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Australia/Lord_Howe"  # a half-hour DST shift
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_results_do_not_change_when_tz_changes_in_process(host_zone: None) -> None:
    calendar = BusinessCalendar.from_spec(
        {"timezone": "Europe/Berlin", "hours": {"mon": ["09:00-17:00"], "fri": ["09:00-17:00"]}}
    )
    assert calendar.add(datetime(2024, 3, 29, 15, tzinfo=UTC), 120) == datetime(2024, 4, 1, 8, tzinfo=UTC)
    # Wednesday 17:30 MST, Thanksgiving in between: Friday 07:30 MST.
    wednesday = datetime(2026, 11, 26, 0, 30, tzinfo=UTC)
    assert load_calendar("us-mountain").add(wednesday, 60) == datetime(2026, 11, 27, 14, 30, tzinfo=UTC)
