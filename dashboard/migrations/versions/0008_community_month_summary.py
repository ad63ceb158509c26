"""community × month summary

Check-in and service figures per community at each month's end, so that views do not count raw member and
service rows on every click. Filled by dashboard.summaries.rebuild_summaries (the app rebuilds it on start
when the store has data but no summary).

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
        sa.Column("community_id", sa.Integer, nullable=False),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("members_in_service", sa.Integer, nullable=False),
        sa.Column("members_checked_in", sa.Integer, nullable=False),
        sa.Column("checkins", sa.Integer, nullable=False),
        sa.Column("members_served", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["community.id"],
                                name=op.f("fk_community_month_community_id_community")),
        sa.PrimaryKeyConstraint("community_id", "on_date", name=op.f("pk_community_month")),
    )
    op.create_index(op.f("ix_community_month_on_date"), "community_month", ["on_date"])


def downgrade() -> None:
    op.drop_index(op.f("ix_community_month_on_date"), "community_month")
    op.drop_table("community_month")
