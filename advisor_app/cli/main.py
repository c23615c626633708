"""The `advisor-app` entry point: the GUI by default, headless commands for scripts."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from advisor_app import APP_NAME, __version__
from advisor_app.errors import AdvisorError

if TYPE_CHECKING:
    from advisor_app.workspace.desk import Clock


class _Parser(argparse.ArgumentParser):
    """Errors in one line, with the exit code 2 of argparse."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog.split()[0]} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="advisor-app", description=f"{APP_NAME}: your accounts, cases and obligations, offline.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="workspace folder (default: the user data dir)")
    parser.add_argument("--demo", action="store_true", help="use the demo workspace, creating it on first use")
    parser.add_argument("--self-test", action="store_true", help="check this installation in a temporary workspace")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("gui", help="open the window (the default)")
    status = commands.add_parser("status", help="accounts and open cases")
    status.add_argument("--json", action="store_true", help="print one JSON object for scripts")
    commands.add_parser("doctor", help="where things are and what the app runs on")
    obligations = commands.add_parser("obligations", help="service days, this week's update, authorized contacts")
    obligations.add_argument("--json", action="store_true", help="print JSON for scripts")
    usage_import = commands.add_parser(
        "usage-import", help="import usage metrics from a CSV file (columns account, metric, day, value)"
    )
    usage_import.add_argument("file", type=Path, help="the CSV file")
    usage_import.add_argument("--import-good-rows", action="store_true", help="import the good rows despite bad ones")
    connect = commands.add_parser(
        "connect", help="connect the workspace to a ticketing system (the token is read from standard input)"
    )
    connect.add_argument("kind", choices=["rt", "zendesk"], help="Request Tracker or Zendesk")
    connect.add_argument("url", help="the server's address, https://...")
    connect.add_argument("--user", required=True, help="the API user (Zendesk: the agent's email)")
    connect.add_argument("--ca-bundle", default="", metavar="FILE", help="CA certificates for TLS (corporate proxies)")
    connect.add_argument("--rt-timezone", default="UTC", metavar="ZONE", help="the RT API user's time zone")
    connect.add_argument("--rt-queue", default="", metavar="QUEUE", help="only cases of this RT queue")
    connect.add_argument(
        "--zendesk-org-id", type=int, action="append", default=[], metavar="ID", help="one of your organizations"
    )
    connect.add_argument(
        "--status-map",
        action="append",
        default=[],
        metavar="STATUS=MEANING",
        help="what a source status means (new, open, waiting, hold, solved, closed), e.g. stalled=waiting; "
        "repeat or separate by commas; over the source's defaults",
    )
    connect.add_argument("--zendesk-org-tag", default="", metavar="TAG", help="your organizations carry this tag")
    connect.add_argument(
        "--advisor",
        action="append",
        default=[],
        metavar="NAME",
        help="you, as the advisor field says it (default: --user)",
    )
    connect.add_argument("--account", action="append", default=[], metavar="NAME", help="add this account (repeatable)")
    connect.add_argument("--all-accounts", action="store_true", help="every account, not only those naming you")
    accounts = commands.add_parser("accounts", help="your accounts: the selection rule and why each is in or out")
    accounts.add_argument("--add", action="append", default=[], metavar="NAME", help="add an account to the rule")
    accounts.add_argument("--remove", action="append", default=[], metavar="NAME", help="remove an account")
    accounts.add_argument("--json", action="store_true", help="print JSON for scripts")
    commands.add_parser("sync", help="sync once with the connected source; progress on standard error")
    restore = commands.add_parser(
        "restore-backup", help="put a backup in place of the workspace database (which is moved aside, not deleted)"
    )
    restore.add_argument(
        "backup", nargs="?", type=Path, metavar="FILE", help="a file in the workspace's backups (default: the newest)"
    )
    calendar = commands.add_parser("calendar", help="business calendars: list, show, edit holidays")
    calendar.add_argument("calendar_id", nargs="?", metavar="ID", help="a calendar id (omit to list them)")
    calendar.add_argument("--year", type=int, help="the year whose holidays to show (default: this year)")
    calendar.add_argument("--add-holiday", type=_iso_date, action="append", default=[], metavar="DATE")
    calendar.add_argument("--remove-holiday", type=_iso_date, action="append", default=[], metavar="DATE")
    draft = commands.add_parser("draft", help="a weekly update draft: the stored one, else composed from the data")
    draft.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help="the account's name (or a unique prefix) or id"
    )
    draft.add_argument("--week", metavar="WEEK", help="an ISO week like 2026-W48 (default: this week)")
    draft.add_argument("--format", choices=["md", "html", "txt", "eml", "pdf"], default="md", help="default: md")
    draft.add_argument(
        "--language", choices=["en", "de"], help="compose in this language (default: the draft's, else en)"
    )
    draft.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)")
    draft.add_argument("--force", action="store_true", help="replace FILE when it exists")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _root(args: argparse.Namespace) -> Path:
    from advisor_app.workspace.folder import default_root

    return Path(args.data_dir) if args.data_dir is not None else default_root(demo=args.demo)


