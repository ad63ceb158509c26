"""big-screen settings

How often the big screen turns to the next view, and how often it refreshes its data.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SETTINGS = [
    ("screen_rotate_seconds", "30", "大屏模式每隔多少秒切换到下一个视图(0为不轮播)"),
    ("screen_refresh_seconds", "300", "大屏模式每隔多少秒刷新一次数据"),
]


def upgrade() -> None:
    setting = sa.table("setting", sa.column("setting_key", sa.String), sa.column("value", sa.String),
                       sa.column("note", sa.Text))
    op.bulk_insert(setting, [dict(zip(("setting_key", "value", "note"), row)) for row in SETTINGS])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM setting WHERE setting_key IN ('screen_rotate_seconds', 'screen_refresh_seconds')"))
