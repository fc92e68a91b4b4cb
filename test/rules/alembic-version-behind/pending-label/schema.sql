CREATE TYPE documentstatus AS ENUM ('draft', 'published');
CREATE TABLE documents (id integer PRIMARY KEY, status documentstatus);
INSERT INTO documents VALUES (1, 'draft');
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('0001');
