"""大工委 and 联席会议: each street's joint meetings in a period, their attendance and items, and its committee.

Meetings belong to streets (街道); an area's streets are those it holds (a community's area is its street).
The requirement is the setting `meetings_required_per_quarter` (default one a quarter). An item counts as
resolved by a day when it is marked resolved on or before that day (or marked resolved without a date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
from sqlalchemy import Engine, and_, case, extract, func, or_, select

from dashboard.schema import (
    LIST_KINDS,
    CommitteeMember,
    Community,
    County,
    JointMeeting,
    MeetingAttendance,
    MeetingItem,
    ResidentUnit,
    Street,
    WorkingCommittee,
)
from queries.area import Area, area_conditions
from queries.checkin import months_between
from queries.frames import frame_of, rate
from queries.privacy import mask_name, mask_phone

QUARTER_DAYS = 92


def _resolved_by(day: dt.date):
    """An item resolved by the end of `day` (one marked resolved without a date counts as resolved)."""
    return and_(MeetingItem.is_resolved, or_(MeetingItem.resolved_on.is_(None), MeetingItem.resolved_on <= day))


def _streets(area: Area) -> list:
    conditions = area_conditions(replace(area, community=None))
    if area.community:
        conditions.append(Street.id.in_(select(Community.street_id).where(Community.code == area.community)))
    return [Street.kind == "街道", *conditions]


def quarters_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The calendar quarters (year, quarter) from the one holding `first` to the one holding `last`."""
    quarters = []
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        quarters.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return quarters


def quarter_first_day(quarter: tuple[int, int]) -> dt.date:
    year, number = quarter
    return dt.date(year, 3 * number - 2, 1)


def quarter_last_day(quarter: tuple[int, int]) -> dt.date:
    year, number = quarter
    return dt.date(year + (number == 4), (3 * number) % 12 + 1, 1) - dt.timedelta(days=1)


