"""index service activities by date

The monthly service rate reads a period's service activities by date, then by member.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_service_activity_served_on_member_id", "service_activity", ["served_on", "member_id"])


def downgrade() -> None:
    op.drop_index("ix_service_activity_served_on_member_id", table_name="service_activity")
