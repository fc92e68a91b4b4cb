import enum

from sqlalchemy import Enum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class EventCategory(str, enum.Enum):
    MEETING = "meeting"
    DEADLINE = "deadline"


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[EventCategory] = mapped_column(
        Enum(EventCategory, name="event_category", values_callable=lambda x: [e.value for e in x])
    )
