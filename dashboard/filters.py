"""The shared filters of the views: area (county → street → community) and period (a range of months).

This module owns their session state (the keys below); every widget is bound to the URL, so a filtered
view is a link one can send: ``?county=武陵区&street=…&from=2018-04&to=2018-06`` (areas by their names,
as the lists show them). Drill-down (a click on a bar, a table row or a map region) and the breadcrumb
change the same state through callbacks, which run before the rerun that redraws the widgets.

The app's frame draws the filters (`frame_filters`, from dashboard/app.py), not each view: a widget is
identified by the script that draws it, so filters drawn in the entry script are one and the same widget on
every view. Their values and their place in the link then carry from view to view, and the browser's Back
and Forward buttons find in each link the filters that view had (a filter missing from a link is at its
default, the view's default period or 全市), instead of links that Streamlit rewrote after each change of
view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from dashboard.data import load
from dashboard.export import note_area
from dashboard.formatting import chinese_date
from dashboard.missing import NOTHING_IMPORTED
from dashboard.text import plain
from queries.area import COUNTY_LEVEL, Area
from queries.checkin import month_end, months_between
from queries.regions import community_options, county_options, street_options
from queries.store import DEFAULT_MONTHS, StoreFacts, store_facts

COUNTY, STREET, COMMUNITY, FIRST, LAST = "county", "street", "community", "from", "to"
AREA_KEYS = (COUNTY, STREET, COMMUNITY)
ALL = ""
SELECTION = "view_selection"  # what the frame's filters selected in this run, for the view to read


@dataclass(frozen=True)
class Selection:
    """What the filters select: the area, the period's first and last day, names for the breadcrumb."""

    area: Area
    first: dt.date
    last: dt.date
    names: dict[str, str] = field(default_factory=dict)

    @property
    def period_text(self) -> str:
        start = f"{self.first.year}年{self.first.month}月"
        end = f"{self.last.year}年{self.last.month}月"
        return start if start == end else f"{start}—{end}"

    def until(self, as_of: dt.date) -> dt.date:
        """The period's last day for a theme whose data runs to `as_of`: the earlier of the two."""
        return min(self.last, as_of)

    def area_text(self) -> str:
        codes = [c for c in (self.area.county, self.area.street, self.area.community) if c]
        return " · ".join(self.names.get(c, c) for c in codes) or "全市"


def scope_name(scope: Area) -> str:
    """全市, or the names of the county (and street) a viewer is limited to."""
    if not scope.county:
        return "全市"
    counties = load(county_options, Area())
    name = dict(zip(counties["code"], counties["name"])).get(scope.county, scope.county)
    if scope.street:
        streets = load(street_options, Area(county=scope.county))
        name += dict(zip(streets["code"], streets["name"])).get(scope.street, scope.street)
    return name


