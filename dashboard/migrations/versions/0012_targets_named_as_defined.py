"""targets named as defined

The target rows take the names and words of queries/definitions.py: the Two New target is 两新组织党的组织覆盖率
(not 两新组织覆盖率), and the funding target counts money spent (已支出数), not "拨付数" (财政拨付 is a source).
A row a department has already renamed is left as it is.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# metric_key, column, old default, new wording
CHANGES = [
    ("two_new_org_coverage", "label", "两新组织覆盖率", "两新组织党的组织覆盖率"),
    ("funding_execution", "note", "当年拨付数/预算数,与序时进度相比(1.00即达到序时进度)",
     "当年已支出数/预算数,与序时进度相比(1.00即达到序时进度)"),
]


def _rename(old_index: int, new_index: int) -> None:
    target = sa.table("target", sa.column("metric_key", sa.String), sa.column("label", sa.String),
                      sa.column("note", sa.Text))
    for change in CHANGES:
        key, column = change[0], change[1]
        op.execute(target.update().where(target.c.metric_key == key, target.c[column] == change[old_index])
                   .values({column: change[new_index]}))


def upgrade() -> None:
    _rename(2, 3)


def downgrade() -> None:
    _rename(3, 2)
