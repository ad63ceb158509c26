"""audit address and display-token use

The audit log records the address a request came from (sign-ins, refusals, downloads, token use), and each
display token when it was last used, so that administrators can find and revoke tokens nobody uses.

Revision ID: 0010
Revises: 0009
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as table:
        table.add_column(sa.Column("address", sa.String(64)))
    with op.batch_alter_table("display_token") as table:
        table.add_column(sa.Column("last_used_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("display_token") as table:
        table.drop_column("last_used_at")
    with op.batch_alter_table("audit_log") as table:
        table.drop_column("address")
