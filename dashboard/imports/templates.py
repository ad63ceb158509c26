"""The import templates: one per entity, with Chinese headers, what each column holds and an example.

This module holds the references (codes looked up in the store), the templates of geography, organizations,
members, check-ins, pairings, meetings, Two New and funding, and the order of all templates (`TEMPLATES`,
with those of `dashboard.imports.work_templates` last). Import them in that order: later templates refer to
what earlier ones created. What a template is: `dashboard.imports.columns`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, select, union_all

from dashboard import schema as s
from dashboard.imports.columns import YES_NO, Template
from dashboard.imports.columns import column as _c
from dashboard.imports.columns import reference as _ref
from dashboard.imports.values import id_birth_date, id_gender
from dashboard.imports.work_templates import WORK_TEMPLATES

# --- References: a code typed in a sheet, looked up in the store --------------------------------------------


@dataclass(frozen=True)
class Reference:
    """Something a column names by code: the label used in messages and how to look codes up."""

    label: str
    lookup: Callable[[list[str]], Select]  # rows of (typed key, id, *extras) for the given keys
    extras: tuple[str, ...] = ()
    hint: str = ""  # what to do about an unknown key

    @property
    def unknown_hint(self) -> str:
        return self.hint or f"请核对编码,或先导入{self.label}"


def _by_code(model, *extras: str) -> Reference:
    table = model.__table__
    return Reference(
        label="",
        lookup=lambda keys: select(table.c.code, table.c.id, *(table.c[e] for e in extras)).where(
            table.c.code.in_(keys)),
        extras=extras,
    )


def _labelled(reference: Reference, label: str) -> Reference:
    return Reference(label, reference.lookup, reference.extras)


def _county_lookup(keys: list[str]) -> Select:
    """County-level units are named by name (武陵区, 西洞庭管理区), by code (430702, 430771) or by the division
    table's 12-digit code (430702000000); all are accepted, one row per key that matches."""
    county = s.County.__table__
    long_code = county.c.code + "000000"
    return union_all(
        select(county.c.name, county.c.id, county.c.code).where(county.c.name.in_(keys)),
        select(county.c.code, county.c.id, county.c.code).where(county.c.code.in_(keys)),
        select(long_code, county.c.id, county.c.code).where(long_code.in_(keys)),
    )


def _committee_lookup(keys: list[str]) -> Select:
    committee, street = s.WorkingCommittee.__table__, s.Street.__table__
    return select(street.c.code, committee.c.id, committee.c.street_id).join(
        street, street.c.id == committee.c.street_id).where(street.c.code.in_(keys))


REFERENCES: dict[str, Reference] = {
    "county": Reference("区县(市)", _county_lookup, ("code",),
                        "请填写区县(市)或管理区的名称或代码;新建的空库请先运行 python -m dashboard.imports init-store "
                        "建立全市15个县级单位"),
    "street": _labelled(_by_code(s.Street, "county_id"), "街道(乡镇)"),
    "community": _labelled(_by_code(s.Community, "street_id", "county_id"), "社区(村)"),
    "grid": _labelled(_by_code(s.Grid, "community_id"), "网格"),
    "compound": _labelled(_by_code(s.Compound, "grid_id", "community_id"), "小区(楼栋)"),
    "resident_unit": _labelled(_by_code(s.ResidentUnit, "community_id"), "驻区单位"),
    "party_org": _labelled(_by_code(s.PartyOrg), "党组织"),
    "member": _labelled(_by_code(s.PartyMember, "residence_community_id"), "党员"),
    "post": _labelled(_by_code(s.VolunteerPost, "community_id", "category"), "志愿岗位"),
    "committee": Reference("街道大工委", _committee_lookup, ("street_id",), "请核对街道编码,或先导入该街道的大工委"),
    "meeting": _labelled(_by_code(s.JointMeeting, "committee_id"), "联席会议"),
    "site": _labelled(_by_code(s.TwoNewSite, "community_id"), "两新阵地"),
    "funding_line": _labelled(_by_code(s.FundingLine), "经费预算"),
}


