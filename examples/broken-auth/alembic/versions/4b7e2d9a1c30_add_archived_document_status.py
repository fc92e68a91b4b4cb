"""add 'archived' to documentstatus

Revision ID: 4b7e2d9a1c30
Revises: c1f348491f8
Create Date: 2025-07-21 16:40:03.552170

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "4b7e2d9a1c30"
down_revision = "c1f348491f8"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TYPE documentstatus ADD VALUE 'archived'")


def downgrade() -> None:
    # PostgreSQL cannot drop an enum label: recreate the type without it.
    op.execute("UPDATE documents SET status = 'draft' WHERE status = 'archived'")
    op.execute("ALTER TYPE documentstatus RENAME TO documentstatus_old")
    op.execute("CREATE TYPE documentstatus AS ENUM ('draft', 'published')")
    op.execute(
        "ALTER TABLE documents ALTER COLUMN status TYPE documentstatus "
        "USING status::text::documentstatus"
    )
    op.execute("DROP TYPE documentstatus_old")
