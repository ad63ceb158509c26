"""A small hand-built store whose figures are counted by hand in the tests.

Two county-level units (甲区 T01, 乙县 T02), three streets and a town, four urban communities and a village,
eight grids, three resident units, ten members, and a handful of pairings, meetings, Two New organizations,
funding lines, cadres of the four teams and service platforms, each chosen to sit on one side of a
definition's edge (a check-in after the as-of date, a pairing that has ended, a meeting outside the window, a
payment after the as-of date ...).
The as-of date is 2018-06-30. The expected figures are written out in tests/test_queries.py.
Records on the inclusive edges (issue 18), each counted in the tests: a unit pairing (U3-K2) ending on the
as-of day, unit, member and secretary check-ins on it, 一街道's meetings on the first day of 2018 and of its
first quarter (01-01) and on the last day of the half-year and of the second quarter (06-30), a service by M2
(06-20) before its check-in (07-15), and M3 joining on the as-of day, the last day of June.
双向考核 (counted in tests/test_assessment.py): U1 checks in to K2 and K3 too (2017-03-01, and 2017-12-31, the
year's last day; U1 counted as checked in already, so no earlier figure changes), scores of 2016-2018 with
the bands' lower edges (90.0, 80.0, 60.0), a score for units that had not checked in by the year's end (U2,
U3), and services of 2017 by M4 before, on and after its check-in day (2017-05-01) and by M5 twice in March.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dashboard.schema import (
    Cadre,
    CommitteeMember,
    Community,
    Compound,
    County,
    FundingDisbursement,
    FundingLine,
    Grid,
    JointMeeting,
    MeetingAttendance,
    MeetingItem,
    MemberCheckin,
    MemberPairing,
    Notification,
    PairingActivity,
    PartyMember,
    PartyOrg,
    PostClaim,
    ResidentUnit,
    SecretaryCheckin,
    ServiceActivity,
    ServicePlatform,
    StoreMeta,
    Street,
    TwoNewOrg,
    TwoNewSite,
    UnitAssessment,
    UnitCheckin,
    UnitPairing,
    VolunteerPost,
    WorkingCommittee,
)
from dashboard.summaries import rebuild_summaries

AS_OF = dt.date(2018, 6, 30)


def with_check_digit(first17: str) -> str:
    from dashboard.demo.names import id_check_digit

    return first17 + id_check_digit(first17)
D = dt.date

# Dated coverage (issue 15; counted in tests/test_changes.py). Every date is on or before AS_OF, so no figure
# of the as-of day changes; records without one count as existing since ever. Compared with the end of the
# previous month (2018-05-31) and the same month last year (2017-06-30):
# grids G6 created 2017-08-01 and G8 2018-06-10; grid branches O-G4 founded 2016-05-01, O-G7 2017-03-01,
# O-G1 2017-09-01, O-G5 2018-06-15, O-G2 undated;
GRID_CREATED = {"G6": D(2017, 8, 1), "G8": D(2018, 6, 10)}
BRANCH_FOUNDED = {"G4": D(2016, 5, 1), "G7": D(2017, 3, 1), "G1": D(2017, 9, 1), "G5": D(2018, 6, 15)}
# Two New (organized_on, work_covered_on): N1 an instructor from 2017-10-01 and its own organization from
# 2018-06-01, N3 an instructor from 2017-01-01, N5 a joint organization from 2017-12-01; N2 undated;
TWO_NEW_DATES = {"N1": (D(2018, 6, 1), D(2017, 10, 1)), "N3": (None, D(2017, 1, 1)), "N5": (D(2017, 12, 1), None)}
# liaison officers GB1 (K1) appointed 2017-08-01, GB29 (K4) 2018-06-05, GB16 (K2) undated.
APPOINTED = {"GB1": D(2017, 8, 1), "GB29": D(2018, 6, 5)}


def build_fixture(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        c1 = County(code="T01", adcode="990101", name="甲区", kind="市辖区", lon=111.68, lat=29.05, sort_order=1)
        c2 = County(code="T02", adcode="990102", name="乙县", kind="县", lon=111.50, lat=28.90, sort_order=2)
        s.add_all([c1, c2])
        s.flush()
        s1 = Street(code="T01-S1", name="一街道", kind="街道", county_id=c1.id)
        s2 = Street(code="T01-S2", name="二街道", kind="街道", county_id=c1.id)
        s3 = Street(code="T02-S3", name="三街道", kind="街道", county_id=c2.id)
        t1 = Street(code="T02-T1", name="四镇", kind="乡镇", county_id=c2.id)
        s.add_all([s1, s2, s3, t1])
        s.flush()

        def community(code, name, street, county, kind="社区", urban=True, central=False):
            return Community(code=code, name=name, kind=kind, is_urban=urban, is_central_city=central,
                             street_id=street.id, county_id=county.id, population=5000)

        k1 = community("K1", "红星社区", s1, c1, central=True)
        k2 = community("K2", "光明社区", s1, c1, central=True)
        k3 = community("K3", "和平社区", s2, c1)
        k4 = community("K4", "幸福社区", s3, c2)
        v1 = community("V1", "青山村", t1, c2, kind="村", urban=False)
        s.add_all([k1, k2, k3, k4, v1])
        s.flush()

        grids = {}
        for code, k in [("G1", k1), ("G2", k1), ("G3", k1), ("G4", k2), ("G5", k2), ("G6", k3), ("G7", k4),
                        ("G8", k4)]:
            grids[code] = Grid(code=code, name=f"{k.name}{code}网格", community_id=k.id, households=300,
                               created_on=GRID_CREATED.get(code))
        s.add_all(grids.values())
        s.flush()
        b1 = Compound(code="B1", name="花园1期", kind="小区", grid_id=grids["G1"].id, community_id=k1.id)
        b2 = Compound(code="B2", name="3栋", kind="楼栋", grid_id=grids["G1"].id, community_id=k1.id)
        b3 = Compound(code="B3", name="7栋", kind="楼栋", grid_id=grids["G4"].id, community_id=k2.id)
        b4 = Compound(code="B4", name="家园2期", kind="小区", grid_id=grids["G7"].id, community_id=k4.id)
        s.add_all([b1, b2, b3, b4])
        s.flush()

        u1 = ResidentUnit(code="U1", name="甲区财政局", kind="县直机关", is_city_county_organ=True, community_id=k1.id)
        u2 = ResidentUnit(code="U2", name="乙县教育局", kind="县直机关", is_city_county_organ=True, community_id=k4.id)
        u3 = ResidentUnit(code="U3", name="常德某科技有限公司", kind="非公企业", is_city_county_organ=False,
                          community_id=k3.id)
        s.add_all([u1, u2, u3])
        s.flush()

        city = PartyOrg(code="O-CITY", name="中共测试市委员会", level="市委", form="党委")
        s.add(city)
        s.flush()
        county_org = PartyOrg(code="O-T01", name="中共甲区委员会", level="区县(市)委", form="党委", parent_id=city.id,
                              county_id=c1.id)
        s.add(county_org)
        s.flush()
        s.add(PartyOrg(code="O-S1", name="中共一街道工作委员会", level="街道党工委", form="党工委",
                       parent_id=county_org.id, county_id=c1.id, street_id=s1.id))
        orgs = {}
        for k, form in [(k1, "党总支"), (k2, "党支部"), (k3, "党支部"), (k4, "党委")]:
            orgs[k.code] = PartyOrg(code=f"O-{k.code}", name=f"中共{k.name}委员会", level="社区党组织", form=form,
                                    county_id=k.county_id, street_id=k.street_id, community_id=k.id)
        s.add_all(orgs.values())
        s.flush()
        for code in ["G1", "G2", "G4", "G5", "G7"]:
            g = grids[code]
            k = {k1.id: k1, k2.id: k2, k4.id: k4}[g.community_id]
            orgs[code] = PartyOrg(code=f"O-{code}", name=f"{g.name}党支部", level="网格党支部", form="党支部",
                                  parent_id=orgs[k.code].id, county_id=k.county_id, street_id=k.street_id,
                                  community_id=k.id, grid_id=g.id, founded_on=BRANCH_FOUNDED.get(code))
        s.add_all(orgs[c] for c in ["G1", "G2", "G4", "G5", "G7"])
        s.flush()
        s.add(PartyOrg(code="O-B1", name="花园1期党小组", level="小区(楼栋)党小组", form="党小组",
                       parent_id=orgs["G1"].id, county_id=c1.id, street_id=s1.id, community_id=k1.id,
                       grid_id=grids["G1"].id, compound_id=b1.id))
        s.add(PartyOrg(code="O-B4", name="家园2期党小组", level="小区(楼栋)党小组", form="党小组",
                       parent_id=orgs["G7"].id, county_id=c2.id, street_id=s3.id, community_id=k4.id,
                       grid_id=grids["G7"].id, compound_id=b4.id))
        for u in (u1, u2, u3):
            orgs[u.code] = PartyOrg(code=f"O-{u.code}", name=f"中共{u.name}支部委员会", level="单位党组织",
                                    form="党支部", resident_unit_id=u.id)
        s.add_all(orgs[u] for u in ["U1", "U2", "U3"])
        s.flush()

        def member(code, name, unit, home, in_service=True, joined=None, grid=None):
            org = orgs[unit.code] if unit else orgs[grid or home.code]
            return PartyMember(code=code, name=name, gender="男", birth_date=D(1975, 5, 5),
                               id_number=with_check_digit(f"43070219750505{int(code[1:]):03d}"), phone="13800000000",
                               joined_on=joined or D(2000, 7, 1), is_full_member=True, is_in_service=in_service,
                               party_org_id=org.id, work_unit_id=unit.id if unit else None,
                               residence_community_id=home.id,
                               residence_grid_id=grids[grid].id if grid else None)

        m = {
            "M1": member("M1", "张三明", u1, k1),
            "M2": member("M2", "李四", u1, k2),
            "M3": member("M3", "王五", u1, k3, joined=D(2018, 6, 30)),
            "M4": member("M4", "赵六", u3, k3),
            "M5": member("M5", "钱七", u2, k4),
            "M6": member("M6", "孙八", u2, k4, joined=D(2018, 8, 1)),
            "M7": member("M7", "周九", u2, v1),
            "M8": member("M8", "吴十", None, k1, in_service=False, grid="G1"),
            "M9": member("M9", "郑一", None, k4, in_service=False, grid="G7"),
            "M10": member("M10", "冯二", u2, k4),
            "M11": member("M11", "陈一", None, k2, in_service=False, grid="G4"),
            "M12": member("M12", "褚二", None, k2, in_service=False, grid="G4"),
            "M13": member("M13", "卫三", None, k2, in_service=False, grid="G5"),
        }
        s.add_all(m.values())
        s.flush()
        for code, k, day in [("M1", k1, D(2018, 3, 1)), ("M2", k2, D(2018, 7, 15)), ("M4", k3, D(2017, 5, 1)),
                             ("M5", k4, D(2016, 1, 1)), ("M10", k4, D(2018, 6, 30))]:
            s.add(MemberCheckin(member_id=m[code].id, community_id=k.id, checked_in_on=day))

        _checkin_world(s, m, {"K1": k1, "K2": k2, "K3": k3, "K4": k4}, {"U1": u1, "U2": u2, "U3": u3})

        for unit, k, start, end in [(u1, k1, D(2016, 1, 1), None), (u1, k2, D(2018, 9, 1), None),
                                    (u2, k4, D(2017, 1, 1), D(2018, 1, 31)), (u3, k3, D(2017, 6, 1), D(2018, 12, 31)),
                                    (u3, k2, D(2017, 6, 1), D(2018, 6, 30))]:
            s.add(UnitPairing(resident_unit_id=unit.id, community_id=k.id, started_on=start, ended_on=end))

        committees = {}
        for st in (s1, s2, s3):
            committees[st.code] = WorkingCommittee(street_id=st.id, name=f"{st.name}大工委",
                                                   established_on=D(2015, 1, 1))
        s.add_all(committees.values())
        s.flush()
        meetings = [("T01-S1", D(2017, 8, 10)), ("T01-S1", D(2017, 11, 20)), ("T01-S1", D(2018, 2, 5)),
                    ("T01-S1", D(2018, 5, 6)), ("T01-S2", D(2017, 9, 30)), ("T01-S2", D(2017, 9, 1)),
                    ("T01-S2", D(2018, 4, 1)), ("T02-S3", D(2017, 6, 30)), ("T02-S3", D(2018, 7, 1)),
                    ("T02-S3", D(2018, 3, 31)),
                    ("T01-S1", D(2018, 6, 30)), ("T01-S1", D(2018, 1, 1))]
        street_of = {s1.code: s1, s2.code: s2, s3.code: s3}
        for i, (code, day) in enumerate(meetings, start=1):
            s.add(JointMeeting(code=f"J{i}", committee_id=committees[code].id, street_id=street_of[code].id,
                               held_on=day, title=f"联席会议{i}"))

        site = TwoNewSite(code="SITE1", name="测试大厦", kind="商务楼宇", community_id=k1.id)
        park = TwoNewSite(code="SITE2", name="测试园区", kind="园区", community_id=k3.id)
        s.add_all([site, park])
        s.flush()
        for code, k, kind, place, employees, size, members, coverage in [
            ("N1", k1, "非公企业", site, 50, "小型", 5, "单独组建"),
            ("N2", k1, "非公企业", site, 50, "小型", 1, "联合组建"),
            ("N3", k2, "社会组织", None, 50, "小型", 2, "选派党建指导员"),
            ("N4", k3, "非公企业", park, 400, "大型", 4, "未覆盖"),
            ("N5", k4, "非公企业", None, 50, "小型", 0, "联合组建"),
            ("N6", k4, "非公企业", None, 10, "微型", 0, "未覆盖"),
        ]:
            s.add(TwoNewOrg(code=code, name=f"测试组织{code}", kind=kind,
                            location_type=place.kind if place else "其他", site_id=place.id if place else None,
                            community_id=k.id, employees=employees, size_class=size, is_large_stable=size == "大型",
                            party_members=members, coverage_kind=coverage,
                            organized_on=TWO_NEW_DATES.get(code, (None, None))[0],
                            work_covered_on=TWO_NEW_DATES.get(code, (None, None))[1]))
        s.flush()
        _committee_world(s, committees, {"U1": u1, "U2": u2, "U3": u3})

        lines = {
            "L1": FundingLine(code="L1", year=2018, source="财政拨付", purpose="阵地建设", county_id=c1.id,
                              budget_yuan=Decimal("100000.00")),
            "L2": FundingLine(code="L2", year=2018, source="财政拨付", purpose="党组织活动经费", county_id=c1.id,
                              street_id=s1.id, community_id=k1.id, budget_yuan=Decimal("30000.00")),
            "L3": FundingLine(code="L3", year=2018, source="党费补充", purpose="教育培训", county_id=c2.id,
                              budget_yuan=Decimal("50000.00")),
            "L4": FundingLine(code="L4", year=2017, source="社会筹措", purpose="阵地建设", county_id=c2.id,
                              budget_yuan=Decimal("80000.00")),
            "L5": FundingLine(code="L5", year=2017, source="财政拨付", purpose="阵地建设", county_id=c1.id,
                              budget_yuan=Decimal("90000.00")),
        }
        s.add_all(lines.values())
        s.flush()
        for code, day, amount in [("L1", D(2018, 3, 1), "20000.00"), ("L1", D(2018, 6, 30), "30000.00"),
                                  ("L1", D(2018, 7, 15), "10000.00"), ("L2", D(2018, 4, 1), "15000.00"),
                                  ("L4", D(2017, 10, 1), "80000.00"), ("L5", D(2017, 5, 1), "45000.00")]:
            s.add(FundingDisbursement(funding_line_id=lines[code].id, paid_on=day, amount_yuan=Decimal(amount)))

        s.add(Cadre(code="GB1", name="陈联络", team="党建联络员", community_id=k1.id, birth_date=D(1988, 1, 1),
                    education="本科", phone="13900000000", entry_route="公开选聘", entry_year=2017,
                    appointed_on=APPOINTED["GB1"]))
        s.flush()
        _teams_world(s, {"K1": k1, "K2": k2, "K3": k3, "K4": k4, "V1": v1}, grids)
        _platform_world(s, {"T01-S1": s1, "T02-S3": s3}, {"K1": k1, "K2": k2, "K4": k4, "V1": v1})
        _pairing_world(s, m, {"K1": k1, "K3": k3, "K4": k4}, {"U1": u1, "U2": u2, "U3": u3})
        s.add(StoreMeta(meta_key="data_as_of", value=AS_OF.isoformat()))
    with engine.begin() as connection:  # as every write path does: the demo generator, imports
        rebuild_summaries(connection)


def _committee_world(s: Session, committees: dict, u: dict) -> None:
    """The committees' seats, 一街道's attendance, and the items (counted in tests/test_meetings.py).

    Seats: 一街道 a county-level secretary (张书记) and two members for units U1 and U3 (compliant); 二街道 a
    secretary whose county-level standing is not stated (周书记) and no unit; 三街道 a secretary who is not
    a county-level leader (吴书记) and a member for U2. Items still open on 2018-06-30 besides 一街道's:
    二街道's 雨污分流 of 2017-09-01 (resolved only on 2018-08-15) and 三街道's 老旧小区改造 of 2017-06-30."""
    seats = {name: CommitteeMember(committee_id=committees[street].id, role=role, person_name=name, title=title,
                                   resident_unit_id=u[unit].id if unit else None, phone=phone,
                                   is_county_leader=leader)
             for street, name, role, title, unit, phone, leader in [
                 ("T01-S1", "张书记", "书记", "甲区委常委", None, "13900001111", True),
                 ("T01-S1", "李副书", "副书记", "一街道党工委书记", None, "13900001111", False),
                 ("T01-S1", "王委员", "委员", "甲区财政局党组织负责人", "U1", "13900001111", None),
                 ("T01-S1", "赵委员", "委员", "常德某科技有限公司党组织负责人", "U3", "13900001111", None),
                 ("T01-S2", "周书记", "书记", "甲区委常委", None, None, None),
                 ("T02-S3", "吴书记", "书记", "三街道党工委书记", None, "13900002222", False),
                 ("T02-S3", "孙委员", "委员", "乙县教育局党组织负责人", "U2", None, None)]}
    s.add_all(seats.values())
    s.flush()
    meeting = {m.code: m for m in s.scalars(select(JointMeeting))}
    for code, absent in [("J3", set()), ("J4", {"赵委员"})]:
        for name in ("张书记", "李副书", "王委员", "赵委员"):
            s.add(MeetingAttendance(meeting_id=meeting[code].id, committee_member_id=seats[name].id,
                                    attended=name not in absent))
    for code, kind, title, unit, matched, resolved_on in [
        ("J1", "需求清单", "背街小巷路灯", None, True, D(2017, 9, 1)),
        ("J3", "资源清单", "开放活动阵地", "U1", True, D(2018, 3, 1)),
        ("J3", "需求清单", "小区停车难", "U3", True, None),
        ("J4", "项目清单", "共建口袋公园", None, False, None),
        ("J6", "项目清单", "雨污分流", "U1", True, D(2018, 8, 15)),
        ("J8", "需求清单", "老旧小区改造", None, False, None),
    ]:
        s.add(MeetingItem(meeting_id=meeting[code].id, list_kind=kind, title=title,
                          resident_unit_id=u[unit].id if unit else None, is_matched=matched,
                          is_resolved=resolved_on is not None, resolved_on=resolved_on))


def _checkin_world(s: Session, m: dict, k: dict, u: dict) -> None:
    """Unit and secretary check-ins, posts, claims and service (counted in tests/test_checkin.py)."""
    s.add_all([
        UnitCheckin(resident_unit_id=u["U1"].id, community_id=k["K1"].id, checked_in_on=D(2016, 5, 1)),
        UnitCheckin(resident_unit_id=u["U2"].id, community_id=k["K4"].id, checked_in_on=D(2018, 7, 10)),
        UnitCheckin(resident_unit_id=u["U3"].id, community_id=k["K3"].id, checked_in_on=D(2018, 6, 30)),
        UnitCheckin(resident_unit_id=u["U1"].id, community_id=k["K2"].id, checked_in_on=D(2017, 3, 1)),
        UnitCheckin(resident_unit_id=u["U1"].id, community_id=k["K3"].id, checked_in_on=D(2017, 12, 31)),
        SecretaryCheckin(community_id=k["K1"].id, resident_unit_id=u["U1"].id, checked_in_on=D(2017, 1, 1)),
        SecretaryCheckin(community_id=k["K1"].id, resident_unit_id=u["U3"].id, checked_in_on=D(2018, 8, 1)),
        SecretaryCheckin(community_id=k["K4"].id, resident_unit_id=u["U2"].id, checked_in_on=D(2018, 2, 1)),
        SecretaryCheckin(community_id=k["K3"].id, resident_unit_id=u["U3"].id, checked_in_on=D(2018, 6, 30)),
    ])
    posts = {code: VolunteerPost(code=code, name=f"{category}岗1", category=category, community_id=k[home].id)
             for code, home, category in [("P1", "K1", "治安巡逻"), ("P2", "K2", "文明劝导"), ("P3", "K3", "环境卫生"),
                                          ("P4", "K4", "关爱帮扶")]}  # nobody claims P2
    s.add_all(posts.values())
    s.flush()
    for who, post, day in [("M1", "P1", D(2018, 3, 5)), ("M4", "P3", D(2017, 5, 2)), ("M5", "P4", D(2016, 1, 5)),
                           ("M10", "P4", D(2018, 7, 2))]:
        s.add(PostClaim(member_id=m[who].id, post_id=posts[post].id, claimed_on=day))
    for who, home, day, kind, hours in [
        ("M1", "K1", D(2018, 4, 10), "治安巡逻", "2.0"), ("M1", "K1", D(2018, 4, 20), "环境卫生", "1.5"),
        ("M1", "K1", D(2018, 6, 5), "治安巡逻", "3.0"), ("M4", "K3", D(2018, 5, 15), "文明劝导", "2.0"),
        ("M5", "K4", D(2018, 4, 1), "关爱帮扶", "2.5"), ("M5", "K4", D(2018, 5, 1), "关爱帮扶", "2.0"),
        ("M5", "K4", D(2018, 6, 30), "治安巡逻", "2.0"), ("M2", "K2", D(2018, 7, 20), "环境卫生", "1.0"),
        ("M2", "K2", D(2018, 6, 20), "治安巡逻", "2.0"),
        # 2017 services, for the 双向考核 league table's monthly service (tests/test_assessment.py)
        ("M5", "K4", D(2017, 3, 10), "治安巡逻", "2.0"), ("M5", "K4", D(2017, 3, 20), "治安巡逻", "2.0"),
        ("M5", "K4", D(2017, 11, 5), "治安巡逻", "2.0"), ("M4", "K3", D(2017, 4, 20), "治安巡逻", "2.0"),
        ("M4", "K3", D(2017, 5, 1), "治安巡逻", "2.0"), ("M4", "K3", D(2017, 12, 31), "治安巡逻", "2.0"),
    ]:
        s.add(ServiceActivity(code=f"FW-{who}-{day:%Y%m%d}", member_id=m[who].id, community_id=k[home].id,
                              served_on=day, kind=kind, hours=Decimal(hours)))


def _pairing_world(s: Session, m: dict, k: dict, u: dict) -> None:
    """Member pairings, pairing activities and 2016/2017 notifications (counted in tests/test_checkin.py), and
    the communities' scores of the units (双向考核, counted in tests/test_assessment.py)."""
    unit_pairings = {(p.resident_unit_id, p.community_id): p for p in s.scalars(select(UnitPairing))}
    pairs = {}
    for agency, resident, home, day in [("M1", "M8", "K1", D(2018, 3, 10)), ("M5", "M9", "K4", D(2016, 6, 1)),
                                        ("M10", "M9", "K4", D(2018, 8, 1))]:
        pairs[agency] = MemberPairing(agency_member_id=m[agency].id, resident_member_id=m[resident].id,
                                      community_id=k[home].id, started_on=day)
    s.add_all(pairs.values())
    s.flush()
    p1 = unit_pairings[(u["U1"].id, k["K1"].id)]
    p4 = unit_pairings[(u["U3"].id, k["K3"].id)]
    for number, (unit_pairing, member_pairing, home, day, kind) in enumerate([
        (p1, None, "K1", D(2018, 4, 2), "联户帮带"), (p1, None, "K1", D(2018, 5, 2), "卫生保洁"),
        (p4, None, "K3", D(2018, 6, 1), "医疗义诊"), (None, pairs["M1"], "K1", D(2018, 4, 15), "联户帮带"),
        (None, pairs["M5"], "K4", D(2017, 12, 1), "走访慰问"),
    ], start=1):
        s.add(PairingActivity(code=f"HD{number}", unit_pairing_id=unit_pairing.id if unit_pairing else None,
                              member_pairing_id=member_pairing.id if member_pairing else None,
                              community_id=k[home].id, held_on=day, kind=kind))
    for unit, home, year, unit_day, community_day in [
        ("U1", "K1", 2017, D(2017, 12, 20), D(2017, 12, 28)), ("U2", "K4", 2017, D(2017, 12, 15), None),
        ("U3", "K3", 2017, D(2018, 1, 5), D(2018, 1, 9)), ("U1", "K1", 2016, None, None),
    ]:
        s.add(Notification(resident_unit_id=u[unit].id, community_id=k[home].id, year=year,
                           unit_notified_on=unit_day, community_notified_on=community_day, members_reported=1))
    for unit, home, year, score in [("U1", "K1", 2016, "82.0"), ("U2", "K4", 2016, "70.0"), ("U1", "K1", 2017, "90.0"),
                                    ("U1", "K3", 2017, "80.0"), ("U3", "K3", 2017, "58.0"), ("U2", "K4", 2017, "60.0"),
                                    ("U1", "K1", 2018, "95.0")]:
        s.add(UnitAssessment(resident_unit_id=u[unit].id, community_id=k[home].id, year=year, score=Decimal(score)))


