CREATE TYPE userstatus AS ENUM ('pending_approval', 'active', 'disabled');
CREATE TABLE users (id integer PRIMARY KEY, status userstatus NOT NULL);
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('0001');
