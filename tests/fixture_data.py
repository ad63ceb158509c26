"""A small hand-built store whose figures are counted by hand in the tests.

Two county-level units (甲区 T01, 乙县 T02), three streets and a town, four urban communities and a village,
eight grids, three resident units, ten members, and a handful of pairings, meetings, Two New organizations
and funding lines, each chosen to sit on one side of a definition's edge (a check-in after the as-of date,
a pairing that has ended, a meeting outside the window, a payment after the as-of date ...).
The as-of date is 2018-06-30. The expected figures are written out in tests/test_queries.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.schema import (
    Cadre,
    Community,
    Compound,
    County,
    FundingDisbursement,
    FundingLine,
    Grid,
    JointMeeting,
    MemberCheckin,
    PartyMember,
    PartyOrg,
    ResidentUnit,
    StoreMeta,
    Street,
    TwoNewOrg,
    TwoNewSite,
    UnitPairing,
    WorkingCommittee,
)

AS_OF = dt.date(2018, 6, 30)


def with_check_digit(first17: str) -> str:
    from dashboard.demo.names import id_check_digit

    return first17 + id_check_digit(first17)
D = dt.date


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
            grids[code] = Grid(code=code, name=f"{k.name}{code}网格", community_id=k.id, households=300)
        s.add_all(grids.values())
        s.flush()
        b1 = Compound(code="B1", name="花园1期", kind="小区", grid_id=grids["G1"].id, community_id=k1.id)
        b2 = Compound(code="B2", name="3栋", kind="楼栋", grid_id=grids["G1"].id, community_id=k1.id)
        s.add_all([b1, b2])
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
                                  community_id=k.id, grid_id=g.id)
        s.add_all(orgs[c] for c in ["G1", "G2", "G4", "G5", "G7"])
        s.flush()
        s.add(PartyOrg(code="O-B1", name="花园1期党小组", level="小区(楼栋)党小组", form="党小组",
                       parent_id=orgs["G1"].id, county_id=c1.id, street_id=s1.id, community_id=k1.id,
                       grid_id=grids["G1"].id, compound_id=b1.id))
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
            "M3": member("M3", "王五", u1, k3),
            "M4": member("M4", "赵六", u3, k3),
            "M5": member("M5", "钱七", u2, k4),
            "M6": member("M6", "孙八", u2, k4, joined=D(2018, 8, 1)),
            "M7": member("M7", "周九", u2, v1),
            "M8": member("M8", "吴十", None, k1, in_service=False, grid="G1"),
            "M9": member("M9", "郑一", None, k4, in_service=False, grid="G7"),
            "M10": member("M10", "冯二", u2, k4),
        }
        s.add_all(m.values())
        s.flush()
        for code, k, day in [("M1", k1, D(2018, 3, 1)), ("M2", k2, D(2018, 7, 15)), ("M4", k3, D(2017, 5, 1)),
                             ("M5", k4, D(2016, 1, 1)), ("M10", k4, D(2018, 6, 30))]:
            s.add(MemberCheckin(member_id=m[code].id, community_id=k.id, checked_in_on=day))

        for unit, k, start, end in [(u1, k1, D(2016, 1, 1), None), (u1, k2, D(2018, 9, 1), None),
                                    (u2, k4, D(2017, 1, 1), D(2018, 1, 31)), (u3, k3, D(2017, 6, 1), D(2018, 12, 31))]:
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
                    ("T02-S3", D(2018, 3, 31))]
        street_of = {s1.code: s1, s2.code: s2, s3.code: s3}
        for i, (code, day) in enumerate(meetings, start=1):
            s.add(JointMeeting(code=f"J{i}", committee_id=committees[code].id, street_id=street_of[code].id,
                               held_on=day, title=f"联席会议{i}"))

        site = TwoNewSite(code="SITE1", name="测试大厦", kind="商务楼宇", community_id=k1.id)
        s.add(site)
        s.flush()
        for code, k, coverage, members in [("N1", k1, "单独组建", 5), ("N2", k1, "联合组建", 1),
                                           ("N3", k2, "选派党建指导员", 2), ("N4", k3, "未覆盖", 4),
                                           ("N5", k4, "联合组建", 0), ("N6", k4, "未覆盖", 0)]:
            located = k.code == "K1"
            s.add(TwoNewOrg(code=code, name=f"测试组织{code}", kind="非公企业",
                            location_type="商务楼宇" if located else "其他", site_id=site.id if located else None,
                            community_id=k.id, employees=50, size_class="小型", is_large_stable=False,
                            party_members=members, coverage_kind=coverage))

        lines = {
            "L1": FundingLine(code="L1", year=2018, source="财政拨付", purpose="阵地建设", county_id=c1.id,
                              budget_yuan=Decimal("100000.00")),
            "L2": FundingLine(code="L2", year=2018, source="财政拨付", purpose="党组织活动经费", county_id=c1.id,
                              street_id=s1.id, community_id=k1.id, budget_yuan=Decimal("30000.00")),
            "L3": FundingLine(code="L3", year=2018, source="党费补充", purpose="教育培训", county_id=c2.id,
                              budget_yuan=Decimal("50000.00")),
            "L4": FundingLine(code="L4", year=2017, source="社会筹措", purpose="阵地建设", county_id=c2.id,
                              budget_yuan=Decimal("80000.00")),
        }
        s.add_all(lines.values())
        s.flush()
        for code, day, amount in [("L1", D(2018, 3, 1), "20000.00"), ("L1", D(2018, 6, 30), "30000.00"),
                                  ("L1", D(2018, 7, 15), "10000.00"), ("L2", D(2018, 4, 1), "15000.00"),
                                  ("L4", D(2017, 10, 1), "80000.00")]:
            s.add(FundingDisbursement(funding_line_id=lines[code].id, paid_on=day, amount_yuan=Decimal(amount)))

        s.add(Cadre(code="GB1", name="陈联络", team="党建联络员", community_id=k1.id, birth_date=D(1988, 1, 1),
                    education="本科", phone="13900000000", entry_route="公开选聘", entry_year=2017))
        s.add(StoreMeta(meta_key="data_as_of", value=AS_OF.isoformat()))