def _status(args: argparse.Namespace) -> int:
    from advisor_app.cli.reports import status_report
    from advisor_app.workspace.desk import open_desk

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        report = status_report(desk)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        _print_status(report)
    return 0


def _print_status(report: dict[str, Any]) -> None:
    for account in report["accounts"]:
        print(f"{account['name']:<36} {account['tier']:<9} {account['timezone']:<20} {account['open_cases']:>3} open")
    print(f"{len(report['accounts'])} accounts, {len(report['cases'])} open cases")


def _obligations(args: argparse.Namespace) -> int:
    from advisor_app.obligations.report import obligations
    from advisor_app.workspace.desk import open_desk

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        with desk.engine.connect() as connection:
            report = obligations(connection, desk.clock())
    finally:
        desk.close()
    if args.json:
        print(json.dumps({"accounts": report}, ensure_ascii=False))
        return 0
    for account in report:
        days, update, contacts = account["service_days"], account["weekly_update"], account["authorized_contacts"]
        left = "—" if days["allotted"] is None else f"{days['remaining']:g} of {days['allotted']:g} days left"
        state = update["state"] or "not owed"
        earlier = [week for week in update["overdue_weeks"] if week != update["week"]]
        overdue = f" ({len(earlier)} earlier overdue)" if earlier else ""
        print(
            f"{account['name']:<36} {left:<22} update {state:<8} contacts {contacts['count']}/{contacts['limit']}"
            + overdue
        )
    return 0


def _usage_import(args: argparse.Namespace) -> int:
    from advisor_app.obligations.usage import import_usage, read_usage_file
    from advisor_app.workspace.desk import open_desk

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        with desk.engine.connect() as connection:
            parsed = read_usage_file(connection, args.file)
        for bad in parsed.bad:
            print(f"{args.file.name}:{bad.line}: {bad.message}", file=sys.stderr)
        count = import_usage(desk.engine, parsed, import_good_rows=args.import_good_rows)
    finally:
        desk.close()
    print(f"imported {count} row" + ("" if count == 1 else "s"))
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from advisor_app import secrets
    from advisor_app.store.database import head_revision, inspect_database
    from advisor_app.workspace.folder import DATABASE_NAME, check_root

    root = _root(args).expanduser().absolute()
    check_root(root)  # a file or an unusable folder: the one-line error, not a report about nothing
    state = inspect_database(root / DATABASE_NAME)
    lines = {
        "version": __version__,
        "python": platform.python_version(),
        "data dir": str(root),
        "schema": f"{state.revision or 'none (new workspace)'} (this version: {head_revision()})",
        "qt": _qt_description(),
        "keyring": secrets.backend_description(),
    }
    for key, value in lines.items():
        print(f"{key + ':':<10} {value}")
    return 0


def _qt_description() -> str:
    # Asking the GUI package keeps Qt imports inside advisor_app.gui; no QApplication is made.
    try:
        from advisor_app.gui.platform import describe_platform
    except ImportError as error:
        return f"not available ({error})"
    return describe_platform()


