"""archived documents"""
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.execute("ALTER TYPE documentstatus ADD VALUE 'archived'")


def downgrade():
    pass
