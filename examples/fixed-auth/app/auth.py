# Password login. The User row loads because the role/status columns persist member values, the same
# lower-case labels the database holds ('admin', 'pending_approval').
import hashlib
import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.enums import UserStatus
from app.models import User


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 100_000).hex()


def authenticate(session: Session, email: str, password: str) -> User | None:
    user = session.scalars(select(User).where(User.email == email)).one_or_none()
    if user is None or user.status != UserStatus.ACTIVE:
        return None
    salt, _, expected = user.hashed_password.partition("$")
    if not hmac.compare_digest(hash_password(password, salt), expected):
        return None
    return user