def _calendar(args: argparse.Namespace) -> int:
    from advisor_app.sla import calendar_ids
    from advisor_app.store.clocks import change_holidays, current_calendar, holidays_in
    from advisor_app.workspace.desk import open_desk

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        with desk.engine.begin() as connection:
            if args.calendar_id is None:
                for calendar_id in calendar_ids():
                    print(f"{calendar_id:<12} {current_calendar(connection, calendar_id).timezone}")
                return 0
            if args.calendar_id not in calendar_ids():
                raise AdvisorError(f"unknown calendar {args.calendar_id!r} (known: {', '.join(calendar_ids())})")
            if args.add_holiday or args.remove_holiday:
                count = change_holidays(
                    connection, args.calendar_id, args.add_holiday, args.remove_holiday, desk.clock()
                )
                print(f"{args.calendar_id}: holidays changed; {count} open cases recomputed", file=sys.stderr)
            calendar = current_calendar(connection, args.calendar_id)
    finally:
        desk.close()
    year = args.year or desk.clock().year
    hours = calendar.spec["hours"]
    print(f"{args.calendar_id}: {calendar.timezone}")
    if isinstance(hours, str):
        print(f"  hours: {hours}")
    else:
        for day, windows in hours.items():
            print(f"  {day}: {', '.join(windows)}")
    print(f"  holidays {year}: {', '.join(str(day) for day in holidays_in(calendar, year)) or 'none'}")
    return 0


def _read_token() -> str:
    """The token from standard input: a hidden prompt at a terminal, else the first line."""
    if sys.stdin is None:
        return ""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("Token (input hidden): ")
    return sys.stdin.readline().strip()


def _connect(args: argparse.Namespace) -> int:
    from advisor_app.workspace.desk import writer_lock

    with writer_lock(_root(args), what="connect"):
        return _connect_holding_lock(args)


def _connect_holding_lock(args: argparse.Namespace) -> int:
    from advisor_app.connect.connection import ConnectionRequest, connect
    from advisor_app.domain.status_map import parse_status_map
    from advisor_app.secrets import TOKEN_ENVIRONMENT, Credentials
    from advisor_app.sync.selection import AccountSelection
    from advisor_app.workspace.desk import open_desk
    from advisor_app.workspace.source_sync import set_status_map

    status_map = parse_status_map(args.status_map)  # a bad entry stops everything before the token is read
    credentials = Credentials()
    automation_token = credentials.environment_token()
    token = automation_token or _read_token()
    selection = AccountSelection(
        advisors=args.advisor or [args.user.strip()],
        tag=args.zendesk_org_tag,
        added=[*args.account, *(str(i) for i in args.zendesk_org_id)],
        all_accounts=args.all_accounts,
    )
    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        kind_before = desk.settings.source_kind
        request = ConnectionRequest(
            args.kind, args.url, args.user, token, args.ca_bundle, args.rt_timezone, args.rt_queue,
            account_selection=selection,
        )  # fmt: skip
        connect(desk, request, credentials, store_token=automation_token is None)
        if status_map or kind_before != args.kind:
            set_status_map(desk, status_map)
    finally:
        desk.close()
    print(f"connected to {args.kind} at {desk.settings.source_url} as {desk.settings.source_user}", file=sys.stderr)
    if automation_token is not None:
        print(f"{TOKEN_ENVIRONMENT} is set: no token was stored; each run reads it from there", file=sys.stderr)
    return 0


def _accounts(args: argparse.Namespace) -> int:
    from advisor_app.connect.account_rule import edit_selection, print_selection, selection_report
    from advisor_app.workspace.desk import open_desk
    from advisor_app.workspace.settings import rule_of

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        if args.add or args.remove:
            edit_selection(desk, args.add, args.remove)
            print(f"rule saved: {rule_of(desk.settings).describe()}; the next sync follows it", file=sys.stderr)
        report = selection_report(desk)
    finally:
        desk.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print_selection(report)
    return 0


