# The Task model. values_callable must return a list of strings in member order: the incident's
# `lambda x: x.value` raised AttributeError at import; the list comprehension below is the fix.
from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.enums import TaskStatus


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[TaskStatus] = mapped_column(
        Enum(TaskStatus, name="taskstatus", values_callable=lambda x: [e.value for e in x]),
        default=TaskStatus.TODO,
    )