def month_label(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _clear(*keys: str) -> None:
    for key in keys:
        st.session_state[key] = ALL


def show_area(area: Area) -> None:
    """Point the area filters at `area` (call from a callback)."""
    st.session_state[COUNTY] = area.county or ALL
    st.session_state[STREET] = area.street or ALL
    st.session_state[COMMUNITY] = area.community or ALL


def show_months(first: str, last: str) -> None:
    """Point the period filters at the months `first` to `last` (call from a callback)."""
    st.session_state[FIRST] = first
    st.session_state[LAST] = last


def reset_filters(default_first: str, default_last: str) -> None:
    _clear(*AREA_KEYS)
    st.session_state[FIRST] = default_first
    st.session_state[LAST] = default_last


def drill_into(area: Area, code: str | None) -> None:
    """Narrow the filters to the child `code` of `area` (a callback for clicks)."""
    if code:
        show_area(area.narrowed_to(area.child_level, code))


def drill_from_chart(chart_key: str, area: Area) -> None:
    """on_select callback of a plotly chart whose points carry the child area's code as customdata."""
    points = st.session_state[chart_key].selection.points
    if points:
        code = points[0].get("customdata")
        drill_into(area, code[0] if isinstance(code, list) else code)


def drill_from_table(table_key: str, area: Area, codes: list[str]) -> None:
    """on_select callback of a table whose rows are the child areas `codes`, in display order."""
    rows = st.session_state[table_key].selection.rows
    if rows:
        drill_into(area, codes[rows[0]])


def drill_to_street(chart_key: str, county_of_street: dict[str, str]) -> None:
    """on_select callback of a chart of streets (customdata = street code): show that street."""
    points = st.session_state[chart_key].selection.points
    if points:
        code = points[0].get("customdata")
        code = code[0] if isinstance(code, list) else code
        if code in county_of_street:
            show_area(Area(county=county_of_street[code], street=code))


def drill_from_map(map_key: str, layer_ids: list[str]) -> None:
    """on_select callback of the county map: its objects carry the county's code."""
    objects = st.session_state[map_key].selection.objects
    for layer in layer_ids:
        for picked in objects.get(layer, []):
            code = picked.get("code") or picked.get("properties", {}).get("code")
            if code:
                show_area(Area(county=code))
                return


def view_filters(as_of: dt.date, first_month: dt.date, scope: Area) -> Selection:
    """Draw the area and period filters in the sidebar and return what they select. A viewer limited to a
    county or a street is offered only that county or street (the queries enforce the same limit). Every
    widget keeps its value for the whole session (persist_state), also across the cockpit, which has none."""
    months = [month_label(y, m) for y, m in months_between(first_month, as_of)]
    default_last = months[-1]
    default_first = months[max(0, len(months) - DEFAULT_MONTHS)]
    counties = load(county_options, Area())
    names = dict(zip(counties["code"], counties["name"]))
    with st.sidebar:
        st.markdown("#### 筛选")
        county = st.selectbox(COUNTY_LEVEL, ([] if scope.county else [ALL]) + counties["code"].tolist(), key=COUNTY,
                              bind="query-params", persist_state="session",
                              format_func=lambda c: names.get(c, "全市") if c else "全市",
                              on_change=_clear, args=(STREET, COMMUNITY), help="区县(市)及管理区")
        streets = load(street_options, Area(county=county)) if county else None
        if streets is not None:
            names.update(zip(streets["code"], streets["name"]))
        street_codes = [] if streets is None else streets["code"].tolist()
        street = st.selectbox("街道", ([] if scope.street else [ALL]) + street_codes,
                              key=STREET, bind="query-params", persist_state="session", disabled=not county,
                              format_func=lambda c: names.get(c, c) if c else "全部街道",
                              on_change=_clear, args=(COMMUNITY,))
        communities = load(community_options, Area(county=county, street=street)) if street else None
        if communities is not None:
            names.update(zip(communities["code"], communities["name"]))
        community = st.selectbox("社区", [ALL, *([] if communities is None else communities["code"])],
                                 key=COMMUNITY, bind="query-params", persist_state="session", disabled=not street,
                                 format_func=lambda c: names.get(c, c) if c else "全部社区")
        for key in (FIRST, LAST):
            if st.session_state.get(key, months[0]) not in months:  # a month the store no longer covers
                del st.session_state[key]
        # Each month's own default (index) is the default period: a link without from or to means it.
        first = st.selectbox("起始月份", months, index=months.index(default_first), key=FIRST, bind="query-params",
                             persist_state="session")
        last = st.selectbox("截止月份", months, index=months.index(default_last), key=LAST, bind="query-params",
                            persist_state="session")
        if first > last:
            first, last = last, first
            st.caption("起始月份晚于截止月份,已按从早到晚处理。")
        st.button("重置筛选", key="reset_filters", icon=":material/restart_alt:", on_click=reset_filters,
                  args=(default_first, default_last))
    area = Area(county=county or None, street=street or None, community=community or None)
    first_day = dt.date(int(first[:4]), int(first[5:]), 1)
    last_day = min(month_end(int(last[:4]), int(last[5:])), as_of)
    return Selection(area=area, first=first_day, last=last_day, names=names)


NO_DATA = NOTHING_IMPORTED


def frame_filters(scope: Area) -> None:
    """The filters of the views, drawn by the app's frame before the view runs (see the module's note); the
    view reads what they select through `open_view`. Nothing is drawn while the store has no data."""
    facts = load(store_facts)
    if facts.data_as_of is not None:
        st.session_state[SELECTION] = view_filters(facts.data_as_of, facts.first_month, scope)


def open_view(title: str) -> tuple[StoreFacts, Selection]:
    """The top of every view: stop with an explanation when the store has no data, else take what the frame's
    filters select (limited to the viewer's scope), draw the title and the breadcrumb, and return it."""
    facts = load(store_facts)
    if facts.data_as_of is None:
        st.info(NO_DATA)
        st.stop()
    selection = st.session_state[SELECTION]
    note_area(selection.area)
    st.markdown(f"### {plain(title)}")
    breadcrumb(selection)
    return facts, selection


def theme_period(selection: Selection, as_of: dt.date, theme: str, key: str) -> dt.date | None:
    """The last day of the period for the figures of `theme` (联席会议, 双报到 …), whose data runs to `as_of`:
    the earlier of the period's last day and `as_of`. When the whole period lies after `as_of`, there is
    nothing of the theme to show: say so in one line, offer to move the period to the theme's last months,
    and return None."""
    last = selection.until(as_of)
    if last >= selection.first:
        return last
    index = as_of.year * 12 + as_of.month - DEFAULT_MONTHS
    first = dt.date(index // 12, index % 12 + 1, 1)
    st.info(f"{plain(theme)}数据截至 {chinese_date(as_of)},所选期间({selection.period_text})在此之后,"
            f"没有{plain(theme)}数据。", icon=":material/event_busy:")
    st.button(f"改看 {first.year}年{first.month}月—{as_of.year}年{as_of.month}月", key=f"{key}_months",
              on_click=show_months, args=(month_label(first.year, first.month), month_label(as_of.year, as_of.month)),
              icon=":material/history:")
    return None


def breadcrumb(selection: Selection) -> None:
    """全市 › 县级单位 › 街道 › 社区: each step above the current area is a button back to it (names as plain text)."""
    area = selection.area
    steps = [("全市", Area())]
    if area.county:
        steps.append((selection.names.get(area.county, area.county), Area(county=area.county)))
    if area.street:
        steps.append((selection.names.get(area.street, area.street), Area(county=area.county, street=area.street)))
    if area.community:
        steps.append((selection.names.get(area.community, area.community), area))
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    for index, (label, target) in enumerate(steps[:-1]):
        row.button(plain(label), key=f"crumb_{index}", type="tertiary", on_click=show_area, args=(target,))
        row.markdown("›")
    row.markdown(f"**{plain(steps[-1][0])}** · {plain(selection.period_text)}")
