"""initial"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("role", sa.Enum("admin", "user", name="userrole"), nullable=False),
    )


def downgrade():
    op.drop_table("users")
    sa.Enum(name="userrole").drop(op.get_bind())
