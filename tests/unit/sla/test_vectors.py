"""The golden vectors of SLA.md, from the shared design folder and from the copy kept here."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from advisor_app.sla import BusinessCalendar

LOCAL = Path(__file__).resolve().parent / "vectors.json"
SHARED = Path(__file__).resolve().parents[4] / "shared/data/sla-vectors.json"


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _vectors(path: Path, label: str) -> list[Any]:
    if not path.exists():
        return [pytest.param(None, id=f"{label}-absent", marks=pytest.mark.skip(reason=f"{path} is not there"))]
    document = json.loads(path.read_text(encoding="utf-8"))
    return [pytest.param(vector, id=f"{label}-{vector['id']}") for vector in document["vectors"]]


def _pauses(vector: dict[str, Any]) -> list[tuple[datetime, datetime]]:
    return [(_instant(begin), _instant(end)) for begin, end in vector["pauses"]]


@pytest.mark.parametrize("vector", _vectors(LOCAL, "local") + _vectors(SHARED, "shared"))
def test_add_gives_the_expected_instant(vector: dict[str, Any]) -> None:
    calendar = BusinessCalendar.from_spec(vector["calendar"])
    result = calendar.add(_instant(vector["start"]), vector["minutes"], _pauses(vector))
    assert result == _instant(vector["expect"])
    assert result.utcoffset() == timedelta(0)


@pytest.mark.parametrize("vector", _vectors(LOCAL, "local") + _vectors(SHARED, "shared"))
def test_elapsed_inverts_the_vector(vector: dict[str, Any]) -> None:
    calendar = BusinessCalendar.from_spec(vector["calendar"])
    elapsed = calendar.elapsed(_instant(vector["start"]), _instant(vector["expect"]), _pauses(vector))
    assert elapsed == timedelta(minutes=vector["minutes"])


def test_the_local_copy_has_all_eleven_vectors() -> None:
    assert len(json.loads(LOCAL.read_text(encoding="utf-8"))["vectors"]) == 11


@pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} is not there")
def test_the_local_copy_matches_the_shared_vectors() -> None:
    assert json.loads(LOCAL.read_text(encoding="utf-8")) == json.loads(SHARED.read_text(encoding="utf-8"))
