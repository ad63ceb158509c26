"""总览: the leaders' cockpit. One figure per theme against its target, and who is lagging."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import cockpit_headlines, cockpit_sections
from dashboard.captions import definition_link, figure_caption
from dashboard.charts import ranking_bar
from dashboard.cockpit_scores import cockpit_scores
from dashboard.data import derived, figure, load
from dashboard.export import briefing_buttons, show_findings
from dashboard.filters import FIRST, LAST, month_label, scope_name, show_months
from dashboard.frame import gap_metric, status_badge
from dashboard.missing import BLANK, NO_FIGURE, NOTHING_IMPORTED, missing_line
from dashboard.navigation import CHECKIN, VIEW_OF_METRIC, page_file
from dashboard.schema import (
    MemberCheckin,
    MemberPairing,
    PartyMember,
    PostClaim,
    ResidentUnit,
    UnitPairing,
    VolunteerPost,
)
from dashboard.screen import SCREEN_LINK, is_screen
from dashboard.text import plain
from queries.area import CITY, LEVEL_NAMES
from queries.changes import COMPARISONS, MONTH, area_changes, cockpit_history, headline_changes
from queries.checkin import organ_member_checkins_by_area, pairing_totals, posts_claimed_by_area
from queries.cockpit import STATUS_WORDS, ranked_areas
from queries.definitions import title
from queries.meetings import judged_quarters
from queries.overview import (
    HEADLINES,
    MEETING_QUARTERS,
    last_complete_quarters,
    year_elapsed,
)
from queries.store import store_facts

SPECS = {spec.key: spec for spec in HEADLINES}
BY_TITLE = {spec.title: spec for spec in HEADLINES}
TABLE_ROW_PX = 35

facts = load(store_facts)
if facts.data_as_of is None:
    st.info(NOTHING_IMPORTED)
    st.stop()
dates = facts.themes  # each figure is measured as of its own theme's date (queries.store.ThemeDates)
as_of_text = fmt.chinese_date(facts.data_as_of)
scored = cockpit_scores(dates)  # the figures as the big screen scores them too (dashboard/cockpit_scores.py)
frames, goals, present, reasons, scores = scored.frames, scored.goals, scored.present, scored.reasons, scored.scores
history = load(cockpit_history, CITY, dates)  # the same figures at the end of last month and a year before
moves = derived(headline_changes, frames, history).set_index("key")
# 联席会议按期召开率 is judged over the four quarters complete by the meetings' date; its card names them and
# opens the meetings view on the same months, where the same street-quarters give the same figure.
meeting_first, meeting_last = last_complete_quarters(dates.meetings, MEETING_QUARTERS)
meeting_quarters = fmt.quarter_span(judged_quarters(meeting_first, meeting_last))
meeting_months = {FIRST: month_label(meeting_first.year, meeting_first.month),
                  LAST: month_label(meeting_last.year, meeting_last.month)}

viewer_scope = active_viewer().scope
home = CITY.within(viewer_scope)
child = LEVEL_NAMES[home.child_level]
head, link = st.columns([5, 1], vertical_alignment="bottom")
head.markdown(f"#### {plain(scope_name(viewer_scope))}核心指标")
if not is_screen():
    link.markdown(f"[大屏模式]({SCREEN_LINK})", help="在现场会大屏上全屏显示并轮播各视图")


def caption(row) -> str:
    spec = SPECS[row.key]
    if reasons[row.key]:
        return reasons[row.key]
    if pd.isna(row.value):
        return f"所选范围内没有{spec.counted.lstrip('个名元')},暂无数据"
    if spec.paced:
        return (f"目标 {fmt.target_percent(row.target)}(序时进度 {fmt.percent(year_elapsed(row.as_of))})· "
                f"已支出 {fmt.yuan(row.numerator)} / 预算 {fmt.yuan(row.denominator)}")
    counts = f"{fmt.count(row.numerator)} / {fmt.count(row.denominator)} {spec.counted}"
    return f"目标 {fmt.target_percent(row.target)} · {counts}"


def change_line(row) -> str:
    """较上月 and 同比 in percentage points; where the data does not reach back, said so (not 0)."""
    moved = moves.loc[row.key]
    parts = []
    for comparison in COMPARISONS:
        change = moved[f"{comparison.key}_change"]
        parts.append(f"{comparison.label} " + ("无可比数据" if change is None or pd.isna(change)
                                               else "持平" if round(change, 1) == 0 else f"{change:+.1f}个百分点"))
    return " · ".join(parts)


for start in range(0, len(scores), 3):
    for column, row in zip(st.columns(3), scores.iloc[start:start + 3].itertuples()):
        with column.container(border=True):
            gap_metric(row.title, NO_FIGURE if pd.isna(row.value) else fmt.percent(row.value),
                       None if pd.isna(row.value) else row.value - row.target, "对目标")
            status_badge(row.status)
            st.caption(caption(row))
            if not pd.isna(row.value):
                st.caption(change_line(row))
            window = f"{meeting_quarters} · " if row.key == "meetings_on_schedule" else ""
            if not reasons[row.key]:
                st.caption(f"{window}数据截至 {fmt.chinese_date(row.as_of)}")
            view = VIEW_OF_METRIC[row.key]
            if window and not reasons[row.key] and not is_screen():
                if st.button(f"进入{view.title}(同这四个季度)", key="open_meetings_quarters", type="tertiary",
                             icon=":material/arrow_forward:"):
                    show_months(meeting_months[FIRST], meeting_months[LAST])
                    st.switch_page(page_file(view), query_params=meeting_months)
                definition_link(row.key)
            else:
                with st.container(horizontal=True, gap="small"):
                    st.page_link(page_file(view), label=f"进入{view.title}", icon=":material/arrow_forward:")
                    definition_link(row.key)

st.markdown("#### 双报到 · 双结对总量")
organs = load(organ_member_checkins_by_area, CITY, dates.checkin)
claims = int(load(posts_claimed_by_area, CITY, dates.checkin)["posts_claimed"].sum())
paired = load(pairing_totals, CITY, dates.pairing)
checked, organ_checked = int(organs["members_checked_in"].sum()), int(organs["organ_members_checked_in"].sum())
checked_on, paired_on = fmt.chinese_date(dates.checkin), fmt.chinese_date(dates.pairing)
for column, (key, value, note, sources) in zip(st.columns(5), [  # the report's totals, written out in full
    ("members_checked_in", f"{fmt.exact(checked)} 名", f"截至{checked_on},按报到社区", (PartyMember, MemberCheckin)),
    ("organ_members_checked_in", f"{fmt.exact(organ_checked)} 名",
     f"占{title('members_checked_in')} {fmt.percent(organ_checked / checked if checked else None)}",
     (ResidentUnit, PartyMember, MemberCheckin)),
    ("posts_claimed", f"{fmt.exact(claims)} 个", f"人均 {claims / checked:.2f} 个" if checked else "无已报到党员",
     (VolunteerPost, PostClaim)),
    ("units_paired", f"{fmt.exact(paired['units_paired'])} 个",
     f"其中市县机关事业单位 {fmt.exact(paired['organ_units_paired'])} 个(截至{paired_on})",
     (ResidentUnit, UnitPairing)),
    ("members_paired", f"{fmt.exact(paired['members_paired'])} 名", f"截至{paired_on},机关党员与社区党员结对",
     (MemberPairing,)),
]):
    with column.container(border=True):
        reason = missing_line(present, *sources)
        st.metric(title(key), NO_FIGURE if reason else value)
        figure_caption(reason or note, key)
st.page_link(page_file(CHECKIN), label=f"进入{CHECKIN.title}", icon=":material/arrow_forward:")


previous = {spec.key: history.frame(spec, MONTH) for spec in HEADLINES}  # None: the data does not reach back
sections = [replace(section, categories=[], values=[], findings=[reasons[spec.key]]) if reasons[spec.key] else section
            for spec, section in zip(HEADLINES, derived(cockpit_sections, frames, goals, dates,
                                                        scope_name(viewer_scope), child, previous))]
briefing_buttons("党建工作简报", scope_name(viewer_scope), f"截至{as_of_text}", as_of_text,
                 cockpit_headlines(scores, moves.reset_index()), sections, "cockpit_briefing")

st.divider()
st.markdown(f"#### 各{child}排名:谁在落后")
chosen = st.segmented_control("指标", options=list(BY_TITLE), default=HEADLINES[1].title, key="metric",
                              bind="query-params", required=True)
spec = BY_TITLE[chosen or HEADLINES[1].title]
spec_as_of_text = fmt.chinese_date(dates.of(spec.theme))
ranked = ranked_areas(frames[spec.key], spec, goals.set_index("metric_key").loc[spec.key], dates.of(spec.theme))
if reasons[spec.key] or ranked.empty:
    st.info(reasons[spec.key] or f"所选范围内没有可用于计算“{spec.title}”的数据。")
    st.stop()

show_findings(next(s for s in sections if s.title == spec.title).findings)
target = float(scores.set_index("key").loc[spec.key, "target"])
st.plotly_chart(figure(ranking_bar, ranked, "rate", spec.title, target, f"各{child}{spec.title}", spec_as_of_text),
                key="ranking_chart", config={"displaylogo": False})
moved = area_changes(frames[spec.key], previous[spec.key], spec).set_index("area_code")["change"]
table = ranked.assign(
    rate=ranked["rate"] * 100, gap=ranked["gap"] * 100, change=ranked["area_code"].map(moved),
    status=ranked["status"].map(STATUS_WORDS),
)[["rank", "area_name", spec.numerator, spec.denominator, "rate", "gap", "change", "status"]]
st.dataframe(
    table, hide_index=True, placeholder=BLANK, key="ranking_table", height=TABLE_ROW_PX * (len(table) + 1) + 3,
    column_config={
        "rank": st.column_config.NumberColumn("排名", help="1 为最好"),
        "area_name": st.column_config.TextColumn(child),
        spec.numerator: st.column_config.NumberColumn(spec.numerator_label, format="%,.0f"),
        spec.denominator: st.column_config.NumberColumn(spec.denominator_label, format="%,.0f"),
        "rate": st.column_config.NumberColumn(f"{spec.title}(%)", format="%.1f"),
        "gap": st.column_config.NumberColumn("与目标差距(个百分点)", format="%+.1f"),
        "change": st.column_config.NumberColumn("较上月(个百分点)", format="%+.1f",
                                                help=f"与上月末({fmt.chinese_date(MONTH.day(dates.of(spec.theme)))})相比;"
                                                     "空白:没有上月的可比数据"),
        "status": st.column_config.TextColumn("状态"),
    },
)
figure_caption(f"比率单位为%,数据截至 {spec_as_of_text}。", spec.key)
