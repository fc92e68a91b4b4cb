"""tasks"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("todo", "done", name="taskstatus")),
    )


def downgrade():
    op.drop_table("tasks")
