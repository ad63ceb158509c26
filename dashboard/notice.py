"""督办通报: the notice a city organization department's supervision office sends after a monthly meeting, as an
editable Word document (python-docx), from the warning centre's download button or unattended:

    python -m dashboard.notice --area 武陵区 --month 2018-06 --out 督办通报_武陵区_2018-06.docx

The notice holds the period, the headline figures against their targets and their change on the month before,
the areas below their lines ranked by severity, the 点名督办 name lists (queries/followup.py) and the items to
rectify with a deadline (整改时限). Official style: the title in 方正小标宋简体 (黑体 where that font is missing),
section headings 一、二、三、 in 黑体, body text in 仿宋_GB2312 (East Asian font set on every run).

`gather` collects everything through a runner: the page passes `dashboard.data.load` (the viewer's scope and
masking apply), the command line runs the queries on the store with names masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from sqlalchemy import Engine, or_, select

from dashboard.deck import Section
from dashboard.text import visible
from queries.area import Area
from queries.checkin import month_end
from queries.cockpit import STATUS_WORDS, scored_headlines
from queries.followup import (
    LISTS,
    funding_behind_pace,
    members_not_serving,
    pairings_without_activity,
    streets_without_meeting,
    units_not_checked_in,
    units_with_members_not_checked_in,
)
from queries.overview import cockpit_by_area
from queries.store import ThemeDates, tables_with_rows, targets
from queries.two_new import organizations_that_should_organize
from queries.warnings import HISTORY_MONTHS, area_warnings, measured_metrics, shifted

TITLE_FONT, HEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "仿宋_GB2312"
ISSUER = "中共常德市委组织部"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TABLE_ROWS = 30  # rows of one list printed in the notice; the rest are counted and in the exports
CHINESE_NUMBERS = "一二三四五六七八九十"

# Each list's query and the columns the notice, the page and the exports show (Chinese headings).
LIST_QUERIES = {
    "units_members": units_with_members_not_checked_in,
    "units_unreported": units_not_checked_in,
    "members_idle": members_not_serving,
    "pairings_idle": pairings_without_activity,
    "streets_idle": streets_without_meeting,
    "two_new_gap": organizations_that_should_organize,
    "funding_behind": funding_behind_pace,
}
LIST_LABELS = {
    "units_members": {"unit": "驻区单位", "kind": "类别", "party_org": "单位党组织",
                      "members_in_service": "应报到在职党员", "members_checked_in": "已报到",
                      "members_missing": "未报到"},
    "units_unreported": {"county": "县级单位", "street": "街道", "community": "社区", "unit": "驻区单位",
                         "kind": "类别", "party_org": "单位党组织"},
    "members_idle": {"member": "党员", "phone": "电话", "unit": "工作单位", "street": "街道", "community": "报到社区",
                     "checked_in_on": "报到日期", "last_served_on": "最近服务日期"},
    "pairings_idle": {"county": "县级单位", "street": "街道", "community": "社区", "unit": "结对单位",
                      "started_on": "结对开始", "last_activity_on": "最近活动"},
    "streets_idle": {"county": "县级单位", "street": "街道", "last_meeting_on": "最近一次会议",
                     "days_since_last": "距今天数", "secretary": "大工委书记"},
    "two_new_gap": {"county": "县级单位", "street": "街道", "community": "社区", "org": "两新组织", "kind": "类别",
                    "party_members": "党员数", "coverage_kind": "覆盖情况"},
    "funding_behind": {"county": "县级单位", "holder": "预算单位", "level": "层级", "budget_yuan": "预算数(元)",
                       "disbursed_yuan": "已支出数(元)", "execution_rate": "执行率", "pace_target": "序时进度"},
}
NAME_COLUMNS = {"units_members": "unit", "units_unreported": "unit", "members_idle": "member", "pairings_idle": "unit",
                "streets_idle": "street", "two_new_gap": "org", "funding_behind": "holder"}  # who each row names
# Said under a list counted but not printed, so that the reader knows where the names are.
COUNTED_ONLY_NOTE = "此项名单涉及党员个人信息,本通报只列数量;名单由分析员账号在“预警中心”页导出。"
DETAIL_LISTS = {"members_idle"}  # rows about individual members: exported only by roles allowed to
WARNING_LABELS = {"area_name": "单位", "metric": "指标", "value": "当前值", "target": "目标", "severity": "状态",
                  "months_below": "连续低于目标(月)", "trend": "较上月", "responsible": "责任单位(人)"}


@dataclass(frozen=True)
class Notice:
    """What one notice says: for whom, when, the figures, the lagging areas and the name lists."""

    area_text: str
    month: dt.date  # the month-end the notice is about
    as_of: dt.date  # the data's date (the month's end, or the data's last day within it)
    headlines: pd.DataFrame  # title, value, target, status, previous
    warnings: pd.DataFrame
    lists: dict[str, pd.DataFrame] = field(default_factory=dict)
    deadline: dt.date | None = None
    counted_only: frozenset[str] = frozenset()  # lists whose rows are not printed (only counted), see DETAIL_LISTS

    @property
    def period_text(self) -> str:
        return f"{self.month.year}年{self.month.month}月"

    @property
    def deadline_text(self) -> str:
        deadline = self.deadline or default_deadline(self.month)
        return f"{deadline.year}年{deadline.month}月{deadline.day}日"


def rectify_items(notice: Notice) -> list[str]:
    """四、整改要求: one numbered line per kind of problem found, with what to do and by when."""
    items = [(title, action, len(notice.lists.get(key, ()))) for key, title, action in LISTS]
    items = [item for item in items if item[2]]
    if not notice.warnings.empty:
        items.insert(0, ("预警和落后指标", "制定整改措施,推动指标达到目标", len(notice.warnings)))
    return [f"{number}. {title}({count} 项):{action},整改时限:{notice.deadline_text}前。"
            for number, (title, action, count) in enumerate(items, start=1)]


def headline_cells(notice: Notice) -> list[tuple[str, str, str]]:
    """The headline figures as the deck's summary slide shows them: name, value, target, status and change."""
    return [(row.title, _percent(row.value), f"目标 {_percent(row.target)} · {STATUS_WORDS.get(row.status, row.status)}"
             f" · {_change(row.value, row.previous)}") for row in notice.headlines.itertuples(index=False)]


