"""经费保障: the city's position budget of 2014-2016, yearly lines by source and use, community funds,
disbursements, and the 2,046 village-level service platforms of 2016-2018."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard.demo.context import DemoContext, random_dates
from dashboard.schema import COMMUNITY_STANDARD_ITEMS, STREET_STANDARD_ITEMS

POSITION_BUDGET_PER_YEAR = 100_000_000
POSITION_YEARS = (2014, 2015, 2016)
SERVICE_PLATFORMS = 2_046
PLATFORM_WAITING, PLATFORM_SHORT, PLATFORM_SHARED = 0.01, 0.05, 0.75  # shares of urban communities / platforms
# (source, use, low, high) in yuan for each county-level unit and year
COUNTY_LINES = [
    ("财政拨付", "阵地建设", 2_000_000, 8_000_000), ("财政拨付", "教育培训", 300_000, 1_000_000),
    ("财政拨付", "智慧党建平台", 500_000, 2_000_000), ("党费补充", "党组织活动经费", 200_000, 800_000),
    ("党费补充", "教育培训", 100_000, 400_000), ("社会筹措", "阵地建设", 100_000, 1_000_000),
]
ACTIVITY_FUNDS = {"党委": 50_000, "党总支": 30_000, "党支部": 20_000}
SECRETARY_ALLOWANCE = 24_000


def generate_funding(ctx: DemoContext) -> None:
    rng = ctx.rng
    counties = ctx.frames["county"]
    urban = ctx.frames["community"].query("is_urban")
    forms = ctx.frames["community_form"].set_index("community_id")["form"]
    line = {k: [] for k in ("id", "code", "year", "source", "purpose", "county_id", "street_id", "community_id",
                            "budget_yuan")}

    def add(year, source, purpose, county, amount, street=None, community=None):
        line_id = len(line["id"]) + 1
        for k, v in (("id", line_id), ("code", f"JF{year}{line_id:06d}"), ("year", year), ("source", source),
                     ("purpose", purpose), ("county_id", county), ("street_id", street),
                     ("community_id", community), ("budget_yuan", amount)):
            line[k].append(v)

    share = urban.groupby("county_id").size().reindex(counties["id"], fill_value=0).to_numpy() + 3.0
    for year in POSITION_YEARS:
        amounts = np.floor(POSITION_BUDGET_PER_YEAR * share / share.sum()).astype(np.int64)
        amounts[0] += POSITION_BUDGET_PER_YEAR - amounts.sum()
        for county, amount in zip(counties["id"].tolist(), amounts.tolist()):
            add(year, "财政拨付", "阵地建设", county, amount)
    for year in (2017, 2018):
        for county in counties["id"].tolist():
            for source, purpose, low, high in COUNTY_LINES:
                add(year, source, purpose, county, int(rng.integers(low, high) // 1000 * 1000))
        for c in urban.itertuples():
            add(year, "财政拨付", "党组织活动经费", c.county_id, ACTIVITY_FUNDS[forms[c.id]], c.street_id, c.id)
            add(year, "财政拨付", "书记工作津贴", c.county_id, SECRETARY_ALLOWANCE, c.street_id, c.id)
    lines = ctx.write("funding_line", line)
    _disbursements(ctx, lines)
    _platforms(ctx)


def _disbursements(ctx: DemoContext, lines) -> None:
    """Past years are nearly all paid in quarterly instalments; 2018 is paid up to mid-year."""
    rng = ctx.rng
    counties = ctx.frames["county"]["id"].tolist()
    pace = {(c, y): rng.uniform(0.84, 1.0) if y < 2018 else rng.uniform(0.44, 0.68)
            for c in counties for y in range(2014, 2019)}
    rows = {"funding_line_id": [], "paid_on": [], "amount_yuan": []}
    for ln in lines.itertuples():
        done = 1.0 if ln.year in (2014, 2015, 2016) else pace[(ln.county_id, ln.year)]
        done = float(np.clip(done * rng.uniform(0.95, 1.05), 0, 1))
        quarters = 4 if ln.year < 2018 else 2
        total = round(ln.budget_yuan * done, 2)
        parts = np.round(total * rng.dirichlet(np.full(quarters, 5.0)), 2)
        parts[-1] = round(total - parts[:-1].sum(), 2)
        for q, amount in enumerate(parts.tolist()):
            month = 3 * q + 1
            rows["funding_line_id"].append(ln.id)
            rows["paid_on"].append(random_dates(rng, dt.date(ln.year, month, 1), dt.date(ln.year, month + 2, 28),
                                                1)[0].item())
            rows["amount_yuan"].append(amount)
    ctx.write("funding_disbursement", {"id": np.arange(1, len(rows["paid_on"]) + 1), **rows})


def _platforms(ctx: DemoContext) -> None:
    """2,046 platforms: every street and nearly every urban community (a few still waiting), the rest among
    the other communities and the villages. Nearly all streets and communities have every item of their
    standard (一所一校四中心: 6, 一站一园一场七室: 10); about three in four are open to resident units.
    Villages' platforms are judged on neither, and their sharing is not reported."""
    rng = ctx.rng
    streets = ctx.frames["street"].query("kind == '街道'")
    communities = ctx.frames["community"]
    urban = communities[communities["is_urban"]]
    urban = urban[rng.random(len(urban)) >= PLATFORM_WAITING]
    others = communities[~communities["id"].isin(urban["id"]) & ~communities["is_urban"]]
    chosen = others.iloc[np.sort(rng.choice(len(others), size=min(len(others), SERVICE_PLATFORMS - len(streets)
                                                                  - len(urban)), replace=False))]
    places = ([("street", s, c, "街道") for s, c in zip(streets["id"].tolist(), streets["county_id"].tolist())]
              + [("community", c.id, c.county_id, c.kind) for frame in (urban, chosen)
                 for c in frame.sort_values("id").itertuples()])
    n = len(places)
    full = np.array([STREET_STANDARD_ITEMS if p[3] == "街道" else COMMUNITY_STANDARD_ITEMS for p in places])
    short = rng.random(n) < PLATFORM_SHORT
    items = np.where(short, full - rng.integers(1, 4, size=n), full)
    shared = rng.random(n) < PLATFORM_SHARED
    village = [p[3] == "村" for p in places]
    ctx.write("service_platform", {
        "id": np.arange(1, n + 1),
        "street_id": [p[1] if p[0] == "street" else None for p in places],
        "community_id": [p[1] if p[0] == "community" else None for p in places],
        "county_id": [p[2] for p in places],
        "kind": np.where(rng.random(n) < 0.3, "新建", "改扩建"),
        "completed_year": rng.choice([2016, 2017, 2018], size=n, p=[0.3, 0.4, 0.3]),
        "standard_items": [None if v else int(i) for v, i in zip(village, items.tolist())],
        "is_shared": [None if v else bool(x) for v, x in zip(village, shared.tolist())],
    })
