"""联席会议: each street's big working committee meetings in the period, who is overdue, and a street's detail."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from dashboard import formatting as fmt
from dashboard.auth import active_viewer
from dashboard.briefing import breakdown_section, rate_section
from dashboard.captions import figure_caption
from dashboard.charts import meeting_heatmap, paired_bars, ranking_bar, stacked_bars
from dashboard.data import derived, figure, load
from dashboard.deck import Section
from dashboard.export import briefing_buttons, export_buttons, show_findings
from dashboard.filters import drill_to_street, open_view, theme_period
from dashboard.missing import BLANK, NO_FIGURE, missing_tables, note_missing
from dashboard.navigation import MEETINGS
from dashboard.schema import (
    LIST_KINDS,
    CommitteeMember,
    JointMeeting,
    MeetingAttendance,
    MeetingItem,
    Street,
    WorkingCommittee,
)
from dashboard.tables import page_of
from dashboard.text import plain
from queries.area import COUNTY_LEVEL
from queries.definitions import name, title
from queries.meeting_findings import ageing_findings, compliance_findings, item_findings, streets_by_problem
from queries.meetings import (
    AGE_BANDS,
    committee_compliance_by_street,
    items_by_street_and_list,
    judged_quarters,
    meeting_activity_by_street,
    meetings_by_street_month,
    open_items,
    open_items_ageing_by_street,
    overdue_after_days,
    quarters_between,
    street_committee,
    street_items,
    street_meetings,
)
from queries.store import rag_status, setting_value, tables_with_rows, targets

facts, selection = open_view(MEETINGS.title)
area, first = selection.area, selection.first
last = theme_period(selection, facts.as_of("meetings"), "联席会议", "meetings")
if last is None:
    st.stop()
as_of_text = fmt.chinese_date(last)
required = int(load(setting_value, "meetings_required_per_quarter", "1"))

present = load(tables_with_rows)
activity = load(meeting_activity_by_street, area, first, last, required)
if activity.empty:
    if not note_missing(present, Street):
        st.info(f"{plain(selection.area_text())}没有街道(乡镇不开大工委联席会议)。请选择其他区域。")
    st.stop()
no_meetings = bool(missing_tables(present, JointMeeting))
goal = load(targets).set_index("metric_key").loc["meetings_on_schedule"]
quarters = int(activity["quarters"].sum())
on_schedule = int(activity["quarters_on_schedule"].sum())
seats, attended = int(activity["seats"].sum()), int(activity["attended"].sum())
tabled = int(activity["items_tabled"].sum())
overdue = activity[activity["overdue"]]

row = st.columns(6)
judged = judged_quarters(first, last)
pending = [q for q in quarters_between(first, last) if q not in judged]
with row[0].container(border=True):
    rate = on_schedule / quarters if quarters and not no_meetings else None
    st.metric(name("meetings_on_schedule"), NO_FIGURE if no_meetings or not judged else fmt.percent(rate))
    figure_caption(f"{'' if no_meetings else f'{on_schedule} / '}{quarters} 个街道·季度"
                   f"({fmt.quarter_span(judged)},每季度应召开 {required} 次"
                   + (f";{fmt.quarter_span(pending)}尚未结束,不计入" if pending else "") + ")",
                   "meetings_on_schedule")
with row[1].container(border=True):
    st.metric(name("meetings_held"), NO_FIGURE if no_meetings else fmt.count(activity["meetings_held"].sum()))
    figure_caption(f"应召开次数 {fmt.count(activity['meetings_required'].sum())}", "meetings_held")
with row[2].container(border=True):
    st.metric(name("attendance_rate"), NO_FIGURE if missing_tables(present, JointMeeting, MeetingAttendance)
              else fmt.percent(attended / seats if seats else None))
    figure_caption(f"出席 {fmt.count(attended)} / 应出席 {fmt.count(seats)} 人次", "attendance_rate")
matched, resolved = int(activity["items_matched"].sum()), int(activity["items_resolved"].sum())
with row[3].container(border=True):
    st.metric(name("item_match_rate"), NO_FIGURE if missing_tables(present, JointMeeting, MeetingItem)
              else fmt.percent(matched / tabled if tabled else None))
    figure_caption(f"议题 {fmt.count(tabled)} 个(资源、需求、项目清单),已对接 {fmt.count(matched)}", "item_match_rate")
with row[4].container(border=True):
    st.metric(name("item_resolution_rate"), NO_FIGURE if missing_tables(present, JointMeeting, MeetingItem)
              else fmt.percent(resolved / tabled if tabled else None))
    figure_caption(f"已办结 {fmt.count(resolved)} 个议题", "item_resolution_rate")
with row[5].container(border=True):
    st.metric(name("overdue_streets"), NO_FIGURE if no_meetings else f"{len(overdue)} 个")
    figure_caption(f"距上次会议超过 {overdue_after_days(required)} 天", "overdue_streets")

item_lists = load(items_by_street_and_list, area, first, last)
ageing = load(open_items_ageing_by_street, area, last)
compliance = load(committee_compliance_by_street, area)
no_items = bool(missing_tables(present, JointMeeting, MeetingItem))
no_committees = bool(missing_tables(present, WorkingCommittee, CommitteeMember))
open_count, carried = int(ageing["open_items"].sum()), int(ageing["carried_over"].sum())
oldest = ageing.dropna(subset=["oldest_days"]).sort_values(["oldest_days", "street_code"], ascending=[False, True])
compliant = int(compliance["compliant"].sum())
row = st.columns(3)
with row[0].container(border=True):
    st.metric(name("open_items_carried_over"), NO_FIGURE if no_items else f"{carried} 个")
    figure_caption(f"截至{as_of_text}未办结 {fmt.count(open_count)} 个,其中以前季度提出 {fmt.count(carried)} 个",
                   "open_items_carried_over")
with row[1].container(border=True):
    st.metric(name("oldest_open_item"), NO_FIGURE if no_items else (f"{int(oldest['oldest_days'].iloc[0])} 天"
                                                                    if len(oldest) else "无"))
    figure_caption(plain(f"{oldest['street'].iloc[0]}:{oldest['oldest_title'].iloc[0]}")
                   if len(oldest) and not no_items else "没有未办结的议题", "oldest_open_item")
with row[2].container(border=True):
    st.metric(name("committee_compliance"), NO_FIGURE if no_committees else f"{compliant} / {len(compliance)}")
    figure_caption("建立大工委、县级领导干部任书记、有驻区单位成员", "committee_compliance")
st.caption(f"{plain(selection.area_text())} · {selection.period_text} · 数据截至 {as_of_text}")
note_missing(present, WorkingCommittee, CommitteeMember, JointMeeting, MeetingAttendance, MeetingItem)

where = selection.area_text()
item_words = [] if no_items else derived(item_findings, item_lists, where)
ageing_words = [] if no_items else derived(ageing_findings, ageing, where, as_of_text)
compliance_words = [] if no_committees else derived(compliance_findings, compliance, where)
by_street = activity.rename(columns={"street": "area_name"})
sections = [derived(rate_section, title("meetings_on_schedule"), by_street, "quarters_on_schedule", "quarters",
                    selection.area_text(),
                    "街道", float(goal["target_value"]),
                    {"area_name": "街道", "meetings_required": "应召开次数", "meetings_held": "实际召开次数",
                     "quarters_on_schedule": "按期召开季度", "days_since_last": "距上次会议天数"})]
if len(overdue) and not no_meetings:
    sections[0].findings.append(f"超过 {overdue_after_days(required)} 天未召开联席会议的街道有 {len(overdue)} 个:"
                                + "、".join(overdue["street"].head(5)) + ("等。" if len(overdue) > 5 else "。"))
show_findings(([] if no_meetings else sections[0].findings) + item_words[:2] + ageing_words[:2]
              + compliance_words[:2])
bands = pd.DataFrame({"band": [words for _key, words, _fewest in AGE_BANDS],
                      "items": [int(ageing[key].sum()) for key, _words, _fewest in AGE_BANDS]})
failing = compliance[~compliance["compliant"]]
failing_labels = {"county": COUNTY_LEVEL, "street": "街道", "secretary_title": "书记现任职务",
                  "member_units": "驻区单位成员(个)", "problems": "问题"}
if not no_items:
    sections += [derived(rate_section, f"各街道议题{name('item_resolution_rate')}", by_street, "items_resolved",
                         "items_tabled", where, "街道", None,
                         {"area_name": "街道", "items_tabled": "议题", "items_matched": "已对接",
                          "items_resolved": "已办结"}),
                 derived(breakdown_section, "未办结议题账龄", bands, "band", "items", "个", ageing_words,
                         {"band": "账龄", "items": "未办结议题(个)"})]
if not no_committees:
    problems = derived(streets_by_problem, compliance)
    problems = problems[problems["streets"] > 0]
    sections.append(Section("大工委设置检查", problems["problem"].tolist(), problems["streets"].astype(float).tolist(),
                            "个街道", compliance_words, failing[list(failing_labels)].rename(columns=failing_labels)))
briefing_buttons("联席会议简报", where, selection.period_text, as_of_text, [
    (title("meetings_on_schedule"), fmt.percent(rate), f"{on_schedule} / {quarters} 个街道·季度"),
    (title("meetings_held"), fmt.count(activity["meetings_held"].sum()),
     f"应召开 {fmt.count(activity['meetings_required'].sum())}"),
    (title("attendance_rate"), fmt.percent(attended / seats if seats else None), ""),
    (f"{title('item_match_rate')} / {title('item_resolution_rate')}",
     f"{fmt.percent(matched / tabled if tabled else None)} / {fmt.percent(resolved / tabled if tabled else None)}",
     f"议题 {fmt.count(tabled)} 个"),
    (title("overdue_streets"), f"{len(overdue)} 个", ""),
    (title("open_items_carried_over"), NO_FIGURE if no_items else f"{carried} 个", f"截至{as_of_text}"),
    (title("committee_compliance"), NO_FIGURE if no_committees else f"{compliant} / {len(compliance)}", ""),
], sections, "meetings_briefing")

heat = load(meetings_by_street_month, area, first, last)
if not no_meetings:
    st.plotly_chart(figure(meeting_heatmap, heat,
                           f"各街道联席会议召开次数({selection.period_text},数据截至 {as_of_text})"),
                    key="meeting_heatmap",
                    config={"displaylogo": False})
    figure_caption("每格为该街道当月召开联席会议的次数。", "meetings_held")

ranking = activity.assign(
    area_code=activity["street_code"], area_name=activity["street"],
    rate=activity["quarters_on_schedule"] / activity["quarters"].where(activity["quarters"] > 0),
)
ranking["status"] = [rag_status(v, goal["target_value"], goal["amber_floor"]) for v in ranking["rate"]]
county_of_street = dict(zip(activity["street_code"], activity["county_code"]))
if not no_meetings and judged:
    st.plotly_chart(figure(ranking_bar, ranking, "rate", name("meetings_on_schedule"), float(goal["target_value"]),
                           f"各街道{title('meetings_on_schedule')}({fmt.quarter_span(judged)})", as_of_text),
                    key="meeting_ranking", on_select=partial(drill_to_street, "meeting_ranking", county_of_street),
                    selection_mode="points", config={"displaylogo": False})
elif not no_meetings:
    st.caption(f"所选期间({selection.period_text})没有已结束的季度,不计算{name('meetings_on_schedule')}"
               "(季度结束后才判断是否按期召开)。")
labels = {"county": COUNTY_LEVEL, "street": "街道", "meetings_required": "应召开次数", "meetings_held": "实际召开次数",
          "rate": f"{name('meetings_on_schedule')}(%)", "attendance_rate": f"{name('attendance_rate')}(%)",
          "items_tabled": "议题", **{kind: kind for kind in LIST_KINDS}, "items_matched": "已对接",
          "items_resolved": "已办结", "match_rate": f"{name('item_match_rate')}(%)",
          "resolve_rate": f"{name('item_resolution_rate')}(%)", "last_meeting_on": "最近一次会议",
          "days_since_last": "距上次会议天数", "overdue_text": "提示"}
tabled_by_list = item_lists.pivot_table(index="street_code", columns="list_kind", values="items_tabled", aggfunc="sum")
shown = ranking.assign(rate=ranking["rate"] * 100, attendance_rate=ranking["attendance_rate"] * 100,
                       match_rate=ranking["match_rate"] * 100, resolve_rate=ranking["resolve_rate"] * 100,
                       overdue_text=["超期未开会" if late and not no_meetings else "" for late in ranking["overdue"]],
                       **{kind: ranking["street_code"].map(tabled_by_list.get(kind, {})).fillna(0).astype(int)
                          for kind in LIST_KINDS})
percent_columns = [labels[k] for k in ("rate", "attendance_rate", "match_rate", "resolve_rate")]
st.dataframe(shown[list(labels)].rename(columns=labels), hide_index=True, placeholder=BLANK, key="meeting_table",
             column_config={c: st.column_config.NumberColumn(format="%.1f") for c in percent_columns})
if not no_meetings and judged:
    figure_caption("点击柱子进入该街道,查看大工委成员、历次会议和议题。", "meetings_on_schedule", "attendance_rate",
                   "item_match_rate", "item_resolution_rate")
export_buttons(shown, labels, f"联席会议_{selection.area_text()}_{selection.period_text}", "meetings_export")
if not no_items:
    st.markdown("#### 议题清单:对接与办结")
    counts = ["items_tabled", "items_matched", "items_resolved"]
    lists = item_lists.groupby("list_kind")[counts].sum().reindex(LIST_KINDS, fill_value=0).reset_index()
    per_item = 100 / lists["items_tabled"].where(lists["items_tabled"] > 0)  # % of the items tabled
    lists = lists.assign(match_rate=lists["items_matched"] * per_item, resolve_rate=lists["items_resolved"] * per_item)
    if lists["items_tabled"].sum():
        st.plotly_chart(figure(paired_bars, lists, "list_kind", {"items_tabled": "议题", "items_matched": "已对接",
                                                                 "items_resolved": "已办结"},
                               f"{where}各清单议题对接与办结({selection.period_text})", "个", as_of_text=as_of_text,
                               digits=0), key="items_by_list", config={"displaylogo": False})
    else:
        st.caption(f"{plain(where)}在{selection.period_text}召开的联席会议没有提出议题。")
    list_labels = {"list_kind": "清单", "items_tabled": "议题", "items_matched": "已对接", "items_resolved": "已办结",
                   "match_rate": f"{name('item_match_rate')}(%)", "resolve_rate": f"{name('item_resolution_rate')}(%)"}
    st.dataframe(lists[list(list_labels)].rename(columns=list_labels), hide_index=True, placeholder=BLANK,
                 key="items_by_list_table",
                 column_config={list_labels[k]: st.column_config.NumberColumn(format="%.1f")
                                for k in ("match_rate", "resolve_rate")})
    figure_caption("资源清单、需求清单、项目清单分列;办结按期末计。", "item_match_rate", "item_resolution_rate")
    export_buttons(lists, list_labels, f"联席会议议题清单_{where}_{selection.period_text}", "lists_export")

    st.markdown("#### 未办结议题账龄")
    carrying = ageing[ageing["open_items"] > 0]
    if carrying.empty:
        st.caption(f"截至{as_of_text},{plain(where)}联席会议议题均已办结。")
    else:
        band_labels = {key: words for key, words, _fewest in AGE_BANDS}
        st.plotly_chart(figure(stacked_bars, carrying.assign(area_code=carrying["street_code"]), "street", band_labels,
                               f"各街道未办结议题账龄(截至{as_of_text})", "个", as_of_text),
                        key="ageing_chart", on_select=partial(drill_to_street, "ageing_chart", county_of_street),
                        selection_mode="points", config={"displaylogo": False})
        ageing_labels = {"county": COUNTY_LEVEL, "street": "街道", "open_items": "未办结",
                         "carried_over": "以前季度结转", **band_labels, "oldest_title": "最早未办结议题",
                         "oldest_held_on": "提出日期", "oldest_days": "已历时(天)"}
        st.dataframe(carrying[list(ageing_labels)].rename(columns=ageing_labels), hide_index=True, placeholder=BLANK,
                     key="ageing_table")
        figure_caption("账龄按议题提出时所在季度至截止日所在季度相隔的季度数计;以前季度结转 = 账龄1个季度及以上。"
                       "点击柱子进入该街道。", "open_items_carried_over", "oldest_open_item")
        export_buttons(carrying, ageing_labels, f"未办结议题账龄_{where}_截至{as_of_text}", "ageing_export")
        open_list = load(open_items, area, last)
        open_labels = {"street": "街道", "held_on": "会议日期", "list_kind": "清单", "title": "议题",
                          "unit": "对接单位", "matched_text": "对接", "days_open": "已历时(天)", "age_band": "账龄"}
        open_list = open_list.assign(matched_text=open_list["matched"].map({True: "已对接", False: "未对接"}))
        st.markdown(f"**未办结议题清单:{len(open_list)} 个(最早提出的在前)**")
        open_page, _offset = page_of(open_list, "open_items")
        st.dataframe(open_page[list(open_labels)].rename(columns=open_labels), hide_index=True,
                     placeholder=BLANK, key="open_items_table")
        export_buttons(open_list, open_labels, f"未办结议题清单_{where}_截至{as_of_text}", "open_items_export")

if not no_committees:
    st.markdown("#### 大工委设置检查")
    if failing.empty:
        figure_caption(f"{plain(where)}{len(compliance)} 个街道均已建立大工委,书记由县级领导干部担任,"
                       "并有驻区单位成员。", "committee_compliance")
    else:
        shown_failing = {"county": COUNTY_LEVEL, "street": "街道",
                         **({} if active_viewer().read_only else {"secretary": "书记"}),  # a big screen: no people
                         "secretary_title": "书记现任职务", "member_units": "驻区单位成员(个)", "problems": "问题"}
        st.dataframe(failing[list(shown_failing)].rename(columns=shown_failing), hide_index=True, placeholder=BLANK,
                     key="compliance_table")
        figure_caption(f"{len(failing)} / {len(compliance)} 个街道不符合:每个街道应建立大工委,由县级领导干部任书记,"
                       "驻区单位党组织负责人任成员。" + ("" if active_viewer().sees_personal else "书记姓名已脱敏。"),
                       "committee_compliance")
        export_buttons(failing, failing_labels, f"大工委设置检查_{where}", "compliance_export")

if area.street:
    street = selection.names.get(area.street, area.street)
    st.markdown(f"#### {plain(street)}大工委")
    committee = load(street_committee, area)
    committee_labels = {"role": "大工委职务", "person": "姓名", "title": "现任职务", "unit": "所在单位",
                        "phone": "联系电话"}
    if active_viewer().read_only:  # a big screen shows figures, never people, masked or not
        st.caption(f"大工委共 {len(committee)} 名成员;大屏令牌不显示成员名单。")
    elif committee.empty:
        st.info(f"{plain(street)}尚未录入大工委成员。")
    else:
        st.dataframe(committee[list(committee_labels)].rename(columns=committee_labels), hide_index=True,
                     placeholder=BLANK,
                     key="committee_table")
    held = load(street_meetings, area, first, last)
    st.markdown(f"**{selection.period_text}召开的联席会议:{len(held)} 次**")
    held_labels = {"held_on": "召开日期", "title": "会议", "seats": "应出席", "attended": "实际出席",
                   "attendance_rate": f"{name('attendance_rate')}(%)", "items_tabled": "议题",
                   "items_matched": "已对接", "items_resolved": "已办结"}
    if held.empty:
        st.info("所选期间没有召开联席会议。")
    else:
        st.dataframe(held.assign(attendance_rate=held["attendance_rate"] * 100)[list(held_labels)]
                     .rename(columns=held_labels), hide_index=True, placeholder=BLANK, key="street_meetings",
                     column_config={held_labels["attendance_rate"]: st.column_config.NumberColumn(format="%.1f")})
    items = load(street_items, area, first, last)
    item_labels = {"held_on": "会议日期", "list_kind": "清单", "title": "议题", "unit": "对接单位",
                   "matched_text": "对接", "resolved_text": "办结", "resolved_on": "办结日期"}
    if not items.empty:
        items = items.assign(matched_text=items["matched"].map({True: "已对接", False: "未对接"}),
                             resolved_text=items["resolved"].map({True: "已办结", False: "未办结"}))
        st.dataframe(items[list(item_labels)].rename(columns=item_labels), hide_index=True,
                     placeholder=BLANK, key="street_items")
        export_buttons(items, item_labels, f"{street}_联席会议议题_{selection.period_text}", "items_export")
