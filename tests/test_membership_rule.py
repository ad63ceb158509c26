"""The membership rule of community Party organizations counts the members whose organizational relationship
(组织关系) is in the community, on a small store counted by hand, on every backend."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from dashboard.db import upgrade_store
from dashboard.schema import Community, County, Grid, PartyMember, PartyOrg, ResidentUnit, Street
from queries.area import Area
from queries.coverage import community_form_check


def build(engine) -> None:
    """One street, three urban communities, one unit; members placed as the comments say."""
    upgrade_store(engine)
    with Session(engine) as s, s.begin():
        county = County(code="T01", name="甲区", kind="市辖区", lon=111.0, lat=29.0)
        s.add(county)
        s.flush()
        street = Street(code="S1", name="一街道", kind="街道", county_id=county.id)
        s.add(street)
        s.flush()
        places = {}
        for code, name in [("KA", "东社区"), ("KB", "南社区"), ("KC", "西社区")]:
            places[code] = Community(code=code, name=name, kind="社区", is_urban=True, street_id=street.id,
                                     county_id=county.id)
        s.add_all(places.values())
        s.flush()
        grid = Grid(code="KA-W01", name="东社区第1网格", community_id=places["KA"].id)
        unit = ResidentUnit(code="U1", name="甲区财政局", kind="县直机关", community_id=places["KA"].id)
        s.add_all([grid, unit])
        s.flush()
        orgs = {}
        for code, form in [("KA", "党支部"), ("KB", "党总支"), ("KC", "党支部")]:
            orgs[code] = PartyOrg(code=f"O-{code}", name=f"中共{code}支部", level="社区党组织", form=form,
                                  county_id=county.id, street_id=street.id, community_id=places[code].id)
        orgs["G"] = PartyOrg(code="O-G", name="东社区第1网格党支部", level="网格党支部", form="党支部",
                             county_id=county.id, street_id=street.id, community_id=places["KA"].id, grid_id=grid.id)
        orgs["U1"] = PartyOrg(code="O-U1", name="中共甲区财政局支部", level="单位党组织", form="党支部",
                              resident_unit_id=unit.id)
        s.add_all(orgs.values())
        s.flush()
        people = (
            # KA: 2 retired members in the community organization, 1 in its grid branch: 3 members, all full.
            [("KA", "KA", False, True)] * 2 + [("G", "KA", False, True)]
            # KA: 60 in-service members living there, relationship in their unit: they do not count.
            + [("U1", "KA", True, True)] * 60
            # KB: 2 full and 1 probationary member: 3 members but 2 full, too few to found any organization.
            + [("KB", "KB", False, True)] * 2 + [("KB", "KB", False, False)]
            # KC: an in-service member whose relationship is in the community counts; 3 of them, all full.
            + [("KC", "KC", True, True)] * 3
        )
        for number, (org, home, in_service, full) in enumerate(people, start=1):
            s.add(PartyMember(code=f"M{number}", name="党员", gender="女", birth_date=dt.date(1950, 1, 1),
                              id_number=f"ID{number:016d}", joined_on=dt.date(1980, 7, 1), is_full_member=full,
                              is_in_service=in_service, party_org_id=orgs[org].id,
                              work_unit_id=unit.id if org == "U1" else None,
                              residence_community_id=places[home].id))


def test_members_are_those_whose_relationship_is_in_the_community(empty_engine):
    build(empty_engine)
    frame = community_form_check(empty_engine, Area()).set_index("community_code")
    assert frame["members"].to_dict() == {"KA": 3, "KB": 3, "KC": 3}
    assert frame["full_members"].to_dict() == {"KA": 3, "KB": 2, "KC": 3}
    assert frame["expected_form"].to_dict() == {"KA": "党支部", "KB": "不足3名正式党员", "KC": "党支部"}
    assert frame["matches"].to_dict() == {"KA": True, "KB": False, "KC": True}