def closing_sections(notice: Notice, lines: int = 12) -> list[Section]:
    """The notice as the briefing deck's closing slides (dashboard/deck.py: words only, each with its table for
    the workbook): who is lagging, the name lists, the items to rectify."""
    warnings = notice.warnings
    lagging = [f"{n}. {visible(r.area_name)} · {r.metric} {_percent(r.value)}(目标 {_percent(r.target)},{r.severity},"
               f"连续{r.months_below}个月{'及以上' if r.months_below > HISTORY_MONTHS else ''})"
               f"· {visible(r.responsible)}" for n, r in enumerate(warnings.head(lines).itertuples(), start=1)]
    if len(warnings) > lines:
        lagging.append(f"……共 {len(warnings)} 项")
    named = []
    for key, title, _action in LISTS:
        frame = notice.lists.get(key, pd.DataFrame())
        first = NAME_COLUMNS[key]
        names = "" if frame.empty or key in notice.counted_only else "、".join(
            visible(v) for v in frame[first].head(5) if isinstance(v, str))
        named.append(f"{title}:{len(frame)} 项" + (f"({names}{'等' if len(frame) > 5 else ''})" if names else ""))
    table = warnings[list(WARNING_LABELS)].rename(columns=WARNING_LABELS) if not warnings.empty else None
    return [Section("督办:预警和落后单位", [], [], "", lagging or ["各项指标均达到目标,无预警和落后单位。"], table),
            Section("督办:点名督办名单", [], [], "", named),
            Section(f"督办:整改要求(整改时限 {notice.deadline_text})", [], [], "",
                    rectify_items(notice) or ["本期无需整改事项。"])]


def default_deadline(month: dt.date) -> dt.date:
    """整改时限: the end of the month after the notice's month."""
    return month_end(month.year + (month.month == 12), month.month % 12 + 1)


def gather(run: Callable, area: Area, dates: ThemeDates, area_text: str, month: dt.date,
           deadline: dt.date | None = None, details: bool = True) -> Notice:
    """Everything the notice shows, each part counted by `run(query, *args)` (see the module's note). Without
    `details`, the lists about individual members are counted but their rows not printed."""
    present = run(tables_with_rows)
    goals = run(targets)
    scores = scored_headlines(run(cockpit_by_area, area, dates), goals, dates)
    earlier = shifted(dates, 1)
    before = scored_headlines(run(cockpit_by_area, area, earlier), goals, earlier).set_index("key")["value"]
    measured = {spec.key for spec in measured_metrics(present)}
    scores = scores[scores["key"].isin(measured)].copy()
    scores["previous"] = [before.get(key) for key in scores["key"]]
    as_of = max(dates.of(f) for f in ("checkin", "pairing", "meetings", "funding"))
    lists = {key: run(query, area, *([] if key == "two_new_gap" else [as_of])) for key, query in LIST_QUERIES.items()}
    return Notice(area_text=area_text, month=month, as_of=as_of, headlines=scores,
                  warnings=run(area_warnings, area, dates), lists=lists, deadline=deadline or default_deadline(month),
                  counted_only=frozenset() if details else frozenset(DETAIL_LISTS))


