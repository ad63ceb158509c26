"""whether a big working committee's member is a county-level leader

Every street's 大工委 should have a county-level leader (县级领导干部) as its secretary. A seat's title is free
text and cannot say that reliably, so the seat says it: `is_county_leader`, empty where not stated (rows
imported before this column existed), which the compliance check reports as 未注明.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("committee_member") as batch:
        batch.add_column(sa.Column("is_county_leader", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("committee_member") as batch:
        batch.drop_column("is_county_leader")
