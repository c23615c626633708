"""The rt_server fixture serves a real Request Tracker 5 REST2 API on loopback.

These tests double as the record of REST2's exact JSON (RT 5.0.3, Debian 12) that the
RT sync provider is written against; tests/integration/rt/NOTES.md has the summary.

Facts pinned here (each asserted below):
* Records: GET /ticket/{id} -> {"id": 7 (int), "Subject", "Status", "Queue": {"type": "queue",
  "id": "3" (string), "_url"}, "Creator"/"LastUpdatedBy"/"Owner": {"type": "user", "id": "<user
  *name*>", "_url"}, "Requestor"/"Cc"/"AdminCc": [user refs], "Created"/"LastUpdated"/"Resolved"/
  "Started"/"Starts"/"Due": "2026-11-25T07:45:04Z", "CustomFields": [{"type": "customfield",
  "id": "2", "name": "Account", "values": ["ACME-42"], "_url"}], "_hyperlinks": [...]}.
  Numbers other than the top-level id are strings ("Priority": "0", "TimeWorked": "0").
* Dates in responses are always UTC with a literal "Z", whatever RT's $Timezone; a date that
  was never set is "1970-01-01T00:00:00Z", not null. Precision is one second.
* The order of CustomFields entries is not stable (a Perl hash): look them up by name or id.
* Collections: {"count", "page", "per_page", "total", "pages", "items", "next_page"?, "prev_page"?};
  items are refs {"type", "id" (string), "_url"} plus the fields asked for with ?fields=A,B.
  "pages" may come as a float (0.0) when total is 0. "total"/"pages"/"next_page" are only present
  when the user "can see all": always for /tickets (UseSQLForACLChecks), but for /ticket/{id}/history
  only for a SuperUser -- other users get total=null, pages=null and no next_page, so page
  until a page comes back with count < per_page (or count == 0).
* TicketSQL dates without an offset are read in the *user's* timezone (RT's $Timezone unless the
  user has one set), and an explicit offset is NOT honoured (RT shifts it by the user's offset again).
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.integration.rt.server import RTServer, rt_instance

pytestmark = pytest.mark.integration

W3CDTF = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
NEVER = "1970-01-01T00:00:00Z"


def parse_rt_date(value: str) -> datetime:
    assert W3CDTF.match(value), value
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def ticketsql_date(moment: datetime, timezone: str) -> str:
    """How a TicketSQL date must be written: wall-clock time in RT's (the user's) timezone, no offset."""
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M:%S")


def cf_values(ticket: dict, name: str) -> list[str]:
    [entry] = [cf for cf in ticket["CustomFields"] if cf["name"] == name]
    return list(entry["values"])


def unique(label: str) -> str:
    return f"{label} {uuid.uuid4().hex[:10]}"


def test_rest2_answers_with_token_only(rt_server: RTServer) -> None:
    assert rt_server.base_url.startswith("http://127.0.0.1:")
    assert rt_server.get_json("rt") == {"Version": rt_server.rt_version}
    assert requests.get(f"{rt_server.rest_url}/rt", timeout=10).status_code == 401
    bad = requests.get(f"{rt_server.rest_url}/rt", headers={"Authorization": "token 1-1-deadbeef"}, timeout=10)
    assert bad.status_code == 401


def test_fixture_describes_the_instance(rt_server: RTServer) -> None:
    assert rt_server.timezone == "Asia/Kolkata"
    assert rt_server.custom_fields == {"severity": "Severity", "account": "Account"}
    assert set(rt_server.custom_field_ids) == {"Severity", "Account"}
    queue = rt_server.get_json(f"queue/{rt_server.queue_id}")
    assert queue["Name"] == rt_server.queue
    severity = rt_server.get_json(f"customfield/{rt_server.custom_field_ids['Severity']}")
    assert severity["Type"] == "Select"
    assert severity["Values"] == ["1", "2", "3"]  # plain strings here (not {"name": ...} dicts)
    assert severity["LookupType"] == "RT::Queue-RT::Ticket"
    user = rt_server.get_json(f"user/{rt_server.api_user}")
    assert user["Privileged"] == 1
    assert rt_server.users["alice"].privileged is False
    # Everything lives in the instance's own folder; the system-wide RT is not used.
    config = (rt_server.workdir / "etc" / "RT_SiteConfig.pm").read_text()
    assert "Set($Timezone, 'Asia/Kolkata');" in config
    assert (rt_server.workdir / "var" / "rt.sqlite").is_file()


def test_ticket_lifecycle_and_its_json(rt_server: RTServer) -> None:
    subject = unique("Printer on fire")
    before = datetime.now(UTC).replace(microsecond=0)
    ticket_id = rt_server.create_ticket_as("alice", subject, "It burns.\nPlease help.", severity=2, account="ACME-42")

    ticket = rt_server.ticket(ticket_id)
    assert ticket["id"] == ticket_id  # an int at the top level ...
    assert ticket["Queue"] == {"type": "queue", "id": str(rt_server.queue_id), "_url": ticket["Queue"]["_url"]}
    assert ticket["Queue"]["_url"] == f"{rt_server.rest_url}/queue/{rt_server.queue_id}"  # ... strings in refs
    assert ticket["Subject"] == subject
    assert ticket["Status"] == "new"
    assert ticket["Type"] == "ticket"  # RT's ticket Type column, not the REST type
    assert ticket["Creator"]["id"] == "alice"  # user refs carry the user *name* as id
    assert ticket["Creator"]["type"] == "user"
    assert [requestor["id"] for requestor in ticket["Requestor"]] == ["alice"]
    assert ticket["Owner"]["id"] == "Nobody"
    assert ticket["Cc"] == [] and ticket["AdminCc"] == []
    assert ticket["Priority"] == "0" and ticket["TimeWorked"] == "0"
    created = parse_rt_date(ticket["Created"])
    assert before - timedelta(seconds=1) <= created <= datetime.now(UTC) + timedelta(seconds=1)  # UTC, not RT's zone
    assert ticket["Resolved"] == NEVER and ticket["Due"] == NEVER
    assert cf_values(ticket, "Severity") == ["2"]
    assert cf_values(ticket, "Account") == ["ACME-42"]
    for entry in ticket["CustomFields"]:
        assert set(entry) == {"type", "id", "name", "values", "_url"}
        assert entry["type"] == "customfield" and entry["id"] == str(rt_server.custom_field_ids[entry["name"]])
    refs = {link["ref"] for link in ticket["_hyperlinks"]}
    assert {"self", "history", "correspond", "comment", "lifecycle", "customfield"} <= refs

    # The requestor sees their ticket; another requestor does not.
    assert rt_server.ticket(ticket_id, user="alice")["Subject"] == subject
    assert rt_server.request("GET", f"ticket/{ticket_id}", user="bob").status_code == 403

    assert rt_server.correspond(ticket_id, "We are on it.") == ["Correspondence added"]
    assert rt_server.comment(ticket_id, "Internal: toner cartridge recall.") == ["Comments added"]
    assert rt_server.set_custom_fields(ticket_id, {"Severity": "3"}) == ["Severity 2 changed to 3"]
    # Replying to a "new" ticket opened it (RT_System does that), so this goes open -> resolved.
    assert rt_server.set_status(ticket_id, "resolved") == [
        f"Ticket {ticket_id}: Status changed from 'open' to 'resolved'"
    ]

    ticket = rt_server.ticket(ticket_id)
    assert ticket["Status"] == "resolved"
    assert cf_values(ticket, "Severity") == ["3"]
    assert parse_rt_date(ticket["Resolved"]) >= created
    assert ticket["LastUpdatedBy"]["id"] == rt_server.agent

    history = rt_server.history(ticket_id, fields="Type,Creator,Created,Field,OldValue,NewValue", per_page=100)
    items = history["items"]
    for item in items:
        assert item["type"] == "transaction" and isinstance(item["id"], str)
        assert W3CDTF.match(item["Created"])
        assert item["Creator"]["type"] == "user"
    summary = [(i["Type"], i["Creator"]["id"], i["Field"], i["OldValue"], i["NewValue"]) for i in items]
    # RT records every outgoing mail (auto-reply, notifications) as an "EmailRecord" by RT_System.
    significant = [row for row in summary if row[0] != "EmailRecord"]
    assert significant == [
        ("Create", "alice", "", "", ""),  # custom fields set at creation make no transaction of their own
        ("Correspond", rt_server.agent, "", "", ""),
        ("Status", "RT_System", "Status", "new", "open"),
        ("Comment", rt_server.agent, "", "", ""),
        # A CustomField transaction's Field is the custom field's id (a string), values are strings.
        ("CustomField", rt_server.agent, str(rt_server.custom_field_ids["Severity"]), "2", "3"),
        ("Status", rt_server.agent, "Status", "open", "resolved"),
    ]
    assert any(row[0] == "EmailRecord" and row[1] == "RT_System" for row in summary)
    # The single-transaction view differs: Field is a customfield ref and OldValue/NewValue are absent
    # (only OldReference/NewReference refs, which themselves 404): read values through ?fields= on history.
    cf_txn = next(i for i in items if i["Type"] == "CustomField")
    full = rt_server.get_json(f"transaction/{cf_txn['id']}")
    assert full["Field"]["type"] == "customfield" and full["Field"]["id"] == cf_txn["Field"]
    assert "OldValue" not in full and "NewValue" not in full
    assert full["Object"] == {
        "type": "ticket",
        "id": str(ticket_id),
        "_url": f"{rt_server.rest_url}/ticket/{ticket_id}",
    }
    # Message bodies are attachments of the Correspond/Comment transaction.
    reply = next(i for i in items if i["Type"] == "Correspond")
    attachments = rt_server.get_json(f"transaction/{reply['id']}/attachments", fields="ContentType,Content")
    assert [(a["ContentType"], a["Content"]) for a in attachments["items"]] == [("text/plain", "We are on it.")]

    # Outgoing mail went to the instance's mbox, not to the system MTA.
    mail = "".join(path.read_text(errors="replace") for path in rt_server.mbox_files)
    assert "alice@customer.test" in mail


def test_ticketsql_dates_are_in_rt_timezone(rt_server: RTServer) -> None:
    tz = rt_server.timezone
    assert datetime(2026, 11, 25, tzinfo=ZoneInfo(tz)).utcoffset() == timedelta(hours=5, minutes=30)
    ticket_id = rt_server.create_ticket(unique("TicketSQL dates"), "x", severity=1)
    updated = parse_rt_date(rt_server.ticket(ticket_id)["LastUpdated"])

    def found(condition: str) -> bool:
        result = rt_server.search(f"id = {ticket_id} AND {condition}")
        return [item["id"] for item in result["items"]] == [str(ticket_id)]

    # Right: wall-clock time in RT's timezone, no offset. ">" is strict, to the second.
    assert found(f"LastUpdated >= '{ticketsql_date(updated, tz)}'")
    assert not found(f"LastUpdated > '{ticketsql_date(updated, tz)}'")
    assert found(f"LastUpdated > '{ticketsql_date(updated - timedelta(seconds=1), tz)}'")
    # Wrong: the UTC wall clock is read as Kolkata time, i.e. 5:30 too early.
    utc_wall = updated.strftime("%Y-%m-%d %H:%M:%S")
    assert found(f"LastUpdated > '{(updated + timedelta(hours=5)).strftime('%Y-%m-%d %H:%M:%S')}'")
    assert not found(f"LastUpdated < '{utc_wall}'")
    # Wrong too: an explicit offset is parsed and then shifted by the user's offset *again*.
    for suffix in ("Z", " UTC", " +0000"):
        stamp = (updated + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S") + suffix
        assert not found(f"LastUpdated < '{stamp}'"), suffix  # honoured, this would match
    # A typical sync query: everything in the queue changed since a watermark.
    since = ticketsql_date(updated - timedelta(minutes=1), tz)
    # Newest first, and a page large enough: earlier tests in the session also touched the queue.
    result = rt_server.search(
        f"Queue = '{rt_server.queue}' AND LastUpdated >= '{since}'", orderby="LastUpdated", order="DESC", per_page=100
    )
    assert str(ticket_id) in [item["id"] for item in result["items"]]


def test_search_pagination(rt_server: RTServer) -> None:
    tag = uuid.uuid4().hex[:10]
    ids = [rt_server.create_ticket(f"paging {tag} #{n}", account=f"ACC-{n}") for n in range(5)]
    query = f"Queue = '{rt_server.queue}' AND Subject LIKE '{tag}'"
    fields = "Subject,LastUpdated,Status,CustomFields"

    first = rt_server.search(query, per_page=2, orderby="id", fields=fields)
    assert {key: first[key] for key in ("count", "page", "per_page", "total", "pages")} == {
        "count": 2,
        "page": 1,
        "per_page": 2,
        "total": 5,
        "pages": 3,
    }
    assert "prev_page" not in first
    assert first["next_page"].startswith(f"{rt_server.rest_url}/tickets?") and "page=2" in first["next_page"]
    item = first["items"][0]
    assert item["id"] == str(ids[0]) and item["type"] == "ticket"
    assert item["_url"] == f"{rt_server.rest_url}/ticket/{ids[0]}"
    assert item["Subject"] == f"paging {tag} #0" and item["Status"] == "new" and W3CDTF.match(item["LastUpdated"])
    assert [cf["values"] for cf in item["CustomFields"] if cf["name"] == "Account"] == [["ACC-0"]]

    second = rt_server.get_json(first["next_page"])  # next_page keeps query, per_page and fields
    assert second["page"] == 2 and [i["id"] for i in second["items"]] == [str(i) for i in ids[2:4]]
    assert "prev_page" in second and "next_page" in second
    third = rt_server.get_json(second["next_page"])
    assert third["count"] == 1 and "next_page" not in third
    beyond = rt_server.search(query, per_page=2, page=9)
    assert beyond["count"] == 0 and beyond["items"] == [] and beyond["total"] == 5

    nothing = rt_server.search(f"Subject LIKE 'no-such-{tag}'")
    assert nothing["total"] == 0 and nothing["count"] == 0 and nothing["pages"] == 0  # 0.0 in the JSON

    # per_page is capped at 100; 0 or junk means 20.
    assert rt_server.search(query, per_page=500)["per_page"] == 100
    assert rt_server.search(query, per_page=0)["per_page"] == 20


def test_history_pagination_totals_only_for_superuser(rt_server: RTServer) -> None:
    ticket_id = rt_server.create_ticket(unique("history paging"), "first")
    for n in range(4):
        rt_server.comment(ticket_id, f"note {n}")
    # The API user is a normal privileged user: no total, no pages, no next_page.
    page = rt_server.history(ticket_id, per_page=2)
    assert page["count"] == 2 and page["total"] is None and page["pages"] is None and "next_page" not in page
    seen, number = [], 1
    while True:
        page = rt_server.history(ticket_id, per_page=2, page=number)
        seen += [item["id"] for item in page["items"]]
        if page["count"] < page["per_page"]:
            break
        number += 1
    assert len(seen) == 5 and len(set(seen)) == 5
    # A SuperUser gets the totals.
    response = rt_server.superuser_session().get(rt_server.url(f"ticket/{ticket_id}/history"), params={"per_page": 2})
    root_page = response.json()
    assert root_page["total"] == 5 and root_page["pages"] == 3 and "page=2" in root_page["next_page"]


def test_deleted_ticket(rt_server: RTServer) -> None:
    ticket_id = rt_server.create_ticket(unique("to delete"), "bye")
    rt_server.delete_ticket(ticket_id)
    ticket = rt_server.ticket(ticket_id)  # still readable by id
    assert ticket["Status"] == "deleted"
    last = rt_server.history(ticket_id, fields="Type,Field,OldValue,NewValue")["items"][-1]
    assert (last["Type"], last["Field"], last["OldValue"], last["NewValue"]) == ("Status", "Status", "new", "deleted")
    # ... but REST2 searches never return deleted tickets, not even when asked for them.
    for query in (f"id = {ticket_id}", f"id = {ticket_id} AND Status = 'deleted'"):
        assert rt_server.search(query)["total"] == 0
        response = rt_server.superuser_session().get(rt_server.url("tickets"), params={"query": query})
        assert response.json()["total"] == 0


def test_unprivileged_custom_field_by_name_is_silently_dropped(rt_server: RTServer) -> None:
    ticket_id = rt_server.create_ticket(
        unique("cf by name"), "x", user="bob", requestor="bob", CustomFields={"Severity": "1"}
    )
    assert cf_values(rt_server.ticket(ticket_id), "Severity") == []  # 201 Created all the same
    # A privileged agent who can see the field may use its name.
    ticket_id = rt_server.create_ticket(unique("cf by name"), "x", user=rt_server.agent, CustomFields={"Severity": "1"})
    assert cf_values(rt_server.ticket(ticket_id), "Severity") == ["1"]


def test_second_instance_is_independent(rt_server: RTServer) -> None:
    rt_server.create_ticket(unique("only in the first instance"))
    with rt_instance() as other:
        assert other.base_url != rt_server.base_url and other.workdir != rt_server.workdir
        assert other.superuser_session().get(other.url("tickets"), params={"query": "id > 0"}).json()["total"] == 0
        workdir, pid = other.workdir, other.server_pid
        assert os.getpgid(pid) == pid  # rt-server leads its own process group
    assert not workdir.exists()
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)  # the master and its Starlet workers are gone
