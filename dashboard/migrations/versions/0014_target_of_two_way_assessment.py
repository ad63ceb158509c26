"""target of two-way assessment

The cockpit's 双向考核覆盖率: every unit check-in of the year should carry the community's score of the unit.
A store migrated from before gets the target row too (targets are data, not code).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TARGETS = [
    ("assessment_coverage", "双向考核覆盖率", 1.00, 0.90, "年底前已报到的驻区单位中已由社区完成年度考核的比例"),
]


def upgrade() -> None:
    target = sa.table("target", sa.column("metric_key", sa.String), sa.column("label", sa.String),
                      sa.column("target_value", sa.Float), sa.column("amber_floor", sa.Float),
                      sa.column("note", sa.Text))
    op.bulk_insert(target, [dict(zip(("metric_key", "label", "target_value", "amber_floor", "note"), row))
                            for row in TARGETS])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM target WHERE metric_key = 'assessment_coverage'"))
