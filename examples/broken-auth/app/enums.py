# Domain enums shared by the models and the API. Member NAMES are upper case, VALUES lower case: the
# classic trap, because SQLAlchemy's Enum(PyEnum) persists names unless values_callable says otherwise.
import enum


class UserRole(str, enum.Enum):
    ADMIN = "admin"
    USER = "user"


class UserStatus(str, enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"
    DISABLED = "disabled"


class TaskStatus(str, enum.Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


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
