"""documents"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.Enum("draft", "published", name="documentstatus")),
    )


def downgrade():
    op.drop_table("documents")
