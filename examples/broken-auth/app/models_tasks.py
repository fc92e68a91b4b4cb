# The Task model, kept apart because its Enum column reproduces the incident's "attempt 3":
# values_callable=lambda x: x.value returns no list, so SQLAlchemy raises AttributeError at import.
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
        Enum(TaskStatus, name="taskstatus", values_callable=lambda x: x.value),
        default=TaskStatus.TODO,
    )
