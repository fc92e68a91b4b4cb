"""jobs"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table("jobs", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("priority", sa.Text()))


def downgrade():
    op.drop_table("jobs")
