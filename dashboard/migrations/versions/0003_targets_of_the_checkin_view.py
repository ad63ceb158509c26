"""targets of the check-in view

Targets for the check-in, service and notification figures that the 双报到 view ranks areas against.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TARGETS = [
    ("unit_checkin_rate", "单位报到率", 0.95, 0.85, "驻区单位党组织到所在社区报到的比例"),
    ("monthly_service_rate", "月度服务率", 0.90, 0.75, "已报到在职党员每月至少服务1次的比例"),
    ("notification_completion", "双通报完成率", 0.95, 0.85, "单位与社区相互通报均已完成的比例"),
]


def upgrade() -> None:
    target = sa.table("target", sa.column("metric_key", sa.String), sa.column("label", sa.String),
                      sa.column("target_value", sa.Float), sa.column("amber_floor", sa.Float),
                      sa.column("note", sa.Text))
    op.bulk_insert(target, [dict(zip(("metric_key", "label", "target_value", "amber_floor", "note"), row))
                            for row in TARGETS])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM target WHERE metric_key IN "
                       "('unit_checkin_rate', 'monthly_service_rate', 'notification_completion')"))
