"""两新组织: enterprises and social organizations in buildings, parks and markets, and their coverage."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard.bulk import insert_columns
from dashboard.demo.context import AS_OF, MONTHS, DemoContext, random_dates
from dashboard.demo.names import place_names
from dashboard.demo.organizations import OrgRows
from dashboard.schema import Base

SITES = {"商务楼宇": 45, "园区": 20, "商圈市场": 30}
SITE_SUFFIX = {"商务楼宇": "大厦", "园区": "产业园", "商圈市场": "商圈"}
TWO_NEW_ORGS = 2_400
ENTERPRISE_WORDS = ["科技有限公司", "电子商务有限公司", "建材有限公司", "餐饮管理有限公司", "物流有限公司",
                    "医药有限公司", "文化传媒有限公司", "机械制造有限公司"]
COVERAGE_SEED, RECENT_SHARE = 2018, 0.2
SOCIAL_WORDS = ["行业协会", "商会", "民办学校", "养老院", "社工服务中心", "基金会"]


def _size_class(employees: np.ndarray) -> np.ndarray:
    return np.select([employees >= 300, employees >= 100, employees >= 20], ["大型", "中型", "小型"], "微型")


def generate_two_new(ctx: DemoContext) -> None:
    rng = ctx.rng
    urban = ctx.frames["community"].query("is_urban")
    central = urban[urban["is_central_city"]]
    site_kind = np.repeat(list(SITES), list(SITES.values()))
    site_place = np.where(rng.random(len(site_kind)) < 0.7,
                          central["id"].to_numpy()[rng.integers(0, len(central), len(site_kind))],
                          urban["id"].to_numpy()[rng.integers(0, len(urban), len(site_kind))])
    words = place_names(rng, len(site_kind), "")
    sites = ctx.write("two_new_site", {
        "id": np.arange(1, len(site_kind) + 1),
        "code": [f"LX{i:04d}" for i in range(1, len(site_kind) + 1)],
        "name": [w + SITE_SUFFIX[k] for w, k in zip(words, site_kind)],
        "kind": site_kind,
        "community_id": site_place,
    })

    n = ctx.count(TWO_NEW_ORGS)
    kind = np.where(rng.random(n) < 0.75, "非公企业", "社会组织")
    location = rng.choice(["商务楼宇", "园区", "商圈市场", "其他"], size=n, p=[0.35, 0.2, 0.15, 0.3])
    site = np.zeros(n, dtype=np.int64)
    community = urban["id"].to_numpy()[rng.integers(0, len(urban), n)]
    for loc in SITES:
        at = location == loc
        options = sites[sites["kind"] == loc]
        pick = rng.integers(0, len(options), int(at.sum()))
        site[at] = options["id"].to_numpy()[pick]
        community[at] = options["community_id"].to_numpy()[pick]
    employees = np.clip(rng.lognormal(3.2, 1.1, n), 3, 3000).astype(int)
    size = _size_class(employees)
    large_stable = (size == "大型") & (rng.random(n) < 0.8)
    members = rng.poisson(np.clip(employees * 0.04, 0.3, 60))

    county_of = urban.set_index("id")["county_id"]
    counties = ctx.frames["county"]
    strength = dict(zip(counties["id"], rng.uniform(0.75, 1.15, len(counties))))
    s = np.array([strength[c] for c in county_of.reindex(community).tolist()])
    u = rng.random(n) / s
    coverage = np.where(
        members >= 3,
        np.select([u < 0.60, u < 0.80, u < 0.92], ["单独组建", "联合组建", "选派党建指导员"], "未覆盖"),
        np.select([u < 0.62, u < 0.88], ["联合组建", "选派党建指导员"], "未覆盖"),
    )

    first_org = int(ctx.frames["party_org"]["id"].max()) + 1
    orgs = OrgRows(first_org)
    names = [place_names(rng, 1, "")[0] for _ in range(n)]
    org_names = [f"常德{w}{rng.choice(ENTERPRISE_WORDS if k == '非公企业' else SOCIAL_WORDS)}"
                 for w, k in zip(names, kind)]
    joint: dict[tuple, int] = {}
    party_org = []
    street_of = urban.set_index("id")["street_id"]
    for i in range(n):
        c = int(community[i])
        where = dict(county_id=int(county_of[c]), street_id=int(street_of[c]), community_id=c)
        if coverage[i] == "单独组建":
            party_org.append(orgs.add(name=f"中共{org_names[i]}支部委员会", level="两新党组织", form="党支部", **where))
        elif coverage[i] == "联合组建":
            key = (int(site[i]), c if site[i] == 0 else 0)
            if key not in joint:
                label = sites.set_index("id").loc[site[i], "name"] if site[i] else _community_name(ctx, c)
                joint[key] = orgs.add(name=f"中共{label}联合支部委员会", level="两新党组织", form="党支部", **where)
            party_org.append(joint[key])
        else:
            party_org.append(None)
    insert_columns(ctx.connection, Base.metadata.tables["party_org"], orgs.rows)
    ctx.write("two_new_org", {
        "id": np.arange(1, n + 1),
        "code": [f"LXZZ{i:06d}" for i in range(1, n + 1)],
        "name": org_names,
        "kind": kind,
        "location_type": location,
        "site_id": [int(x) if x else None for x in site.tolist()],
        "community_id": community,
        "employees": employees,
        "size_class": size,
        "is_large_stable": large_stable,
        "party_members": members,
        "coverage_kind": coverage,
        "party_org_id": party_org,
        **coverage_dates(coverage),
    })


def coverage_dates(coverage: np.ndarray) -> dict[str, list]:
    """When each organization's coverage began (migration 0016), from a generator of its own so the calibrated
    figures drawn from ctx.rng stay as they were: about one organization or instructor in five arrived within
    the history (2017-01 to 2018-06), the rest in 2012-2016, so the history shows coverage rising to the report's
    2018 figures; organizations without coverage have no date."""
    rng = np.random.default_rng(COVERAGE_SEED)
    recent = rng.random(len(coverage)) < RECENT_SHARE
    days = np.where(recent, random_dates(rng, MONTHS[0].start_time.date(), AS_OF, len(coverage)),
                    random_dates(rng, dt.date(2012, 1, 1), dt.date(2016, 12, 31), len(coverage)))
    organized = np.isin(coverage, ["单独组建", "联合组建"])
    instructor = coverage == "选派党建指导员"
    return {"organized_on": [d.item() if o else None for d, o in zip(days, organized)],
            "work_covered_on": [d.item() if i else None for d, i in zip(days, instructor)]}


def _community_name(ctx: DemoContext, community_id: int) -> str:
    return ctx.frames["community"].set_index("id").loc[community_id, "name"]
