"""`advisor-app draft`: one week's update in one format, to a file or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from advisor_app.drafts.service import (
    current_week,
    draft_or_compose,
    find_account,
    make_export,
    workspace_templates,
)
from advisor_app.obligations.weekly_updates import parse_week
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.outputs import check_output, write_output, write_output_with


def run_draft(
    desk: Desk,
    account: str,
    week: str | None,
    fmt: str,
    language: str | None,
    output: Path | None,
    force: bool = False,
) -> int:
    if week is not None:
        parse_week(week)  # a malformed week is refused before anything else
    if output is not None:  # a bad target is refused before any work
        check_output(output, workspace=desk.workspace, force=force)
    account_id = find_account(desk.engine, account)
    now = desk.clock()
    week = week or current_week(desk.engine, account_id, now)
    templates = workspace_templates(desk.workspace.root)
    markdown, language = draft_or_compose(desk.engine, templates, account_id, week, now, language)
    export = make_export(desk.engine, templates, account_id, week, markdown, language)
    if fmt == "pdf":
        assert output is not None
        # Qt only for the PDF, and only now: the other formats run without it.
        from advisor_app.gui.pdf_export import write_pdf_headless

        written = write_output_with(
            output, lambda path: write_pdf_headless(export.html, path, export.subject), workspace=desk.workspace,
            force=force,
        )  # fmt: skip
        print(f"wrote {written}", file=sys.stderr)
        return 0
    data: bytes
    if fmt == "eml":
        data = export.eml(now)
    elif fmt == "html":
        data = export.html.encode("utf-8")
    elif fmt == "txt":
        data = export.text.encode("utf-8")
    else:
        data = export.markdown.encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        written = write_output(output, data, workspace=desk.workspace, force=force)
        print(f"wrote {written}", file=sys.stderr)
    return 0
