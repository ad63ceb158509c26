"""六级体系覆盖: organizations that exist against units that should have one, level by level, and the gaps."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import rate_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, coverage_treemap, form_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_map, drill_from_table, open_view
from dashboard.frame import status_badge
from dashboard.maps import COUNTY_LAYER, POINT_LAYER, county_map
from dashboard.missing import BLANK, missing_line, note_missing
from dashboard.navigation import COVERAGE
from dashboard.schema import Community, Compound, Grid, PartyMember, PartyOrg, Street
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import AREA_COLUMNS, CITY, COUNTY_LEVEL, LEVEL_NAMES
from queries.coverage import (
    community_form_check,
    community_org_coverage_by_area,
    community_org_forms,
    compounds_without_group,
    coverage_by_level,
    grid_coverage_tree,
    grids_without_branch,
    group_coverage_by_area,
)
from queries.definitions import name, title
from queries.overview import grid_branch_coverage_by_area, headline
from queries.regions import county_places
from queries.store import rag_status, tables_with_rows, targets

STRUCTURE = ("市委", "区县(市)委", "街道党工委")  # the organization's frame: built and should, no coverage rate
COVERAGE_OF_LEVEL = {"社区党组织": "community_org_coverage", "网格党支部": "grid_branch_coverage",
                     "小区(楼栋)党小组": "group_coverage"}
UNITS_OF_LEVEL = {"市委": "全市", "区县(市)委": COUNTY_LEVEL, "街道党工委": "街道", "社区党组织": "城市社区",
                  "网格党支部": "网格", "小区(楼栋)党小组": "小区(楼栋)"}

facts, selection = open_view(COVERAGE.title)
area = selection.area
as_of_text = fmt.chinese_date(facts.as_of("coverage"))

present = load(tables_with_rows)
levels = load(coverage_by_level, area)
if levels.empty:
    if not note_missing(present, Street, Community):
        st.info(f"{plain(selection.area_text())}没有城市社区,无法计算覆盖率。请选择其他区域。")
    st.stop()
note_missing(present, Grid, Compound, PartyOrg)

goal = load(targets).set_index("metric_key").loc["grid_branch_coverage"]
st.markdown("#### 六级体系")
for column, row in zip(st.columns(len(levels)), levels.itertuples()):
    with column.container(border=True):
        st.markdown(f"**{row.level}**  \n已建 **{fmt.count(row.units_covered)}** 个")
        st.caption("全市一个" if row.level == "市委" else
                   f"应建 {fmt.count(row.units)} 个:每个{UNITS_OF_LEVEL[row.level]}一个")
st.caption(f"{'、'.join(STRUCTURE)}是组织架构,只看已建和应建;覆盖率看下面三级。"
           f"按建立日期计至 {as_of_text}(未填日期的视为一直存在)。")
rates = levels[levels["level"].isin(list(COVERAGE_OF_LEVEL))]
for column, row in zip(st.columns(len(rates)), rates.itertuples()):
    key = COVERAGE_OF_LEVEL[row.level]
    with column.container(border=True):
        st.metric(name(key), fmt.percent(row.coverage))
        if key == "grid_branch_coverage":
            status_badge(rag_status(row.coverage, goal["target_value"], goal["amber_floor"]))
        figure_caption(f"已建 {fmt.count(row.units_covered)} / 应建 {fmt.count(row.units)} 个"
                       f"{UNITS_OF_LEVEL[row.level]}", key)

child = LEVEL_NAMES[area.child_level]
grids = load(grid_branch_coverage_by_area, area, facts.as_of("coverage"))
groups = load(group_coverage_by_area, area)
sections = [
    derived(rate_section, title("grid_branch_coverage"), grids, "grids_with_branch", "grids", selection.area_text(),
            child,
            float(goal["target_value"]),
            {"area_name": child, "grids": "网格数", "grids_with_branch": "已建网格党支部"}),
    derived(rate_section, title("group_coverage"), groups, "compounds_with_group", "compounds", selection.area_text(),
            child, None, {"area_name": child, "compounds": "小区(楼栋)数", "compounds_with_group": "已建党小组"}),
]
show_findings(sections[0].findings)
briefing_buttons("六级体系覆盖简报", selection.area_text(), selection.period_text, as_of_text,
                 [(row.level, f"{fmt.count(row.units_covered)} 个", f"应建 {fmt.count(row.units)} 个")
                  for row in levels.itertuples() if row.level in STRUCTURE]
                 + [(title(COVERAGE_OF_LEVEL[row.level]), fmt.percent(row.coverage),
                     f"已建 {row.units_covered} / 应建 {row.units}") for row in rates.itertuples()],
                 sections, "coverage_briefing")
by_area, tree_tab, map_tab, forms_tab, gaps_tab = st.tabs(["分区域", "层级结构", "地图", "组织设置", "应建未建"])

with by_area:
    communities = load(community_org_coverage_by_area, area)
    table = communities.merge(grids, on=AREA_COLUMNS, how="outer").merge(groups, on=AREA_COLUMNS, how="outer").fillna(
        {"urban_communities": 0, "communities_with_org": 0, "grids": 0, "grids_with_branch": 0, "compounds": 0,
         "compounds_with_group": 0})
    if grids.empty:
        st.info(missing_line(present, Grid) or f"{plain(selection.area_text())}没有网格,不绘制网格党支部覆盖率图。")
    else:
        st.plotly_chart(figure(area_bars, grids, "grid_branch_coverage", name("grid_branch_coverage"),
                               f"各{child}{title('grid_branch_coverage')}", as_of_text, float(goal["target_value"]),
                               float(goal["amber_floor"])),
                        key="coverage_chart", on_select=partial(drill_from_chart, "coverage_chart", area),
                        selection_mode="points", config={"displaylogo": False})
    labels = {"area_name": child, "urban_communities": "城市社区数", "communities_with_org": "已建社区党组织",
              "community_org_coverage": f"{name('community_org_coverage')}(%)", "grids": "网格数",
              "grids_with_branch": "已建网格党支部", "grid_branch_coverage": f"{name('grid_branch_coverage')}(%)",
              "compounds": "小区(楼栋)数", "compounds_with_group": "已建党小组",
              "group_coverage": f"{name('group_coverage')}(%)"}
    rates = ("community_org_coverage", "grid_branch_coverage", "group_coverage")
    shown = table.assign(**{k: table[k] * 100 for k in rates})[list(labels)].rename(columns=labels)
    st.dataframe(
        shown, hide_index=True, placeholder=BLANK, key="coverage_table", selection_mode="single-row",
        on_select=partial(drill_from_table, "coverage_table", area, table["area_code"].tolist()),
        column_config={labels[k]: st.column_config.NumberColumn(format="%.1f") for k in rates},
    )
    figure_caption(f"选中一行或点击柱子进入该{child}。", "grid_branch_coverage", "group_coverage")
    export_buttons(table, labels, f"{COVERAGE.title}_{selection.area_text()}", "coverage_export")

with tree_tab:
    tree = load(grid_coverage_tree, area)
    to_grids = bool(area.street or area.community)
    if tree.empty:
        st.info(missing_line(present, Grid) or "所选范围内没有网格。")
    else:
        st.plotly_chart(figure(coverage_treemap, tree,
                               f"{selection.area_text()}六级体系:面积为网格数,颜色为{title('grid_branch_coverage')}"
                               f"(数据截至 {as_of_text})", to_grids), key="coverage_tree",
                        config={"displaylogo": False})
        figure_caption("点击方块逐级展开;选择街道后可展开到网格。", "grid_branch_coverage")

with map_tab:
    places = load(county_places)
    city = load(grid_branch_coverage_by_area, CITY, facts.as_of("coverage")).rename(
        columns={"grid_branch_coverage": "rate"})
    scope = active_viewer().scope
    if scope.county:  # a viewer limited to one county sees it coloured, the others without data
        city = pd.DataFrame({"area_code": [scope.county],
                             "rate": [headline(city, "grids_with_branch", "grids")]})
    st.pydeck_chart(county_map(places, city, title("grid_branch_coverage"), float(goal["target_value"]),
                               float(goal["amber_floor"]), selected=area.county),
                    key="coverage_map", on_select=partial(drill_from_map, "coverage_map", [COUNTY_LAYER, POINT_LAYER]),
                    selection_mode="single-object", height=560)
    figure_caption(f"各{COUNTY_LEVEL}{title('grid_branch_coverage')}:绿色达标,黄色预警,红色落后;圆点为管理区。"
                   f"点击进入该{COUNTY_LEVEL}。数据截至 {as_of_text}。", "grid_branch_coverage")

with forms_tab:
    forms = load(community_org_forms, area)
    check = load(community_form_check, area)
    if forms.empty:
        st.info(missing_line(present, PartyOrg) or "所选范围内没有社区党组织。")
    else:
        st.plotly_chart(figure(form_bars, forms, f"{selection.area_text()}社区党组织设置形式(数据截至 {as_of_text})"),
                        key="forms_chart",
                        config={"displaylogo": False})
    form_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "form": "现设置", "members": "党员数",
                   "full_members": "正式党员数", "expected_form": "按人数一般应设置"}
    if not note_missing(present, PartyMember):  # the membership rule needs the members
        mismatched = check[~check["matches"]].assign(form=check["form"].fillna("未建"))
        st.markdown(f"**{name('community_form_check')}:{len(mismatched)} 个**(组织设置形式与党员人数不相符)")
        figure_caption("党员数指组织关系在本社区党组织(含其网格党支部、党小组)的党员,主要是离退休、无固定职业和登记的流动党员;"
                       "组织关系在工作单位、只在居住地报到的在职党员不计入。依据:党章和《中国共产党支部工作条例(试行)》第四条,"
                       "有正式党员3人以上的应当成立党支部,党支部党员一般不超过50人;党员50人以上一般设党总支、100人以上设党委,"
                       "经上级党组织批准可以例外,因此不相符的社区列为需核查,不一定是错误。", "community_form_check")
        if mismatched.empty:
            st.success("所选范围内所有社区党组织的设置形式都与党员人数相符。")
        else:
            st.dataframe(mismatched[list(form_labels)].rename(columns=form_labels), hide_index=True,
                         placeholder=BLANK, key="forms_table")
            export_buttons(mismatched, form_labels, f"{name('community_form_check')}_{selection.area_text()}",
                           "forms_export")

with gaps_tab:
    no_branch = load(grids_without_branch, area)
    no_group = load(compounds_without_group, area)
    st.markdown(f"**应建未建网格党支部:{len(no_branch)} 个网格**")
    grid_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "grid_code": "网格编码",
                   "grid": "网格", "households": "户数"}
    if no_branch.empty:
        st.success("所选范围内每个网格都已建立网格党支部。")
    else:
        grid_page, _offset = page_of(no_branch, "gap_grids")
        st.dataframe(grid_page[list(grid_labels)].rename(columns=grid_labels), hide_index=True,
                     placeholder=BLANK, key="gap_grids")
        export_buttons(no_branch, grid_labels, f"应建未建网格党支部_{selection.area_text()}", "gap_grids_export")
    st.markdown(f"**应建未建小区(楼栋)党小组:{len(no_group)} 个小区(楼栋)**")
    compound_labels = {"county": COUNTY_LEVEL, "street": "街道", "community": "社区", "grid": "网格",
                       "compound_code": "编码", "compound": "小区(楼栋)", "kind": "类型"}
    if no_group.empty:
        st.success("所选范围内每个小区(楼栋)都已建立党小组。")
    else:
        compound_page, _offset = page_of(no_group, "gap_compounds")
        st.dataframe(compound_page[list(compound_labels)].rename(columns=compound_labels), hide_index=True,
                     placeholder=BLANK,
                     key="gap_compounds")
        export_buttons(no_group, compound_labels, f"应建未建党小组_{selection.area_text()}", "gap_compounds_export")
