# The declarative Base and the session factory. The engine is created lazily so that importing the
# models (for Alembic, tests or tools) never needs a database driver or a reachable server.
import os
from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


class Base(DeclarativeBase):
    pass


def database_url() -> str:
    return os.environ.get("DATABASE_URL", "postgresql+psycopg2://app@localhost:5432/app")


@lru_cache(maxsize=1)
def session_factory() -> sessionmaker[Session]:
    return sessionmaker(bind=create_engine(database_url(), pool_pre_ping=True), expire_on_commit=False)


def get_session():
    """FastAPI dependency: one session per request."""
    with session_factory()() as session:
        yield session
