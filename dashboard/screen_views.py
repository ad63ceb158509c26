"""What each big-screen composition shows (数据大屏): the cockpit and each theme, gathered with the same queries
their views call (through `load`, cached and within the viewer's scope), handed to the pure builders of
dashboard/screen_layout.py. Pages never build SQL; neither does this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.cockpit_scores import cockpit_scores
from dashboard.data import derived, load
from dashboard.filters import scope_name
from dashboard.missing import NOTHING_IMPORTED
from dashboard.screen_layout import Figure, Ranked, Screen, Trend, county_map_html
from queries.area import CITY, LEVEL_NAMES, Area
from queries.assessment import assessment_coverage_by_area, assessment_year, score_bands_by_area, score_trend
from queries.checkin import (
    monthly_service_rate,
    notification_completion_by_area,
    notification_year,
    unit_checkin_by_area,
)
from queries.cockpit import effective_target, ranked_areas
from queries.coverage import coverage_by_level
from queries.definitions import name, title
from queries.findings import platform_findings, rate_findings, staffing_findings
from queries.funding import funding_by_year, funding_per_community_and_member
from queries.meetings import meeting_activity_by_street, meetings_by_street_month
from queries.overview import (
    HEADLINES,
    MEETING_QUARTERS,
    Headline,
    funding_execution_by_area,
    grid_branch_coverage_by_area,
    last_complete_quarters,
    meetings_on_schedule_by_area,
    member_checkin_rate_by_area,
    pairing_coverage_by_area,
    two_new_coverage_by_area,
    year_elapsed,
)
from queries.platforms import platforms_by_area, platforms_by_kind, platforms_by_year
from queries.regions import county_places
from queries.store import StoreFacts, rag_status, setting_value, targets
from queries.teams import COMMITTEE_MINIMUM, election_entrants, staffing_by_area
from queries.two_new import large_stable_without_organization, organizations_that_should_organize, two_new_by_dimension

SPECS = {spec.key: spec for spec in HEADLINES}
BY_TITLE = {spec.title: spec for spec in HEADLINES}
TREND_MONTHS = 12
STANDARD = "一站一园一场七室"  # the urban community's platform standard (pages/platforms.py)
COVERAGE_OF_LEVEL = {"社区党组织": "community_org_coverage", "网格党支部": "grid_branch_coverage",
                     "小区(楼栋)党小组": "group_coverage"}
# The headline figures that can be counted as of any day, so the cockpit shows their change since last month
# and their monthly trend.
DATED = {"member_checkin_rate": member_checkin_rate_by_area, "pairing_coverage": pairing_coverage_by_area}
DEFAULT_METRIC = "member_checkin_rate"


def month_before(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)


def month_ends(last: dt.date, count: int) -> list[dt.date]:
    """The last day of each of the `count` months up to `last`'s month, the last one being `last` itself."""
    days = [last]
    while len(days) < count:
        days.insert(0, month_before(days[0]))
    return days


def rate_of(frame: pd.DataFrame, spec: Headline) -> float | None:
    total = float(frame[spec.denominator].sum()) if not frame.empty else 0.0
    return float(frame[spec.numerator].sum()) / total if total else None


def ranked_rows(ranked: pd.DataFrame) -> list[Ranked]:
    """The areas best first, each with its rank, rate and status."""
    best_first = ranked.sort_values(["rank", "area_code"])
    top = max(1.0, float(best_first["rate"].max())) if not best_first.empty else 1.0
    return [Ranked(int(row.rank), str(row.area_name), fmt.percent(row.rate), row.rate / top, row.status)
            for row in best_first.itertuples()]


def area_map(home: Area, ranked: pd.DataFrame) -> str:
    """The county map coloured by the ranked figure; none below the city (the rows are then streets)."""
    if not home.is_city:
        return ""
    places = load(county_places)
    return county_map_html(places, dict(zip(ranked["area_code"], ranked["status"])),
                           {code: fmt.percent(rate) for code, rate in zip(ranked["area_code"], ranked["rate"])})


