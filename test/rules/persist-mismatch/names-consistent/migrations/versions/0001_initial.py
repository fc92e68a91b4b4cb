"""initial: the type is created from the model's own enum class, so it holds the member names, as the ORM does"""
import sqlalchemy as sa
from alembic import op

from models import UserRole

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("role", sa.Enum(UserRole, name="userrole"), nullable=False),
    )


def downgrade():
    op.drop_table("users")
