"""The FTS5 search index: filled by the migration, kept in sync by triggers on every write
path sync uses, and queried safely whatever the user types."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, func, select, text

from advisor_app.domain import Case
from advisor_app.store import database, schema
from advisor_app.store.search import HitKind, match_expression, search
from advisor_app.store.upserts import mark_removed, upsert_accounts, upsert_cases
from advisor_app.sync.providers.demo import SCALES, DemoSource
from advisor_app.workspace.desk import Desk
from tests.conftest import NOW


def _found(connection: Connection, query: str, kind: HitKind, item_id: int) -> bool:
    return any(hit.kind is kind and hit.item_id == item_id for hit in search(connection, query, 200))


def _stored_case(connection: Connection, case_id: int) -> Case:
    source = DemoSource(7, SCALES["standard"], NOW)
    remote_id = connection.execute(select(schema.cases.c.remote_id).where(schema.cases.c.id == case_id)).scalar_one()
    return source.story(int(remote_id) - 10_000).case


def test_a_demo_sync_indexes_every_account_and_case(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        indexed = connection.execute(text("SELECT count(*) FROM search_index")).scalar_one()
        accounts = connection.execute(select(func.count()).select_from(schema.accounts)).scalar_one()
        cases = connection.execute(select(func.count()).select_from(schema.cases)).scalar_one()
        assert indexed == accounts + cases == 25 + 2_000


def test_typing_the_start_of_a_name_finds_the_account_first(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        account_id, name = connection.execute(select(schema.accounts.c.id, schema.accounts.c.name).limit(1)).one()
        for typed in (name[:3], name[:3].lower(), name.upper(), " ".join(word[:2] for word in name.split()[:2])):
            hits = search(connection, typed, 10)
            assert hits, typed
            assert (hits[0].kind, hits[0].item_id) == (HitKind.ACCOUNT, account_id), typed


def test_cases_are_found_by_id_subject_requester_and_description(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        c = schema.cases.c
        case_id, remote_id, subject, requester, description = connection.execute(
            select(c.id, c.remote_id, c.subject, c.requester, c.description).where(c.id == 42)
        ).one()
        assert _found(connection, remote_id, HitKind.CASE, case_id)
        assert search(connection, remote_id, 5)[0].title == f"#{remote_id} {subject}"
        assert _found(connection, f"{remote_id} {subject.split()[0][:3]}", HitKind.CASE, case_id)
        assert _found(connection, requester.split("@")[0], HitKind.CASE, case_id)
        hits = search(connection, f"{remote_id} {description.split()[-1]}", 5)
        assert [(hit.kind, hit.item_id) for hit in hits] == [(HitKind.CASE, case_id)]


@pytest.mark.parametrize(
    "typed", ['"', '""', "*", "-", "- *", "NEAR(a b)", "a OR", "AND", "NOT x", "title:foo", "^x", "(", "a + b", "{x}"]
)
def test_fts_syntax_in_what_is_typed_is_plain_text(demo_desk: Desk, typed: str) -> None:
    with demo_desk.engine.connect() as connection:
        search(connection, typed, 10)  # never an FTS syntax error


def test_the_match_expression_quotes_every_word_as_a_prefix() -> None:
    assert match_expression('acm "x" NEAR -y*') == '"acm"* "x"* "NEAR"* "y"*'
    assert match_expression("  ") is None
    assert match_expression("Müller") == '"Müller"*'


def test_words_are_all_required_and_accents_do_not_matter(demo_desk: Desk) -> None:
    with demo_desk.engine.begin() as connection:
        account_id = connection.execute(select(schema.accounts.c.id).limit(1)).scalar_one()
        source = DemoSource(7, SCALES["standard"], NOW)
        renamed = replace(source.accounts[account_id - 1], name="Café Zürich Quokka", updated_at=NOW + timedelta(1))
        upsert_accounts(connection, [renamed])
        assert _found(connection, "cafe zurich", HitKind.ACCOUNT, account_id)
        assert _found(connection, "quo caf", HitKind.ACCOUNT, account_id)
        assert not _found(connection, "quokka zebra", HitKind.ACCOUNT, account_id)


def test_an_upsert_that_updates_reindexes_the_case(demo_desk: Desk) -> None:
    with demo_desk.engine.begin() as connection:
        original = _stored_case(connection, 7)
        old_word = original.subject.split()[-1]
        changed = replace(original, subject="Zebracorn pipeline stalls", updated_at=original.updated_at + timedelta(1))
        upsert_cases(connection, [changed])  # ON CONFLICT DO UPDATE: the UPDATE triggers
        assert _found(connection, "zebraco", HitKind.CASE, 7)
        assert not any(
            hit.item_id == 7 and hit.kind is HitKind.CASE and old_word.lower() in hit.title.lower()
            for hit in search(connection, old_word, 200)
        )
        count = connection.execute(text("SELECT count(*) FROM search_index")).scalar_one()
        assert count == 25 + 2_000  # replaced, not added


def test_an_upsert_that_inserts_indexes_the_new_case(demo_desk: Desk) -> None:
    with demo_desk.engine.begin() as connection:
        new = replace(_stored_case(connection, 1), remote_id="99999", subject="Wombat ingestion backlog")
        upsert_cases(connection, [new])  # a new row: the INSERT trigger
        case_id = connection.execute(select(schema.cases.c.id).where(schema.cases.c.remote_id == "99999")).scalar_one()
        assert _found(connection, "wombat", HitKind.CASE, case_id)


def test_clock_recomputes_do_not_touch_the_index(demo_desk: Desk) -> None:
    with demo_desk.engine.begin() as connection:
        before = connection.execute(text("SELECT count(*) FROM search_index_data")).scalar_one()
        connection.execute(schema.cases.update().values(clock_breaches=schema.cases.c.clock_breaches + 1))
        after = connection.execute(text("SELECT count(*) FROM search_index_data")).scalar_one()
        assert after == before


def test_tombstoned_records_leave_the_index_and_return_when_restored(demo_desk: Desk) -> None:
    with demo_desk.engine.begin() as connection:
        case = _stored_case(connection, 9)
        assert _found(connection, case.remote_id, HitKind.CASE, 9)
        mark_removed(connection, schema.cases, "demo", [case.remote_id], NOW)
        assert not _found(connection, case.remote_id, HitKind.CASE, 9)

        account_id, name = connection.execute(select(schema.accounts.c.id, schema.accounts.c.name).limit(1)).one()
        remote_id = connection.execute(
            select(schema.accounts.c.remote_id).where(schema.accounts.c.id == account_id)
        ).scalar_one()
        mark_removed(connection, schema.accounts, "demo", [remote_id], NOW)
        assert not _found(connection, name, HitKind.ACCOUNT, account_id)

        upsert_cases(connection, [replace(case, updated_at=case.updated_at + timedelta(days=1))])
        assert _found(connection, case.remote_id, HitKind.CASE, 9)


def _insert_account(connection: Connection, account_id: int, name: str) -> None:
    connection.execute(
        text(
            "INSERT INTO accounts (id, source, remote_id, name, tier, region, timezone, contract_year_start,"
            " named_advisor, contract_status, updated_at) VALUES (:id, 'demo', :remote, :name, 'gold',"
            " 'us-mountain', 'America/Denver', '2026-01-15', 'Alex', 'active', 1764000000000000)"
        ),
        {"id": account_id, "remote": f"a{account_id}", "name": name},
    )


def test_the_migration_backfills_and_indexes_notes(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    engine = database.make_engine(path)
    database.upgrade(engine, "0005")  # notes exist from 0005 on
    with engine.begin() as connection:
        _insert_account(connection, 1, "Acme Widgets")
        connection.execute(
            text("INSERT INTO notes VALUES (5, 1, NULL, 'Renewal call went well, ask about SSO', 0, 1, 1)")
        )
    database.upgrade(engine, "0006")
    with engine.begin() as connection:
        assert _found(connection, "acm", HitKind.ACCOUNT, 1)
        assert _found(connection, "renew", HitKind.NOTE, 5)
        assert search(connection, "sso", 5)[0].title.startswith("Renewal call")
        connection.execute(text("UPDATE notes SET body = 'Quarterly review booked' WHERE id = 5"))
        assert _found(connection, "quarter", HitKind.NOTE, 5)
        assert not _found(connection, "renew", HitKind.NOTE, 5)
        connection.execute(text("DELETE FROM notes WHERE id = 5"))
        assert not _found(connection, "quarter", HitKind.NOTE, 5)
        _insert_account(connection, 2, "Borealis Freight")
        assert _found(connection, "borea", HitKind.ACCOUNT, 2)
        connection.execute(text("DELETE FROM accounts WHERE id = 2"))
        assert not _found(connection, "borea", HitKind.ACCOUNT, 2)
    database.upgrade(engine, "head")
    engine.dispose()


def test_downgrade_removes_the_index_and_its_triggers(tmp_path: Path) -> None:
    from alembic import command

    engine = database.make_engine(tmp_path / "a.db")
    database.upgrade(engine, "0006")
    config = database._alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with engine.begin() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'")).all()
        assert names == []
        _insert_account(connection, 1, "Still Writable")
    engine.dispose()
