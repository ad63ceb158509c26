"""The one schema of the store: SQLAlchemy 2.0 typed models for everything in DOMAIN.md.

Conventions:
- Every table has an integer surrogate key `id`; things that an Excel sheet or a platform export names
  carry a unique natural key `code`, so imports can update-or-insert.
- Enumerations are short Chinese strings guarded by CHECK constraints (portable to SQLite, PostgreSQL and
  MariaDB, readable in an exported sheet), listed once below.
- Area columns (county_id, street_id, community_id) are repeated down the hierarchy where a view filters
  on them, so every query can be scoped to an area with one indexed comparison.
Migrations live beside this file in `migrations/`; change both together.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

COUNTY_KINDS = ("市辖区", "县", "县级市", "管理区")
STREET_KINDS = ("街道", "乡镇")
COMMUNITY_KINDS = ("社区", "村")
COMPOUND_KINDS = ("小区", "楼栋")
SIX_LEVELS = ("市委", "区县(市)委", "街道党工委", "社区党组织", "网格党支部", "小区(楼栋)党小组")
ORG_LEVELS = SIX_LEVELS + ("其他基层党组织", "单位党组织", "两新党组织")
ORG_FORMS = ("党委", "党工委", "党总支", "党支部", "党小组")
UNIT_KINDS = ("市直机关", "县直机关", "市直事业单位", "县直事业单位", "国有企业", "非公企业", "社会组织")
POST_CATEGORIES = ("治安巡逻", "环境卫生", "文明劝导", "关爱帮扶", "政策宣传", "矛盾调解", "文体活动")
SERVICE_KINDS = POST_CATEGORIES
PAIRING_ACTIVITY_KINDS = ("联户帮带", "卫生保洁", "捐资助学", "医疗义诊", "走访慰问")
COMMITTEE_ROLES = ("书记", "副书记", "委员")
LIST_KINDS = ("资源清单", "需求清单", "项目清单")
TWO_NEW_KINDS = ("非公企业", "社会组织")
LOCATION_TYPES = ("商务楼宇", "园区", "商圈市场", "其他")
SITE_TYPES = ("商务楼宇", "园区", "商圈市场")
COVERAGE_KINDS = ("单独组建", "联合组建", "选派党建指导员", "未覆盖")
SIZE_CLASSES = ("大型", "中型", "小型", "微型")
FUNDING_SOURCES = ("财政拨付", "党费补充", "社会筹措")
FUNDING_USES = ("阵地建设", "党组织活动经费", "书记工作津贴", "教育培训", "智慧党建平台")
PLATFORM_KINDS = ("新建", "改扩建")
STREET_STANDARD_ITEMS, COMMUNITY_STANDARD_ITEMS = 6, 10  # 一所一校四中心; 一站一园一场七室
CADRE_TEAMS = ("社区干部", "网格员", "党建联络员", "党员志愿者")
CADRE_BACKGROUNDS = ("致富带头人", "返乡人员", "大中专毕业生", "退伍军人")
ENTRY_ROUTES = ("两委换届", "公开选聘", "原有")
CADRE_POSTS = ("社区党组织书记", "两委成员", "专职工作人员")
EDUCATION_LEVELS = ("初中及以下", "高中", "中专", "大专", "本科", "研究生")


def one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    """A CHECK constraint that keeps `column` inside a fixed list of Chinese terms."""
    quoted = ", ".join("'" + v + "'" for v in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


Money = Numeric(14, 2)


# --- Administrative geography ------------------------------------------------------------------------


class County(Base):
    """A county-level unit (区县市 or 管理区); management areas point at the county they lie in."""

    __tablename__ = "county"
    __table_args__ = (one_of("kind", COUNTY_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    adcode: Mapped[str | None] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    located_in_id: Mapped[int | None] = mapped_column(ForeignKey("county.id"), index=True)
    lon: Mapped[float]
    lat: Mapped[float]
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Street(Base):
    """A street (街道) or town (乡镇)."""

    __tablename__ = "street"
    __table_args__ = (one_of("kind", STREET_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(4))
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"), index=True)
    lon: Mapped[float | None]  # centre, where the division table gives one
    lat: Mapped[float | None]


class Community(Base):
    """A community (社区) or village (村); `is_urban` marks the 城市社区 the dashboard is about."""

    __tablename__ = "community"
    __table_args__ = (
        one_of("kind", COMMUNITY_KINDS, "kind"),
        CheckConstraint("NOT is_urban OR kind = '社区'", name="urban_is_community"),
        CheckConstraint("NOT is_central_city OR is_urban", name="central_is_urban"),
        Index(None, "county_id", "is_urban"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(4))
    is_urban: Mapped[bool] = mapped_column(Boolean, default=False)
    is_central_city: Mapped[bool] = mapped_column(Boolean, default=False)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    population: Mapped[int | None] = mapped_column(CheckConstraint("population >= 0", name="population"))
    lon: Mapped[float | None]  # centre, where the division table gives one
    lat: Mapped[float | None]


class Grid(Base):
    """A grid (网格) a community is divided into by population."""

    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(28), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    households: Mapped[int | None] = mapped_column(CheckConstraint("households >= 0", name="households"))
    created_on: Mapped[dt.date | None] = mapped_column(Date)  # 网格划定日期; empty: there since ever


class Compound(Base):
    """A residential compound (小区) or building (楼栋) inside a grid."""

    __tablename__ = "compound"
    __table_args__ = (one_of("kind", COMPOUND_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(4))
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    created_on: Mapped[dt.date | None] = mapped_column(Date)  # empty: there since ever


# --- Party organizations and members ------------------------------------------------------------------


class ResidentUnit(Base):
    """A resident unit (驻区单位): an organ, institution or enterprise sitting in a community."""

    __tablename__ = "resident_unit"
    __table_args__ = (one_of("kind", UNIT_KINDS, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(8))
    is_city_county_organ: Mapped[bool] = mapped_column(Boolean, default=False)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)


class PartyOrg(Base):
    """A Party organization at one of the six levels, or outside them (towns' communities and villages,
    resident units, Two New organizations).

    The area columns are filled down to the organization's own level (a grid branch has its county,
    street, community and grid), so coverage is a join on one column per level.
    """

    __tablename__ = "party_org"
    __table_args__ = (
        one_of("level", ORG_LEVELS, "level"),
        one_of("form", ORG_FORMS, "form"),
        CheckConstraint("level <> '网格党支部' OR grid_id IS NOT NULL", name="grid_branch_has_grid"),
        CheckConstraint("level <> '小区(楼栋)党小组' OR compound_id IS NOT NULL", name="group_has_compound"),
        CheckConstraint("level <> '社区党组织' OR community_id IS NOT NULL", name="community_org_has_community"),
        CheckConstraint("level <> '单位党组织' OR resident_unit_id IS NOT NULL", name="unit_org_has_unit"),
        Index(None, "level", "community_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(12))
    form: Mapped[str] = mapped_column(String(4))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("party_org.id"), index=True)
    county_id: Mapped[int | None] = mapped_column(ForeignKey("county.id"), index=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)
    compound_id: Mapped[int | None] = mapped_column(ForeignKey("compound.id"), index=True)
    resident_unit_id: Mapped[int | None] = mapped_column(ForeignKey("resident_unit.id"), index=True)
    founded_on: Mapped[dt.date | None] = mapped_column(Date)


class PartyMember(Base):
    """A Party member: where their organization is, where they work and where they live."""

    __tablename__ = "party_member"
    __table_args__ = (
        CheckConstraint("gender IN ('男', '女')", name="gender"),
        Index(None, "residence_community_id", "is_in_service", "joined_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(20))
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    joined_on: Mapped[dt.date] = mapped_column(Date)
    is_full_member: Mapped[bool] = mapped_column(Boolean, default=True)
    is_in_service: Mapped[bool] = mapped_column(Boolean, default=False)
    party_org_id: Mapped[int] = mapped_column(ForeignKey("party_org.id"), index=True)
    work_unit_id: Mapped[int | None] = mapped_column(ForeignKey("resident_unit.id"), index=True)
    residence_community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    residence_grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)


# --- 双报到: check-ins, posts, monthly service ---------------------------------------------------------


class UnitCheckin(Base):
    """A resident unit's Party organization reporting to the community where it sits."""

    __tablename__ = "unit_checkin"
    __table_args__ = (UniqueConstraint("resident_unit_id", "community_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_unit_id: Mapped[int] = mapped_column(ForeignKey("resident_unit.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    checked_in_on: Mapped[dt.date] = mapped_column(Date)


class MemberCheckin(Base):
    """An in-service member reporting to the community where they live (one per member)."""

    __tablename__ = "member_checkin"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id"), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    checked_in_on: Mapped[dt.date] = mapped_column(Date)


class SecretaryCheckin(Base):
    """社区书记反向报到: a community secretary reporting to a resident unit."""

    __tablename__ = "secretary_checkin"
    __table_args__ = (UniqueConstraint("community_id", "resident_unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    resident_unit_id: Mapped[int] = mapped_column(ForeignKey("resident_unit.id"), index=True)
    checked_in_on: Mapped[dt.date] = mapped_column(Date)


class VolunteerPost(Base):
    """A volunteer post (岗位) a community offers to checked-in members."""

    __tablename__ = "volunteer_post"
    __table_args__ = (one_of("category", POST_CATEGORIES, "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(8))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)


class PostClaim(Base):
    """A member claiming (认领) a post."""

    __tablename__ = "post_claim"
    __table_args__ = (UniqueConstraint("member_id", "post_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id"))
    post_id: Mapped[int] = mapped_column(ForeignKey("volunteer_post.id"), index=True)
    claimed_on: Mapped[dt.date] = mapped_column(Date)


class ServiceActivity(Base):
    """One volunteer service a checked-in member gave in a community; `code` is the platform's record number."""

    __tablename__ = "service_activity"
    __table_args__ = (
        one_of("kind", SERVICE_KINDS, "kind"),
        CheckConstraint("hours > 0", name="hours_positive"),
        Index(None, "community_id", "served_on"),
        Index(None, "member_id", "served_on"),
        Index(None, "served_on", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("volunteer_post.id"), index=True)
    served_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1))


# --- 双结对 and 双通报 -----------------------------------------------------------------------------------


class UnitPairing(Base):
    """A resident unit's Party organization paired with a community Party organization (结对共建)."""

    __tablename__ = "unit_pairing"
    __table_args__ = (
        UniqueConstraint("resident_unit_id", "community_id"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_unit_id: Mapped[int] = mapped_column(ForeignKey("resident_unit.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)


class MemberPairing(Base):
    """An agency member paired with a resident member of a community (党员结对帮扶)."""

    __tablename__ = "member_pairing"
    __table_args__ = (
        UniqueConstraint("agency_member_id", "resident_member_id"),
        CheckConstraint("agency_member_id <> resident_member_id", name="two_people"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id"))
    resident_member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    started_on: Mapped[dt.date] = mapped_column(Date)


class PairingActivity(Base):
    """An activity of a unit pairing or of a member pairing (exactly one of the two); `code` is the record
    number a platform or a department's register gives it (the demo's rows are numbered HD + id)."""

    __tablename__ = "pairing_activity"
    __table_args__ = (
        one_of("kind", PAIRING_ACTIVITY_KINDS, "kind"),
        CheckConstraint("(unit_pairing_id IS NULL) <> (member_pairing_id IS NULL)", name="one_pairing"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    unit_pairing_id: Mapped[int | None] = mapped_column(ForeignKey("unit_pairing.id"), index=True)
    member_pairing_id: Mapped[int | None] = mapped_column(ForeignKey("member_pairing.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))


class Notification(Base):
    """双通报 for one year between a resident unit and a community: each side notifies the other."""

    __tablename__ = "notification"
    __table_args__ = (UniqueConstraint("resident_unit_id", "community_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_unit_id: Mapped[int] = mapped_column(ForeignKey("resident_unit.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    year: Mapped[int]
    unit_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    community_notified_on: Mapped[dt.date | None] = mapped_column(Date)
    members_reported: Mapped[int] = mapped_column(CheckConstraint("members_reported >= 0", name="members"))


class UnitAssessment(Base):
    """双向考核: a community's yearly score of a resident unit's part in joint building."""

    __tablename__ = "unit_assessment"
    __table_args__ = (
        UniqueConstraint("resident_unit_id", "community_id", "year"),
        CheckConstraint("score >= 0 AND score <= 100", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_unit_id: Mapped[int] = mapped_column(ForeignKey("resident_unit.id"))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    year: Mapped[int]
    score: Mapped[Decimal] = mapped_column(Numeric(5, 1))


# --- 大工委 and 联席会议 ---------------------------------------------------------------------------------


class WorkingCommittee(Base):
    """A street's big working committee (大工委); one per street."""

    __tablename__ = "working_committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    established_on: Mapped[dt.date] = mapped_column(Date)


class CommitteeMember(Base):
    """A seat on a big working committee: secretary, deputy or member, often for a resident unit.
    `is_county_leader` says whether the person is a county-level leader (县级领导干部), as the secretary should
    be; empty where the register does not say."""

    __tablename__ = "committee_member"
    __table_args__ = (one_of("role", COMMITTEE_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("working_committee.id"), index=True)
    role: Mapped[str] = mapped_column(String(4))
    person_name: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(60))
    resident_unit_id: Mapped[int | None] = mapped_column(ForeignKey("resident_unit.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    is_county_leader: Mapped[bool | None] = mapped_column(Boolean)


class JointMeeting(Base):
    """A joint meeting (联席会议) of a street's big working committee."""

    __tablename__ = "joint_meeting"
    __table_args__ = (Index(None, "committee_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("working_committee.id"))
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(100))


class MeetingAttendance(Base):
    """Whether a committee member attended a meeting."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "committee_member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("joint_meeting.id"))
    committee_member_id: Mapped[int] = mapped_column(ForeignKey("committee_member.id"), index=True)
    attended: Mapped[bool] = mapped_column(Boolean)


class MeetingItem(Base):
    """An item tabled at a joint meeting, from one of the three lists, and what became of it."""

    __tablename__ = "meeting_item"
    __table_args__ = (
        one_of("list_kind", LIST_KINDS, "list_kind"),
        CheckConstraint("NOT is_resolved OR is_matched", name="resolved_is_matched"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("joint_meeting.id"), index=True)
    list_kind: Mapped[str] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(String(120))
    resident_unit_id: Mapped[int | None] = mapped_column(ForeignKey("resident_unit.id"), index=True)
    is_matched: Mapped[bool] = mapped_column(Boolean, default=False)
    is_resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_on: Mapped[dt.date | None] = mapped_column(Date)


# --- 两新组织 --------------------------------------------------------------------------------------------


class TwoNewSite(Base):
    """A business building, park or market district where Two New organizations cluster."""

    __tablename__ = "two_new_site"
    __table_args__ = (one_of("kind", SITE_TYPES, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(4))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)


class TwoNewOrg(Base):
    """A new economic or social organization and how the Party covers it."""

    __tablename__ = "two_new_org"
    __table_args__ = (
        one_of("kind", TWO_NEW_KINDS, "kind"),
        one_of("location_type", LOCATION_TYPES, "location_type"),
        one_of("size_class", SIZE_CLASSES, "size_class"),
        one_of("coverage_kind", COVERAGE_KINDS, "coverage_kind"),
        CheckConstraint("employees >= 0", name="employees"),
        CheckConstraint("party_members >= 0", name="party_members"),
        CheckConstraint("(location_type = '其他') = (site_id IS NULL)", name="site_matches_location"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(4))
    location_type: Mapped[str] = mapped_column(String(4))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("two_new_site.id"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    employees: Mapped[int]
    size_class: Mapped[str] = mapped_column(String(2))
    is_large_stable: Mapped[bool] = mapped_column(Boolean, default=False)
    party_members: Mapped[int]
    coverage_kind: Mapped[str] = mapped_column(String(8))
    party_org_id: Mapped[int | None] = mapped_column(ForeignKey("party_org.id"), index=True)
    # The dates coverage began (empty: covered since ever): its own or joint Party organization set up
    # (单独组建/联合组建), and Party work (an instructor sent in, or the organization, whichever came first).
    organized_on: Mapped[dt.date | None] = mapped_column(Date)
    work_covered_on: Mapped[dt.date | None] = mapped_column(Date)


# --- 经费保障 and 阵地 -----------------------------------------------------------------------------------


class FundingLine(Base):
    """A budget line: money from one source for one use in one area and year."""

    __tablename__ = "funding_line"
    __table_args__ = (
        one_of("source", FUNDING_SOURCES, "source"),
        one_of("purpose", FUNDING_USES, "purpose"),
        CheckConstraint("budget_yuan >= 0", name="budget"),
        Index(None, "year", "county_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int]
    source: Mapped[str] = mapped_column(String(4))
    purpose: Mapped[str] = mapped_column(String(8))
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"), index=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"), index=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), index=True)
    budget_yuan: Mapped[Decimal] = mapped_column(Money)


class FundingDisbursement(Base):
    """Money actually spent (已支出) against a budget line."""

    __tablename__ = "funding_disbursement"
    __table_args__ = (CheckConstraint("amount_yuan >= 0", name="amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id"), index=True)
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amount_yuan: Mapped[Decimal] = mapped_column(Money)


class ServicePlatform(Base):
    """A village-level comprehensive service platform built or extended, at a street or a community.

    `standard_items` counts the items of the report's standard that it has (a street's 一所一校四中心: 6; a
    community's 一站一园一场七室: 10; a village's platform is not judged on either); `is_shared` says whether it
    is open to resident units, enterprises and social organizations. Both are None where not reported."""

    __tablename__ = "service_platform"
    __table_args__ = (
        one_of("kind", PLATFORM_KINDS, "kind"),
        CheckConstraint("(street_id IS NULL) <> (community_id IS NULL)", name="one_place"),
        CheckConstraint(f"standard_items BETWEEN 0 AND {COMMUNITY_STANDARD_ITEMS}", name="standard_items"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"), unique=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id"), unique=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"), index=True)
    kind: Mapped[str] = mapped_column(String(4))
    completed_year: Mapped[int]
    standard_items: Mapped[int | None]
    is_shared: Mapped[bool | None] = mapped_column(Boolean)


# --- 四支队伍 --------------------------------------------------------------------------------------------


class Cadre(Base):
    """A person in one of the four teams: community cadre, grid worker, liaison officer, volunteer.

    `post` says which community cadre (the secretary, another member of the two committees, or full-time
    staff); `grid_id` the grid a grid worker looks after; `id_number` is optional (a register may not hold it)
    and unique where given."""

    __tablename__ = "cadre"
    __table_args__ = (
        one_of("team", CADRE_TEAMS, "team"),
        one_of("entry_route", ENTRY_ROUTES, "entry_route"),
        one_of("background", CADRE_BACKGROUNDS, "background"),
        one_of("post", CADRE_POSTS, "post"),
        Index(None, "team", "entry_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name: Mapped[str] = mapped_column(String(20))
    team: Mapped[str] = mapped_column(String(8))
    post: Mapped[str | None] = mapped_column(String(8))
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    birth_date: Mapped[dt.date] = mapped_column(Date)
    education: Mapped[str] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(20))
    entry_route: Mapped[str] = mapped_column(String(8))
    entry_year: Mapped[int]
    background: Mapped[str | None] = mapped_column(String(8))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("party_member.id"), index=True)
    appointed_on: Mapped[dt.date | None] = mapped_column(Date)  # 任职日期; empty: in post since ever


# --- Summaries -------------------------------------------------------------------------------------------------
# Derived from the tables above and replaced whole by dashboard/summaries.py; no foreign keys (they would only
# slow the rebuild, and clearing the store deletes the summaries first).


class CommunityMonth(Base):
    """Check-in and service figures of a community at the end of each month of the store's period (and on
    its data-as-of day when that is not a month end), rebuilt from the raw tables in one transaction by
    `dashboard.summaries.rebuild_summaries` after demo generation and after every import.

    The views read these instead of counting millions of member and service rows on every click; every
    column sums across communities (a member checks in to one community), so areas are sums of rows.
    """

    __tablename__ = "community_month"

    community_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    on_date: Mapped[dt.date] = mapped_column(Date, primary_key=True, index=True)
    members_in_service: Mapped[int]  # in-service members living here who had joined by on_date
    members_checked_in: Mapped[int]  # ... of them, checked in by on_date
    checkins: Mapped[int]  # member check-ins to this community by on_date (any member)
    members_served: Mapped[int]  # members checked in here who served from the month's first day to on_date
    posts_claimed: Mapped[int]  # claims of this community's posts by on_date
    member_pairings: Mapped[int]  # member pairings in this community started by on_date
    pairing_activities: Mapped[int]  # pairing activities held here from the month's first day to on_date


class CommunityYear(Base):
    """双通报 per community and year (rebuilt with the other summaries)."""

    __tablename__ = "community_year"

    community_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    notifications: Mapped[int]
    notifications_completed: Mapped[int]  # both sides have notified the other


class CheckedInMember(Base):
    """Each checked-in member with their work unit and the months of the store's period in which they served:
    bit i of `served_months` is set when they served in the i-th month from `store_meta.summary_first_month`
    (at most 63 months; longer periods leave this table empty and the unit league counts raw rows)."""

    __tablename__ = "checked_in_member"

    member_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    community_id: Mapped[int] = mapped_column(index=True)
    work_unit_id: Mapped[int | None]
    checked_in_on: Mapped[dt.date] = mapped_column(Date)
    served_months: Mapped[int] = mapped_column(BigInteger)


# --- Targets, settings and what the store holds ----------------------------------------------------------


class Target(Base):
    """The target of a headline metric and its red/amber/green thresholds (rates as fractions)."""

    __tablename__ = "target"
    __table_args__ = (
        CheckConstraint("amber_floor <= target_value", name="amber_below_target"),
    )

    metric_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(40))
    target_value: Mapped[float]
    amber_floor: Mapped[float]
    note: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """A named setting the metrics read (e.g. joint meetings required per quarter)."""

    __tablename__ = "setting"

    setting_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class StoreMeta(Base):
    """Facts about the store itself: whether it holds demo data, the data-as-of date, the generator seed."""

    __tablename__ = "store_meta"

    meta_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# --- Accounts, sign-in and audit -------------------------------------------------------------------------

ROLES = ("city_leader", "county_leader", "street_staff", "analyst", "admin")


class AppUser(Base):
    """A person who signs in: their role and the area they may see (a county-level unit, a street, or all)."""

    __tablename__ = "app_user"
    __table_args__ = (
        one_of("role", ROLES, "role"),
        CheckConstraint("scope_street_code IS NULL OR scope_county_code IS NOT NULL", name="street_in_county"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    scope_county_code: Mapped[str | None] = mapped_column(String(20))
    scope_street_code: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SignInThrottle(Base):
    """Failed sign-ins by user name (known or not), so that repeated guesses are slowed down."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DisplayToken(Base):
    """A read-only token for an unattended big screen, limited to an area; only its hash is stored."""

    __tablename__ = "display_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(60))
    scope_county_code: Mapped[str | None] = mapped_column(String(20))
    scope_street_code: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who did what, when and from which address: sign-ins and refusals, downloads, display-token use, imports,
    account and token changes."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)
    username: Mapped[str | None] = mapped_column(String(40))
    event: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(64))


class ImportRun(Base):
    """One import that changed the store: who, when, which file (name and SHA-256) and what it changed."""

    __tablename__ = "import_run"
    __table_args__ = (Index(None, "imported_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    username: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(8))
    template: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(200))
    file_sha256: Mapped[str] = mapped_column(String(64))
    rows_read: Mapped[int]
    rows_inserted: Mapped[int]
    rows_updated: Mapped[int]
    rows_deleted: Mapped[int] = mapped_column(Integer, default=0)
    replaced_period: Mapped[str | None] = mapped_column(String(30))
