"""importable pairing activities and cadres

Pairing activities get a record number as their natural key (existing rows are numbered HD + their id), so
importing the same register twice updates instead of copying. Cadres get an optional identity number
(unique where given) and a post (社区党组织书记, 两委成员, 专职工作人员) so the four teams can be imported.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

POSTS = "post IN ('社区党组织书记', '两委成员', '专职工作人员')"


def upgrade() -> None:
    with op.batch_alter_table("pairing_activity") as batch:
        batch.add_column(sa.Column("code", sa.String(32), nullable=True))
    activity = sa.table("pairing_activity", sa.column("id", sa.Integer), sa.column("code", sa.String))
    op.execute(activity.update().values(code=sa.literal("HD") + sa.cast(activity.c.id, sa.String(20))))
    with op.batch_alter_table("pairing_activity") as batch:
        batch.alter_column("code", existing_type=sa.String(32), nullable=False)
        batch.create_unique_constraint("uq_pairing_activity_code", ["code"])
    with op.batch_alter_table("cadre") as batch:
        batch.add_column(sa.Column("post", sa.String(8), nullable=True))
        batch.add_column(sa.Column("id_number", sa.String(18), nullable=True))
        batch.create_unique_constraint("uq_cadre_id_number", ["id_number"])
        batch.create_check_constraint("ck_cadre_post", POSTS)


def downgrade() -> None:
    with op.batch_alter_table("cadre") as batch:
        batch.drop_constraint("ck_cadre_post", type_="check")
        batch.drop_constraint("uq_cadre_id_number", type_="unique")
        batch.drop_column("id_number")
        batch.drop_column("post")
    with op.batch_alter_table("pairing_activity") as batch:
        batch.drop_constraint("uq_pairing_activity_code", type_="unique")
        batch.drop_column("code")
