"""the four teams and the service platforms

Grid workers name the grid they look after, so the view can list grids without one; platforms record how
many items of the report's standard they have (一所一校四中心 for a street, 一站一园一场七室 for a community) and
whether they are open to resident units (开放共享). The cockpit's 党建联络员配备率 gets its target.

Revision ID: 0013
Revises: 0012
"""

from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TARGETS = [
    ("liaison_staffing", "党建联络员配备率", 1.00, 0.95, "每个城市社区配备1名党建联络员"),
]


def upgrade() -> None:
    with op.batch_alter_table("cadre") as batch:
        batch.add_column(sa.Column("grid_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_cadre_grid_id_grid", "grid", ["grid_id"], ["id"])
        batch.create_index("ix_cadre_grid_id", ["grid_id"])
    with op.batch_alter_table("service_platform") as batch:
        batch.add_column(sa.Column("standard_items", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("is_shared", sa.Boolean(), nullable=True))
        batch.create_check_constraint("ck_service_platform_standard_items", "standard_items BETWEEN 0 AND 10")
    target = sa.table("target", sa.column("metric_key", sa.String), sa.column("label", sa.String),
                      sa.column("target_value", sa.Float), sa.column("amber_floor", sa.Float),
                      sa.column("note", sa.Text))
    op.bulk_insert(target, [dict(zip(("metric_key", "label", "target_value", "amber_floor", "note"), row))
                            for row in TARGETS])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM target WHERE metric_key = 'liaison_staffing'"))
    with op.batch_alter_table("service_platform") as batch:
        batch.drop_constraint("ck_service_platform_standard_items", type_="check")
        batch.drop_column("is_shared")
        batch.drop_column("standard_items")
    with op.batch_alter_table("cadre") as batch:
        batch.drop_index("ix_cadre_grid_id")
        batch.drop_constraint("fk_cadre_grid_id_grid", type_="foreignkey")
        batch.drop_column("grid_id")
