"""One line of `advisor-app --self-test`: a named check's result, and the guard that turns a
check's crash into its failure. The checks live with what they check: the headless ones in
`advisor_app/cli/selftest.py`, the Qt ones in `advisor_app/gui/selftest.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    warning: bool = False
    """Passed, but something here needs a look (it does not fail the self-test)."""

    @property
    def label(self) -> str:
        if not self.ok:
            return "FAIL"
        return "warn" if self.warning else "ok"


def guarded(name: str, check: Callable[[], Check]) -> Check:
    """Run one check; an exception becomes its failure, so one broken part never hides the others."""
    try:
        return check()
    except Exception as error:
        return Check(name, False, f"{type(error).__name__}: {error}")
