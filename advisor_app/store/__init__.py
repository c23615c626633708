"""The local SQLite store: schema, migrations, upserts and queries."""