def judged_quarters(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """The quarters 按期召开率 judges for the period `first`..`last`: those it touches that have ended by
    `last` (a quarter in progress is not yet missed), each judged on all its meetings."""
    return [q for q in quarters_between(first, last) if quarter_last_day(q) <= last]


def overdue_after_days(required_per_quarter: int) -> int:
    """Days without a meeting after which a street is overdue: a quarter shared by the required meetings."""
    return QUARTER_DAYS // max(required_per_quarter, 1)


def meeting_activity_by_street(engine: Engine, area: Area, first: dt.date, last: dt.date,
                               required_per_quarter: int) -> pd.DataFrame:
    """Per street from `first` to `last`: meetings held against those required (the requirement times the
    quarters the period touches), member attendance at those meetings, items tabled at them, matched, and
    resolved by `last` (对接率 and 办结率 over the items tabled), and days from the last meeting (on or before
    `last`) to `last`. A street that has never met has no last meeting (None, days <NA>) and is overdue.

    按期召开率's street-quarters, the same for every caller (the cockpit's four quarters are a period too):
    `quarters` = the quarters the period touches that have ended by `last` (`judged_quarters`), and
    `quarters_on_schedule` = those in which the street held at least the required meetings, counting all
    the quarter's meetings, also those before `first`.

    Columns: county_code, county, street_code, street, meetings_required, meetings_held, quarters, quarters_on_schedule,
    seats, attended, attendance_rate, items_tabled, items_matched, items_resolved, match_rate, resolve_rate,
    last_meeting_on, days_since_last, overdue.
    """
    quarters = quarters_between(first, last)
    judged = judged_quarters(first, last)
    streets = frame_of(engine, select(Street.id, County.code, County.name, Street.code, Street.name)
                       .join(County, Street.county_id == County.id).where(*_streets(area))
                       .order_by(County.sort_order, Street.code),
                       ["street_id", "county_code", "county", "street_code", "street"])
    ids = streets["street_id"].tolist() or [-1]
    in_period = (JointMeeting.held_on >= first) & (JointMeeting.held_on <= last)
    held = frame_of(engine, select(JointMeeting.street_id, func.count(JointMeeting.id))
                    .where(JointMeeting.street_id.in_(ids), in_period).group_by(JointMeeting.street_id),
                    ["street_id", "meetings"])
    on_schedule = _quarters_on_schedule(engine, streets["street_id"].tolist(), judged, required_per_quarter)
    attendance = frame_of(engine, select(JointMeeting.street_id, func.count(MeetingAttendance.id),
                                         func.count(case((MeetingAttendance.attended, MeetingAttendance.id))))
                          .join(MeetingAttendance, MeetingAttendance.meeting_id == JointMeeting.id)
                          .where(JointMeeting.street_id.in_(ids), in_period).group_by(JointMeeting.street_id),
                          ["street_id", "seats", "attended"])
    items = frame_of(engine, select(JointMeeting.street_id, func.count(MeetingItem.id),
                                    func.count(case((MeetingItem.is_matched, MeetingItem.id))),
                                    func.count(case((_resolved_by(last), MeetingItem.id))))
                     .join(MeetingItem, MeetingItem.meeting_id == JointMeeting.id)
                     .where(JointMeeting.street_id.in_(ids), in_period).group_by(JointMeeting.street_id),
                     ["street_id", "items_tabled", "items_matched", "items_resolved"])
    latest = frame_of(engine, select(JointMeeting.street_id, func.max(JointMeeting.held_on))
                      .where(JointMeeting.street_id.in_(ids), JointMeeting.held_on <= last)
                      .group_by(JointMeeting.street_id), ["street_id", "last_meeting_on"])
    frame = (streets.merge(held, on="street_id", how="left")
             .merge(on_schedule, left_on="street_id", right_index=True, how="left")
             .merge(attendance, on="street_id", how="left").merge(items, on="street_id", how="left")
             .merge(latest, on="street_id", how="left"))
    counts = ["meetings", "quarters_on_schedule", "seats", "attended", "items_tabled", "items_matched",
              "items_resolved"]
    frame = frame.fillna(dict.fromkeys(counts, 0)).astype(dict.fromkeys(counts, int))
    frame = frame.rename(columns={"meetings": "meetings_held"})
    frame["meetings_required"] = required_per_quarter * len(quarters)
    frame["quarters"] = len(judged)
    frame["last_meeting_on"] = [d.date() if pd.notna(d) else None for d in pd.to_datetime(frame["last_meeting_on"])]
    frame["days_since_last"] = pd.array([(last - d).days if d is not None else None for d in frame["last_meeting_on"]],
                                        dtype="Int64")
    frame["overdue"] = [pd.isna(d) or d > overdue_after_days(required_per_quarter) for d in frame["days_since_last"]]
    frame = rate(frame, "attended", "seats", "attendance_rate")
    frame = rate(frame, "items_matched", "items_tabled", "match_rate")
    frame = rate(frame, "items_resolved", "items_tabled", "resolve_rate")
    return frame.drop(columns="street_id")


def _quarters_on_schedule(engine: Engine, street_ids: list[int], quarters: list[tuple[int, int]],
                           required_per_quarter: int) -> pd.Series:
    """Per street, the `quarters` in which it held at least the required meetings (whole quarters)."""
    if not quarters:
        return pd.Series(0, index=pd.Index(street_ids, name="street_id"), name="quarters_on_schedule")
    year, month = extract("year", JointMeeting.held_on), extract("month", JointMeeting.held_on)
    held = frame_of(engine, select(JointMeeting.street_id, year, month, func.count(JointMeeting.id))
                    .where(JointMeeting.street_id.in_(street_ids or [-1]),
                           JointMeeting.held_on >= quarter_first_day(quarters[0]),
                           JointMeeting.held_on <= quarter_last_day(quarters[-1]))
                    .group_by(JointMeeting.street_id, year, month), ["street_id", "year", "month", "meetings"])
    held["quarter"] = list(zip(held["year"].astype(int), (held["month"].astype(int) - 1) // 3 + 1))
    every = pd.MultiIndex.from_tuples([(s, q) for s in street_ids for q in quarters], names=["street_id", "quarter"])
    per_quarter = held.groupby(["street_id", "quarter"])["meetings"].sum().reindex(every, fill_value=0)
    return (per_quarter >= required_per_quarter).groupby(level="street_id").sum().rename("quarters_on_schedule")


def meetings_by_street_month(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Meetings held by each street of the area in each month from `first` to `last`, zeros included.

    Columns: street_code, street, month (YYYY-MM), meetings.
    """
    streets = frame_of(engine, select(Street.id, Street.code, Street.name).join(County, Street.county_id == County.id)
                       .where(*_streets(area)).order_by(County.sort_order, Street.code), ["street_id", "street_code",
                                                                                          "street"])
    held = frame_of(engine, select(JointMeeting.street_id, extract("year", JointMeeting.held_on),
                                   extract("month", JointMeeting.held_on), func.count(JointMeeting.id))
                    .where(JointMeeting.street_id.in_(streets["street_id"].tolist() or [-1]),
                           JointMeeting.held_on >= first, JointMeeting.held_on <= last)
                    .group_by(JointMeeting.street_id, extract("year", JointMeeting.held_on),
                              extract("month", JointMeeting.held_on)), ["street_id", "year", "month", "meetings"])
    held["month"] = [f"{int(y)}-{int(m):02d}" for y, m in zip(held["year"], held["month"])]
    months = [f"{y}-{m:02d}" for y, m in months_between(first, last)]
    every = pd.MultiIndex.from_product([streets["street_id"], months], names=["street_id", "month"])
    counts = held.groupby(["street_id", "month"])["meetings"].sum().reindex(every, fill_value=0).reset_index()
    return counts.merge(streets, on="street_id")[["street_code", "street", "month", "meetings"]]


def street_committee(engine: Engine, area: Area, mask: bool = True) -> pd.DataFrame:
    """The big working committee of the area's street: role, name, title, unit, phone (name and phone masked
    unless the viewer may see them); secretary first. Columns: role, person, title, unit, phone.
    """
    order = case((CommitteeMember.role == "书记", 0), (CommitteeMember.role == "副书记", 1), else_=2)
    statement = (select(CommitteeMember.role, CommitteeMember.person_name, CommitteeMember.title, ResidentUnit.name,
                        CommitteeMember.phone)
                 .join(WorkingCommittee, CommitteeMember.committee_id == WorkingCommittee.id)
                 .join(Street, WorkingCommittee.street_id == Street.id)
                 .join(County, Street.county_id == County.id)
                 .outerjoin(ResidentUnit, CommitteeMember.resident_unit_id == ResidentUnit.id)
                 .where(Street.code == area.street, *_street_scope(area)).order_by(order, CommitteeMember.id))
    frame = frame_of(engine, statement, ["role", "person", "title", "unit", "phone"])
    if mask:
        frame["person"] = frame["person"].map(mask_name)
        frame["phone"] = frame["phone"].map(mask_phone)
    return frame


def _street_scope(area: Area) -> list:
    return area_conditions(replace(area, street=None, community=None))


def street_meetings(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """The joint meetings of the area's street from `first` to `last` with attendance and items (resolved:
    by `last`).

    Columns: held_on, title, seats, attended, attendance_rate, items_tabled, items_matched, items_resolved.
    """
    seats = (select(MeetingAttendance.meeting_id, func.count(MeetingAttendance.id).label("seats"),
                    func.count(case((MeetingAttendance.attended, MeetingAttendance.id))).label("attended"))
             .group_by(MeetingAttendance.meeting_id).subquery())
    items = (select(MeetingItem.meeting_id, func.count(MeetingItem.id).label("tabled"),
                    func.count(case((MeetingItem.is_matched, MeetingItem.id))).label("matched"),
                    func.count(case((_resolved_by(last), MeetingItem.id))).label("resolved"))
             .group_by(MeetingItem.meeting_id).subquery())
    statement = (select(JointMeeting.held_on, JointMeeting.title, func.coalesce(seats.c.seats, 0),
                        func.coalesce(seats.c.attended, 0), func.coalesce(items.c.tabled, 0),
                        func.coalesce(items.c.matched, 0), func.coalesce(items.c.resolved, 0))
                 .join(Street, JointMeeting.street_id == Street.id).join(County, Street.county_id == County.id)
                 .outerjoin(seats, seats.c.meeting_id == JointMeeting.id)
                 .outerjoin(items, items.c.meeting_id == JointMeeting.id)
                 .where(Street.code == area.street, *_street_scope(area), JointMeeting.held_on >= first,
                        JointMeeting.held_on <= last)
                 .order_by(JointMeeting.held_on))
    frame = frame_of(engine, statement, ["held_on", "title", "seats", "attended", "items_tabled", "items_matched",
                                         "items_resolved"])
    return rate(frame, "attended", "seats", "attendance_rate")


def street_items(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Items tabled at the meetings of the area's street from `first` to `last` and what became of them.

    Columns: held_on, list_kind, title, unit, matched, resolved, resolved_on.
    """
    statement = (select(JointMeeting.held_on, MeetingItem.list_kind, MeetingItem.title, ResidentUnit.name,
                        MeetingItem.is_matched, MeetingItem.is_resolved, MeetingItem.resolved_on)
                 .join(JointMeeting, MeetingItem.meeting_id == JointMeeting.id)
                 .join(Street, JointMeeting.street_id == Street.id).join(County, Street.county_id == County.id)
                 .outerjoin(ResidentUnit, MeetingItem.resident_unit_id == ResidentUnit.id)
                 .where(Street.code == area.street, *_street_scope(area), JointMeeting.held_on >= first,
                        JointMeeting.held_on <= last)
                 .order_by(JointMeeting.held_on, MeetingItem.id))
    frame = frame_of(engine, statement, ["held_on", "list_kind", "title", "unit", "matched", "resolved",
                                         "resolved_on"])
    return frame.astype({"matched": bool, "resolved": bool})


def _street_frame(engine: Engine, area: Area) -> pd.DataFrame:
    """The streets of the area (id, county and street code and name), in the order of every street table."""
    return frame_of(engine, select(Street.id, County.code, County.name, Street.code, Street.name)
                    .join(County, Street.county_id == County.id).where(*_streets(area))
                    .order_by(County.sort_order, Street.code),
                    ["street_id", "county_code", "county", "street_code", "street"])


def items_by_street_and_list(engine: Engine, area: Area, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Items tabled at each street's joint meetings from `first` to `last`, by list (资源清单, 需求清单,
    项目清单): tabled, matched, resolved by `last`; 对接率 = matched / tabled, 办结率 = resolved / tabled.
    Every street of the area with every list, zeros included.

    Columns: street_code, street, list_kind, items_tabled, items_matched, items_resolved, match_rate, resolve_rate.
    """
    streets = _street_frame(engine, area)
    counted = frame_of(engine, select(JointMeeting.street_id, MeetingItem.list_kind, func.count(MeetingItem.id),
                                      func.count(case((MeetingItem.is_matched, MeetingItem.id))),
                                      func.count(case((_resolved_by(last), MeetingItem.id))))
                       .join(MeetingItem, MeetingItem.meeting_id == JointMeeting.id)
                       .where(JointMeeting.street_id.in_(streets["street_id"].tolist() or [-1]),
                              JointMeeting.held_on >= first, JointMeeting.held_on <= last)
                       .group_by(JointMeeting.street_id, MeetingItem.list_kind),
                       ["street_id", "list_kind", "items_tabled", "items_matched", "items_resolved"])
    every = pd.MultiIndex.from_product([streets["street_id"], LIST_KINDS], names=["street_id", "list_kind"])
    counts = ["items_tabled", "items_matched", "items_resolved"]
    frame = (counted.set_index(["street_id", "list_kind"])[counts].reindex(every, fill_value=0).reset_index()
             .merge(streets, on="street_id").astype(dict.fromkeys(counts, int)))
    frame = rate(frame, "items_matched", "items_tabled", "match_rate")
    frame = rate(frame, "items_resolved", "items_tabled", "resolve_rate")
    return frame[["street_code", "street", "list_kind", *counts, "match_rate", "resolve_rate"]]


# Open items by the calendar quarters they have been carried over: key, words on screen, fewest quarters.
AGE_BANDS = [("this_quarter", "本季度提出", 0), ("one_quarter", "结转1个季度", 1),
             ("two_three_quarters", "结转2—3个季度", 2), ("year_or_more", "结转4个季度及以上", 4)]


def _quarter_number(day: dt.date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def age_band(quarters_carried: int) -> str:
    """The band (its words on screen) of an item carried over `quarters_carried` calendar quarters."""
    return next(words for _key, words, fewest in reversed(AGE_BANDS) if quarters_carried >= fewest)


def open_items(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Items still open at the end of `as_of`: tabled at a joint meeting of a street of the area on or before
    `as_of` and not resolved by then, however long ago they were tabled. Age: days from the meeting to `as_of`
    (days_open) and calendar quarters from the meeting's quarter to `as_of`'s (quarters_carried; 0 = tabled
    this quarter, 1+ = carried over from an earlier quarter), with its band. Oldest first.

    Columns: county, street_code, street, held_on, list_kind, title, unit, matched, days_open, quarters_carried,
    age_band.
    """
    statement = (select(County.name, Street.code, Street.name, JointMeeting.held_on, MeetingItem.list_kind,
                        MeetingItem.title, ResidentUnit.name, MeetingItem.is_matched)
                 .select_from(MeetingItem).join(JointMeeting, MeetingItem.meeting_id == JointMeeting.id)
                 .join(Street, JointMeeting.street_id == Street.id).join(County, Street.county_id == County.id)
                 .outerjoin(ResidentUnit, MeetingItem.resident_unit_id == ResidentUnit.id)
                 .where(*_streets(area), JointMeeting.held_on <= as_of, ~_resolved_by(as_of))
                 .order_by(JointMeeting.held_on, Street.code, MeetingItem.id))
    frame = frame_of(engine, statement, ["county", "street_code", "street", "held_on", "list_kind", "title", "unit",
                                         "matched"]).astype({"matched": bool})
    frame["days_open"] = pd.array([(as_of - day).days for day in frame["held_on"]], dtype=int)
    frame["quarters_carried"] = pd.array([_quarter_number(as_of) - _quarter_number(day) for day in frame["held_on"]],
                                         dtype=int)
    frame["age_band"] = [age_band(q) for q in frame["quarters_carried"]]
    return frame


def open_items_ageing_by_street(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Per street of the area, the items open at the end of `as_of` (`open_items`): how many, how many carried
    over from earlier quarters, how many in each age band (columns named by AGE_BANDS' keys), and the oldest
    (its meeting's day, title and days open; None and <NA> for a street with none open).

    Columns: county_code, county, street_code, street, open_items, carried_over, this_quarter, one_quarter,
    two_three_quarters, year_or_more, oldest_held_on, oldest_title, oldest_days.
    """
    streets = _street_frame(engine, area).drop(columns="street_id")
    items = open_items(engine, area, as_of)
    bands = {words: key for key, words, _fewest in AGE_BANDS}
    counts = (items.assign(band=items["age_band"].map(bands)).pivot_table(
        index="street_code", columns="band", values="title", aggfunc="count", fill_value=0)
        .reindex(columns=list(bands.values()), fill_value=0))
    oldest = items.drop_duplicates("street_code").set_index("street_code")[["held_on", "title", "days_open"]]
    oldest.columns = ["oldest_held_on", "oldest_title", "oldest_days"]
    frame = streets.merge(counts, left_on="street_code", right_index=True, how="left")
    frame = frame.fillna(dict.fromkeys(bands.values(), 0)).astype(dict.fromkeys(bands.values(), int))
    frame["open_items"] = frame[list(bands.values())].sum(axis=1)
    frame["carried_over"] = frame["open_items"] - frame["this_quarter"]
    frame = frame.merge(oldest, left_on="street_code", right_index=True, how="left")
    frame["oldest_held_on"] = [d if isinstance(d, dt.date) else None for d in frame["oldest_held_on"]]
    frame["oldest_title"] = [t if isinstance(t, str) else None for t in frame["oldest_title"]]
    frame["oldest_days"] = pd.array(frame["oldest_days"], dtype="Int64")
    return frame[["county_code", "county", "street_code", "street", "open_items", "carried_over",
                  *bands.values(), "oldest_held_on", "oldest_title", "oldest_days"]]


# The checks of a street's 大工委, in the words the view and the findings use.
NO_COMMITTEE, NO_SECRETARY = "未建立大工委", "未配备书记"
NOT_COUNTY_LEADER, LEADER_NOT_STATED = "书记不是县级领导干部", "未注明书记是否县级领导干部"
NO_MEMBER_UNITS = "没有驻区单位成员"
COMMITTEE_PROBLEMS = (NO_COMMITTEE, NO_SECRETARY, NOT_COUNTY_LEADER, LEADER_NOT_STATED, NO_MEMBER_UNITS)


def committee_compliance_by_street(engine: Engine, area: Area, mask: bool = True) -> pd.DataFrame:
    """The 大工委 check of every street of the area, on the store's current committees: it has a big working
    committee; its secretary (role 书记) is a county-level leader (县级领导干部, as the seat records it); and it
    has member units (seats held for resident units). `problems` names each check failed in words
    (未建立大工委; 未配备书记; 书记不是县级领导干部, or 未注明书记是否县级领导干部 where no secretary's seat says
    either); `compliant` when none. Secretaries' names (joined with 、) are masked unless `mask` is False.

    Columns: county, street_code, street, has_committee, secretary, secretary_title, secretary_is_county_leader,
    member_units, compliant, problems.
    """
    streets = frame_of(engine, select(Street.id, County.name, Street.code, Street.name, WorkingCommittee.id)
                       .join(County, Street.county_id == County.id)
                       .outerjoin(WorkingCommittee, WorkingCommittee.street_id == Street.id).where(*_streets(area))
                       .order_by(County.sort_order, Street.code),
                       ["street_id", "county", "street_code", "street", "committee_id"])
    committees = [int(c) for c in streets["committee_id"].dropna()] or [-1]
    seats = frame_of(engine, select(CommitteeMember.committee_id, CommitteeMember.role, CommitteeMember.person_name,
                                    CommitteeMember.title, CommitteeMember.resident_unit_id,
                                    CommitteeMember.is_county_leader)
                     .where(CommitteeMember.committee_id.in_(committees)).order_by(CommitteeMember.id),
                     ["committee_id", "role", "person", "title", "unit_id", "is_county_leader"])
    if mask:
        seats["person"] = seats["person"].map(mask_name)
    rows = []
    for street in streets.itertuples():
        own = seats[seats["committee_id"] == street.committee_id] if pd.notna(street.committee_id) else seats.iloc[0:0]
        secretaries = own[own["role"] == "书记"]
        stated = [bool(v) for v in secretaries["is_county_leader"] if v is not None and pd.notna(v)]
        leader = True if any(stated) else (False if stated else None)
        units = int(own["unit_id"].dropna().nunique())
        problems = []
        if pd.isna(street.committee_id):
            problems.append(NO_COMMITTEE)
        elif secretaries.empty:
            problems.append(NO_SECRETARY)
        elif leader is None:
            problems.append(LEADER_NOT_STATED)
        elif not leader:
            problems.append(NOT_COUNTY_LEADER)
        if pd.notna(street.committee_id) and not units:
            problems.append(NO_MEMBER_UNITS)
        rows.append({"county": street.county, "street_code": street.street_code, "street": street.street,
                     "has_committee": pd.notna(street.committee_id),
                     "secretary": "、".join(secretaries["person"]) or None,
                     "secretary_title": "、".join(secretaries["title"]) or None,
                     "secretary_is_county_leader": leader, "member_units": units,
                     "compliant": not problems, "problems": ";".join(problems)})
    columns = ["county", "street_code", "street", "has_committee", "secretary", "secretary_title",
               "secretary_is_county_leader", "member_units", "compliant", "problems"]
    return pd.DataFrame(rows, columns=columns)
