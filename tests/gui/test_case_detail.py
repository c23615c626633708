"""The case detail view: header, clocks with live figures, timeline, and inert case text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor

from advisor_app.gui.case_detail import CaseDetailView
from advisor_app.gui.safe_browser import SafeTextBrowser
from advisor_app.store import schema
from advisor_app.text import render_case_text
from advisor_app.workspace.desk import Desk
from tests.conftest import MovableClock
from tests.gui.cells import cell

HOSTILE = (
    "<p>Hello <b>team</b></p>"
    "<script>document.title='owned'</script>"
    '<iframe src="https://evil.example/frame"></iframe>'
    '<img src="https://evil.example/pixel.gif">'
    '<img src="file:///etc/hosts">'
    '<div style="background:url(https://evil.example/bg.png)">styled</div>'
    '<link rel="stylesheet" href="https://evil.example/x.css">'
    '<a href="javascript:alert(1)">js link</a> '
    '<a href="https://docs.example/guide">docs</a>'
)


def _case_with(desk: Desk, condition: str) -> int:
    with desk.engine.connect() as connection:
        return connection.execute(text(f"SELECT id FROM cases WHERE {condition} ORDER BY id LIMIT 1")).scalar_one()


@pytest.fixture
def view(qtbot: QtBot, demo_desk: Desk) -> CaseDetailView:
    widget = CaseDetailView(demo_desk)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_demo_case_shows_header_clocks_and_timeline(qtbot: QtBot, view: CaseDetailView, demo_desk: Desk) -> None:
    case_id = _case_with(
        demo_desk, "id IN (SELECT case_id FROM case_events WHERE kind = 'internal_note') AND clock_open"
    )
    with demo_desk.engine.connect() as connection:
        remote_id, subject = connection.execute(
            select(schema.cases.c.remote_id, schema.cases.c.subject).where(schema.cases.c.id == case_id)
        ).one()
        bodies = connection.execute(
            select(schema.case_events.c.value).where(
                schema.case_events.c.case_id == case_id, schema.case_events.c.kind == "internal_note"
            )
        ).scalars()
        note = next(iter(bodies))
    assert view.show_case(case_id)
    assert view.title_label.text() == f"#{remote_id} {subject}"
    assert view.detail is not None
    assert view.clocks_table.rowCount() == len(view.detail.clocks) > 0
    assert cell(view.clocks_table, 0, 1).text()  # a state in words, not only a color
    assert not cell(view.clocks_table, 0, 1).icon().isNull()
    qtbot.waitUntil(lambda: not view.rendering, timeout=5000)  # case text is sanitized off the GUI thread
    shown = view.timeline.toPlainText()
    assert "Internal note" in shown and note in shown
    assert "changed the status" in shown
    assert view.timeline.refused_resources == []


def test_a_running_clock_counts_down_each_second(
    qtbot: QtBot, view: CaseDetailView, demo_desk: Desk, clock: MovableClock
) -> None:
    case_id = _case_with(demo_desk, "clock_state = 'running' AND clock_open AND severity = 1")
    view.show_case(case_id)
    before = cell(view.clocks_table, 0, 4).text()
    clock.advance(timedelta(minutes=7))
    qtbot.waitUntil(lambda: cell(view.clocks_table, 0, 4).text() != before, timeout=3000)
    assert view.timer.isActive()
    assert view.detail is not None
    deadline = view.detail.clocks[-1].deadline
    assert deadline is not None
    clock.now = deadline + timedelta(minutes=3)
    qtbot.waitUntil(lambda: cell(view.clocks_table, 0, 1).text() == "Breached", timeout=3000)
    assert "overdue" in cell(view.clocks_table, 0, 4).text()


def test_an_unknown_case_shows_an_empty_view(view: CaseDetailView) -> None:
    assert not view.show_case(10_000_000)
    assert view.title_label.text() == "This case is not in the workspace."
    assert not view.copy_action.isEnabled()


def test_copy_puts_the_case_id_on_the_clipboard(view: CaseDetailView) -> None:
    view.show_case(1)
    assert view.detail is not None
    view.copy_action.trigger()
    assert QGuiApplication.clipboard().text().startswith(f"#{view.detail.case.remote_id} ")


def recording_into(opened: list[QUrl]) -> Callable[[QUrl], bool]:
    """A system browser stand-in: notes each link it is asked to open and says it did."""

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    return opener


def test_hostile_case_html_renders_inert(qtbot: QtBot) -> None:
    opened: list[QUrl] = []
    browser = SafeTextBrowser(opener=recording_into(opened))
    qtbot.addWidget(browser)
    browser.resize(600, 400)
    browser.show()
    browser.setHtml(render_case_text(HOSTILE))
    qtbot.waitExposed(browser)
    shown = browser.toPlainText()
    assert "Hello team" in shown and "[image removed]" in shown
    assert "owned" not in shown
    assert browser.refused_resources == []  # nothing left that names a resource
    html = browser.toHtml()
    assert "evil.example" not in html and "javascript" not in html
    # Links: the javascript: one is plain text now; the https one opens only on a click.
    assert opened == []
    assert browser.document().documentLayout().anchorAt(_point_of(browser, "js link")) == ""
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(browser, "docs"))
    assert opened == [QUrl("https://docs.example/guide")]


def test_the_browser_itself_loads_nothing_even_from_unsanitized_html(qtbot: QtBot) -> None:
    opened: list[QUrl] = []
    browser = SafeTextBrowser(opener=recording_into(opened))
    qtbot.addWidget(browser)
    browser.show()
    browser.setHtml(
        '<img src="file:///etc/hosts"><img src="https://evil.example/p.gif"><a href="javascript:alert(1)">js</a>'
    )
    qtbot.waitExposed(browser)
    asked = {url.toString() for url in browser.refused_resources}
    assert {"file:///etc/hosts", "https://evil.example/p.gif"} <= asked
    with qtbot.waitSignal(browser.link_refused) as refused:
        browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert refused.args[0].scheme() == "javascript"
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    assert browser.source().isEmpty()  # links never navigate the browser itself


def _point_of(browser: SafeTextBrowser, words: str) -> QPoint:
    cursor = browser.document().find(words)
    assert not cursor.isNull(), words
    middle = QTextCursor(cursor)
    middle.setPosition(cursor.selectionStart() + 1)
    return browser.cursorRect(middle).center()


def test_a_subject_that_looks_like_markup_is_shown_as_written(
    qtbot: QtBot, view: CaseDetailView, demo_desk: Desk
) -> None:
    from advisor_app.gui.notifications import NotificationBanner

    case_id = _case_with(demo_desk, "clock_open")
    subject, requester = "Billing <b>question</b> & <i>invoice", "Alice <alice@customer.test>"
    with demo_desk.engine.begin() as connection:
        connection.execute(
            schema.cases.update().where(schema.cases.c.id == case_id).values(subject=subject, requester=requester)
        )
    assert view.show_case(case_id)
    for label in (view.title_label, view.meta_label):
        # AutoText would take "<b>" for markup: "question" bold, "<alice@...>" gone.
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert view.title_label.text().endswith(subject)
    assert requester in view.meta_label.text()
    banner = NotificationBanner()
    qtbot.addWidget(banner)
    banner.show_message(case_id, f"New Severity 1: #1 {subject}", critical=True)
    assert banner.message.textFormat() == Qt.TextFormat.PlainText