def _area_from(record: dict, refs: dict) -> list[tuple[str | None, str]]:
    """Fill county/street/community down from the most specific place given, and check the rest agree."""
    problems = []
    place = {}
    if refs.get("compound_id"):
        place.update(community_id=refs["compound_id"]["community_id"], grid_id=refs["compound_id"]["grid_id"])
    if refs.get("grid_id"):
        _agree(place, "community_id", refs["grid_id"]["community_id"], "所在网格", problems)
        place["grid_id"] = refs["grid_id"]["id"]
    if refs.get("community_id"):
        _agree(place, "community_id", refs["community_id"]["id"], "所在社区", problems)
    community = place.get("community_id")
    if community is not None:
        row = _community_of(refs, community)
        if row is not None:
            place.setdefault("street_id", row["street_id"])
            place.setdefault("county_id", row["county_id"])
    if refs.get("street_id"):
        _agree(place, "street_id", refs["street_id"]["id"], "所在街道", problems)
        place.setdefault("county_id", refs["street_id"]["county_id"])
    if refs.get("county_id"):
        _agree(place, "county_id", refs["county_id"]["id"], "所在区县", problems)
    for key, value in place.items():
        if key in record:
            record[key] = value
    return problems


def _community_of(refs: dict, community_id: int) -> dict | None:
    """The street and county of a community, from the map of all communities the loader passes in."""
    return refs["_communities"].get(community_id)


def _agree(place: dict, key: str, value, label: str, problems: list) -> None:
    if key in place and place[key] != value:
        problems.append((None, f"{label}与更具体的所在地不一致"))
    place[key] = value


def _street_area(record: dict, refs: dict) -> list:
    record["county_id"] = refs["street_id"]["county_id"]
    return []


def _grid_area(record: dict, refs: dict) -> list:
    record["community_id"] = refs["grid_id"]["community_id"]
    return []


def _community_rules(record: dict, refs: dict) -> list:
    problems = _street_area(record, refs)
    if record["is_urban"] and record["kind"] != "社区":
        problems.append(("是否城市社区", "只有“社区”可以是城市社区,“村”不能"))
    if record["is_central_city"] and not record["is_urban"]:
        problems.append(("是否中心城区", "中心城区的社区必须是城市社区"))
    return problems


LEVEL_NEEDS = {
    "网格党支部": ("grid_id", "所在网格编码"),
    "小区(楼栋)党小组": ("compound_id", "所在小区(楼栋)编码"),
    "社区党组织": ("community_id", "所在社区编码"),
    "单位党组织": ("resident_unit_id", "所属驻区单位编码"),
    "街道党工委": ("street_id", "所在街道编码"),
    "区县(市)委": ("county_id", "所在区县"),
}


def _party_org_rules(record: dict, refs: dict) -> list:
    problems = _area_from(record, refs)
    need = LEVEL_NEEDS.get(record["level"])
    if need and record.get(need[0]) is None:
        problems.append((need[1], f"层级为“{record['level']}”的党组织必须填写{need[1]}"))
    return problems


def _member_rules(record: dict, refs: dict) -> list:
    problems = []
    if record.get("id_number"):
        if id_birth_date(record["id_number"]) != record["birth_date"]:
            problems.append(("出生日期", "与公民身份号码中的出生日期不一致"))
        if id_gender(record["id_number"]) != record["gender"]:
            problems.append(("性别", "与公民身份号码中的性别不一致"))
    if record["joined_on"] < record["birth_date"]:
        problems.append(("入党日期", "早于出生日期"))
    grid = refs.get("residence_grid_id")
    if grid and grid["community_id"] != record["residence_community_id"]:
        problems.append(("居住网格编码", "该网格不在居住社区内"))
    return problems


def _service_rules(record: dict, refs: dict) -> list:
    post = refs.get("post_id")
    if post and post["community_id"] != record["community_id"]:
        return [("岗位编码", "该岗位不属于服务社区")]
    return []


def _pairing_dates(record: dict, refs: dict) -> list:
    if record.get("ended_on") and record["ended_on"] < record["started_on"]:
        return [("结束日期", "早于结对日期")]
    return []


def _member_pairing_rules(record: dict, refs: dict) -> list:
    if record["agency_member_id"] == record["resident_member_id"]:
        return [("社区党员编号", "结对双方不能是同一名党员")]
    return []


def _meeting_rules(record: dict, refs: dict) -> list:
    record["street_id"] = refs["committee_id"]["street_id"]
    return []


def _item_rules(record: dict, refs: dict) -> list:
    problems = []
    if record["is_resolved"] and not record["is_matched"]:
        problems.append(("是否已解决", "已解决的事项必须先已对接"))
    if record.get("resolved_on") and not record["is_resolved"]:
        problems.append(("解决日期", "未解决的事项不应有解决日期"))
    return problems


