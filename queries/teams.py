"""四支队伍: community Party secretaries and 两委 members, full-time community workers (社区专职工作者), grid workers
(网格员) and Party-building liaison officers (党建联络员): staffing against what each urban community should
have, the gaps, their age and education, who came in at the 2017 election and who was hired.

What each urban community should have (docs/METRICS.md): 1 社区党组织书记; at least COMMITTEE_MINIMUM 两委成员,
the secretary counted (the residents' committee alone has 5 to 9 members, 《城市居民委员会组织法》第七条); at least
1 社区专职工作者; 1 党建联络员 (the report: one per community); and 1 网格员 for each of its grids. Staffing is judged
in urban communities, the subject of every view; the profile and the entrants count everyone registered in the
area's communities and villages, as the report counts them citywide. A cadre's area is their community.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, and_, case, func, or_, select, true

from dashboard.schema import CADRE_BACKGROUNDS, EDUCATION_LEVELS, Cadre, Community, County, Grid, Street
from queries.area import AREA_COLUMNS, Area, area_conditions, child_columns, from_communities, via_community
from queries.frames import frame_of, rate
from queries.privacy import mask_name, mask_phone

SECRETARY, COMMITTEE, STAFF = "社区党组织书记", "两委成员", "社区专职工作者"
GRID_WORKER, LIAISON, VOLUNTEER, UNSPECIFIED = "网格员", "党建联络员", "党员志愿者", "社区干部(职务未填)"
ROLES = [SECRETARY, COMMITTEE, STAFF, GRID_WORKER, LIAISON, VOLUNTEER, UNSPECIFIED]
COMMITTEE_MINIMUM = 5
COLLEGE = ("大专", "本科", "研究生")  # 大专及以上
LIAISON_AGES = (25, 35)  # “30岁左右”: 25 to 35 years old on the as-of day
AGE_BANDS = {"age_to_35": "35岁及以下", "age_36_45": "36—45岁", "age_46_55": "46—55岁", "age_56_up": "56岁及以上"}
EDUCATION_COLUMNS = {f"edu_{i}": level for i, level in enumerate(EDUCATION_LEVELS)}
NO_BACKGROUND = "未填来源"
PLACE = ["county", "street", "community"]

POSTS = {SECRETARY: "社区党组织书记", COMMITTEE: "两委成员", STAFF: "专职工作人员"}
IS = {role: and_(Cadre.team == "社区干部", Cadre.post == post) for role, post in POSTS.items()}
IS |= {GRID_WORKER: Cadre.team == "网格员", LIAISON: Cadre.team == "党建联络员"}
ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}


def role_of(team: str, post: str | None) -> str:
    """The role shown for a cadre: a community cadre by their post, anyone else by their team."""
    if team != "社区干部":
        return team
    return next((role for role, name in POSTS.items() if name == post), UNSPECIFIED)


def _with_roles(frame: pd.DataFrame) -> pd.DataFrame:
    """Replace the team and post columns by the role, at the place of the team column."""
    position = frame.columns.get_loc("team")
    roles = [role_of(t, p) for t, p in zip(frame.pop("team"), frame.pop("post"))]
    frame.insert(position, "role", roles)
    return frame


def _count(condition):
    return func.count(case((condition, Cadre.id)))


def _in_post(as_of: dt.date | None):
    """Cadres in post on `as_of`: appointed on or before it, or without a date (in post since ever)."""
    return or_(Cadre.appointed_on.is_(None), Cadre.appointed_on <= as_of) if as_of is not None else true()


def _grid_existed(as_of: dt.date | None):
    return or_(Grid.created_on.is_(None), Grid.created_on <= as_of) if as_of is not None else true()


def _community_staffing(engine: Engine, area: Area, as_of: dt.date | None = None) -> pd.DataFrame:
    """Each urban community of the area with its child area and what it has: secretaries, 两委 members (the
    secretary counted), full-time workers, liaison officers, grids and grids with a grid worker; as of `as_of`
    (cadres appointed and grids created by then, undated ones counted), or now without it."""
    people = (select(Cadre.community_id,
                     _count(IS[SECRETARY]).label("secretaries"),
                     _count(or_(IS[SECRETARY], IS[COMMITTEE])).label("committee"),
                     _count(IS[STAFF]).label("staff"),
                     _count(IS[LIAISON]).label("liaisons"),
                     _count(IS[GRID_WORKER]).label("grid_workers"))
              .where(_in_post(as_of)).group_by(Cadre.community_id).subquery())
    looked_after = select(Cadre.grid_id).where(Cadre.team == "网格员", Cadre.grid_id.is_not(None), _in_post(as_of))
    grids = (select(Grid.community_id, func.count(Grid.id).label("grids"),
                    func.count(case((Grid.id.in_(looked_after), Grid.id))).label("grids_with_worker"))
             .where(_grid_existed(as_of)).group_by(Grid.community_id).subquery())
    code, name, order = child_columns(area)
    counts = ["secretaries", "committee", "staff", "liaisons", "grid_workers", "grids", "grids_with_worker"]
    statement = (
        from_communities(select(code, name, County.name, Street.name, Community.name, Community.code,
                                *(func.coalesce(people.c[c], 0) for c in counts[:5]),
                                *(func.coalesce(grids.c[c], 0) for c in counts[5:])))
        .outerjoin(people, people.c.community_id == Community.id)
        .outerjoin(grids, grids.c.community_id == Community.id)
        .where(Community.is_urban, *area_conditions(area))
        .order_by(order, County.sort_order, Street.code, Community.code)
    )
    frame = frame_of(engine, statement, AREA_COLUMNS + PLACE + ["community_code"] + counts)
    return frame.astype(dict.fromkeys(counts, int))


def staffing_by_area(engine: Engine, area: Area, as_of: dt.date | None = None) -> pd.DataFrame:
    """Staffing of the urban communities against what each should have, by the level below the area, as of
    `as_of` (cadres appointed by then, cadre.appointed_on; grids created by then; undated ones counted as there
    since ever), or the store's current state without it.

    Counts of communities: urban_communities; with_secretary; committees_short (fewer than COMMITTEE_MINIMUM 两委
    members, the secretary counted) and committee_members_short (the members they lack, summed); with_staff (a
    社区专职工作者 at least); with_liaison (a 党建联络员 at least). Grids: grids, grids_with_worker (a 网格员 names
    the grid). Vacancies: secretary_vacancies, staff_vacancies, liaison_vacancies, grids_without_worker, and
    vacancies, their sum with committee_members_short. Rates: liaison_staffing = with_liaison /
    urban_communities (the cockpit's 党建联络员配备率), grid_worker_staffing = grids_with_worker / grids.
    People: secretaries, committee_members, staff, liaisons, grid_workers (grid workers with or without a grid).
    """
    frame = _community_staffing(engine, area, as_of)
    frame = frame.assign(
        urban_communities=1, with_secretary=(frame["secretaries"] > 0).astype(int),
        committees_short=(frame["committee"] < COMMITTEE_MINIMUM).astype(int),
        committee_members_short=(COMMITTEE_MINIMUM - frame["committee"]).clip(lower=0),
        with_staff=(frame["staff"] > 0).astype(int), with_liaison=(frame["liaisons"] > 0).astype(int),
    ).rename(columns={"committee": "committee_members"})
    summed = ["urban_communities", "with_secretary", "committees_short", "committee_members_short", "with_staff",
              "with_liaison", "grids", "grids_with_worker", "secretaries", "committee_members", "staff", "liaisons",
              "grid_workers"]
    by_area = frame.groupby(AREA_COLUMNS, sort=False)[summed].sum().reset_index()
    by_area["secretary_vacancies"] = by_area["urban_communities"] - by_area["with_secretary"]
    by_area["staff_vacancies"] = by_area["urban_communities"] - by_area["with_staff"]
    by_area["liaison_vacancies"] = by_area["urban_communities"] - by_area["with_liaison"]
    by_area["grids_without_worker"] = by_area["grids"] - by_area["grids_with_worker"]
    by_area["vacancies"] = by_area[["secretary_vacancies", "committee_members_short", "staff_vacancies",
                                    "liaison_vacancies", "grids_without_worker"]].sum(axis=1)
    by_area = rate(by_area, "with_liaison", "urban_communities", "liaison_staffing")
    return rate(by_area, "grids_with_worker", "grids", "grid_worker_staffing")


def liaison_staffing_by_area(engine: Engine, area: Area, as_of: dt.date | None = None) -> pd.DataFrame:
    """党建联络员配备率: urban communities with at least one 党建联络员 in post on `as_of` (appointed by then,
    cadre.appointed_on; undated: since ever) / urban communities, by the level below the area (the report: one
    liaison officer for each community). Without `as_of`, the store's current state.

    Columns: area_code, area_name, urban_communities, with_liaison, liaison_staffing.
    """
    columns = AREA_COLUMNS + ["urban_communities", "with_liaison", "liaison_staffing"]
    return staffing_by_area(engine, area, as_of)[columns]


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _people(engine: Engine, area: Area) -> pd.DataFrame:
    """Every cadre registered in the area's communities and villages: role, birth date, education."""
    statement = via_community(select(Cadre.team, Cadre.post, Cadre.birth_date, Cadre.education).select_from(Cadre),
                              Cadre.community_id).where(*area_conditions(area))
    return _with_roles(frame_of(engine, statement, ["team", "post", "birth_date", "education"]))


def team_profile(engine: Engine, area: Area, as_of: dt.date) -> pd.DataFrame:
    """Age (on `as_of`) and education of everyone registered in the area's communities and villages, by role.

    Columns: role, people, average_age, age bands (age_to_35, age_36_45, age_46_55, age_56_up), education levels
    (edu_0 … edu_5 in the order of EDUCATION_LEVELS), college (大专及以上), college_rate, young_rate (35 and
    under). Roles in the order of ROLES, only those with people.
    """
    people = _people(engine, area)
    if people.empty:
        return pd.DataFrame(columns=["role", "people", "average_age", *AGE_BANDS, *EDUCATION_COLUMNS, "college",
                                     "college_rate", "young_rate"])
    people["age"] = [_age(pd.Timestamp(b).date(), as_of) for b in people["birth_date"]]
    bands = pd.cut(people["age"], [-1, 35, 45, 55, 200], labels=list(AGE_BANDS))
    table = pd.concat([
        people.groupby("role").agg(people=("age", "size"), average_age=("age", "mean")),
        pd.crosstab(people["role"], bands).reindex(columns=list(AGE_BANDS), fill_value=0),
        pd.crosstab(people["role"], people["education"]).reindex(columns=EDUCATION_LEVELS, fill_value=0)
        .set_axis(list(EDUCATION_COLUMNS), axis=1),
    ], axis=1)
    table["college"] = people[people["education"].isin(COLLEGE)].groupby("role").size().reindex(table.index,
                                                                                                   fill_value=0)
    table = table.reindex([r for r in ROLES if r in table.index]).rename_axis("role").reset_index()
    table["college_rate"] = table["college"] / table["people"]
    table["young_rate"] = table["age_to_35"] / table["people"]
    return table


def election_entrants(engine: Engine, area: Area) -> pd.DataFrame:
    """Cadres who came into the two committees at an election (两委换届), by year and background (人员来源):
    致富带头人, 返乡人员, 大中专毕业生, 退伍军人, or 未填来源. Every year and background with entrants.

    Columns: year, background, entrants.
    """
    statement = via_community(select(Cadre.entry_year, Cadre.background, func.count(Cadre.id)).select_from(Cadre),
                              Cadre.community_id).where(Cadre.entry_route == "两委换届", *area_conditions(area)
                                                        ).group_by(Cadre.entry_year, Cadre.background)
    frame = frame_of(engine, statement, ["year", "background", "entrants"])
    frame["background"] = frame["background"].fillna(NO_BACKGROUND)
    order = {b: i for i, b in enumerate([*CADRE_BACKGROUNDS, NO_BACKGROUND])}
    return frame.assign(_o=frame["background"].map(order)).sort_values(["year", "_o"]).drop(columns="_o"
                                                                                          ).reset_index(drop=True)


def hires(engine: Engine, area: Area) -> pd.DataFrame:
    """People hired by open selection (公开选聘), by year and role: 社区专职工作者 and 网格员 (the report's 889 of
    2017), 党建联络员 (selected for each community) and any other.

    Columns: year, role, hired.
    """
    statement = via_community(select(Cadre.entry_year, Cadre.team, Cadre.post, func.count(Cadre.id))
                              .select_from(Cadre), Cadre.community_id).where(
        Cadre.entry_route == "公开选聘", *area_conditions(area)).group_by(Cadre.entry_year, Cadre.team, Cadre.post)
    frame = _with_roles(frame_of(engine, statement, ["year", "team", "post", "hired"]))
    frame = frame.groupby(["year", "role"], as_index=False)["hired"].sum()
    return frame.assign(_o=frame["role"].map(ROLE_ORDER)).sort_values(["year", "_o"]).drop(columns="_o"
                                                                                         ).reset_index(drop=True)


def entries_by_area(engine: Engine, area: Area, year: int) -> pd.DataFrame:
    """Who came in in `year`, by the level below the area: entrants at the election by background, and the
    full-time workers and grid workers hired (公开选聘).

    Columns: area_code, area_name, entrants, one column per background (bg_0 … bg_3 in the order of
    CADRE_BACKGROUNDS), hired_staff, hired_grid_workers, hired (the two summed).
    """
    code, name, order = child_columns(area)
    backgrounds = [_count(and_(Cadre.entry_route == "两委换届", Cadre.background == b)) for b in CADRE_BACKGROUNDS]
    hired = Cadre.entry_route == "公开选聘"
    statement = via_community(select(
        code, name, _count(Cadre.entry_route == "两委换届"), *backgrounds, _count(and_(hired, IS[STAFF])),
        _count(and_(hired, IS[GRID_WORKER]))).select_from(Cadre), Cadre.community_id,
    ).where(Cadre.entry_year == year, *area_conditions(area)).group_by(code, name, order).order_by(order)
    columns = ["entrants", *(f"bg_{i}" for i in range(len(CADRE_BACKGROUNDS))), "hired_staff", "hired_grid_workers"]
    frame = frame_of(engine, statement, AREA_COLUMNS + columns).astype(dict.fromkeys(columns, int))
    frame["hired"] = frame["hired_staff"] + frame["hired_grid_workers"]
    return frame


def _secretaries(engine: Engine, area: Area) -> pd.DataFrame:
    statement = via_community(select(Community.code, Cadre.name, Cadre.phone).select_from(Cadre), Cadre.community_id
                              ).where(IS[SECRETARY], *area_conditions(area)).order_by(Community.code, Cadre.code)
    return frame_of(engine, statement, ["community_code", "contact", "contact_phone"]).drop_duplicates(
        "community_code")


def staffing_gaps(engine: Engine, area: Area, as_of: dt.date, mask: bool = True) -> pd.DataFrame:
    """The gap list: every post an urban community of the area lacks, one row each, with the community's
    secretary to contact (name and phone masked unless the viewer may see them): 社区党组织书记空缺, 两委成员不足
    (fewer than COMMITTEE_MINIMUM), 社区专职工作者空缺, 党建联络员空缺, 网格员空缺 (each grid without one), and
    党建联络员 who do not fit the report's profile (“30岁左右、大专以上”: LIAISON_AGES on `as_of`, 大专 or above),
    named (masked likewise).

    Columns: county, street, community, community_code, gap, grid_code, grid, person, detail, contact,
    contact_phone.
    """
    staffing = _community_staffing(engine, area)
    rows = []
    for c in staffing.itertuples():
        place = {"county": c.county, "street": c.street, "community": c.community, "community_code": c.community_code}
        if not c.secretaries:
            rows.append({**place, "gap": f"{SECRETARY}空缺"})
        if c.committee < COMMITTEE_MINIMUM:
            rows.append({**place, "gap": f"{COMMITTEE}不足",
                         "detail": f"现有 {c.committee} 名(含书记),应不少于 {COMMITTEE_MINIMUM} 名"})
        if not c.staff:
            rows.append({**place, "gap": f"{STAFF}空缺"})
        if not c.liaisons:
            rows.append({**place, "gap": f"{LIAISON}空缺"})
    looked_after = select(Cadre.grid_id).where(Cadre.team == "网格员", Cadre.grid_id.is_not(None))
    uncovered = frame_of(engine, via_community(
        select(County.name, Street.name, Community.name, Community.code, Grid.code, Grid.name).select_from(Grid),
        Grid.community_id).where(Community.is_urban, Grid.id.not_in(looked_after), *area_conditions(area)),
        PLACE + ["community_code", "grid_code", "grid"])
    rows += [{**row, "gap": f"{GRID_WORKER}空缺"} for row in uncovered.to_dict("records")]
    liaisons = frame_of(engine, via_community(
        select(County.name, Street.name, Community.name, Community.code, Cadre.name, Cadre.birth_date,
               Cadre.education).select_from(Cadre), Cadre.community_id,
    ).where(Community.is_urban, IS[LIAISON], *area_conditions(area)).order_by(Cadre.code),
        PLACE + ["community_code", "person", "birth_date", "education"])
    for person in liaisons.to_dict("records"):
        age = _age(pd.Timestamp(person.pop("birth_date")).date(), as_of)
        if not LIAISON_AGES[0] <= age <= LIAISON_AGES[1] or person["education"] not in COLLEGE:
            rows.append({**person, "gap": f"{LIAISON}不符合“30岁左右、大专以上”",
                         "detail": f"{age} 岁,{person['education']}"})
    columns = PLACE + ["community_code", "gap", "grid_code", "grid", "person", "detail"]
    gaps = pd.DataFrame(rows, columns=columns + ["education"])[columns]
    gaps = gaps.merge(_secretaries(engine, area), on="community_code", how="left")
    order = {f"{SECRETARY}空缺": 0, f"{COMMITTEE}不足": 1, f"{STAFF}空缺": 2, f"{LIAISON}空缺": 3,
             f"{GRID_WORKER}空缺": 4}
    where = {code: i for i, code in enumerate(staffing["community_code"])}  # the communities' order
    gaps = gaps.assign(_c=gaps["community_code"].map(where), _o=gaps["gap"].map(order).fillna(len(order)))
    gaps = gaps.sort_values(["_c", "_o", "grid_code"], kind="stable").drop(columns=["_c", "_o"])
    if mask:
        for column, masking in (("person", mask_name), ("contact", mask_name), ("contact_phone", mask_phone)):
            gaps[column] = gaps[column].map(masking, na_action="ignore")
    return gaps.reset_index(drop=True)


def cadre_roster(engine: Engine, area: Area, as_of: dt.date, mask: bool = True) -> pd.DataFrame:
    """Everyone registered in the area's communities and villages: place, grid, role, name, age on `as_of`,
    education, how and when they came in, phone (name and phone masked unless the viewer may see them); by
    community, then role in the order of ROLES.

    Columns: county, street, community, grid, role, person, age, education, entry_route, entry_year,
    background, phone.
    """
    statement = via_community(
        select(County.name, Street.name, Community.name, Community.code, Grid.name, Cadre.team, Cadre.post,
               Cadre.name, Cadre.birth_date, Cadre.education, Cadre.entry_route, Cadre.entry_year, Cadre.background,
               Cadre.phone).select_from(Cadre).outerjoin(Grid, Cadre.grid_id == Grid.id), Cadre.community_id,
    ).where(*area_conditions(area)).order_by(County.sort_order, Street.code, Community.code, Cadre.code)
    frame = _with_roles(frame_of(engine, statement, PLACE + ["community_code", "grid", "team", "post", "person",
                                                             "birth_date", "education", "entry_route", "entry_year",
                                                             "background", "phone"]))
    frame.insert(7, "age", [_age(pd.Timestamp(b).date(), as_of) for b in frame.pop("birth_date")])
    where = {code: i for i, code in reversed(list(enumerate(frame["community_code"])))}  # communities' order
    frame = frame.assign(_c=frame.pop("community_code").map(where), _o=frame["role"].map(ROLE_ORDER))
    frame = frame.sort_values(["_c", "_o"], kind="stable").drop(columns=["_c", "_o"]).reset_index(drop=True)
    if mask:
        frame["person"] = frame["person"].map(mask_name, na_action="ignore")
        frame["phone"] = frame["phone"].map(mask_phone, na_action="ignore")
    return frame
