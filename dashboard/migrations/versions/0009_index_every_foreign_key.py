"""index every foreign key; centres of streets and communities

Deleting a parent row makes the database look for children through each foreign key that points at it;
without an index that is a scan of the child table per deleted row (clearing the demo took minutes on
PostgreSQL through service_activity.post_id). Every foreign key column now leads an index.
Streets and communities get the centre (lon, lat) that the official division table gives for many of them.

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

FOREIGN_KEYS = [
    "county.located_in_id",
    "party_org.parent_id",
    "party_org.county_id",
    "party_org.street_id",
    "party_org.community_id",
    "service_activity.post_id",
    "pairing_activity.community_id",
    "committee_member.resident_unit_id",
    "meeting_item.resident_unit_id",
    "two_new_org.party_org_id",
    "funding_line.county_id",
    "funding_line.street_id",
    "cadre.member_id",
]


def upgrade() -> None:
    for table, column in (key.split(".") for key in FOREIGN_KEYS):
        op.create_index(f"ix_{table}_{column}", table, [column])
    for table in ("street", "community"):
        op.add_column(table, sa.Column("lon", sa.Double(), nullable=True))
        op.add_column(table, sa.Column("lat", sa.Double(), nullable=True))


def downgrade() -> None:
    for table in ("street", "community"):
        op.drop_column(table, "lat")
        op.drop_column(table, "lon")
    for table, column in (key.split(".") for key in reversed(FOREIGN_KEYS)):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
