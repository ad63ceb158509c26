"""dated coverage: when a grid or compound was created, a Two New organization covered, a cadre appointed

Coverage and Two New were the store's current state; with these dates they are counted "as of" any day, so
the cockpit can say what changed since last month and last year. Every column is nullable: a record without a
date (rows imported before this revision, or a sheet without the column) counts as existing since ever.
(The founding date of a Party organization, `party_org.founded_on`, was there from the first schema.)

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = {
    "grid": ["created_on"],
    "compound": ["created_on"],
    "two_new_org": ["organized_on", "work_covered_on"],
    "cadre": ["appointed_on"],
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.add_column(sa.Column(column, sa.Date(), nullable=True))


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.drop_column(column)