def chosen_metric() -> Headline:
    """The figure the map and the ranking show: ?metric=<title> as on the cockpit, else 在职党员报到率."""
    return BY_TITLE.get(st.query_params.get("metric", ""), SPECS[DEFAULT_METRIC])


def cockpit(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """The cockpit: the headline figures with status and change around the county map of the chosen figure,
    the ranking of the county-level units, the figure's monthly trend, the top warnings and the findings."""
    dates = facts.themes
    scope = active_viewer().scope
    home = CITY.within(scope)
    where, child = scope_name(scope), LEVEL_NAMES[home.child_level]
    scored = cockpit_scores(dates)  # as the cockpit scores them (dashboard/cockpit_scores.py)
    frames, goals, reasons, scores = scored.frames, scored.goals, scored.reasons, scored.scores
    previous = {key: load(query, CITY, month_before(dates.of(SPECS[key].theme))) for key, query in DATED.items()}

    figures = []
    for row in scores.itertuples():
        spec = SPECS[row.key]
        if reasons[row.key] or pd.isna(row.value):
            why = "尚未导入数据" if reasons[row.key] else "无可计算的数据"
            figures.append(Figure(row.title, "暂无数据", "无数据", (why,)))
            continue
        lines = [f"目标 {fmt.target_percent(row.target)}"]
        before = rate_of(previous[row.key], spec) if row.key in previous else None
        if before is not None:
            lines.append(f"较上月 {fmt.points(row.value - before)}")
        else:
            lines.append(f"对目标 {fmt.points(row.value - row.target)}")
        figures.append(Figure(row.title, fmt.percent(row.value), row.status, tuple(lines)))

    spec = chosen_metric()
    goal = goals.set_index("metric_key").loc[spec.key]
    as_of = dates.of(spec.theme)
    ranked = pd.DataFrame() if reasons[spec.key] else ranked_areas(frames[spec.key], spec, goal, as_of)
    target, _ = effective_target(spec, goal, as_of)
    trend_spec = spec if spec.key in DATED else SPECS[DEFAULT_METRIC]
    trend = None
    if not reasons[trend_spec.key]:
        days = month_ends(dates.of(trend_spec.theme), TREND_MONTHS)
        values = [rate_of(load(DATED[trend_spec.key], CITY, day), trend_spec) for day in days]
        trend_target = float(goals.set_index("metric_key").loc[trend_spec.key, "target_value"])
        trend = Trend(f"{trend_spec.title} · 逐月", [f"{day:%Y-%m}" for day in days],
                      [None if v is None else v * 100 for v in values], [fmt.percent(v) for v in values],
                      trend_target * 100)
    findings = []
    for key, frame in frames.items():
        if reasons[key]:
            continue
        spec_k = SPECS[key]
        goal_k = goals.set_index("metric_key").loc[key]
        findings += derived(rate_findings, frame, spec_k.numerator, spec_k.denominator, spec_k.title, where, child,
                            effective_target(spec_k, goal_k, dates.of(spec_k.theme))[0])[:1]
    return Screen(
        title=f"{where}党建驾驶舱", as_of=fmt.chinese_date(facts.data_as_of), figures=figures,
        ranking_title=f"各{child}{spec.title}排名", ranking=ranked_rows(ranked) if not ranked.empty else [],
        map_title=f"{spec.title} · 目标 {fmt.target_percent(target)}",
        map_svg=area_map(home, ranked) if not ranked.empty else "",
        trend=trend, warnings=lagging(frames, goals, dates, reasons), findings=findings, demo=facts.is_demo,
        position=position)


def lagging(frames: dict[str, pd.DataFrame], goals: pd.DataFrame, dates, reasons: dict[str, str | None],
            count: int = 3) -> list[tuple[str, str]]:
    """The areas furthest below target over all headline figures: (红, 甲区 网格党支部覆盖率 50.0%)."""
    rows = []
    goals = goals.set_index("metric_key")
    for spec in HEADLINES:
        if reasons.get(spec.key):
            continue
        ranked = ranked_areas(frames[spec.key], spec, goals.loc[spec.key], dates.of(spec.theme))
        for row in ranked[ranked["status"] == "红"].itertuples():
            rows.append((row.gap, f"{row.area_name} {spec.title} {fmt.percent(row.rate)}"))
    return [("红", text) for _, text in sorted(rows, key=lambda pair: pair[0])[:count]]


# The themes: each view's figures, its map (county-level units) or ranking, its trend and its top warnings.


def rate_spec(key: str, theme: str, numerator: str, denominator: str, paced: bool = False) -> Headline:
    """A rate as the cockpit's ranking reads it (numerator / denominator per area, against the metric's target)."""
    return Headline(key, theme, title(key), numerator, denominator, "", "", "", (), paced)


def status_figure(label: str, value: float | None, target: float, amber: float, line: str = "") -> Figure:
    """A rate against its target: its status word, the target, and the gap to it."""
    if value is None or pd.isna(value):
        return Figure(label, "暂无数据", "无数据", ("无可计算的数据",))
    return Figure(label, fmt.percent(value), rag_status(value, target, amber),
                  (f"目标 {fmt.target_percent(target)}", line or f"对目标 {fmt.points(value - target)}"))


def count_figure(label: str, value: str, line: str = "") -> Figure:
    return Figure(label, value, None, (line,) if line else ())


def share(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def theme_screen(view: str, facts: StoreFacts, as_of: dt.date | None, position: tuple[int, int],
                 figures: list[Figure], frame: pd.DataFrame, spec: Headline, trend: Trend | None,
                 findings: list[str] | None = None) -> Screen:
    """A theme's screen: its figures, the county map and the ranking of `spec` over `frame` (its areas against
    the target), the trend, and the areas furthest below target as the top warnings."""
    scope = active_viewer().scope
    home = CITY.within(scope)
    where, child = scope_name(scope), LEVEL_NAMES[home.child_level]
    goals = load(targets).set_index("metric_key")
    goal = goals.loc[spec.key]
    day = as_of or facts.data_as_of
    target, _ = effective_target(spec, goal, day)
    ranked = ranked_areas(frame, spec, goal, day) if not frame.empty else pd.DataFrame()
    lagging_rows = [] if ranked.empty else [
        (row.status, f"{row.area_name} {fmt.percent(row.rate)},差目标 {fmt.points(target - row.rate)[1:]}")
        for row in ranked[ranked["status"].isin(["红", "黄"])].sort_values("rate").itertuples()]
    said = findings if findings is not None else (
        [] if ranked.empty else derived(rate_findings, frame, spec.numerator, spec.denominator, spec.title, where,
                                        child, target))
    return Screen(
        title=f"{where} · {view}", as_of=fmt.chinese_date(day), figures=figures,
        ranking_title=f"各{child}{spec.title}排名", ranking=[] if ranked.empty else ranked_rows(ranked),
        map_title=f"{spec.title} · 目标 {fmt.target_percent(target)}",
        map_svg="" if ranked.empty else area_map(home, ranked), trend=trend, warnings=lagging_rows,
        warnings_title=f"{spec.title}重点预警", findings=said, demo=facts.is_demo, position=position)


def home_area() -> Area:
    return CITY.within(active_viewer().scope)


def coverage_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """六级体系覆盖: the three coverage rates below the street, the grid-branch map and ranking, the rates by level."""
    home = home_area()
    levels = load(coverage_by_level, home)
    goal = load(targets).set_index("metric_key").loc["grid_branch_coverage"]
    by_level = {row.level: row for row in levels.itertuples()}
    figures = []
    for level, key in COVERAGE_OF_LEVEL.items():
        row = by_level.get(level)
        value = None if row is None else row.coverage
        line = "" if row is None else f"已建 {fmt.count(row.units_covered)} / 应建 {fmt.count(row.units)}"
        if key == "grid_branch_coverage":
            figures.append(status_figure(name(key), value, float(goal["target_value"]), float(goal["amber_floor"])))
        else:
            figures.append(Figure(name(key), fmt.percent(value), None, (line,)))
    for level in ("区县(市)委", "街道党工委"):
        row = by_level.get(level)
        if row is not None:
            figures.append(count_figure(f"{level}", f"{fmt.count(row.units_covered)} 个",
                                        f"应建 {fmt.count(row.units)} 个"))
    rates = [by_level.get(level) for level in COVERAGE_OF_LEVEL]
    trend = Trend("各级覆盖率", list(COVERAGE_OF_LEVEL), [None if r is None else r.coverage * 100 for r in rates],
                  [fmt.percent(None if r is None else r.coverage) for r in rates])
    grids = load(grid_branch_coverage_by_area, home)
    return theme_screen("六级体系覆盖", facts, facts.as_of("coverage"), position, figures, grids,
                        SPECS["grid_branch_coverage"], trend)


def checkin_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """双报到·双结对: check-in of units and members, service, pairing; the members' map; the monthly service rate."""
    home, goals = home_area(), load(targets).set_index("metric_key")
    last, pairing_last = facts.as_of("checkin"), facts.as_of("pairing")
    first = month_ends(last, TREND_MONTHS)[0].replace(day=1)
    members = load(member_checkin_rate_by_area, home, last)
    units = load(unit_checkin_by_area, home, last)
    monthly = load(monthly_service_rate, home, first, last)
    pairing = load(pairing_coverage_by_area, home, pairing_last)
    notices = load(notification_completion_by_area, home, notification_year(pairing_last))

    def rated(key: str, frame: pd.DataFrame, numerator: str, denominator: str) -> Figure:
        goal = goals.loc[key]
        value = share(float(frame[numerator].sum()), float(frame[denominator].sum())) if not frame.empty else None
        return status_figure(name(key), value, float(goal["target_value"]), float(goal["amber_floor"]))

    served = monthly.iloc[-1:] if not monthly.empty else monthly
    figures = [rated("member_checkin_rate", members, "members_checked_in", "members_in_service"),
               rated("unit_checkin_rate", units, "units_checked_in", "units"),
               rated("monthly_service_rate", served, "members_served", "members_checked_in"),
               rated("pairing_coverage", pairing, "communities_paired", "urban_communities"),
               rated("notification_completion", notices, "completed", "notifications"),
               count_figure(name("members_checked_in"), f"{fmt.count(members['members_checked_in'].sum())} 名",
                            f"截至{fmt.chinese_date(last)}")]
    trend = Trend(f"{name('monthly_service_rate')} · 逐月", list(monthly["month"]),
                  [None if pd.isna(v) else v * 100 for v in monthly["service_rate"]],
                  [fmt.percent(v) for v in monthly["service_rate"]],
                  float(goals.loc["monthly_service_rate", "target_value"]) * 100)
    return theme_screen("双报到·双结对", facts, last, position, figures, members, SPECS["member_checkin_rate"], trend)


def assessment_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """双向考核: coverage against its target, the average score and the bands, the average year by year."""
    home = home_area()
    last = facts.as_of("checkin")
    year = assessment_year(last)
    coverage = load(assessment_coverage_by_area, home, year)
    bands = load(score_bands_by_area, home, year)
    trend_rows = load(score_trend, home, year)
    goal = load(targets).set_index("metric_key").loc["assessment_coverage"]
    count = int(bands["assessments"].sum()) if not bands.empty else 0
    average = float(bands["score_total"].sum()) / count if count else None
    due, assessed = int(coverage["units_due"].sum()), int(coverage["units_assessed"].sum())
    figures = [status_figure(f"{year}年{name('assessment_coverage')}", share(assessed, due),
                             float(goal["target_value"]), float(goal["amber_floor"])),
               count_figure(name("assessment_average"), fmt.score(average), f"{fmt.count(count)} 个考核结果"),
               count_figure(name("assessment_excellent"), f"{int(bands['excellent'].sum()) if count else 0} 个",
                            "90分及以上"),
               count_figure(name("assessment_poor"), f"{int(bands['poor'].sum()) if count else 0} 个", "不足60分")]
    shown = trend_rows[trend_rows["assessments"] > 0]
    trend = Trend("平均得分 · 历年", [f"{int(y)}年" for y in shown["year"]], list(shown["average_score"]),
                  [fmt.score(v) for v in shown["average_score"]])
    return theme_screen("双向考核", facts, last, position, figures, coverage, SPECS["assessment_coverage"], trend)


def meetings_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """联席会议: on schedule over the last four complete quarters, meetings, attendance, items; meetings by month."""
    home = home_area()
    last = facts.as_of("meetings")
    required = int(load(setting_value, "meetings_required_per_quarter", "1"))
    first_quarter, last_quarter = last_complete_quarters(last, MEETING_QUARTERS)
    activity = load(meeting_activity_by_street, home, first_quarter, last_quarter, required)
    by_area = load(meetings_on_schedule_by_area, home, first_quarter, last_quarter, required)
    goal = load(targets).set_index("metric_key").loc["meetings_on_schedule"]
    total = {column: float(activity[column].sum()) for column in
             ("quarters", "quarters_on_schedule", "meetings_held", "seats", "attended", "items_tabled",
              "items_matched", "items_resolved")} if not activity.empty else {}
    figures = [status_figure(name("meetings_on_schedule"), share(total.get("quarters_on_schedule", 0),
                                                                  total.get("quarters", 0)),
                             float(goal["target_value"]), float(goal["amber_floor"])),
               count_figure(name("meetings_held"), fmt.count(total.get("meetings_held")), "近四个完整季度"),
               Figure(name("attendance_rate"), fmt.percent(share(total.get("attended", 0), total.get("seats", 0)))),
               Figure(name("item_match_rate"),
                      fmt.percent(share(total.get("items_matched", 0), total.get("items_tabled", 0)))),
               Figure(name("item_resolution_rate"),
                      fmt.percent(share(total.get("items_resolved", 0), total.get("items_tabled", 0)))),
               count_figure(name("overdue_streets"),
                            f"{int(activity['overdue'].sum()) if not activity.empty else 0} 个")]
    first = month_ends(last, TREND_MONTHS)[0].replace(day=1)
    monthly = load(meetings_by_street_month, home, first, last)
    per_month = monthly.groupby("month")["meetings"].sum() if not monthly.empty else pd.Series(dtype=float)
    months = [f"{day:%Y-%m}" for day in month_ends(last, TREND_MONTHS)]
    counts = [float(per_month.get(month, 0)) for month in months]
    trend = Trend("召开次数 · 逐月", months, counts, [f"{int(c)}" for c in counts], percent=False)
    return theme_screen("联席会议", facts, last_quarter, position, figures, by_area, SPECS["meetings_on_schedule"],
                        trend)


def two_new_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """两新组织: the organizations, coverage of Party organization and work, the gaps; coverage by kind."""
    home = home_area()
    by_area = load(two_new_coverage_by_area, home)
    goal = load(targets).set_index("metric_key").loc["two_new_org_coverage"]
    orgs = float(by_area["two_new_orgs"].sum()) if not by_area.empty else 0.0
    figures = [count_figure(name("two_new_orgs"), fmt.count(orgs), "非公企业和社会组织"),
               status_figure(name("two_new_org_coverage"), share(float(by_area["orgs_covered"].sum()), orgs)
                             if orgs else None, float(goal["target_value"]), float(goal["amber_floor"])),
               Figure(name("two_new_work_coverage"),
                      fmt.percent(share(float(by_area["work_covered"].sum()), orgs) if orgs else None)),
               count_figure(name("two_new_should_organize"),
                            f"{len(load(organizations_that_should_organize, home))} 个", "3名以上党员未建"),
               count_figure(name("large_stable_uncovered"),
                            f"{len(load(large_stable_without_organization, home))} 个", "规模较大企业")]
    kinds = load(two_new_by_dimension, home, "kind")
    trend = Trend(f"{name('two_new_org_coverage')} · 按类型", [str(k) for k in kinds["value"]],
                  [None if pd.isna(v) else v * 100 for v in kinds["org_coverage"]],
                  [fmt.percent(v) for v in kinds["org_coverage"]], float(goal["target_value"]) * 100)
    return theme_screen("两新组织", facts, facts.as_of("two_new"), position, figures, by_area,
                        SPECS["two_new_org_coverage"], trend)


def teams_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """四支队伍: liaison officers and grid workers against what each community should have, vacancies, entrants."""
    home = home_area()
    staffing = load(staffing_by_area, home)
    goal = load(targets).set_index("metric_key").loc["liaison_staffing"]
    total = {column: int(value) for column, value in staffing.select_dtypes("integer").sum().items()}
    entrants = load(election_entrants, home)
    year = int(entrants["year"].max()) if not entrants.empty else None
    latest = entrants[entrants["year"] == year] if year else entrants
    figures = [status_figure(name("liaison_staffing"), share(total.get("with_liaison", 0),
                                                              total.get("urban_communities", 0)),
                             float(goal["target_value"]), float(goal["amber_floor"])),
               Figure(name("grid_worker_staffing"),
                      fmt.percent(share(total.get("grids_with_worker", 0), total.get("grids", 0))), None,
                      (f"{total.get('grids_with_worker', 0):,} / {total.get('grids', 0):,} 个网格",)),
               count_figure(name("secretary_vacancies"), f"{total.get('secretary_vacancies', 0):,} 个"),
               count_figure(f"{year or ''}年{name('election_entrants')}", f"{fmt.count(latest['entrants'].sum())} 名")]
    trend = Trend(f"{year or ''}年换届进入 · 按来源", [str(b) for b in latest["background"]],
                  [float(v) for v in latest["entrants"]], [f"{int(v)} 名" for v in latest["entrants"]], percent=False)
    said = derived(staffing_findings, staffing, scope_name(active_viewer().scope), LEVEL_NAMES[home.child_level],
                   COMMITTEE_MINIMUM)
    return theme_screen("四支队伍", facts, facts.data_as_of, position, figures,
                        staffing[["area_code", "area_name", "urban_communities", "with_liaison"]],
                        SPECS["liaison_staffing"], trend, said)


def platforms_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """阵地建设: the platforms, the communities up to standard, sharing; platforms built year by year; the ranking
    of the county-level units on the communities' standard (it has no target: no status, no map colour)."""
    home = home_area()
    by_area = load(platforms_by_area, home)
    by_kind, by_year = load(platforms_by_kind, home), load(platforms_by_year, home)
    kinds = by_kind.set_index("place")
    urban, meeting = int(by_area["urban_communities"].sum()), int(by_area["urban_meeting_standard"].sum())
    figures = [count_figure(name("platforms"), f"{int(by_area['platforms'].sum()):,} 个", "含街道、社区"),
               count_figure(name("street_platforms"), f"{int(kinds['platforms'].get('街道', 0)):,} 个"),
               Figure(name("community_platform_standard"), fmt.percent(share(meeting, urban)), None,
                      (f"{meeting:,} / {urban:,} 个城市社区",)),
               Figure(name("platform_sharing"),
                      fmt.percent(share(float(by_kind["shared"].sum()), float(by_kind["sharing_reported"].sum()))))]
    trend = Trend("新建、改扩建 · 历年", [f"{int(y)}年" for y in by_year["year"]],
                  [float(a + b) for a, b in zip(by_year["new_built"], by_year["extended"])],
                  [f"{int(a + b)} 个" for a, b in zip(by_year["new_built"], by_year["extended"])], percent=False)
    rows = by_area[by_area["urban_communities"] > 0].assign(
        rate=lambda f: f["urban_meeting_standard"] / f["urban_communities"])
    rows = rows.assign(rank=rows["rate"].rank(ascending=False, method="min").astype(int))
    child = LEVEL_NAMES[home.child_level]
    ranking = [Ranked(int(r.rank), str(r.area_name), fmt.percent(r.rate), r.rate, None)
               for r in rows.sort_values(["rank", "area_code"]).itertuples()]
    below = rows.sort_values("rate").head(3)
    return Screen(
        title=f"{scope_name(active_viewer().scope)} · 阵地建设", as_of=fmt.chinese_date(facts.data_as_of),
        figures=figures, ranking_title=f"各{child}{name('community_platform_standard')}排名", ranking=ranking,
        trend=trend, warnings=[(None, f"{r.area_name} 社区阵地达标 {fmt.percent(r.rate)}") for r in below.itertuples()],
        warnings_title="社区阵地达标率最低", demo=facts.is_demo, position=position,
        findings=derived(platform_findings, by_kind, by_year, by_area, scope_name(active_viewer().scope), STANDARD))


def funding_screen(facts: StoreFacts, position: tuple[int, int]) -> Screen:
    """经费保障: the year's budget, money spent and execution against 序时进度; execution year by year."""
    home = home_area()
    last = facts.as_of("funding")
    by_area = load(funding_execution_by_area, home, last)
    spec = SPECS["funding_execution"]
    goal = load(targets).set_index("metric_key").loc["funding_execution"]
    target, amber = effective_target(spec, goal, last)
    budget, spent = float(by_area["budget_yuan"].sum()), float(by_area["disbursed_yuan"].sum())
    per = load(funding_per_community_and_member, home, last, None)
    communities = int(per["urban_communities"].sum())
    figures = [count_figure(f"{last.year}年{name('funding_budget')}", fmt.yuan(budget)),
               count_figure(name("funding_spent"), fmt.yuan(spent), f"截至{fmt.chinese_date(last)}"),
               status_figure(name("funding_execution"), share(spent, budget), target, amber,
                             f"序时进度 {fmt.percent(year_elapsed(last))}"),
               count_figure(name("funding_per_community"), fmt.yuan(budget / communities) if communities else "—",
                            f"{communities} 个城市社区")]
    yearly = load(funding_by_year, home, last)
    trend = Trend("执行率 · 历年", [f"{int(y)}年" for y in yearly["year"]],
                  [None if pd.isna(v) else v * 100 for v in yearly["execution_rate"]],
                  [fmt.percent(v) for v in yearly["execution_rate"]])
    return theme_screen("经费保障", facts, last, position, figures, by_area[by_area["area_code"] != ""], spec, trend)


def when_imported(compose: Callable[[StoreFacts, tuple[int, int]], Screen]):
    """The composition, or, on a store where nothing dated is imported yet, a screen that says so."""

    def composed(facts: StoreFacts, position: tuple[int, int]) -> Screen:
        if facts.data_as_of is None:
            return Screen(title="常德市城市区域化党建驾驶舱", as_of="—", figures=[], ranking_title="", ranking=[],
                          findings=[NOTHING_IMPORTED], demo=facts.is_demo, position=position)
        return compose(facts, position)

    return composed


COMPOSITIONS: dict[str, Callable[[StoreFacts, tuple[int, int]], Screen]] = {
    path: when_imported(compose) for path, compose in {
        "pages/overview.py": cockpit, "pages/coverage.py": coverage_screen, "pages/checkin.py": checkin_screen,
        "pages/assessment.py": assessment_screen, "pages/meetings.py": meetings_screen,
        "pages/two_new.py": two_new_screen, "pages/teams.py": teams_screen, "pages/platforms.py": platforms_screen,
        "pages/funding.py": funding_screen}.items()}
