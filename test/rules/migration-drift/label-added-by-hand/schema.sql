CREATE TYPE taskstatus AS ENUM ('todo', 'done');
ALTER TYPE taskstatus ADD VALUE 'blocked' AFTER 'todo';
CREATE TABLE tasks (id integer PRIMARY KEY, status taskstatus);
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('0001');
