# The fixed-auth example app: broken-auth repaired. Every Enum column persists the member values, the
# values match the labels the Alembic migrations create, and the database is at the head revision.
