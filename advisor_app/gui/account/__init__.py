"""Account 360 tabs of the obligations: service days, weekly updates, contacts, usage.

The tabs load on first use (PEP 562): `account.common` serves lists shown at the first paint
(Today), while the tabs bring the charts and the drafts."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor_app.gui.account.contacts_tab import ContactsTab
    from advisor_app.gui.account.service_days_tab import ServiceDaysTab
    from advisor_app.gui.account.usage_tab import UsageTab
    from advisor_app.gui.account.weekly_updates_tab import WeeklyUpdatesTab

_MODULES = {
    "ContactsTab": "contacts_tab",
    "ServiceDaysTab": "service_days_tab",
    "UsageTab": "usage_tab",
    "WeeklyUpdatesTab": "weekly_updates_tab",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = ["ContactsTab", "ServiceDaysTab", "UsageTab", "WeeklyUpdatesTab"]
