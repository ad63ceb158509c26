"""the first schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('county',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('adcode', sa.String(length=6), nullable=True),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('located_in_id', sa.Integer(), nullable=True),
    sa.Column('lon', sa.Double(), nullable=False),
    sa.Column('lat', sa.Double(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('市辖区', '县', '县级市', '管理区')", name=op.f('ck_county_kind')),
    sa.ForeignKeyConstraint(['located_in_id'], ['county.id'], name=op.f('fk_county_located_in_id_county')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_county')),
    sa.UniqueConstraint('adcode', name=op.f('uq_county_adcode')),
    sa.UniqueConstraint('code', name=op.f('uq_county_code')),
    sa.UniqueConstraint('name', name=op.f('uq_county_name'))
    )
    op.create_table('setting',
    sa.Column('setting_key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('setting_key', name=op.f('pk_setting'))
    )
    op.create_table('store_meta',
    sa.Column('meta_key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('meta_key', name=op.f('pk_store_meta'))
    )
    op.create_table('target',
    sa.Column('metric_key', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('target_value', sa.Double(), nullable=False),
    sa.Column('amber_floor', sa.Double(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('amber_floor <= target_value', name=op.f('ck_target_amber_below_target')),
    sa.PrimaryKeyConstraint('metric_key', name=op.f('pk_target'))
    )
    op.create_table('street',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('county_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('街道', '乡镇')", name=op.f('ck_street_kind')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_street_county_id_county')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_street')),
    sa.UniqueConstraint('code', name=op.f('uq_street_code'))
    )
    with op.batch_alter_table('street', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_street_county_id'), ['county_id'], unique=False)

    op.create_table('community',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('is_urban', sa.Boolean(), nullable=False),
    sa.Column('is_central_city', sa.Boolean(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=False),
    sa.Column('county_id', sa.Integer(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.CheckConstraint("NOT is_urban OR kind = '社区'", name=op.f('ck_community_urban_is_community')),
    sa.CheckConstraint("kind IN ('社区', '村')", name=op.f('ck_community_kind')),
    sa.CheckConstraint('NOT is_central_city OR is_urban', name=op.f('ck_community_central_is_urban')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_community_county_id_county')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_community_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community')),
    sa.UniqueConstraint('code', name=op.f('uq_community_code'))
    )
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_county_id_is_urban'), ['county_id', 'is_urban'], unique=False)
        batch_op.create_index(batch_op.f('ix_community_street_id'), ['street_id'], unique=False)

    op.create_table('working_committee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('established_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_working_committee_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_working_committee')),
    sa.UniqueConstraint('street_id', name=op.f('uq_working_committee_street_id'))
    )
    op.create_table('funding_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=4), nullable=False),
    sa.Column('purpose', sa.String(length=8), nullable=False),
    sa.Column('county_id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('budget_yuan', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.CheckConstraint("purpose IN ('阵地建设', '党组织活动经费', '书记工作津贴', '教育培训', '智慧党建平台')", name=op.f('ck_funding_line_purpose')),
    sa.CheckConstraint("source IN ('财政拨付', '党费补充', '社会筹措')", name=op.f('ck_funding_line_source')),
    sa.CheckConstraint('budget_yuan >= 0', name=op.f('ck_funding_line_budget')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_funding_line_community_id_community')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_funding_line_county_id_county')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_funding_line_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_line')),
    sa.UniqueConstraint('code', name=op.f('uq_funding_line_code'))
    )
    with op.batch_alter_table('funding_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_line_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_line_year_county_id'), ['year', 'county_id'], unique=False)

    op.create_table('grid',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=28), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('households', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_grid_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid')),
    sa.UniqueConstraint('code', name=op.f('uq_grid_code'))
    )
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_community_id'), ['community_id'], unique=False)

    op.create_table('joint_meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['working_committee.id'], name=op.f('fk_joint_meeting_committee_id_working_committee')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_joint_meeting_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_joint_meeting')),
    sa.UniqueConstraint('code', name=op.f('uq_joint_meeting_code'))
    )
    with op.batch_alter_table('joint_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_joint_meeting_committee_id_held_on'), ['committee_id', 'held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_joint_meeting_street_id'), ['street_id'], unique=False)

    op.create_table('resident_unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('is_city_county_organ', sa.Boolean(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('市直机关', '县直机关', '市直事业单位', '县直事业单位', '国有企业', '非公企业', '社会组织')", name=op.f('ck_resident_unit_kind')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_resident_unit_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident_unit')),
    sa.UniqueConstraint('code', name=op.f('uq_resident_unit_code'))
    )
    with op.batch_alter_table('resident_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_unit_community_id'), ['community_id'], unique=False)

    op.create_table('service_platform',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('county_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('completed_year', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('新建', '改扩建')", name=op.f('ck_service_platform_kind')),
    sa.CheckConstraint('(street_id IS NULL) <> (community_id IS NULL)', name=op.f('ck_service_platform_one_place')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_service_platform_community_id_community')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_service_platform_county_id_county')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_service_platform_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_platform')),
    sa.UniqueConstraint('community_id', name=op.f('uq_service_platform_community_id')),
    sa.UniqueConstraint('street_id', name=op.f('uq_service_platform_street_id'))
    )
    with op.batch_alter_table('service_platform', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_platform_county_id'), ['county_id'], unique=False)

    op.create_table('two_new_site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('商务楼宇', '园区', '商圈市场')", name=op.f('ck_two_new_site_kind')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_two_new_site_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_two_new_site')),
    sa.UniqueConstraint('code', name=op.f('uq_two_new_site_code'))
    )
    with op.batch_alter_table('two_new_site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_two_new_site_community_id'), ['community_id'], unique=False)

    op.create_table('volunteer_post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=8), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("category IN ('治安巡逻', '环境卫生', '文明劝导', '关爱帮扶', '政策宣传', '矛盾调解', '文体活动')", name=op.f('ck_volunteer_post_category')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_volunteer_post_community_id_community')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer_post')),
    sa.UniqueConstraint('code', name=op.f('uq_volunteer_post_code'))
    )
    with op.batch_alter_table('volunteer_post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_post_community_id'), ['community_id'], unique=False)

    op.create_table('committee_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=4), nullable=False),
    sa.Column('person_name', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=60), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.CheckConstraint("role IN ('书记', '副书记', '委员')", name=op.f('ck_committee_member_role')),
    sa.ForeignKeyConstraint(['committee_id'], ['working_committee.id'], name=op.f('fk_committee_member_committee_id_working_committee')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_committee_member_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_member'))
    )
    with op.batch_alter_table('committee_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_member_committee_id'), ['committee_id'], unique=False)

    op.create_table('compound',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('小区', '楼栋')", name=op.f('ck_compound_kind')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_compound_community_id_community')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_compound_grid_id_grid')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compound')),
    sa.UniqueConstraint('code', name=op.f('uq_compound_code'))
    )
    with op.batch_alter_table('compound', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compound_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_compound_grid_id'), ['grid_id'], unique=False)

    op.create_table('funding_disbursement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('funding_line_id', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount_yuan', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.CheckConstraint('amount_yuan >= 0', name=op.f('ck_funding_disbursement_amount')),
    sa.ForeignKeyConstraint(['funding_line_id'], ['funding_line.id'], name=op.f('fk_funding_disbursement_funding_line_id_funding_line')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_disbursement'))
    )
    with op.batch_alter_table('funding_disbursement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_disbursement_funding_line_id'), ['funding_line_id'], unique=False)

    op.create_table('meeting_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('list_kind', sa.String(length=4), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=True),
    sa.Column('is_matched', sa.Boolean(), nullable=False),
    sa.Column('is_resolved', sa.Boolean(), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.CheckConstraint("list_kind IN ('资源清单', '需求清单', '项目清单')", name=op.f('ck_meeting_item_list_kind')),
    sa.CheckConstraint('NOT is_resolved OR is_matched', name=op.f('ck_meeting_item_resolved_is_matched')),
    sa.ForeignKeyConstraint(['meeting_id'], ['joint_meeting.id'], name=op.f('fk_meeting_item_meeting_id_joint_meeting')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_meeting_item_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_item'))
    )
    with op.batch_alter_table('meeting_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('unit_notified_on', sa.Date(), nullable=True),
    sa.Column('community_notified_on', sa.Date(), nullable=True),
    sa.Column('members_reported', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_notification_community_id_community')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_notification_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    sa.UniqueConstraint('resident_unit_id', 'community_id', 'year', name=op.f('uq_notification_resident_unit_id_community_id_year'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_community_id'), ['community_id'], unique=False)

    op.create_table('secretary_checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=False),
    sa.Column('checked_in_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_secretary_checkin_community_id_community')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_secretary_checkin_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_secretary_checkin')),
    sa.UniqueConstraint('community_id', 'resident_unit_id', name=op.f('uq_secretary_checkin_community_id_resident_unit_id'))
    )
    with op.batch_alter_table('secretary_checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secretary_checkin_resident_unit_id'), ['resident_unit_id'], unique=False)

    op.create_table('unit_assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('score', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.CheckConstraint('score >= 0 AND score <= 100', name=op.f('ck_unit_assessment_score')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_unit_assessment_community_id_community')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_unit_assessment_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_assessment')),
    sa.UniqueConstraint('resident_unit_id', 'community_id', 'year', name=op.f('uq_unit_assessment_resident_unit_id_community_id_year'))
    )
    with op.batch_alter_table('unit_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_assessment_community_id'), ['community_id'], unique=False)

    op.create_table('unit_checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('checked_in_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_unit_checkin_community_id_community')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_unit_checkin_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_checkin')),
    sa.UniqueConstraint('resident_unit_id', 'community_id', name=op.f('uq_unit_checkin_resident_unit_id_community_id'))
    )
    with op.batch_alter_table('unit_checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_checkin_community_id'), ['community_id'], unique=False)

    op.create_table('unit_pairing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_unit_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.CheckConstraint('ended_on IS NULL OR ended_on >= started_on', name=op.f('ck_unit_pairing_dates')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_unit_pairing_community_id_community')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_unit_pairing_resident_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_pairing')),
    sa.UniqueConstraint('resident_unit_id', 'community_id', name=op.f('uq_unit_pairing_resident_unit_id_community_id'))
    )
    with op.batch_alter_table('unit_pairing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_pairing_community_id'), ['community_id'], unique=False)

    op.create_table('meeting_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('committee_member_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['committee_member_id'], ['committee_member.id'], name=op.f('fk_meeting_attendance_committee_member_id_committee_member')),
    sa.ForeignKeyConstraint(['meeting_id'], ['joint_meeting.id'], name=op.f('fk_meeting_attendance_meeting_id_joint_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_attendance')),
    sa.UniqueConstraint('meeting_id', 'committee_member_id', name=op.f('uq_meeting_attendance_meeting_id_committee_member_id'))
    )
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendance_committee_member_id'), ['committee_member_id'], unique=False)

    op.create_table('party_org',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=12), nullable=False),
    sa.Column('form', sa.String(length=4), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('county_id', sa.Integer(), nullable=True),
    sa.Column('street_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=True),
    sa.Column('compound_id', sa.Integer(), nullable=True),
    sa.Column('resident_unit_id', sa.Integer(), nullable=True),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.CheckConstraint("form IN ('党委', '党工委', '党总支', '党支部', '党小组')", name=op.f('ck_party_org_form')),
    sa.CheckConstraint("level <> '单位党组织' OR resident_unit_id IS NOT NULL", name=op.f('ck_party_org_unit_org_has_unit')),
    sa.CheckConstraint("level <> '小区(楼栋)党小组' OR compound_id IS NOT NULL", name=op.f('ck_party_org_group_has_compound')),
    sa.CheckConstraint("level <> '社区党组织' OR community_id IS NOT NULL", name=op.f('ck_party_org_community_org_has_community')),
    sa.CheckConstraint("level <> '网格党支部' OR grid_id IS NOT NULL", name=op.f('ck_party_org_grid_branch_has_grid')),
    sa.CheckConstraint("level IN ('市委', '区县(市)委', '街道党工委', '社区党组织', '网格党支部', '小区(楼栋)党小组', '其他基层党组织', '单位党组织', '两新党组织')", name=op.f('ck_party_org_level')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_party_org_community_id_community')),
    sa.ForeignKeyConstraint(['compound_id'], ['compound.id'], name=op.f('fk_party_org_compound_id_compound')),
    sa.ForeignKeyConstraint(['county_id'], ['county.id'], name=op.f('fk_party_org_county_id_county')),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], name=op.f('fk_party_org_grid_id_grid')),
    sa.ForeignKeyConstraint(['parent_id'], ['party_org.id'], name=op.f('fk_party_org_parent_id_party_org')),
    sa.ForeignKeyConstraint(['resident_unit_id'], ['resident_unit.id'], name=op.f('fk_party_org_resident_unit_id_resident_unit')),
    sa.ForeignKeyConstraint(['street_id'], ['street.id'], name=op.f('fk_party_org_street_id_street')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_org')),
    sa.UniqueConstraint('code', name=op.f('uq_party_org_code'))
    )
    with op.batch_alter_table('party_org', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_org_compound_id'), ['compound_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_org_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_org_level_community_id'), ['level', 'community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_org_resident_unit_id'), ['resident_unit_id'], unique=False)

    op.create_table('party_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('is_full_member', sa.Boolean(), nullable=False),
    sa.Column('is_in_service', sa.Boolean(), nullable=False),
    sa.Column('party_org_id', sa.Integer(), nullable=False),
    sa.Column('work_unit_id', sa.Integer(), nullable=True),
    sa.Column('residence_community_id', sa.Integer(), nullable=False),
    sa.Column('residence_grid_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("gender IN ('男', '女')", name=op.f('ck_party_member_gender')),
    sa.ForeignKeyConstraint(['party_org_id'], ['party_org.id'], name=op.f('fk_party_member_party_org_id_party_org')),
    sa.ForeignKeyConstraint(['residence_community_id'], ['community.id'], name=op.f('fk_party_member_residence_community_id_community')),
    sa.ForeignKeyConstraint(['residence_grid_id'], ['grid.id'], name=op.f('fk_party_member_residence_grid_id_grid')),
    sa.ForeignKeyConstraint(['work_unit_id'], ['resident_unit.id'], name=op.f('fk_party_member_work_unit_id_resident_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_member')),
    sa.UniqueConstraint('code', name=op.f('uq_party_member_code')),
    sa.UniqueConstraint('id_number', name=op.f('uq_party_member_id_number'))
    )
    with op.batch_alter_table('party_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_member_party_org_id'), ['party_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_member_residence_community_id_is_in_service_joined_on'), ['residence_community_id', 'is_in_service', 'joined_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_member_residence_grid_id'), ['residence_grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_member_work_unit_id'), ['work_unit_id'], unique=False)

    op.create_table('two_new_org',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('location_type', sa.String(length=4), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('employees', sa.Integer(), nullable=False),
    sa.Column('size_class', sa.String(length=2), nullable=False),
    sa.Column('is_large_stable', sa.Boolean(), nullable=False),
    sa.Column('party_members', sa.Integer(), nullable=False),
    sa.Column('coverage_kind', sa.String(length=8), nullable=False),
    sa.Column('party_org_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("(location_type = '其他') = (site_id IS NULL)", name=op.f('ck_two_new_org_site_matches_location')),
    sa.CheckConstraint("coverage_kind IN ('单独组建', '联合组建', '选派党建指导员', '未覆盖')", name=op.f('ck_two_new_org_coverage_kind')),
    sa.CheckConstraint("kind IN ('非公企业', '社会组织')", name=op.f('ck_two_new_org_kind')),
    sa.CheckConstraint("location_type IN ('商务楼宇', '园区', '商圈市场', '其他')", name=op.f('ck_two_new_org_location_type')),
    sa.CheckConstraint("size_class IN ('大型', '中型', '小型', '微型')", name=op.f('ck_two_new_org_size_class')),
    sa.CheckConstraint('employees >= 0', name=op.f('ck_two_new_org_employees')),
    sa.CheckConstraint('party_members >= 0', name=op.f('ck_two_new_org_party_members')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_two_new_org_community_id_community')),
    sa.ForeignKeyConstraint(['party_org_id'], ['party_org.id'], name=op.f('fk_two_new_org_party_org_id_party_org')),
    sa.ForeignKeyConstraint(['site_id'], ['two_new_site.id'], name=op.f('fk_two_new_org_site_id_two_new_site')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_two_new_org')),
    sa.UniqueConstraint('code', name=op.f('uq_two_new_org_code'))
    )
    with op.batch_alter_table('two_new_org', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_two_new_org_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_two_new_org_site_id'), ['site_id'], unique=False)

    op.create_table('cadre',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('team', sa.String(length=8), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('education', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('entry_route', sa.String(length=8), nullable=False),
    sa.Column('entry_year', sa.Integer(), nullable=False),
    sa.Column('background', sa.String(length=8), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("background IN ('致富带头人', '返乡人员', '大中专毕业生', '退伍军人')", name=op.f('ck_cadre_background')),
    sa.CheckConstraint("entry_route IN ('两委换届', '公开选聘', '原有')", name=op.f('ck_cadre_entry_route')),
    sa.CheckConstraint("team IN ('社区干部', '网格员', '党建联络员', '党员志愿者')", name=op.f('ck_cadre_team')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_cadre_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_cadre_member_id_party_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadre')),
    sa.UniqueConstraint('code', name=op.f('uq_cadre_code'))
    )
    with op.batch_alter_table('cadre', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cadre_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cadre_team_entry_year'), ['team', 'entry_year'], unique=False)

    op.create_table('member_checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('checked_in_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_member_checkin_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_member_checkin_member_id_party_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_checkin')),
    sa.UniqueConstraint('member_id', name=op.f('uq_member_checkin_member_id'))
    )
    with op.batch_alter_table('member_checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_checkin_community_id'), ['community_id'], unique=False)

    op.create_table('member_pairing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_member_id', sa.Integer(), nullable=False),
    sa.Column('resident_member_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.CheckConstraint('agency_member_id <> resident_member_id', name=op.f('ck_member_pairing_two_people')),
    sa.ForeignKeyConstraint(['agency_member_id'], ['party_member.id'], name=op.f('fk_member_pairing_agency_member_id_party_member')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_member_pairing_community_id_community')),
    sa.ForeignKeyConstraint(['resident_member_id'], ['party_member.id'], name=op.f('fk_member_pairing_resident_member_id_party_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_pairing')),
    sa.UniqueConstraint('agency_member_id', 'resident_member_id', name=op.f('uq_member_pairing_agency_member_id_resident_member_id'))
    )
    with op.batch_alter_table('member_pairing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_pairing_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_pairing_resident_member_id'), ['resident_member_id'], unique=False)

    op.create_table('post_claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('claimed_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_post_claim_member_id_party_member')),
    sa.ForeignKeyConstraint(['post_id'], ['volunteer_post.id'], name=op.f('fk_post_claim_post_id_volunteer_post')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_claim')),
    sa.UniqueConstraint('member_id', 'post_id', name=op.f('uq_post_claim_member_id_post_id'))
    )
    with op.batch_alter_table('post_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_claim_post_id'), ['post_id'], unique=False)

    op.create_table('service_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('served_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('hours', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.CheckConstraint("kind IN ('治安巡逻', '环境卫生', '文明劝导', '关爱帮扶', '政策宣传', '矛盾调解', '文体活动')", name=op.f('ck_service_activity_kind')),
    sa.CheckConstraint('hours > 0', name=op.f('ck_service_activity_hours_positive')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_service_activity_community_id_community')),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_service_activity_member_id_party_member')),
    sa.ForeignKeyConstraint(['post_id'], ['volunteer_post.id'], name=op.f('fk_service_activity_post_id_volunteer_post')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_activity'))
    )
    with op.batch_alter_table('service_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_activity_community_id_served_on'), ['community_id', 'served_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_activity_member_id_served_on'), ['member_id', 'served_on'], unique=False)

    op.create_table('pairing_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_pairing_id', sa.Integer(), nullable=True),
    sa.Column('member_pairing_id', sa.Integer(), nullable=True),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.CheckConstraint("kind IN ('联户帮带', '卫生保洁', '捐资助学', '医疗义诊', '走访慰问')", name=op.f('ck_pairing_activity_kind')),
    sa.CheckConstraint('(unit_pairing_id IS NULL) <> (member_pairing_id IS NULL)', name=op.f('ck_pairing_activity_one_pairing')),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_pairing_activity_community_id_community')),
    sa.ForeignKeyConstraint(['member_pairing_id'], ['member_pairing.id'], name=op.f('fk_pairing_activity_member_pairing_id_member_pairing')),
    sa.ForeignKeyConstraint(['unit_pairing_id'], ['unit_pairing.id'], name=op.f('fk_pairing_activity_unit_pairing_id_unit_pairing')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairing_activity'))
    )
    with op.batch_alter_table('pairing_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairing_activity_member_pairing_id'), ['member_pairing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairing_activity_unit_pairing_id'), ['unit_pairing_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('pairing_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairing_activity_unit_pairing_id'))
        batch_op.drop_index(batch_op.f('ix_pairing_activity_member_pairing_id'))

    op.drop_table('pairing_activity')
    with op.batch_alter_table('service_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_activity_member_id_served_on'))
        batch_op.drop_index(batch_op.f('ix_service_activity_community_id_served_on'))

    op.drop_table('service_activity')
    with op.batch_alter_table('post_claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_claim_post_id'))

    op.drop_table('post_claim')
    with op.batch_alter_table('member_pairing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_pairing_resident_member_id'))
        batch_op.drop_index(batch_op.f('ix_member_pairing_community_id'))

    op.drop_table('member_pairing')
    with op.batch_alter_table('member_checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_checkin_community_id'))

    op.drop_table('member_checkin')
    with op.batch_alter_table('cadre', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cadre_team_entry_year'))
        batch_op.drop_index(batch_op.f('ix_cadre_community_id'))

    op.drop_table('cadre')
    with op.batch_alter_table('two_new_org', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_two_new_org_site_id'))
        batch_op.drop_index(batch_op.f('ix_two_new_org_community_id'))

    op.drop_table('two_new_org')
    with op.batch_alter_table('party_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_member_work_unit_id'))
        batch_op.drop_index(batch_op.f('ix_party_member_residence_grid_id'))
        batch_op.drop_index(batch_op.f('ix_party_member_residence_community_id_is_in_service_joined_on'))
        batch_op.drop_index(batch_op.f('ix_party_member_party_org_id'))

    op.drop_table('party_member')
    with op.batch_alter_table('party_org', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_org_resident_unit_id'))
        batch_op.drop_index(batch_op.f('ix_party_org_level_community_id'))
        batch_op.drop_index(batch_op.f('ix_party_org_grid_id'))
        batch_op.drop_index(batch_op.f('ix_party_org_compound_id'))

    op.drop_table('party_org')
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendance_committee_member_id'))

    op.drop_table('meeting_attendance')
    with op.batch_alter_table('unit_pairing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_pairing_community_id'))

    op.drop_table('unit_pairing')
    with op.batch_alter_table('unit_checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_checkin_community_id'))

    op.drop_table('unit_checkin')
    with op.batch_alter_table('unit_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_assessment_community_id'))

    op.drop_table('unit_assessment')
    with op.batch_alter_table('secretary_checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secretary_checkin_resident_unit_id'))

    op.drop_table('secretary_checkin')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_community_id'))

    op.drop_table('notification')
    with op.batch_alter_table('meeting_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_item_meeting_id'))

    op.drop_table('meeting_item')
    with op.batch_alter_table('funding_disbursement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_disbursement_funding_line_id'))

    op.drop_table('funding_disbursement')
    with op.batch_alter_table('compound', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compound_grid_id'))
        batch_op.drop_index(batch_op.f('ix_compound_community_id'))

    op.drop_table('compound')
    with op.batch_alter_table('committee_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_member_committee_id'))

    op.drop_table('committee_member')
    with op.batch_alter_table('volunteer_post', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_post_community_id'))

    op.drop_table('volunteer_post')
    with op.batch_alter_table('two_new_site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_two_new_site_community_id'))

    op.drop_table('two_new_site')
    with op.batch_alter_table('service_platform', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_platform_county_id'))

    op.drop_table('service_platform')
    with op.batch_alter_table('resident_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_unit_community_id'))

    op.drop_table('resident_unit')
    with op.batch_alter_table('joint_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_joint_meeting_street_id'))
        batch_op.drop_index(batch_op.f('ix_joint_meeting_committee_id_held_on'))

    op.drop_table('joint_meeting')
    with op.batch_alter_table('grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grid_community_id'))

    op.drop_table('grid')
    with op.batch_alter_table('funding_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_line_year_county_id'))
        batch_op.drop_index(batch_op.f('ix_funding_line_community_id'))

    op.drop_table('funding_line')
    op.drop_table('working_committee')
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_street_id'))
        batch_op.drop_index(batch_op.f('ix_community_county_id_is_urban'))

    op.drop_table('community')
    with op.batch_alter_table('street', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_street_county_id'))

    op.drop_table('street')
    op.drop_table('target')
    op.drop_table('store_meta')
    op.drop_table('setting')
    op.drop_table('county')