def _two_new_rules(record: dict, refs: dict) -> list:
    has_site = record.get("site_id") is not None
    if (record["location_type"] == "其他") == has_site:
        return [("楼宇园区商圈编码", "位于商务楼宇、园区或商圈市场的组织必须填写其编码,位于“其他”的不填")]
    if record["party_members"] > record["employees"]:
        return [("党员人数", "多于从业人员数")]
    return []


def _funding_rules(record: dict, refs: dict) -> list:
    problems = _area_from(record, refs)
    if record.get("county_id") is None:
        problems.append(("所属区县", "所属区县、街道编码、社区编码至少填写一项"))
    return problems


TEMPLATES: tuple[Template, ...] = (
    Template("street", "街道乡镇", s.Street, (
        _c("街道编码", "code", "code", "430702001000", "全市唯一,建议用统计用区划代码(12位)"),
        _c("街道名称", "name", "text", "启明街道"),
        _c("类型", "kind", "choice", "街道", choices=s.STREET_KINDS),
        _ref("所属区县", "county_id", "county", "武陵区", "区县(市)或管理区的名称或代码"),
    ), ("code",), "街道和乡镇,所属的区县(市)或管理区。"),
    Template("community", "社区村", s.Community, (
        _c("社区编码", "code", "code", "430702001007", "全市唯一"),
        _c("社区名称", "name", "text", "半边街社区"),
        _c("类型", "kind", "choice", "社区", choices=s.COMMUNITY_KINDS),
        _c("是否城市社区", "is_urban", "bool", "是", YES_NO),
        _c("是否中心城区", "is_central_city", "bool", "是", YES_NO, required=False),
        _ref("所属街道编码", "street_id", "street", "430702001000"),
        _c("常住人口", "population", "int", 12000, "人", required=False, minimum=0),
    ), ("code",), "社区和村,所属街道,是否城市社区、中心城区。", _community_rules),
    Template("grid", "网格", s.Grid, (
        _c("网格编码", "code", "code", "430702001007-W01", "全市唯一"),
        _c("网格名称", "name", "text", "第一网格"),
        _ref("所属社区编码", "community_id", "community", "430702001007"),
        _c("户数", "households", "int", 320, "户", required=False, minimum=0),
        _c("划定日期", "created_on", "date", "2016-03-01", "选填,可不列;不填的视为一直存在", required=False,
           past_only=True, omissible=True),
    ), ("code",), "社区划分的网格。"),
    Template("compound", "小区楼栋", s.Compound, (
        _c("小区楼栋编码", "code", "code", "430702001007-W01-01", "全市唯一"),
        _c("名称", "name", "text", "半边街小区"),
        _c("类型", "kind", "choice", "小区", choices=s.COMPOUND_KINDS),
        _ref("所属网格编码", "grid_id", "grid", "430702001007-W01"),
        _c("建立日期", "created_on", "date", "2016-03-01", "选填,可不列;不填的视为一直存在", required=False,
           past_only=True, omissible=True),
    ), ("code",), "网格内的小区和楼栋。", _grid_area),
    Template("resident_unit", "驻区单位", s.ResidentUnit, (
        _c("单位编码", "code", "code", "DW000001", "全市唯一,如统一社会信用代码"),
        _c("单位名称", "name", "text", "常德市财政局"),
        _c("单位类型", "kind", "choice", "市直机关", choices=s.UNIT_KINDS),
        _c("是否市县机关事业单位", "is_city_county_organ", "bool", "是", YES_NO),
        _ref("所在社区编码", "community_id", "community", "430702001007"),
    ), ("code",), "驻在社区的机关、事业单位和企业。"),
    Template("party_org", "党组织", s.PartyOrg, (
        _c("党组织编码", "code", "code", "DZZ0000001", "全市唯一"),
        _c("党组织名称", "name", "text", "半边街社区第一网格党支部"),
        _c("层级", "level", "choice", "网格党支部", choices=s.ORG_LEVELS),
        _c("组织形式", "form", "choice", "党支部", "100人以上党委,50-99人党总支,3-49人党支部", choices=s.ORG_FORMS),
        _ref("上级党组织编码", "parent_id", "party_org", "DZZ0000000", "可以是本文件中的党组织", required=False),
        _ref("所在区县", "county_id", "county", "武陵区", "名称或代码;填了更具体的所在地可不填", required=False),
        _ref("所在街道编码", "street_id", "street", "430702001000", required=False),
        _ref("所在社区编码", "community_id", "community", "430702001007", required=False),
        _ref("所在网格编码", "grid_id", "grid", "430702001007-W01", "网格党支部必填", required=False),
        _ref("所在小区楼栋编码", "compound_id", "compound", "", "小区(楼栋)党小组必填", required=False),
        _ref("所属驻区单位编码", "resident_unit_id", "resident_unit", "", "单位党组织必填", required=False),
        _c("成立日期", "founded_on", "date", "2016-07-01", required=False, past_only=True),
    ), ("code",), "六级体系各级党组织及单位、两新党组织;所在地填最具体的一级即可。", _party_org_rules,
        self_reference="parent_id"),
    Template("party_member", "党员", s.PartyMember, (
        _c("党员编号", "code", "code", "DY00000001", "全市唯一"),
        _c("姓名", "name", "name", "张三"),
        _c("性别", "gender", "choice", "男", choices=("男", "女")),
        _c("出生日期", "birth_date", "date", "1980-01-01", "须与公民身份号码一致", past_only=True),
        _c("公民身份号码", "id_number", "id_number", "430702198001010016", "校验最后一位"),
        _c("手机号码", "phone", "phone", "13800000000", required=False),
        _c("入党日期", "joined_on", "date", "2005-07-01", past_only=True),
        _c("是否正式党员", "is_full_member", "bool", "是", YES_NO),
        _c("是否在职党员", "is_in_service", "bool", "是", "在机关、事业单位、企业工作的党员"),
        _ref("所在党组织编码", "party_org_id", "party_org", "DZZ0000001"),
        _ref("工作单位编码", "work_unit_id", "resident_unit", "DW000001", required=False),
        _ref("居住社区编码", "residence_community_id", "community", "430702001007"),
        _ref("居住网格编码", "residence_grid_id", "grid", "430702001007-W01", required=False),
    ), ("code",), "党员名册;公民身份号码和手机号按角色脱敏显示。", _member_rules, checked_unique=("id_number",)),
    Template("unit_checkin", "单位报到", s.UnitCheckin, (
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001"),
        _ref("报到社区编码", "community_id", "community", "430702001007"),
        _c("报到日期", "checked_in_on", "date", "2017-03-15", past_only=True),
    ), ("resident_unit_id", "community_id"), "驻区单位党组织到所在社区报到。"),
    Template("member_checkin", "党员报到", s.MemberCheckin, (
        _ref("党员编号", "member_id", "member", "DY00000001"),
        _ref("报到社区编码", "community_id", "community", "430702001007", "居住地社区"),
        _c("报到日期", "checked_in_on", "date", "2017-03-15", past_only=True),
    ), ("member_id",), "在职党员到居住地社区报到(每人一条)。"),
    Template("secretary_checkin", "书记反向报到", s.SecretaryCheckin, (
        _ref("社区编码", "community_id", "community", "430702001007"),
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001"),
        _c("报到日期", "checked_in_on", "date", "2017-04-01", past_only=True),
    ), ("community_id", "resident_unit_id"), "社区书记到驻区单位反向报到。"),
    Template("volunteer_post", "志愿岗位", s.VolunteerPost, (
        _c("岗位编码", "code", "code", "GW00001001", "全市唯一"),
        _c("岗位名称", "name", "text", "治安巡逻岗"),
        _c("类别", "category", "choice", "治安巡逻", choices=s.POST_CATEGORIES),
        _ref("社区编码", "community_id", "community", "430702001007"),
    ), ("code",), "社区设置的志愿服务岗位。"),
    Template("post_claim", "岗位认领", s.PostClaim, (
        _ref("党员编号", "member_id", "member", "DY00000001"),
        _ref("岗位编码", "post_id", "post", "GW00001001"),
        _c("认领日期", "claimed_on", "date", "2017-04-01", past_only=True),
    ), ("member_id", "post_id"), "报到党员认领岗位。"),
    Template("service_activity", "志愿服务记录", s.ServiceActivity, (
        _c("服务记录编号", "code", "code", "FW0000000001", "平台导出的记录号,全市唯一"),
        _ref("党员编号", "member_id", "member", "DY00000001"),
        _ref("服务社区编码", "community_id", "community", "430702001007"),
        _ref("岗位编码", "post_id", "post", "GW00001001", required=False),
        _c("服务日期", "served_on", "date", "2018-06-09", past_only=True),
        _c("服务类别", "kind", "choice", "治安巡逻", choices=s.SERVICE_KINDS),
        _c("服务时长", "hours", "decimal", 2, "小时,大于0且不超过24", minimum=0.1, maximum=24, places=1),
    ), ("code",), "报到党员在社区的每一次志愿服务;可按期间整体替换。", _service_rules, period_field="served_on"),
    Template("unit_pairing", "单位结对", s.UnitPairing, (
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001"),
        _ref("社区编码", "community_id", "community", "430702001007"),
        _c("结对日期", "started_on", "date", "2017-05-01", past_only=True),
        _c("结束日期", "ended_on", "date", "", "仍在结对的不填", required=False),
    ), ("resident_unit_id", "community_id"), "驻区单位党组织与社区党组织结对共建。", _pairing_dates),
    Template("member_pairing", "党员结对", s.MemberPairing, (
        _ref("机关党员编号", "agency_member_id", "member", "DY00000001"),
        _ref("社区党员编号", "resident_member_id", "member", "DY00000002"),
        _ref("社区编码", "community_id", "community", "430702001007"),
        _c("结对日期", "started_on", "date", "2017-05-01", past_only=True),
    ), ("agency_member_id", "resident_member_id"), "机关党员与社区党员结对帮扶。", _member_pairing_rules),
    Template("notification", "双通报", s.Notification, (
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001"),
        _ref("社区编码", "community_id", "community", "430702001007"),
        _c("年度", "year", "year", 2017),
        _c("单位通报日期", "unit_notified_on", "date", "2017-12-20", "未通报的不填", required=False, past_only=True),
        _c("社区通报日期", "community_notified_on", "date", "2017-12-25", "未通报的不填", required=False,
           past_only=True),
        _c("通报党员人数", "members_reported", "int", 12, "人", minimum=0),
    ), ("resident_unit_id", "community_id", "year"), "每年单位与社区相互通报在职党员表现。"),
    Template("working_committee", "街道大工委", s.WorkingCommittee, (
        _ref("街道编码", "street_id", "street", "430702001000"),
        _c("大工委名称", "name", "text", "启明街道大工委"),
        _c("成立日期", "established_on", "date", "2016-09-01", past_only=True),
    ), ("street_id",), "每个街道一个大工委。"),
    Template("committee_member", "大工委成员", s.CommitteeMember, (
        _ref("街道编码", "committee_id", "committee", "430702001000", "该街道须已导入大工委"),
        _c("姓名", "person_name", "name", "李四"),
        _c("职务", "role", "choice", "委员", choices=s.COMMITTEE_ROLES),
        _c("工作职务", "title", "text", "常德市财政局党组书记"),
        _ref("所在单位编码", "resident_unit_id", "resident_unit", "DW000001", required=False),
        _c("手机号码", "phone", "phone", "13800000001", required=False),
        _c("是否县级领导干部", "is_county_leader", "bool", "否", "填“是”或“否”;大工委书记应由县级领导干部担任",
           required=False),
    ), ("committee_id", "person_name"), "大工委书记、副书记和委员(同一大工委内按姓名识别)。"),
    Template("joint_meeting", "联席会议", s.JointMeeting, (
        _c("会议编号", "code", "code", "LXH0012018201", "全市唯一"),
        _ref("街道编码", "committee_id", "committee", "430702001000", "该街道须已导入大工委"),
        _c("召开日期", "held_on", "date", "2018-04-12", past_only=True),
        _c("会议主题", "title", "text", "2018年第二季度联席会议"),
    ), ("code",), "街道大工委召开的联席会议。", _meeting_rules),
    Template("meeting_item", "会议事项", s.MeetingItem, (
        _ref("会议编号", "meeting_id", "meeting", "LXH0012018201"),
        _c("清单类别", "list_kind", "choice", "需求清单", choices=s.LIST_KINDS),
        _c("事项名称", "title", "text", "老旧小区路灯维修"),
        _ref("提出单位编码", "resident_unit_id", "resident_unit", "", required=False),
        _c("是否已对接", "is_matched", "bool", "是", YES_NO),
        _c("是否已解决", "is_resolved", "bool", "否", YES_NO),
        _c("解决日期", "resolved_on", "date", "", "已解决的填写", required=False, past_only=True),
    ), ("meeting_id", "title"), "联席会议上提出的资源、需求和项目清单事项(同一会议内按事项名称识别)。", _item_rules),
    Template("two_new_site", "两新阵地", s.TwoNewSite, (
        _c("阵地编码", "code", "code", "LX0001", "全市唯一"),
        _c("名称", "name", "text", "财富中心"),
        _c("类型", "kind", "choice", "商务楼宇", choices=s.SITE_TYPES),
        _ref("所在社区编码", "community_id", "community", "430702001007"),
    ), ("code",), "两新组织聚集的商务楼宇、园区和商圈市场。"),
    Template("two_new_org", "两新组织", s.TwoNewOrg, (
        _c("组织编码", "code", "code", "LXZZ000001", "全市唯一,如统一社会信用代码"),
        _c("组织名称", "name", "text", "常德某科技有限公司"),
        _c("类型", "kind", "choice", "非公企业", choices=s.TWO_NEW_KINDS),
        _c("所在位置类型", "location_type", "choice", "商务楼宇", choices=s.LOCATION_TYPES),
        _ref("楼宇园区商圈编码", "site_id", "site", "LX0001", "位置类型为“其他”的不填", required=False),
        _ref("所在社区编码", "community_id", "community", "430702001007"),
        _c("从业人员数", "employees", "int", 56, "人", minimum=0),
        _c("规模", "size_class", "choice", "小型", choices=s.SIZE_CLASSES),
        _c("是否规模较大、生产经营稳定", "is_large_stable", "bool", "否", YES_NO, former=("是否规模以上稳定企业",)),
        _c("党员人数", "party_members", "int", 4, "人", minimum=0),
        _c("覆盖方式", "coverage_kind", "choice", "单独组建", choices=s.COVERAGE_KINDS),
        _ref("党组织编码", "party_org_id", "party_org", "", "单独组建或联合组建的党组织", required=False),
        _c("组建党组织日期", "organized_on", "date", "2017-07-01",
           "选填,可不列;单独组建或联合组建的日期,不填的视为一直覆盖", required=False, past_only=True, omissible=True),
        _c("工作覆盖日期", "work_covered_on", "date", "", "选填,可不列;选派党建指导员的日期", required=False,
           past_only=True, omissible=True),
    ), ("code",), "非公企业和社会组织,党的组织和工作覆盖方式。", _two_new_rules),
    Template("funding_line", "经费预算", s.FundingLine, (
        _c("预算编码", "code", "code", "JF2018000001", "全市唯一"),
        _c("年度", "year", "year", 2018),
        _c("资金来源", "source", "choice", "财政拨付", choices=s.FUNDING_SOURCES),
        _c("资金用途", "purpose", "choice", "阵地建设", choices=s.FUNDING_USES),
        _ref("所属区县", "county_id", "county", "武陵区", "名称或代码;填了街道或社区可不填", required=False),
        _ref("街道编码", "street_id", "street", "430702001000", "落到街道的填写", required=False),
        _ref("社区编码", "community_id", "community", "", "落到社区的填写", required=False),
        _c("预算金额", "budget_yuan", "decimal", 500000, "元,不小于0", minimum=0),
    ), ("code",), "经费预算:来源、用途、区域和年度。", _funding_rules),
    Template("funding_disbursement", "经费支出", s.FundingDisbursement, (
        _ref("预算编码", "funding_line_id", "funding_line", "JF2018000001"),
        _c("支出日期", "paid_on", "date", "2018-03-20", past_only=True, former=("拨付日期",)),
        _c("支出金额", "amount_yuan", "decimal", 200000, "元,不小于0", minimum=0, former=("拨付金额",)),
    ), ("funding_line_id", "paid_on"), "预算的实际支出(同一预算同一天一条);可按期间整体替换。",
        period_field="paid_on", former_title="经费拨付"),
) + WORK_TEMPLATES

BY_KEY = {t.key: t for t in TEMPLATES}
BY_TITLE = {t.title: t for t in TEMPLATES} | {t.former_title: t for t in TEMPLATES if t.former_title}


def template_named(name: str) -> Template:
    """A template by its key (service_activity) or its Chinese title (志愿服务记录)."""
    found = BY_KEY.get(name) or BY_TITLE.get(name.strip())
    if found is None:
        raise KeyError(f"没有名为“{name}”的导入模板。可用:{'、'.join(t.title for t in TEMPLATES)}")
    return found
