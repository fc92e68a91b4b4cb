CREATE TYPE userrole AS ENUM ('ADMIN', 'USER');
CREATE TABLE users (id integer PRIMARY KEY, role userrole NOT NULL);
INSERT INTO users VALUES (1, 'ADMIN'), (2, 'USER');
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('0001');
