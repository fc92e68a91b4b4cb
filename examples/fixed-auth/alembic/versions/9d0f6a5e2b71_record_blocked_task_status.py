"""record the hand-added 'blocked' label of taskstatus

Revision ID: 9d0f6a5e2b71
Revises: 4b7e2d9a1c30
Create Date: 2025-08-11 10:05:48.902114

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "9d0f6a5e2b71"
down_revision = "4b7e2d9a1c30"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Production got this label by hand (ALTER TYPE outside any migration); IF NOT EXISTS makes the
    # revision a no-op there and creates the label everywhere else.
    op.execute("ALTER TYPE taskstatus ADD VALUE IF NOT EXISTS 'blocked'")


def downgrade() -> None:
    # PostgreSQL cannot drop an enum label: recreate the type without it.
    op.execute("UPDATE tasks SET status = 'todo' WHERE status = 'blocked'")
    op.execute("ALTER TYPE taskstatus RENAME TO taskstatus_old")
    op.execute("CREATE TYPE taskstatus AS ENUM ('todo', 'in_progress', 'done')")
    op.execute("ALTER TABLE tasks ALTER COLUMN status TYPE taskstatus USING status::text::taskstatus")
    op.execute("DROP TYPE taskstatus_old")
