# Domain enums shared by the models and the API. Member VALUES are the PostgreSQL labels; every Enum
# column passes values_callable so SQLAlchemy persists these values instead of the upper-case names.
import enum


class UserRole(str, enum.Enum):
    ADMIN = "admin"
    USER = "user"


class UserStatus(str, enum.Enum):
    PENDING = "pending_approval"
    ACTIVE = "active"
    DISABLED = "disabled"


class TaskStatus(str, enum.Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class EventCategory(str, enum.Enum):
    MEETING = "meeting"
    DEADLINE = "deadline"
    PERSONAL = "personal"


class DocumentStatus(str, enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class DocumentKind(str, enum.Enum):
    REPORT = "report"
    MEMO = "memo"
    INVOICE = "invoice"
