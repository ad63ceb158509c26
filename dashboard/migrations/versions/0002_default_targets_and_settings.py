"""default targets and settings

The cockpit's targets and red/amber/green thresholds, and the settings the metrics read, as data in the
store so that an organization department can change them without a code change.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TARGETS = [
    ("grid_branch_coverage", "网格党支部覆盖率", 1.00, 0.95, "每个网格建立网格党支部"),
    ("member_checkin_rate", "在职党员报到率", 0.90, 0.80, "应报到在职党员中已到居住地社区报到的比例"),
    ("pairing_coverage", "结对社区覆盖率", 1.00, 0.90, "每个城市社区至少有1个结对共建单位"),
    ("meetings_on_schedule", "联席会议按期召开率", 1.00, 0.80, "每个街道大工委按要求每季度召开联席会议"),
    ("two_new_org_coverage", "两新组织覆盖率", 0.70, 0.55, "两新组织中单独组建或联合组建党组织的比例"),
    ("funding_execution", "经费执行率", 1.00, 0.85, "当年拨付数/预算数,与序时进度相比(1.00即达到序时进度)"),
]
SETTINGS = [
    ("meetings_required_per_quarter", "1", "每个街道大工委每季度应召开联席会议次数"),
]


def upgrade() -> None:
    target = sa.table("target", sa.column("metric_key", sa.String), sa.column("label", sa.String),
                      sa.column("target_value", sa.Float), sa.column("amber_floor", sa.Float),
                      sa.column("note", sa.Text))
    setting = sa.table("setting", sa.column("setting_key", sa.String), sa.column("value", sa.String),
                       sa.column("note", sa.Text))
    op.bulk_insert(target, [dict(zip(("metric_key", "label", "target_value", "amber_floor", "note"), row))
                            for row in TARGETS])
    op.bulk_insert(setting, [dict(zip(("setting_key", "value", "note"), row)) for row in SETTINGS])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM target"))
    op.execute(sa.text("DELETE FROM setting"))
