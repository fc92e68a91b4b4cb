-- The revisions the database says it is at (several rows when branches are applied independently).
-- Run only after alembicVersionTable.sql found the table.
SELECT version_num::text AS version_num FROM alembic_version ORDER BY 1;
