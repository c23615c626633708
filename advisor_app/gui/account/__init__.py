"""Account 360 tabs of the obligations: service days, weekly updates, contacts, usage."""

from advisor_app.gui.account.contacts_tab import ContactsTab
from advisor_app.gui.account.service_days_tab import ServiceDaysTab
from advisor_app.gui.account.usage_tab import UsageTab
from advisor_app.gui.account.weekly_updates_tab import WeeklyUpdatesTab

__all__ = ["ContactsTab", "ServiceDaysTab", "UsageTab", "WeeklyUpdatesTab"]
