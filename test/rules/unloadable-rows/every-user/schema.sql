CREATE TYPE userrole AS ENUM ('admin', 'user');
CREATE TABLE users (id integer PRIMARY KEY, role userrole NOT NULL);
INSERT INTO users VALUES (1, 'admin'), (2, 'user'), (3, 'user');
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('0001');
