"""summary tables

Check-in, service and pairing figures per community at each month's end, notifications per community and
year, and each checked-in member's months of service, so that views do not count raw member and service
rows on every click. Filled by dashboard.summaries.rebuild_summaries (the app rebuilds them on start when
the store has data but no summary).

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "community_month",
        sa.Column("community_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("members_in_service", sa.Integer, nullable=False),
        sa.Column("members_checked_in", sa.Integer, nullable=False),
        sa.Column("checkins", sa.Integer, nullable=False),
        sa.Column("members_served", sa.Integer, nullable=False),
        sa.Column("posts_claimed", sa.Integer, nullable=False),
        sa.Column("member_pairings", sa.Integer, nullable=False),
        sa.Column("pairing_activities", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("community_id", "on_date", name=op.f("pk_community_month")),
    )
    op.create_index(op.f("ix_community_month_on_date"), "community_month", ["on_date"])
    op.create_table(
        "community_year",
        sa.Column("community_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("year", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("notifications", sa.Integer, nullable=False),
        sa.Column("notifications_completed", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("community_id", "year", name=op.f("pk_community_year")),
    )
    op.create_table(
        "checked_in_member",
        sa.Column("member_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("community_id", sa.Integer, nullable=False),
        sa.Column("work_unit_id", sa.Integer),
        sa.Column("checked_in_on", sa.Date, nullable=False),
        sa.Column("served_months", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_checked_in_member")),
    )
    op.create_index(op.f("ix_checked_in_member_community_id"), "checked_in_member", ["community_id"])


def downgrade() -> None:
    op.drop_table("checked_in_member")
    op.drop_table("community_year")
    op.drop_index(op.f("ix_community_month_on_date"), "community_month")
    op.drop_table("community_month")
