# The broken-auth example app: a FastAPI + SQLAlchemy 2.0 service whose enum columns disagree with the
# PostgreSQL types its Alembic migrations created (see ../EXPECTED.md for every intended finding).
