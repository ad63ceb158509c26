"""大工委 and 联席会议: one committee per street, its meetings with attendance and the items tabled."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dashboard.demo.context import DemoContext, random_dates
from dashboard.demo.names import person_names, phone_numbers
from dashboard.schema import LIST_KINDS

QUARTERS = [(2017, 1), (2017, 2), (2017, 3), (2017, 4), (2018, 1), (2018, 2)]
# The secretary is a member of the county's standing committee, the deputy the street's own secretary; the
# register does not say for the units' members.
LEADER_OF_ROLE = {"书记": True, "副书记": False, "委员": None}
ITEM_TITLES = {
    "资源清单": ["开放活动阵地", "提供志愿服务力量", "捐赠办公设备", "开放停车场", "提供技能培训"],
    "需求清单": ["老旧小区改造", "背街小巷路灯", "独居老人照护", "小区停车难", "雨污分流"],
    "项目清单": ["社区服务中心提质", "共建口袋公园", "党员志愿服务站", "智慧安防小区", "四点半课堂"],
}


def generate_meetings(ctx: DemoContext) -> None:
    rng = ctx.rng
    streets = ctx.frames["street"].query("kind == '街道'")
    counties = ctx.frames["county"].set_index("id")
    units = ctx.units_with_place()
    committee = {k: [] for k in ("id", "street_id", "name", "established_on")}
    seat = {k: [] for k in ("id", "committee_id", "role", "person_name", "title", "resident_unit_id", "phone",
                            "is_county_leader")}
    for s in streets.itertuples():
        cid = len(committee["id"]) + 1
        committee["id"].append(cid)
        committee["street_id"].append(s.id)
        committee["name"].append(f"{s.name}大工委")
        committee["established_on"].append(random_dates(rng, dt.date(2014, 3, 1), dt.date(2016, 6, 30), 1)[0].item())
        local = units[units["street_id"] == s.id]
        members = local.sample(n=min(len(local), int(rng.integers(8, 15))), random_state=rng)
        names = person_names(rng, 2 + len(members))
        phones = phone_numbers(rng, 2 + len(members))
        county = counties.loc[s.county_id, "name"]
        seats = [("书记", f"{county}委常委(联系{s.name})", None), ("副书记", f"{s.name}党工委书记", None)]
        seats += [("委员", f"{u.name}党组织负责人", u.id) for u in members.itertuples()]
        for (role, title, unit), name, phone in zip(seats, names, phones):
            seat["id"].append(len(seat["id"]) + 1)
            seat["committee_id"].append(cid)
            seat["role"].append(role)
            seat["person_name"].append(name)
            seat["title"].append(title)
            seat["resident_unit_id"].append(unit)
            seat["phone"].append(phone)
            seat["is_county_leader"].append(LEADER_OF_ROLE[role])
    committees = ctx.write("working_committee", committee)
    seats = ctx.write("committee_member", seat)
    _meetings(ctx, committees, seats)


def _meetings(ctx: DemoContext, committees, seats) -> None:
    """Most streets meet every quarter; some skip quarters, a few meet twice."""
    rng = ctx.rng
    diligence = dict(zip(committees["id"], rng.uniform(0.6, 1.0, len(committees))))
    meeting = {k: [] for k in ("id", "code", "committee_id", "street_id", "held_on", "title")}
    attendance = {k: [] for k in ("meeting_id", "committee_member_id", "attended")}
    item = {k: [] for k in ("meeting_id", "list_kind", "title", "resident_unit_id", "is_matched", "is_resolved",
                            "resolved_on")}
    for c in committees.itertuples():
        members = seats[seats["committee_id"] == c.id]
        unit_ids = members["resident_unit_id"].dropna().astype(int).to_numpy()
        for year, quarter in QUARTERS:
            held = 0 if rng.random() > diligence[c.id] else (2 if rng.random() < 0.12 else 1)
            start = dt.date(year, 3 * quarter - 2, 1)
            end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
            for day in sorted(random_dates(rng, start, end, held).tolist()):
                mid = len(meeting["id"]) + 1
                meeting["id"].append(mid)
                meeting["code"].append(f"LXH{c.street_id:03d}{year}{quarter}{mid:05d}")
                meeting["committee_id"].append(c.id)
                meeting["street_id"].append(c.street_id)
                meeting["held_on"].append(day)
                meeting["title"].append(f"{year}年第{quarter}季度党建工作联席会议")
                present = rng.random(len(members)) < rng.uniform(0.7, 0.97)
                attendance["meeting_id"] += [mid] * len(members)
                attendance["committee_member_id"] += members["id"].tolist()
                attendance["attended"] += present.tolist()
                age_days = (dt.date(2018, 6, 30) - day).days
                for _ in range(int(rng.integers(3, 8))):
                    kind = str(rng.choice(LIST_KINDS))
                    matched = bool(rng.random() < 0.72)
                    resolved = matched and age_days > 14 and bool(rng.random() < min(0.9, 0.3 + age_days / 500))
                    item["meeting_id"].append(mid)
                    item["list_kind"].append(kind)
                    item["title"].append(str(rng.choice(ITEM_TITLES[kind])))
                    item["resident_unit_id"].append(int(rng.choice(unit_ids)) if len(unit_ids) and matched else None)
                    item["is_matched"].append(matched)
                    item["is_resolved"].append(resolved)
                    item["resolved_on"].append(
                        day + dt.timedelta(days=int(rng.integers(7, min(age_days, 180)))) if resolved else None)
    ctx.write("joint_meeting", meeting)
    ctx.write("meeting_attendance", {"id": np.arange(1, len(attendance["meeting_id"]) + 1), **attendance})
    ctx.write("meeting_item", {"id": np.arange(1, len(item["meeting_id"]) + 1), **item})
