-- Whether Alembic's version table exists where Alembic looks for it (the search_path), without touching it.
SELECT pg_catalog.to_regclass('alembic_version')::text AS version_table;
