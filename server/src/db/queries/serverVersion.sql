-- The server's version string, e.g. "15.18 (Debian 15.18-0+deb12u1)" or "18.6" for PGlite.
SELECT pg_catalog.current_setting('server_version') AS server_version;
