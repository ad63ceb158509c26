"""Resident units and the Party organizations of the six levels, of villages, units and Two New orgs."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.demo.context import DemoContext, random_dates
from dashboard.demo.names import place_names

# kind, count at scale 1, whether it is a city or county organ or public institution (市县行政事业单位)
UNIT_PLAN = [
    ("市直机关", 150, True), ("市直事业单位", 230, True), ("县直机关", 260, True), ("县直事业单位", 320, True),
    ("国有企业", 120, False), ("非公企业", 220, False), ("社会组织", 100, False),
]
UNIT_WORDS = {
    "市直机关": ["发改委", "教育局", "财政局", "人社局", "住建局", "交通运输局", "农业农村局", "商务局", "文旅局",
             "卫健委", "应急管理局", "审计局", "统计局", "医保局", "司法局", "民政局", "自然资源局", "生态环境局"],
    "市直事业单位": ["第一中学", "人民医院", "中医医院", "疾控中心", "职业技术学院", "图书馆", "博物馆", "广播电视台",
               "公积金中心", "社保中心", "规划设计院", "水文站"],
    "国有企业": ["城投集团", "水务公司", "公交公司", "电力公司", "燃气公司", "烟草公司", "农商银行", "邮政分公司"],
    "非公企业": ["科技有限公司", "商贸有限公司", "建设工程公司", "物流有限公司", "食品有限公司", "物业服务公司"],
    "社会组织": ["志愿者协会", "商会", "养老服务中心", "社工服务站", "行业协会", "慈善会"],
}
UNIT_WORDS["县直机关"] = UNIT_WORDS["市直机关"]
UNIT_WORDS["县直事业单位"] = UNIT_WORDS["市直事业单位"]

# Community Party organization forms by the membership rule; counts from the report.
COMMUNITY_FORMS = [("党委", 4, 100, 180), ("党支部", 42, 10, 49), ("党总支", 323, 50, 99)]
OFF_BAND_SHARE = 0.05
OFF_BAND = {"党支部": (50, 58), "党总支": (42, 49)}  # members of an organization that is off its band


def generate_units(ctx: DemoContext) -> None:
    """Resident units sit in urban communities; city units mostly in the central city."""
    rng = ctx.rng
    communities = ctx.frames["community"].query("is_urban")
    counties = ctx.frames["county"].set_index("id")
    central = communities[communities["is_central_city"]]
    rows = {k: [] for k in ("id", "code", "name", "kind", "is_city_county_organ", "community_id")}
    used: set[str] = set()
    for kind, base, organ in UNIT_PLAN:
        n = ctx.count(base)
        pool = central if kind.startswith("市直") or kind == "国有企业" else communities
        sites = pool["id"].to_numpy()[rng.integers(0, len(pool), n)]
        for site in sites:
            community = communities.loc[communities["id"] == site].iloc[0]
            county_name = counties.loc[community["county_id"], "name"]
            prefix = "常德市" if kind.startswith("市直") else county_name
            if kind in ("非公企业", "社会组织"):
                prefix = "常德" + place_names(rng, 1, "")[0]
            name = prefix + str(rng.choice(UNIT_WORDS[kind]))
            base_name, k = name, 2
            while name in used:
                name, k = f"{base_name}({k})", k + 1
            used.add(name)
            unit_id = len(rows["id"]) + 1
            rows["id"].append(unit_id)
            rows["code"].append(f"DW{unit_id:06d}")
            rows["name"].append(name)
            rows["kind"].append(kind)
            rows["is_city_county_organ"].append(organ)
            rows["community_id"].append(int(site))
    ctx.write("resident_unit", rows)


class OrgRows:
    """Accumulates party_org rows with ids in order."""

    columns = ("id", "code", "name", "level", "form", "parent_id", "county_id", "street_id", "community_id",
               "grid_id", "compound_id", "resident_unit_id", "founded_on")

    def __init__(self, first_id: int = 1) -> None:
        self.first_id = first_id
        self.rows = {k: [] for k in self.columns}

    def add(self, **values) -> int:
        org_id = self.first_id + len(self.rows["id"])
        values.update(id=org_id, code=values.get("code") or f"DZZ{org_id:07d}")
        for k in self.columns:
            self.rows[k].append(values.get(k))
        return org_id


def plan_community_forms(ctx: DemoContext) -> pd.DataFrame:
    """Members of each urban community's Party organization, chosen so that its form follows the rule.

    The 4 most populous urban communities get a committee (100+ members), the 42 least populous a branch
    (3-49), the rest a general branch (50-99), as the report counts them. These are the members whose
    relationship is in the community (retired and other resident members). About one in twenty general
    branches and branches is a little off its band (an exception approved or not yet regularised), so the
    view's list of communities to check (需核查) is short but not empty, as in a real city.
    """
    rng = ctx.rng
    order = ctx.frames["community"].query("is_urban").sort_values("population", ascending=False)["id"].tolist()
    n_committee, n_branch = COMMUNITY_FORMS[0][1], COMMUNITY_FORMS[1][1]
    chosen = {"党委": order[:n_committee], "党支部": order[len(order) - n_branch:],
              "党总支": order[n_committee:len(order) - n_branch]}
    counts, forms = {}, {}
    for form, _n, low, high in COMMUNITY_FORMS:
        for c in chosen[form]:
            low_now, high_now = (low, high) if rng.random() >= OFF_BAND_SHARE or form == "党委" else OFF_BAND[form]
            counts[c] = max(3, round(int(rng.integers(low_now, high_now + 1)) * ctx.scale))
            forms[c] = form
    ctx.frames["community_form"] = pd.DataFrame({"community_id": list(forms), "form": list(forms.values()),
                                                 "members": [counts[c] for c in forms]}).sort_values("community_id")
    return ctx.frames["community_form"]


def generate_party_orgs(ctx: DemoContext) -> None:
    rng = ctx.rng
    counties = ctx.frames["county"]
    streets = ctx.frames["street"]
    communities = ctx.frames["community"]
    grids = ctx.frames["grid"]
    compounds = ctx.frames["compound"]
    units = ctx.frames["resident_unit"]
    orgs = OrgRows()
    founded = dt.date(1980, 1, 1)

    city = orgs.add(name="中共常德市委员会", level="市委", form="党委", founded_on=dt.date(1949, 7, 1))
    county_org = {}
    for c in counties.itertuples():
        form = "党工委" if c.kind == "管理区" else "党委"
        name = f"中共{c.name}{'工作委员会' if form == '党工委' else '委员会'}"
        county_org[c.id] = orgs.add(name=name, level="区县(市)委", form=form, parent_id=city,
                                    county_id=c.id, founded_on=founded)
    street_org = {}
    for s in streets[streets["kind"] == "街道"].itertuples():
        street_org[s.id] = orgs.add(name=f"中共{s.name}工作委员会", level="街道党工委", form="党工委",
                                    parent_id=county_org[s.county_id], county_id=s.county_id, street_id=s.id,
                                    founded_on=founded)

    forms = plan_community_forms(ctx).set_index("community_id")["form"]
    community_org = {}
    for c in communities.itertuples():
        if c.is_urban:
            form = forms[c.id]
            suffix = {"党委": "委员会", "党总支": "总支部委员会", "党支部": "支部委员会"}[form]
            # A county seat's community in a town (no street working committee) reports to its county
            # committee, as the towns' other communities do: the demo makes no town Party committees.
            parent = street_org.get(c.street_id, county_org[c.county_id])
            community_org[c.id] = orgs.add(name=f"中共{c.name}{suffix}", level="社区党组织", form=form,
                                           parent_id=parent, county_id=c.county_id,
                                           street_id=c.street_id, community_id=c.id, founded_on=founded)
        else:
            orgs.add(name=f"中共{c.name}支部委员会", level="其他基层党组织", form="党支部",
                     parent_id=county_org[c.county_id], county_id=c.county_id, street_id=c.street_id,
                     community_id=c.id, founded_on=founded)

    # County-specific coverage of grids by branches and compounds by groups.
    grid_share = dict(zip(counties["id"], rng.uniform(0.93, 1.0, len(counties))))
    group_share = dict(zip(counties["id"], rng.uniform(0.72, 0.95, len(counties))))
    community_county = communities.set_index("id")["county_id"]
    community_street = communities.set_index("id")["street_id"]
    grid_branch = {}
    for g in grids.itertuples():
        county_id = int(community_county[g.community_id])
        if rng.random() < grid_share[county_id]:
            grid_branch[g.id] = orgs.add(
                name=f"{g.name}党支部", level="网格党支部", form="党支部", parent_id=community_org[g.community_id],
                county_id=county_id, street_id=int(community_street[g.community_id]),
                community_id=g.community_id, grid_id=g.id,
                founded_on=random_dates(rng, dt.date(2014, 1, 1), dt.date(2018, 6, 30), 1)[0].item())
    for b in compounds.itertuples():
        county_id = int(community_county[b.community_id])
        parent = grid_branch.get(b.grid_id)
        if parent and rng.random() < group_share[county_id]:
            orgs.add(name=f"{b.name}党小组", level="小区(楼栋)党小组", form="党小组", parent_id=parent,
                     county_id=county_id, street_id=int(community_street[b.community_id]),
                     community_id=b.community_id, grid_id=b.grid_id, compound_id=b.id, founded_on=None)

    unit_org = {}
    for u in units.itertuples():
        form = "党委" if rng.random() < 0.1 else ("党总支" if rng.random() < 0.3 else "党支部")
        suffix = {"党委": "委员会", "党总支": "总支部委员会", "党支部": "支部委员会"}[form]
        unit_org[u.id] = orgs.add(name=f"中共{u.name}{suffix}", level="单位党组织", form=form,
                                  resident_unit_id=u.id, founded_on=founded)
    ctx.write("party_org", orgs.rows)
    ctx.frames["community_org"] = pd.DataFrame({"community_id": list(community_org),
                                                "org_id": list(community_org.values())})
    ctx.frames["grid_branch"] = pd.DataFrame({"grid_id": list(grid_branch), "org_id": list(grid_branch.values())})
    ctx.frames["unit_org"] = pd.DataFrame({"unit_id": list(unit_org), "org_id": list(unit_org.values())})