def _add(paragraph, text: str, font: str, size: float, bold: bool = False):
    """A run of `text` (made visible-only: text from the store) in `font`, East Asian font included."""
    run = paragraph.add_run(visible(text))
    _fonts(run, font, size, bold)
    return run


def _fonts(run, font: str, size: float, bold: bool = False) -> None:
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), font)


def _paragraph(document, text: str, font: str = BODY_FONT, size: float = 16, bold: bool = False,
               align=None, indent: bool = True):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    paragraph.paragraph_format.line_spacing = Pt(28)
    _add(paragraph, text, font, size, bold)
    return paragraph


def _cell_text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 100 else f"{value:.1%}" if abs(value) <= 1.5 else f"{value:.1f}"
    return str(value)


def _table(document, frame: pd.DataFrame, labels: dict[str, str], limit: int = TABLE_ROWS) -> None:
    shown = frame.head(limit)
    table = document.add_table(rows=1, cols=len(labels) + 1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ["序号", *labels.values()]):
        cell.text = ""
        _add(cell.paragraphs[0], text, HEADING_FONT, 10.5)
    for number, row in enumerate(shown.itertuples(index=False), start=1):
        cells = table.add_row().cells
        values = dict(zip(frame.columns, row))
        for cell, text in zip(cells, [str(number), *(_cell_text(values.get(c)) for c in labels)]):
            cell.text = ""
            _add(cell.paragraphs[0], text, BODY_FONT, 10.5)
    if len(frame) > limit:
        _paragraph(document, f"(共 {len(frame)} 项,此处列出前 {limit} 项,完整名单见系统导出。)", size=12)


def months_text(months: int) -> str:
    """Consecutive months below, "7及以上" where every month asked was below (the history's limit)."""
    return f"{months}及以上" if months > HISTORY_MONTHS else str(months)


