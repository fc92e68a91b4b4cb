CREATE TYPE eventcategory AS ENUM ('meeting', 'deadline');
CREATE TABLE events (id integer PRIMARY KEY, category eventcategory);
