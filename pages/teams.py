"""四支队伍: secretaries and 两委 members, full-time community workers, grid workers and Party-building liaison
officers: staffing against what each urban community should have, the gaps, age and education, the 2017
election's entrants and the staff hired. The register is the store's current state (the period filter does
not change it); ages are counted on the data-as-of day."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import breakdown_section, rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, stacked_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, note_missing
from dashboard.navigation import TEAMS
from dashboard.schema import CADRE_BACKGROUNDS, Cadre, Community, Street
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import COUNTY_LEVEL, LEVEL_NAMES
from queries.definitions import name
from queries.findings import entrant_findings, staffing_findings
from queries.overview import headline
from queries.store import rag_status, tables_with_rows, targets
from queries.teams import (
    AGE_BANDS,
    COMMITTEE_MINIMUM,
    EDUCATION_COLUMNS,
    cadre_roster,
    election_entrants,
    entries_by_area,
    hires,
    staffing_by_area,
    staffing_gaps,
    team_profile,
)

facts, selection = open_view(TEAMS.title)
area, as_of = selection.area, facts.data_as_of
as_of_text = fmt.chinese_date(as_of)
where = selection.area_text()

present = load(tables_with_rows)
staffing = load(staffing_by_area, area, facts.as_of("coverage"))
if staffing.empty:
    if not note_missing(present, Street, Community):
        st.info(f"{plain(where)}没有城市社区,无法对照配备标准。请选择其他区域。")
    st.stop()
if note_missing(present, Cadre):
    st.stop()
goal = load(targets).set_index("metric_key").loc["liaison_staffing"]
target, amber = float(goal["target_value"]), float(goal["amber_floor"])
entrants, hired = load(election_entrants, area), load(hires, area)
year = int(entrants["year"].max()) if not entrants.empty else as_of.year
latest = entrants[entrants["year"] == year]
hired_that_year = hired[(hired["year"] == year) & hired["role"].isin(["社区专职工作者", "网格员"])]
total = {column: int(value) for column, value in staffing.select_dtypes("integer").sum().items()}
liaison_rate = headline(staffing, "with_liaison", "urban_communities")
grid_rate = headline(staffing, "grids_with_worker", "grids")

row = st.columns(5)
with row[0].container(border=True):
    gap_metric(name("liaison_staffing"), fmt.percent(liaison_rate),
               None if liaison_rate is None else liaison_rate - target, "对目标")
    status_badge(rag_status(liaison_rate, target, amber))
    figure_caption(f"{total['with_liaison']:,} / {total['urban_communities']:,} 个城市社区 · "
                   f"目标 {fmt.target_percent(target)}", "liaison_staffing")
with row[1].container(border=True):
    st.metric(name("grid_worker_staffing"), fmt.percent(grid_rate))
    figure_caption(f"{total['grids_with_worker']:,} / {total['grids']:,} 个网格有网格员", "grid_worker_staffing")
with row[2].container(border=True):
    st.metric(name("secretary_vacancies"), f"{total['secretary_vacancies']:,} 个")
    figure_caption(f"没有社区党组织书记的城市社区;两委成员不足{COMMITTEE_MINIMUM}名的 {total['committees_short']:,} 个,"
                   f"专职工作者空缺 {total['staff_vacancies']:,} 个", "secretary_vacancies")
with row[3].container(border=True):
    st.metric(f"{year}年{name('election_entrants')}", f"{fmt.count(latest['entrants'].sum())} 名")
    figure_caption("进入社区“两委”班子:" + " · ".join(f"{b} {fmt.count(n)}" for b, n in zip(latest["background"],
                                                                                    latest["entrants"]))
                   if not latest.empty else "没有两委换届进入人员的记录", "election_entrants")
with row[4].container(border=True):
    st.metric(f"{year}年{name('staff_hired')}", f"{fmt.count(hired_that_year['hired'].sum())} 名")
    figure_caption("专职工作人员和网格员:" + " · ".join(f"{r} {fmt.count(n)}" for r, n in zip(hired_that_year["role"],
                                                                                        hired_that_year["hired"]))
                   if not hired_that_year.empty else "没有选聘专职工作人员和网格员的记录", "staff_hired")
st.caption(f"{plain(where)} · 配备标准:每个城市社区1名社区党组织书记、两委成员(含书记)不少于{COMMITTEE_MINIMUM}名、"
           f"至少1名社区专职工作者、1名党建联络员,每个网格1名网格员 · 数据截至 {as_of_text}")

child = LEVEL_NAMES[area.child_level]
sections = [
    derived(rate_section, "党建联络员配备率", staffing, "with_liaison", "urban_communities", where, child, target,
            {"area_name": child, "urban_communities": "城市社区数", "with_liaison": "配备党建联络员的社区"}),
    derived(rate_section, "网格员配备率", staffing, "grids_with_worker", "grids", where, child, None,
            {"area_name": child, "grids": "网格数", "grids_with_worker": "有网格员的网格"}),
]
gap_labels = {"area_name": child, "secretary_vacancies": "书记空缺", "committee_members_short": "两委缺额",
              "staff_vacancies": "专职工作者空缺", "liaison_vacancies": "联络员空缺",
              "grids_without_worker": "无网格员的网格", "vacancies": "缺口合计"}
sections.append(derived(breakdown_section, f"各{child}人员缺口", staffing, "area_name", "vacancies", "个",
                        derived(staffing_findings, staffing, where, child, COMMITTEE_MINIMUM), gap_labels))
background_labels = {"background": "人员来源", "entrants": "进入人数"}
sections.append(derived(breakdown_section, f"{year}年两委换届进入人员", latest, "background", "entrants", "名",
                        derived(entrant_findings, entrants, hired, where), background_labels))
show_findings(sections[0].findings[:2] + sections[2].findings + sections[3].findings)
briefing_buttons("四支队伍简报", where, f"截至{as_of_text}", as_of_text, [
    ("党建联络员配备率", fmt.percent(liaison_rate), f"目标 {fmt.target_percent(target)}"),
    ("网格员配备率", fmt.percent(grid_rate), f"无网格员的网格 {total['grids_without_worker']} 个"),
    ("社区党组织书记空缺", f"{total['secretary_vacancies']} 个",
     f"两委成员不足{COMMITTEE_MINIMUM}名 {total['committees_short']} 个"),
    (f"{year}年两委换届进入", f"{fmt.count(latest['entrants'].sum())} 名", "、".join(latest["background"])),
    (f"{year}年选聘专职工作人员和网格员", f"{fmt.count(hired_that_year['hired'].sum())} 名", ""),
], sections, "teams_briefing")

staffing_tab, gaps_tab, profile_tab, entries_tab, roster_tab = st.tabs(
    ["配备与缺口", "缺口清单", "年龄与学历", "换届与选聘", "人员名单"])

with staffing_tab:
    st.plotly_chart(figure(area_bars, staffing, "liaison_staffing", "党建联络员配备率", f"各{child}党建联络员配备率",
                           as_of_text, target, amber),
                    key="liaison_chart", on_select=partial(drill_from_chart, "liaison_chart", area),
                    selection_mode="points", config={"displaylogo": False})
    if total["vacancies"]:
        st.plotly_chart(figure(stacked_bars, staffing, "area_name",
                               {k: v for k, v in gap_labels.items() if k not in ("area_name", "vacancies")},
                               f"各{child}人员缺口", "个", as_of_text),
                        key="vacancy_chart", on_select=partial(drill_from_chart, "vacancy_chart", area),
                        selection_mode="points", config={"displaylogo": False})
    labels = {"area_name": child, "urban_communities": "城市社区", "with_liaison": "配备联络员的社区",
              "liaison_staffing": "党建联络员配备率(%)", "grids": "网格", "grids_with_worker": "有网格员的网格",
              "grid_worker_staffing": "网格员配备率(%)", **{k: v for k, v in gap_labels.items() if k != "area_name"},
              "secretaries": "书记", "committee_members": "两委成员(含书记)", "staff": "专职工作者",
              "liaisons": "党建联络员", "grid_workers": "网格员"}
    shown = staffing.assign(liaison_staffing=staffing["liaison_staffing"] * 100,
                            grid_worker_staffing=staffing["grid_worker_staffing"] * 100)
    st.dataframe(shown[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK, key="staffing_table",
                 selection_mode="single-row",
                 on_select=partial(drill_from_table, "staffing_table", area, staffing["area_code"].tolist()),
                 column_config={labels[k]: st.column_config.NumberColumn(format="%.1f")
                                for k in ("liaison_staffing", "grid_worker_staffing")})
    st.caption(f"两委缺额 = 各社区距{COMMITTEE_MINIMUM}名两委成员(含书记)所差人数之和。"
               f"选中一行或点击柱子进入该{child}。")
    export_buttons(shown, labels, f"四支队伍配备_{where}", "staffing_export")

with gaps_tab:
    gaps = load(staffing_gaps, area, as_of)
    st.markdown(f"**人员缺口清单:{len(gaps):,} 条**")
    gap_list = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "gap": "缺口", "grid_code": "网格编码",
                "grid": "网格", "detail": "说明", "person": "姓名", "contact": "社区书记", "contact_phone": "联系电话"}
    if active_viewer().read_only:  # a big screen shows figures, never people, masked or not
        gap_list = {k: v for k, v in gap_list.items() if k not in ("person", "contact", "contact_phone")}
    if gaps.empty:
        st.success("所选范围内每个城市社区的书记、两委成员、专职工作者、党建联络员和网格员都已按标准配备。")
    else:
        gap_page, _offset = page_of(gaps, "staffing_gaps")
        st.dataframe(gap_page[list(gap_list)].rename(columns=gap_list), hide_index=True, placeholder=BLANK,
                     key="staffing_gaps")
        st.caption("联络员不符合报告所说“30岁左右、大专以上”(25至35岁、大专及以上学历)的也列出;姓名和电话按角色脱敏。")
        export_buttons(gaps, gap_list, f"四支队伍缺口清单_{where}", "gaps_export")

with profile_tab:
    profile = load(team_profile, area, as_of)
    if profile.empty:
        st.info("所选范围内没有四支队伍人员。")
    else:
        st.plotly_chart(figure(stacked_bars, profile, "role", AGE_BANDS, f"{where}四支队伍年龄结构", "人", as_of_text),
                        key="age_chart", config={"displaylogo": False})
        st.plotly_chart(figure(stacked_bars, profile, "role", EDUCATION_COLUMNS, f"{where}四支队伍学历结构", "人",
                               as_of_text), key="education_chart", config={"displaylogo": False})
        profile_labels = {"role": "队伍", "people": "人数", "average_age": "平均年龄", **AGE_BANDS,
                          **EDUCATION_COLUMNS, "college_rate": "大专及以上(%)", "young_rate": "35岁及以下(%)"}
        shown_profile = profile.assign(college_rate=profile["college_rate"] * 100,
                                       young_rate=profile["young_rate"] * 100)
        st.dataframe(shown_profile[list(profile_labels)].rename(columns=profile_labels), hide_index=True,
                     placeholder=BLANK, key="profile_table",
                     column_config={profile_labels[k]: st.column_config.NumberColumn(format="%.1f")
                                    for k in ("average_age", "college_rate", "young_rate")})
        st.caption(f"年龄按数据截至日 {as_of_text} 计算;人员含所选范围内全部社区和村登记的四支队伍。")
        export_buttons(shown_profile, profile_labels, f"四支队伍年龄学历_{where}", "profile_export")

with entries_tab:
    if entrants.empty and hired.empty:
        st.info("所选范围内没有两委换届进入或公开选聘人员的记录。")
    else:
        if not latest.empty:
            st.plotly_chart(figure(stacked_bars, latest, "background", {"entrants": "进入人数"},
                                   f"{year}年两委换届进入社区“两委”班子的人员(按来源)", "名", as_of_text),
                            key="entrant_chart", config={"displaylogo": False})
        by_area = load(entries_by_area, area, year)
        bg = {f"bg_{i}": b for i, b in enumerate(CADRE_BACKGROUNDS)}
        entry_labels = {"area_name": child, "entrants": f"{year}年两委换届进入", **bg,
                        "hired_staff": "选聘社区专职工作者", "hired_grid_workers": "选聘网格员", "hired": "选聘合计"}
        st.dataframe(by_area[list(entry_labels)].rename(columns=entry_labels), hide_index=True, placeholder=BLANK,
                     key="entries_table")
        export_buttons(by_area, entry_labels, f"两委换届与选聘_{where}_{year}", "entries_export")
        left, right = st.columns(2)
        left.dataframe(entrants.rename(columns={"year": "年度", "background": "人员来源", "entrants": "两委换届进入"}),
                       hide_index=True, placeholder=BLANK, key="entrants_table",
                       column_config={"年度": st.column_config.NumberColumn(format="%d")})
        right.dataframe(hired.rename(columns={"year": "年度", "role": "队伍", "hired": "公开选聘"}),
                        hide_index=True, placeholder=BLANK, key="hires_table",
                        column_config={"年度": st.column_config.NumberColumn(format="%d")})

with roster_tab:
    if active_viewer().read_only:
        st.caption("大屏令牌只显示汇总数字,不显示人员名单。")
    else:
        roster = load(cadre_roster, area, as_of)
        st.markdown(f"**{plain(where)}四支队伍人员:{len(roster):,} 名**")
        roster_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "grid": "网格", "role": "队伍",
                         "person": "姓名", "age": "年龄", "education": "学历", "entry_route": "进入方式",
                         "entry_year": "进入年度", "background": "人员来源", "phone": "联系电话"}
        roster_page, _offset = page_of(roster, "roster")
        st.dataframe(roster_page[list(roster_labels)].rename(columns=roster_labels), hide_index=True,
                     placeholder=BLANK, key="roster_table",
                     column_config={"进入年度": st.column_config.NumberColumn(format="%d")})
        if not active_viewer().sees_personal:
            st.caption("个人信息已脱敏。")
        export_buttons(roster, roster_labels, f"四支队伍名单_{where}", "roster_export", detail=True)