def _teams_world(s: Session, k: dict, grids: dict) -> None:
    """四支队伍 besides GB1 (counted in tests/test_teams.py): K1 has everyone (G3 lacks a grid worker), K2 three
    两委 members, no full-time worker and a liaison officer of 45 with 高中, K3 no secretary, one member, no
    liaison officer and a grid worker without a grid, K4 everything but G8's grid worker; the village V1 one
    entrant. Birthdays on and the day after the as-of day (GB9, GB29; GB14, GB4)."""
    people = [
        # code, name, team, post, community, grid, born, education, route, year, background
        ("GB2", "林书记", "社区干部", "社区党组织书记", "K1", None, D(1970, 3, 15), "本科", "原有", 2014, None),
        ("GB3", "何委员", "社区干部", "两委成员", "K1", None, D(1980, 5, 5), "大专", "原有", 2014, None),
        ("GB4", "马委员", "社区干部", "两委成员", "K1", None, D(1985, 7, 1), "高中", "原有", 2014, None),
        ("GB5", "高致富", "社区干部", "两委成员", "K1", None, D(1978, 2, 2), "高中", "两委换届", 2017, "致富带头人"),
        ("GB6", "罗退伍", "社区干部", "两委成员", "K1", None, D(1990, 8, 8), "大专", "两委换届", 2017, "退伍军人"),
        ("GB7", "梁专职", "社区干部", "专职工作人员", "K1", None, D(1995, 1, 1), "本科", "公开选聘", 2017, None),
        ("GB8", "宋网格", "网格员", None, "K1", "G1", D(1993, 3, 3), "大专", "公开选聘", 2017, None),
        ("GB9", "唐网格", "网格员", None, "K1", "G2", D(1975, 6, 30), "高中", "原有", 2014, None),
        ("GB10", "许志愿", "党员志愿者", None, "K1", None, D(1960, 1, 1), "高中", "原有", 2014, None),
        ("GB11", "韩书记", "社区干部", "社区党组织书记", "K2", None, D(1968, 12, 31), "大专", "原有", 2014, None),
        ("GB12", "冯返乡", "社区干部", "两委成员", "K2", None, D(1986, 4, 4), "高中", "两委换届", 2017, "返乡人员"),
        ("GB13", "邓委员", "社区干部", "两委成员", "K2", None, D(1982, 9, 9), "本科", "原有", 2014, None),
        ("GB14", "曹网格", "网格员", None, "K2", "G4", D(1994, 7, 1), "大专", "公开选聘", 2017, None),
        ("GB15", "彭网格", "网格员", None, "K2", "G5", D(1990, 1, 1), "中专", "原有", 2014, None),
        ("GB16", "曾联络", "党建联络员", None, "K2", None, D(1973, 5, 5), "高中", "公开选聘", 2017, None),
        ("GB17", "肖干部", "社区干部", None, "K2", None, D(1980, 1, 1), "大专", "原有", 2014, None),
        ("GB18", "田学生", "社区干部", "两委成员", "K3", None, D(1996, 10, 10), "本科", "两委换届", 2017,
         "大中专毕业生"),
        ("GB19", "董专职", "社区干部", "专职工作人员", "K3", None, D(1992, 2, 2), "大专", "公开选聘", 2017, None),
        ("GB20", "袁网格", "网格员", None, "K3", None, D(1988, 8, 8), "大专", "公开选聘", 2016, None),
        ("GB21", "潘书记", "社区干部", "社区党组织书记", "K4", None, D(1972, 4, 4), "本科", "两委换届", 2017,
         "返乡人员"),
        ("GB22", "蒋委员", "社区干部", "两委成员", "K4", None, D(1979, 3, 3), "大专", "原有", 2014, None),
        ("GB23", "蔡委员", "社区干部", "两委成员", "K4", None, D(1983, 3, 3), "大专", "原有", 2014, None),
        ("GB24", "余委员", "社区干部", "两委成员", "K4", None, D(1987, 3, 3), "大专", "原有", 2014, None),
        ("GB25", "杜委员", "社区干部", "两委成员", "K4", None, D(1991, 3, 3), "本科", "原有", 2014, None),
        ("GB26", "叶专职", "社区干部", "专职工作人员", "K4", None, D(1994, 4, 4), "本科", "公开选聘", 2017, None),
        ("GB27", "程专职", "社区干部", "专职工作人员", "K4", None, D(1989, 4, 4), "大专", "公开选聘", 2016, None),
        ("GB28", "魏网格", "网格员", None, "K4", "G7", D(1992, 5, 5), "大专", "公开选聘", 2017, None),
        ("GB29", "吕联络", "党建联络员", None, "K4", None, D(1993, 6, 30), "研究生", "公开选聘", 2017, None),
        ("GB30", "苏致富", "社区干部", "两委成员", "V1", None, D(1975, 11, 11), "高中", "两委换届", 2017, "致富带头人"),
    ]
    for number, (code, name, team, post, home, grid, born, education, route, year, background) in enumerate(
            people, start=2):
        s.add(Cadre(code=code, name=name, team=team, post=post, community_id=k[home].id,
                    grid_id=grids[grid].id if grid else None, birth_date=born, education=education,
                    phone=f"139000000{number:02d}", entry_route=route, entry_year=year, background=background,
                    appointed_on=APPOINTED.get(code)))


def _platform_world(s: Session, streets: dict, k: dict) -> None:
    """Service platforms (counted in tests/test_platforms.py): 一街道's (6 of 6 items, shared) and 三街道's (5,
    not shared); K1 (10, shared), K2 (8, sharing not reported), K4 (items not reported, shared), the village
    V1 (neither reported); K3 and 二街道 have none."""
    for street, community, kind, year, items, shared in [
        ("T01-S1", None, "新建", 2016, 6, True), ("T02-S3", None, "改扩建", 2017, 5, False),
        (None, "K1", "改扩建", 2016, 10, True), (None, "K2", "新建", 2018, 8, None),
        (None, "K4", "改扩建", 2017, None, True), (None, "V1", "新建", 2018, None, None),
    ]:
        place = streets[street] if street else k[community]
        s.add(ServicePlatform(street_id=place.id if street else None, community_id=place.id if community else None,
                              county_id=place.county_id, kind=kind, completed_year=year, standard_items=items,
                              is_shared=shared))