def _sync(args: argparse.Namespace) -> int:
    from advisor_app.workspace.desk import writer_lock

    with writer_lock(_root(args), what="sync"):
        return _sync_holding_lock(args)


def _sync_holding_lock(args: argparse.Namespace) -> int:
    from advisor_app.workspace.desk import open_desk
    from advisor_app.workspace.source_sync import sync_workspace

    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:

        def progress(stream: str, count: int) -> None:
            print(f"{stream}: {count}", file=sys.stderr, flush=True)

        report = sync_workspace(desk, progress=progress)
    finally:
        desk.close()
    written = ", ".join(f"{stream} {r.written}" for stream, r in report.streams.items())
    quarantined = sum(r.quarantined for r in report.streams.values())
    print(f"synced: {written}; set aside: {quarantined}", file=sys.stderr)
    if report.accounts_arrived:
        print(f"newly assigned to you: {', '.join(report.accounts_arrived)}", file=sys.stderr)
    if report.accounts_back:
        print(f"no longer set aside (its data is fixed): {', '.join(report.accounts_back)}", file=sys.stderr)
    if report.accounts_left:
        print(f"no longer assigned to you: {', '.join(report.accounts_left)} (local data kept)", file=sys.stderr)
    for warning in report.warnings:
        print(f"advisor-app: warning: {warning}", file=sys.stderr)
    return 0


def _restore_backup(args: argparse.Namespace) -> int:
    from advisor_app.workspace.desk import restore_workspace_backup, writer_lock

    with writer_lock(_root(args), what="restore a backup"):
        backup, aside = restore_workspace_backup(_root(args), args.backup, args.clock)
    kept = f"; the previous database is kept as {aside}" if aside is not None else ""
    print(f"restored {backup.name}{kept}", file=sys.stderr)
    return 0


def _draft(args: argparse.Namespace) -> int:
    from advisor_app.cli.draft import run_draft
    from advisor_app.workspace.desk import open_desk

    if args.format == "pdf" and args.output is None:
        raise AdvisorError("a PDF needs a file: add -o FILE")
    desk = open_desk(_root(args), demo=args.demo, clock=args.clock)
    try:
        return run_draft(desk, args.account, args.week, args.format, args.language, args.output, args.force)
    finally:
        desk.close()


def _gui(args: argparse.Namespace) -> int:
    from advisor_app.gui.app import run_gui

    return run_gui(_root(args), demo=args.demo)


def _damage_found_while_reading(error: Exception, args: argparse.Namespace) -> AdvisorError | None:
    """The worded error when `error` is SQLite finding the database damaged (None: it is not)."""
    from advisor_app.store.database import damage_in, damaged_error
    from advisor_app.workspace.folder import Workspace

    problem = damage_in(error)
    if problem is None:
        return None
    workspace = Workspace(_root(args).expanduser().absolute())
    return damaged_error(workspace.database, workspace.backups_dir, problem)


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run one command; `clock` is the present the commands see (tests pass a fixed one)."""
    args = build_parser().parse_args(argv)
    if clock is None:
        from advisor_app.workspace.desk import system_clock

        clock = system_clock
    args.clock = clock
    if args.self_test:
        from advisor_app.cli.selftest import main as self_test

        return self_test(clock)
    handlers = {
        None: _gui,
        "gui": _gui,
        "status": _status,
        "doctor": _doctor,
        "calendar": _calendar,
        "obligations": _obligations,
        "usage-import": _usage_import,
        "connect": _connect,
        "accounts": _accounts,
        "sync": _sync,
        "draft": _draft,
        "restore-backup": _restore_backup,
    }
    try:
        return handlers[args.command](args)
    except AdvisorError as error:
        print(f"advisor-app: error: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        damaged = _damage_found_while_reading(error, args)
        if damaged is None:
            raise
        print(f"advisor-app: error: {damaged}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (`| head`) went away: not an error of ours; keep Python from complaining at exit.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


if __name__ == "__main__":
    sys.exit(main())
