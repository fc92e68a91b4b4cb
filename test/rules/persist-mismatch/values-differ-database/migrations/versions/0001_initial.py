"""initial"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("pending_approval", "active", "disabled", name="userstatus"), nullable=False),
    )


def downgrade():
    op.drop_table("users")
