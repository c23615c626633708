"""Open the four obligations tabs for a demo account in a real window and save screenshots.

    DISPLAY=:102 .venv/bin/python scripts/look_at_obligations.py /tmp/obligations-ws /tmp/obligations

Books, corrects and undoes service days and skips a week on the way, so the shots show it.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from advisor_app.gui.account import ContactsTab, ServiceDaysTab, UsageTab, WeeklyUpdatesTab
from advisor_app.obligations.ledger import book_service_day
from advisor_app.obligations.terms import load_terms
from advisor_app.workspace.desk import open_desk


def main(root: Path, out: Path) -> None:
    app = QApplication(sys.argv)
    desk = open_desk(root, demo=True)
    with desk.engine.connect() as connection:
        terms = load_terms(connection)
    account = next(t for t in sorted(terms.values(), key=lambda t: t.account_id) if t.tier.id == "platinum")
    today = account.local_today(desk.clock())
    book_service_day(
        desk.engine,
        account.account_id,
        today - timedelta(days=3),
        3,
        "onsite",
        "Roadmap day",
        now=desk.clock(),
        confirm_over_allotment=True,
    )
    tabs = QTabWidget()
    service, weekly = ServiceDaysTab(desk), WeeklyUpdatesTab(desk)
    contacts, usage = ContactsTab(desk), UsageTab(desk)
    for widget, title in (
        (service, "Service days"),
        (weekly, "Weekly updates"),
        (contacts, "Contacts"),
        (usage, "Usage"),
    ):
        widget.set_account(account.account_id)
        tabs.addTab(widget, title)
    tabs.setWindowTitle(f"Obligations — {account.account_name}")
    tabs.resize(1400, 860)
    tabs.show()
    out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        tabs.grab().save(str(out / f"{name}.png"))

    shot("1-service-days")
    service.table.selectRow(0)
    dialog = service.make_dialog(service.selected_entry())
    dialog.note.setPlainText("Corrected: half a day less")
    dialog.amount.setValue(max(0.5, dialog.amount.value() - 0.5))
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(out / "2-correct-dialog.png"))
    dialog.accept()
    shot("3-after-correct")
    service.undo()
    shot("4-after-undo")
    tabs.setCurrentWidget(weekly)
    weekly.table.selectRow(2)
    skip = weekly.make_skip_dialog()
    assert skip is not None
    skip.reason.setPlainText("Customer team at an offsite")
    skip.accept()
    shot("5-weekly")
    tabs.setCurrentWidget(contacts)
    shot("6-contacts")
    tabs.setCurrentWidget(usage)
    shot("7-usage")
    desk.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
