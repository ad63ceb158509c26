"""双向考核: the communities' yearly scores of the resident units, by area and by unit, the units not yet scored,
the year-on-year trend, and the league table a county leader takes to 述职评议 and 评先评优."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.briefing import rate_section, value_section
from dashboard.captions import figure_caption
from dashboard.charts import area_bars, score_band_bars
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_from_chart, drill_from_table, open_view
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, NO_FIGURE, missing_tables, note_missing
from dashboard.navigation import ASSESSMENT
from dashboard.schema import ResidentUnit, UnitAssessment, UnitCheckin
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import AREA_COLUMNS, COUNTY_LEVEL, LEVEL_NAMES
from queries.assessment import (
    BAND_NAMES,
    assessment_coverage_by_area,
    assessment_year,
    rounded_score,
    score_bands_by_area,
    score_trend,
    unit_scores,
    units_not_assessed,
)
from queries.definitions import name, title
from queries.findings import lowest_unit_findings, score_findings
from queries.overview import headline
from queries.store import rag_status, tables_with_rows, targets

LOWEST_SHOWN = 10


def rounded_or_blank(value: float) -> float:
    """An average score as the tables show it (halves up), or the blank it is."""
    return rounded_score(value) if pd.notna(value) else value


facts, selection = open_view(ASSESSMENT.title)
area = selection.area
last = selection.until(facts.as_of("checkin"))  # the round due by the check-in date, as on the cockpit's card
as_of_text = fmt.chinese_date(last)
where = selection.area_text()
child = LEVEL_NAMES[area.child_level]
year = assessment_year(last)

present = load(tables_with_rows)
coverage = load(assessment_coverage_by_area, area, year)
bands = load(score_bands_by_area, area, year)
if coverage.empty and bands.empty:
    if not note_missing(present, ResidentUnit, UnitCheckin, UnitAssessment):
        st.info(f"{plain(where)}没有{year}年底前报到的驻区单位,也没有{year}年度的考核结果。请选择其他区域或月份。")
    st.stop()
trend = load(score_trend, area, year)
league = load(unit_scores, area, year)
pending = load(units_not_assessed, area, year)
goal = load(targets).set_index("metric_key").loc["assessment_coverage"]
no_scores = bool(missing_tables(present, UnitAssessment))

rate = headline(coverage, "units_assessed", "units_due")
due, assessed = int(coverage["units_due"].sum()), int(coverage["units_assessed"].sum())
count = int(bands["assessments"].sum())
average = float(bands["score_total"].sum()) / count if count else None
before = trend[(trend["year"] == year - 1) & (trend["assessments"] > 0)]
row = st.columns(5)
with row[0].container(border=True):
    coverage_title = f"{year}年{name('assessment_coverage')}"
    if missing_tables(present, UnitCheckin, UnitAssessment) or rate is None:
        st.metric(coverage_title, NO_FIGURE)
        status_badge("无数据")
    else:
        gap_metric(coverage_title, fmt.percent(rate), rate - goal["target_value"], "对目标")
        status_badge(rag_status(rate, goal["target_value"], goal["amber_floor"]))
    figure_caption(f"已考核 {fmt.count(assessed)} / 应考核 {fmt.count(due)} 个报到单位(单位·社区)",
                   "assessment_coverage")
with row[1].container(border=True):
    change = None if average is None or before.empty else average - float(before["average_score"].iloc[0])
    st.metric(name("assessment_average"), NO_FIGURE if no_scores or average is None else fmt.score(average),
              delta=None if change is None else ("+" if change >= 0 else "-") + fmt.score(abs(change)) + "(较上年)")
    figure_caption(f"{fmt.count(count)} 个考核结果,百分制", "assessment_average")
for column, band, key, note in ((row[2], "excellent", "assessment_excellent", "90分及以上"),
                                (row[3], "poor", "assessment_poor", "不足60分")):
    with column.container(border=True):
        number = int(bands[band].sum())
        st.metric(name(key), NO_FIGURE if no_scores else f"{number} 个")
        figure_caption(note + (f",占考核结果 {fmt.percent(number / count)}" if count else ""), key)
with row[4].container(border=True):
    st.metric(name("units_not_assessed"), NO_FIGURE if no_scores else f"{len(pending)} 个")
    figure_caption(f"{year}年底前已报到、尚无{year}年度得分的单位·社区", "units_not_assessed")
st.caption(f"{plain(where)} · {year}年度考核(截至{as_of_text}应完成的最近一轮,每年年底考核)· 数据截至 {as_of_text}")
note_missing(present, ResidentUnit, UnitCheckin, UnitAssessment)

rate_labels = {"area_name": child, "units_due": "应考核", "units_assessed": "已考核"}
band_labels = {"area_name": child, "assessments": "考核结果", "average_score": name("assessment_average"),
               **BAND_NAMES}
league_labels = {"rank": "排名", "unit": "驻区单位", "kind": "类型", "streets": "街道", "communities": "评分社区",
                 "score": name("unit_assessment_score"), "band": "等次", "previous_score": "上年得分",
                 "score_change": "较上年", "checkin_rate": f"{name('member_checkin_rate')}(%)",
                 "service_rate": f"{name('monthly_service_rate')}(%)", "notifications": "双通报(对)",
                 "notifications_completed": "双方已通报", "members_reported": "通报党员(人)"}
scores_said = [] if no_scores else derived(score_findings, bands, trend, year, where, child)
lowest_said = derived(lowest_unit_findings, league, year)
sections = [
    derived(rate_section, f"{year}年{title('assessment_coverage')}", coverage, "units_assessed", "units_due", where,
            child, float(goal["target_value"]), rate_labels),
    derived(value_section, f"{year}年度各{child}{title('assessment_average')}", bands, "area_name", "average_score",
            "分", scores_said, band_labels),
    derived(value_section, f"{title('unit_assessment_score')}最低的单位",
            league.sort_values(["score", "unit_code"]).head(LOWEST_SHOWN), "unit", "score", "分", lowest_said,
            league_labels),
]
coverage_said = [] if missing_tables(present, UnitCheckin, UnitAssessment) else sections[0].findings[:2]
said = coverage_said + scores_said + lowest_said
if said:  # none only while the scores are not imported: the line under the figures says so
    show_findings(said)
briefing_buttons("双向考核简报", where, f"{year}年度", as_of_text, [
    (f"{year}年{title('assessment_coverage')}", fmt.percent(rate), f"已考核 {assessed} / 应考核 {due} 个报到单位"),
    (title("assessment_average"), fmt.score(average), f"{count} 个考核结果"),
    (f"{title('assessment_excellent')} / {name('assessment_poor')}",
     f"{int(bands['excellent'].sum())} / {int(bands['poor'].sum())} 个", "90分及以上 / 不足60分"),
    (title("units_not_assessed"), f"{len(pending)} 个", f"{year}年底前已报到的单位·社区"),
], sections, "assessment_briefing")

st.markdown(f"#### 各{child}考核情况")
by_area = coverage.merge(bands, on=AREA_COLUMNS, how="outer").sort_values("area_code").reset_index(drop=True)
area_counts = ["units_due", "units_assessed", "assessments", *BAND_NAMES]
by_area = by_area.fillna(dict.fromkeys(area_counts, 0)).astype(dict.fromkeys(area_counts, int))
if not no_scores and coverage["units_due"].sum():
    st.plotly_chart(figure(area_bars, coverage, "assessment_coverage", name("assessment_coverage"),
                           f"{year}年各{child}{title('assessment_coverage')}", as_of_text, float(goal["target_value"]),
                           float(goal["amber_floor"])),
                    key="assessment_coverage_chart", on_select=partial(drill_from_chart, "assessment_coverage_chart",
                                                                       area),
                    selection_mode="points", config={"displaylogo": False})
if count:
    st.plotly_chart(figure(score_band_bars, bands, "area_name", f"{year}年度各{child}考核等次分布", as_of_text),
                    key="assessment_band_chart", on_select=partial(drill_from_chart, "assessment_band_chart", area),
                    selection_mode="points", config={"displaylogo": False})
area_labels = {"area_name": child, "units_due": "应考核", "units_assessed": "已考核",
               "assessment_coverage": "覆盖率(%)", "assessments": "考核结果", "average_score": "平均得分", **BAND_NAMES}
shown_areas = by_area.assign(assessment_coverage=by_area["assessment_coverage"] * 100,
                             average_score=by_area["average_score"].map(rounded_or_blank))
st.dataframe(shown_areas[list(area_labels)].rename(columns=area_labels), hide_index=True, placeholder=BLANK,
             key="assessment_areas", selection_mode="single-row",
             on_select=partial(drill_from_table, "assessment_areas", area, by_area["area_code"].tolist()),
             column_config={area_labels["assessment_coverage"]: st.column_config.NumberColumn(format="%.1f"),
                            area_labels["average_score"]: st.column_config.NumberColumn(format="%.1f")})
figure_caption(f"应考核:{year}年底前已到城市社区报到的驻区单位(每个单位·社区一次);等次:优秀90分及以上、"
               f"良好80分至不足90分、一般60分至不足80分、较差不足60分。选中一行或点击柱子进入该{child}。",
               "assessment_coverage", "assessment_average", "assessment_excellent", "assessment_poor")
export_buttons(shown_areas, area_labels, f"双向考核_{where}_{year}年度", "assessment_areas_export")

if not trend.empty:
    st.markdown("#### 历年考核情况")
    years = trend.assign(year_label=[f"{y}年" for y in trend["year"]])
    st.plotly_chart(figure(score_band_bars, years, "year_label",
                           f"{where}历年双向考核等次与{name('assessment_average')}", as_of_text),
                    key="assessment_trend_chart", config={"displaylogo": False})
    figure_caption("每年单独计算:柱为各等次占当年考核结果的比例,柱顶为当年平均得分。", "assessment_average",
                   "assessment_coverage")
    trend_labels = {"year_label": "年度", "assessments": "考核结果", "average_score": name("assessment_average"),
                    **BAND_NAMES,
                    "units_due": "应考核", "units_assessed": "已考核", "assessment_coverage": "覆盖率(%)"}
    shown_years = years.assign(assessment_coverage=years["assessment_coverage"] * 100,
                               average_score=years["average_score"].map(rounded_or_blank))
    st.dataframe(shown_years[list(trend_labels)].rename(columns=trend_labels), hide_index=True, placeholder=BLANK,
                 key="assessment_trend",
                 column_config={trend_labels["assessment_coverage"]: st.column_config.NumberColumn(format="%.1f"),
                                trend_labels["average_score"]: st.column_config.NumberColumn(format="%.1f")})
    export_buttons(shown_years, trend_labels, f"双向考核历年_{where}", "assessment_trend_export")

st.markdown("#### 单位排名:述职评议、评先评优参考")
if league.empty:
    if not no_scores:
        st.info(f"{plain(where)}没有{year}年度的考核结果。")
    st.stop()
shown_league = league.assign(checkin_rate=(league["checkin_rate"] * 100).round(1),
                             service_rate=(league["service_rate"] * 100).round(1))
number_formats = {league_labels[k]: st.column_config.NumberColumn(format="%.1f")
                  for k in ("score", "previous_score", "checkin_rate", "service_rate")}
number_formats[league_labels["score_change"]] = st.column_config.NumberColumn(format="%+.1f")
st.markdown(f"**得分最低的 {min(LOWEST_SHOWN, len(league))} 个单位**")
lowest = shown_league.sort_values(["score", "unit_code"]).head(LOWEST_SHOWN)
st.dataframe(lowest[list(league_labels)].rename(columns=league_labels), hide_index=True, placeholder=BLANK,
             key="assessment_lowest", column_config=number_formats)
figure_caption(f"得分旁是说明原因的数字:{year}年底{name('member_checkin_rate')}、{year}年{name('monthly_service_rate')}、"
               f"{year}年双通报(单位与社区相互通报在职党员表现,社区的评价由此进入党员年度民主评议、评先评优)。"
               "报到率与服务率按居住在所选区域的该单位党员计。", "unit_assessment_score", "member_checkin_rate",
               "monthly_service_rate", "notification_completion")
st.markdown(f"**全部 {len(league)} 个单位排名({year}年度)**")
league_page, _offset = page_of(shown_league, "assessment_league")
st.dataframe(league_page[list(league_labels)].rename(columns=league_labels), hide_index=True, placeholder=BLANK,
             key="assessment_league", column_config=number_formats)
export_buttons(shown_league, {"unit_code": "单位编码", **league_labels}, f"双向考核单位排名_{where}_{year}年度",
               "assessment_league_export")

st.markdown(f"#### 尚未考核的报到单位({len(pending)} 个)")
if pending.empty:
    figure_caption(f"{year}年底前已报到的单位均已取得{year}年度考核结果。", "units_not_assessed")
else:
    pending_labels = {"unit_code": "单位编码", "unit": "驻区单位", "kind": "类型", "county": COUNTY_LEVEL,
                      "street": "街道", "community": "报到社区", "checked_in_on": "报到日期"}
    pending_page, _offset = page_of(pending, "assessment_pending")
    st.dataframe(pending_page[list(pending_labels)].rename(columns=pending_labels), hide_index=True, placeholder=BLANK,
                 key="assessment_pending")
    figure_caption("每个单位·社区一行:单位已到该社区报到,社区尚未给出本年度得分。", "units_not_assessed")
    export_buttons(pending, pending_labels, f"{title('units_not_assessed')}_{where}_{year}年度",
                   "assessment_pending_export")
