"""Templates for the records of joint work and the four teams: meeting attendance, pairing activities,
two-way assessments (双向考核), service platforms (阵地) and cadres (四支队伍).

They come last in the import order (`dashboard.imports.templates.TEMPLATES`): each refers to meetings,
committee members, pairings, units, communities or members imported before. Attendance and pairing
activities name a row of the store by two columns (a meeting and a person's name, a unit and a community,
two members); their `lookups` fetch those rows for the whole file at once.
"""

from __future__ import annotations

from sqlalchemy import select

from dashboard import schema as s
from dashboard.imports.columns import YES_NO, Fetch, Template
from dashboard.imports.columns import column as _c
from dashboard.imports.columns import reference as _ref
from dashboard.imports.values import id_birth_date

# --- 联席会议出席 ----------------------------------------------------------------------------------------------


def _seats(fetch: Fetch, records: list[dict]) -> dict:
    """The seats of the committees whose meetings the file names: (meeting id, person's name) -> seat id."""
    meeting, seat = s.JointMeeting.__table__, s.CommitteeMember.__table__
    meetings = sorted({record["meeting_id"] for record in records} - {None})
    rows = fetch(lambda keys: select(meeting.c.id, seat.c.person_name, seat.c.id).join(
        seat, seat.c.committee_id == meeting.c.committee_id).where(meeting.c.id.in_(keys)), meetings)
    return {"_seats": {(meeting_id, name): seat_id for meeting_id, name, seat_id in rows}}


def _attendance_rules(record: dict, refs: dict) -> list:
    name = record["committee_member_id"]
    seat = refs["_seats"].get((record["meeting_id"], name))
    if seat is None:
        return [("成员姓名", f"“{name}”不是该会议所属街道大工委的成员,请核对姓名或先导入大工委成员")]
    record["committee_member_id"] = seat
    return []


# --- 结对活动 ----------------------------------------------------------------------------------------------------


def _pairings(fetch: Fetch, records: list[dict]) -> dict:
    """The unit pairings of the file's units and the member pairings of its agency members."""
    unit, member = s.UnitPairing.__table__, s.MemberPairing.__table__
    units = sorted({record["resident_unit_id"] for record in records} - {None})
    agents = sorted({record["agency_member_id"] for record in records} - {None})
    unit_rows = fetch(lambda keys: select(unit.c.resident_unit_id, unit.c.community_id, unit.c.id,
                                          unit.c.started_on, unit.c.ended_on).where(unit.c.resident_unit_id.in_(keys)),
                      units)
    member_rows = fetch(lambda keys: select(member.c.agency_member_id, member.c.resident_member_id, member.c.id,
                                            member.c.community_id, member.c.started_on).where(
        member.c.agency_member_id.in_(keys)), agents)
    return {"_unit_pairings": {(u, c): (ident, started, ended) for u, c, ident, started, ended in unit_rows},
            "_member_pairings": {(a, r): (ident, c, started) for a, r, ident, c, started in member_rows}}


def _activity_rules(record: dict, refs: dict) -> list:
    """Exactly one pairing: a unit's with the community, or two members'; held while the pairing lasted."""
    unit, agent, resident = record["resident_unit_id"], record["agency_member_id"], record["resident_member_id"]
    record["unit_pairing_id"] = record["member_pairing_id"] = None
    by_members = agent is not None or resident is not None
    if (unit is not None) == by_members:
        return [(None, "单位结对的活动填写单位编码,党员结对的活动填写机关党员编号和社区党员编号,两者只填其一")]
    ended = None
    if unit is not None:
        pairing = refs["_unit_pairings"].get((unit, record["community_id"]))
        if pairing is None:
            return [("单位编码", "该单位与该社区没有结对,请核对编码或先导入单位结对")]
        record["unit_pairing_id"], started, ended = pairing
    else:
        if agent is None or resident is None:
            missing = "机关党员编号" if agent is None else "社区党员编号"
            return [(missing, "党员结对的活动须同时填写机关党员编号和社区党员编号")]
        pairing = refs["_member_pairings"].get((agent, resident))
        if pairing is None:
            return [("社区党员编号", "这两名党员没有结对,请核对编号或先导入党员结对")]
        record["member_pairing_id"], community, started = pairing
        if community != record["community_id"]:
            return [("社区编码", "与这两名党员结对所在的社区不一致")]
    if record["held_on"] < started:
        return [("活动日期", f"早于结对日期 {started}")]
    if ended is not None and record["held_on"] > ended:
        return [("活动日期", f"晚于结对结束日期 {ended}")]
    return []


# --- 阵地 ---------------------------------------------------------------------------------------------------------


def _platform_place(record: dict, refs: dict) -> list:
    """A platform is a street's or a community's (exactly one); its county-level unit comes from there. A
    street's standard has 6 items (一所一校四中心), a community's 10 (一站一园一场七室)."""
    street, community = refs.get("street_id"), refs.get("community_id")
    if (street is None) == (community is None):
        return [(None, "所在街道编码和所在社区编码填且只填一项(街道的阵地填街道,社区和村的填社区)")]
    record["county_id"] = (street or community)["county_id"]
    items = record.get("standard_items")
    if street is not None and items is not None and items > s.STREET_STANDARD_ITEMS:
        most = s.STREET_STANDARD_ITEMS
        return [("达标项数", f"街道阵地按“一所一校四中心”共 {most} 项,不能超过 {most}")]
    return []


# --- 四支队伍 -----------------------------------------------------------------------------------------------------