def _percent(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{value:.1%}"


def _change(value, previous) -> str:
    if value is None or previous is None or pd.isna(value) or pd.isna(previous):
        return "较上月无可比数据"
    points = (value - previous) * 100
    if abs(points) < 0.05:
        return "较上月持平"
    return f"较上月{'上升' if points > 0 else '下降'} {abs(points):.1f} 个百分点"


def notice_docx(notice: Notice) -> bytes:
    """The notice as a .docx (see the module's note for its parts and style)."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4 (python-docx starts from US Letter)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _paragraph(document, f"关于{notice.area_text}城市基层党建重点工作推进情况的督办通报", TITLE_FONT, 22,
               align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _paragraph(document, f"({notice.period_text})", BODY_FONT, 16, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    as_of = f"{notice.as_of.year}年{notice.as_of.month}月{notice.as_of.day}日"
    _paragraph(document, f"根据党建驾驶舱数据(数据截至{as_of}),现将{notice.area_text}城市基层党建重点工作推进情况"
                         "通报如下,请各责任单位对照问题抓好整改。")
    sections = ["总体情况", "预警和落后情况", "点名督办事项", "整改要求"]
    heading = iter(f"{CHINESE_NUMBERS[i]}、{title}" for i, title in enumerate(sections))

    _paragraph(document, next(heading), HEADING_FONT, 16)
    for number, row in enumerate(notice.headlines.itertuples(index=False), start=1):
        status = STATUS_WORDS.get(row.status, row.status)
        _paragraph(document, f"{number}. {row.title}{_percent(row.value)},目标{_percent(row.target)},{status},"
                             f"{_change(row.value, row.previous)}。")

    _paragraph(document, next(heading), HEADING_FONT, 16)
    warnings = notice.warnings
    if warnings.empty:
        _paragraph(document, "各项指标均达到目标,无预警和落后单位。")
    else:
        red, amber = int((warnings["status"] == "红").sum()), int((warnings["status"] == "黄").sum())
        _paragraph(document, f"共有 {red} 项落后、{amber} 项预警(按严重程度排序:落后在前,连续低于目标时间长的在前)。")
        shown = warnings.assign(
            value=[_percent(v) for v in warnings["value"]], target=[_percent(v) for v in warnings["target"]],
            months_below=[months_text(m) for m in warnings["months_below"]])
        _table(document, shown, WARNING_LABELS)

    _paragraph(document, next(heading), HEADING_FONT, 16)
    for number, (key, title, _action) in enumerate(LISTS):
        frame = notice.lists.get(key, pd.DataFrame())
        _paragraph(document, f"({CHINESE_NUMBERS[number]}){title}:{len(frame)} 项。", BODY_FONT, 16, bold=True)
        if not frame.empty and key not in notice.counted_only:
            _table(document, frame, LIST_LABELS[key])
        elif not frame.empty:
            _paragraph(document, COUNTED_ONLY_NOTE)

    _paragraph(document, next(heading), HEADING_FONT, 16)
    items = rectify_items(notice)
    if not items:
        _paragraph(document, "本期无需整改事项。")
    for item in items:
        _paragraph(document, item)
    _paragraph(document, f"请各责任单位于{notice.deadline_text}前将整改情况书面报送市委组织部督查室。")
    _paragraph(document, ISSUER, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    today = dt.date.today()
    _paragraph(document, f"{today.year}年{today.month}月{today.day}日", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def masked_runner(engine: Engine) -> Callable:
    """Run a query on `engine` as the command line does: personal data masked."""
    def run(query, *args):
        kwargs = {"mask": True} if "mask" in inspect.signature(query).parameters else {}
        return query(engine, *args, **kwargs)

    return run


def resolve_area(engine: Engine, given: str | None) -> tuple[Area, str]:
    """The area named by a code or a name (county-level unit, its 12-digit code, street or community)."""
    from dashboard.schema import Community, County, Street

    if not given or given == "全市":
        return Area(), "全市"
    with engine.connect() as connection:
        named = [County.code == given, County.name == given]
        if given.isdigit() and len(given) == 12:
            named.append(County.adcode == given[:6])
        county = connection.execute(select(County.code, County.name).where(or_(*named))).first()
        if county:
            return Area(county=county[0]), county[1]
        street = connection.execute(select(County.code, Street.code, County.name, Street.name)
                                    .join(County, Street.county_id == County.id)
                                    .where(or_(Street.code == given, Street.name == given))).first()
        if street:
            return Area(county=street[0], street=street[1]), f"{street[2]}{street[3]}"
        community = connection.execute(
            select(County.code, Street.code, Community.code, County.name, Street.name, Community.name)
            .join(Street, Community.street_id == Street.id).join(County, Community.county_id == County.id)
            .where(or_(Community.code == given, Community.name == given))).first()
        if community:
            return Area(county=community[0], street=community[1], community=community[2]), "".join(community[3:])
    raise SystemExit(f"找不到区域“{given}”:请用县级单位、街道或社区的名称或编码。")


def main(argv: list[str] | None = None) -> int:
    from dashboard.db import make_engine, store_url
    from queries.store import store_facts
    from queries.warnings import dates_until

    parser = argparse.ArgumentParser(prog="python -m dashboard.notice", description="写出督办通报(Word .docx)")
    parser.add_argument("--area", default="全市", help="县级单位、街道或社区的名称或编码(默认全市)")
    parser.add_argument("--month", required=True, help="通报月份,如 2018-06")
    parser.add_argument("--out", required=True, help="输出文件 .docx")
    parser.add_argument("--deadline", help="整改时限 YYYY-MM-DD(默认次月月底)")
    options = parser.parse_args(argv)
    try:
        year, month = (int(part) for part in options.month.split("-"))
        last = month_end(year, month)
    except ValueError:
        raise SystemExit(f"月份“{options.month}”应写作 YYYY-MM,如 2018-06。") from None
    engine = make_engine(store_url())
    facts = store_facts(engine)
    if facts.themes is None:
        raise SystemExit("数据库中还没有数据。")
    area, area_text = resolve_area(engine, options.area)
    deadline = dt.date.fromisoformat(options.deadline) if options.deadline else None
    notice = gather(masked_runner(engine), area, dates_until(facts.themes, last), area_text, last, deadline)
    with open(options.out, "wb") as out:
        out.write(notice_docx(notice))
    print(f"已写出 {options.out}:{area_text} {notice.period_text},预警和落后 {len(notice.warnings)} 项,"
          f"点名督办 {sum(len(f) for f in notice.lists.values())} 项。")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
