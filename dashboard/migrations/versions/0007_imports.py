"""imports

Service records get the platform's record number as their natural key (existing rows are numbered FW +
their id), so importing the same export twice updates instead of copying; imports are logged.

Revision ID: 0007
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_activity") as batch:
        batch.add_column(sa.Column("code", sa.String(32), nullable=True))
    service = sa.table("service_activity", sa.column("id", sa.Integer), sa.column("code", sa.String))
    op.execute(service.update().values(code=sa.literal("FW") + sa.cast(service.c.id, sa.String(20))))
    with op.batch_alter_table("service_activity") as batch:
        batch.alter_column("code", existing_type=sa.String(32), nullable=False)
        batch.create_unique_constraint("uq_service_activity_code", ["code"])
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("username", sa.String(40)),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("template", sa.String(40), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("rows_read", sa.Integer, nullable=False),
        sa.Column("rows_inserted", sa.Integer, nullable=False),
        sa.Column("rows_updated", sa.Integer, nullable=False),
        sa.Column("rows_deleted", sa.Integer, nullable=False),
        sa.Column("replaced_period", sa.String(30)),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_index("ix_import_run_imported_at", "import_run", ["imported_at"])


def downgrade() -> None:
    op.drop_index("ix_import_run_imported_at", "import_run")
    op.drop_table("import_run")
    with op.batch_alter_table("service_activity") as batch:
        batch.drop_constraint("uq_service_activity_code", type_="unique")
        batch.drop_column("code")