def _cadre_rules(record: dict, refs: dict) -> list:
    problems = []
    if record.get("id_number") and id_birth_date(record["id_number"]) != record["birth_date"]:
        problems.append(("出生日期", "与公民身份号码中的出生日期不一致"))
    if record.get("post") and record["team"] != "社区干部":
        problems.append(("职务", "只有“社区干部”填写职务"))
    if record.get("background") and record["entry_route"] != "两委换届":
        problems.append(("人员来源", "只有通过“两委换届”进入的人员填写人员来源"))
    if record["entry_year"] < record["birth_date"].year + 16:
        problems.append(("进入年度", "进入时未满16周岁,不合理"))
    grid = refs.get("grid_id")
    if grid is not None and record["team"] != "网格员":
        problems.append(("所在网格编码", "只有“网格员”填写所在网格"))
    elif grid is not None and grid["community_id"] != record["community_id"]:
        problems.append(("所在网格编码", "该网格不在所在社区内"))
    return problems


WORK_TEMPLATES: tuple[Template, ...] = (
    Template("meeting_attendance", "会议出席", s.MeetingAttendance, (
        _ref("会议编号", "meeting_id", "meeting", "LXH0012018201"),
        _c("成员姓名", "committee_member_id", "name", "李四", "须是该街道大工委成员(先导入大工委成员)"),
        _c("是否出席", "attended", "bool", "是", YES_NO),
    ), ("meeting_id", "committee_member_id"),
        "联席会议的成员出席情况:每次会议每名大工委成员一条(成员按姓名识别),成员单位出席率 = 出席 / 应出席。",
        _attendance_rules, lookups=_seats),
    Template("pairing_activity", "结对活动", s.PairingActivity, (
        _c("活动编号", "code", "code", "HD0000000001", "全市唯一,如平台导出的记录号"),
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001", "单位结对的活动填写", required=False),
        _ref("机关党员编号", "agency_member_id", "member", "", "党员结对的活动填写", required=False),
        _ref("社区党员编号", "resident_member_id", "member", "", "党员结对的活动填写", required=False),
        _ref("社区编码", "community_id", "community", "430702001007", "结对所在的社区"),
        _c("活动日期", "held_on", "date", "2018-05-20", past_only=True),
        _c("活动类别", "kind", "choice", "联户帮带", choices=s.PAIRING_ACTIVITY_KINDS),
    ), ("code",), "单位结对和党员结对开展的每一次活动;结对须已导入;可按期间整体替换。", _activity_rules,
        period_field="held_on", lookups=_pairings),
    Template("unit_assessment", "双向考核", s.UnitAssessment, (
        _ref("单位编码", "resident_unit_id", "resident_unit", "DW000001"),
        _ref("社区编码", "community_id", "community", "430702001007", "打分的社区"),
        _c("年度", "year", "year", 2017),
        _c("考核得分", "score", "decimal", 92.5, "百分制,0到100,最多1位小数", minimum=0, maximum=100, places=1),
    ), ("resident_unit_id", "community_id", "year"), "社区每年对驻区单位参与共驻共建情况的考核得分(双向考核)。"),
    Template("service_platform", "服务阵地", s.ServicePlatform, (
        _ref("所在街道编码", "street_id", "street", "", "街道的阵地填写", required=False),
        _ref("所在社区编码", "community_id", "community", "430702001007", "社区和村的阵地填写", required=False),
        _c("建设类型", "kind", "choice", "新建", choices=s.PLATFORM_KINDS),
        _c("建成年度", "completed_year", "year", 2017),
        _c("达标项数", "standard_items", "int", 10,
           "已建成的标准项目数:街道按“一所一校四中心”共6项,社区按“一站一园一场七室”共10项;村不填",
           required=False, minimum=0, maximum=s.COMMUNITY_STANDARD_ITEMS),
        _c("是否开放共享", "is_shared", "bool", "是", "是否向驻区单位、企业和社会组织开放使用;" + YES_NO,
           required=False),
    ), ("street_id", "community_id"),
        "村级综合服务平台(街道、社区和村的党群服务阵地)的新建和改扩建:每个街道或社区一条,按所在地识别。",
        _platform_place),
    Template("cadre", "四支队伍", s.Cadre, (
        _c("人员编号", "code", "code", "GB000001", "全市唯一"),
        _c("姓名", "name", "name", "王五"),
        _c("队伍", "team", "choice", "社区干部", choices=s.CADRE_TEAMS),
        _c("职务", "post", "choice", "两委成员", "社区干部填写", required=False, choices=s.CADRE_POSTS),
        _ref("所在社区编码", "community_id", "community", "430702001007"),
        _c("公民身份号码", "id_number", "id_number", "430702199001010019", "选填;填写的校验最后一位",
           required=False),
        _c("出生日期", "birth_date", "date", "1990-01-01", "填了公民身份号码的须一致", past_only=True),
        _c("学历", "education", "choice", "本科", choices=s.EDUCATION_LEVELS),
        _c("手机号码", "phone", "phone", "13800000002", required=False),
        _c("进入方式", "entry_route", "choice", "两委换届", choices=s.ENTRY_ROUTES),
        _c("进入年度", "entry_year", "year", 2017),
        _c("人员来源", "background", "choice", "返乡人员", "两委换届进入的填写", required=False,
           choices=s.CADRE_BACKGROUNDS),
        _ref("党员编号", "member_id", "member", "", "是党员的填写", required=False),
        _ref("所在网格编码", "grid_id", "grid", "", "网格员填写,须在所在社区内", required=False),
        _c("任职日期", "appointed_on", "date", "2017-08-01", "选填,可不列;不填的视为一直在岗", required=False,
           past_only=True, omissible=True),
    ), ("code",), "社区干部、网格员、党建联络员和党员志愿者:所在社区和网格、学历、进入方式和来源。", _cadre_rules,
        checked_unique=("id_number",)),
)
