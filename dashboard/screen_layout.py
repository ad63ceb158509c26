"""The big screen's composition (数据大屏): one 16:9 screen, nothing to scroll. Pure builders: plain data in,
HTML out; no Streamlit calls.

Every length is in rem, and the big screen sets the root font size to fit a 96 × 54 rem canvas into the
window (20 px at 1920×1080, 40 px at 3840×2160, 14.2 px at 1366×768): the same layout scaled, never
reflowed. The map is drawn from the county polygons of dashboard/maps.py as SVG (no tiles, no host); its
labels, the ranking and the trend are HTML, so every text has the size it is given. The smallest text is
1 rem (20 px at 1920×1080), figures 3.1 rem (62 px); colours meet WCAG AA on the dark ground, and every
status is told by a word and a shape too (● 达标, ▲ 预警, ■ 落后).

Text from the store goes through `esc` (HTML-escaped, control and format characters dropped).
"""

from __future__ import annotations

import base64
import html
import math
from dataclasses import dataclass, field

import pandas as pd

from dashboard.maps import county_polygons
from dashboard.text import visible

CANVAS_REM = (96, 54)  # 1920×1080 at 20 px
STATUS_WORD = {"绿": "达标", "黄": "预警", "红": "落后", "无数据": "无数据"}
STATUS_SHAPE = {"绿": "●", "黄": "▲", "红": "■", "无数据": "○"}
STATUS_CLASS = {"绿": "ok", "黄": "warn", "红": "bad", "无数据": "none"}
MAP_FILL = {"绿": "#2E8B57", "黄": "#D29A00", "红": "#C8102E", "无数据": "#4A5263"}
NEUTRAL = "#5B7DB1"
TICK_SECONDS = 9  # each finding stays this long on the line
TICK_CHARS = 76  # a longer finding is split at a comma so that it holds on the line

CSS = """
<style>
html {font-size: min(calc(100vw / 96), calc(100vh / 54)) !important;}
body, .stApp {overflow: hidden !important;}
[data-testid="stMain"] {overflow: hidden !important;}
.block-container {padding: 0 !important;}
.bs-root {position: fixed; inset: 0; z-index: 10; box-sizing: border-box; overflow: hidden;
  background: #0B0F17; color: #F2F4F8; font-size: 1rem; line-height: 1.25;
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  display: grid; gap: .6rem; padding: .6rem 1rem;
  grid-template-columns: 31rem minmax(0, 1fr) 29rem; grid-template-rows: 3.4rem minmax(0, 1fr) 9.6rem 3.2rem;
  grid-template-areas: "head head head" "figs map rank" "trend trend warn" "tick tick tick";
  animation: bs-enter .7s ease-out;}
.bs-root * {box-sizing: border-box;}
@keyframes bs-enter {from {opacity: 0; transform: translateY(.8rem);} to {opacity: 1; transform: none;}}
.bs-panel {background: #151B27; border: 1px solid #2A3345; border-radius: .5rem; padding: .5rem .8rem;
  min-width: 0; min-height: 0; overflow: hidden; display: flex; flex-direction: column;}
.bs-panel-title {font-size: 1.1rem; font-weight: 700; color: #F2F4F8; margin: 0 0 .3rem 0; white-space: nowrap;}
.bs-muted {color: #B9C2D0;}
.bs-head {grid-area: head; display: flex; align-items: center; gap: 1.2rem; padding-right: 27rem;
  border-bottom: 2px solid #C8102E; min-width: 0;}
.bs-title {font-size: 1.7rem; font-weight: 700; white-space: nowrap;}
.bs-page {font-size: 1.1rem; color: #F2F4F8; border: 1px solid #5A6478; border-radius: 1rem;
  padding: .05rem .7rem; white-space: nowrap;}
.bs-asof {margin-left: auto; font-size: 1rem; color: #B9C2D0; white-space: nowrap;}
.bs-tag {font-size: 1rem; color: #F5C04A; border: 1px solid #F5C04A; border-radius: .3rem; padding: 0 .4rem;
  white-space: nowrap;}
.bs-stale {font-size: 1rem; color: #FF9B9B; white-space: nowrap;}
.bs-figs {grid-area: figs; display: grid; gap: .5rem; grid-template-columns: 1fr 1fr; min-height: 0;}
.bs-card {background: #151B27; border: 1px solid #2A3345; border-radius: .5rem; padding: .35rem .7rem;
  display: flex; flex-direction: column; justify-content: center; min-width: 0; min-height: 0; overflow: hidden;}
.bs-card-label {font-size: 1rem; color: #D5DBE5; line-height: 1.2;}
.bs-card-value {font-size: 3.1rem; font-weight: 700; line-height: 1.1; white-space: nowrap; color: #FFFFFF;
  font-variant-numeric: tabular-nums;}
.bs-card-line {font-size: 1rem; color: #B9C2D0; line-height: 1.25; white-space: nowrap;}
.bs-status {font-weight: 700; white-space: nowrap;}
.bs-ok {color: #5DD39E;} .bs-warn {color: #F5C04A;} .bs-bad {color: #FF8080;} .bs-none {color: #B9C2D0;}
.bs-map {grid-area: map;}
.bs-map-box {position: relative; flex: 1 1 auto; min-height: 0; display: flex; align-items: center;
  justify-content: center;}
.bs-map-frame {position: relative; max-width: 100%; max-height: 100%; height: 100%;}
.bs-map-frame img {position: absolute; inset: 0; width: 100%; height: 100%;}
.bs-map-label {position: absolute; transform: translate(-50%, -50%); background: #0B0F17; color: #F2F4F8;
  border-radius: .25rem; padding: 0 .3rem; font-size: 1rem; line-height: 1.2; white-space: nowrap;}
.bs-legend {display: flex; gap: 1rem; font-size: 1rem; flex-wrap: wrap;}
.bs-rank {grid-area: rank;}
.bs-rank-rows {flex: 1 1 auto; display: grid; min-height: 0; align-content: space-evenly;}
.bs-rank-row {display: grid; grid-template-columns: 1.8rem 10.6rem minmax(0, 1fr) 4.4rem 3.8rem; gap: .4rem;
  align-items: center; font-size: 1rem; line-height: 1.05; min-height: 0;}
.bs-rank-name {overflow-wrap: anywhere;}
.bs-rank-value {text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;}
.bs-bar {height: .8rem; background: #242C3B; border-radius: .4rem; overflow: hidden;}
.bs-bar > i {display: block; height: 100%; border-radius: .4rem;}
.bs-trend {grid-area: trend;}
.bs-trend-cols {flex: 1 1 auto; display: flex; gap: .3rem; align-items: stretch; min-height: 0; position: relative;}
.bs-trend-col {flex: 1 1 0; display: flex; flex-direction: column; align-items: center; min-width: 0;}
.bs-trend-value {font-size: 1rem; line-height: 1.2; white-space: nowrap;}
.bs-trend-well {flex: 1 1 auto; width: 55%; display: flex; align-items: flex-end; min-height: 0;}
/* a figure's level, not its status: neutral (NEUTRAL), since red tells 落后 on the map and the ranking */
.bs-trend-well > i {display: block; width: 100%; background: #5B7DB1; border-radius: .2rem .2rem 0 0;}
.bs-trend-label {font-size: 1rem; line-height: 1.2; color: #B9C2D0; white-space: nowrap;}
.bs-warnings {grid-area: warn;}
.bs-warn-row {font-size: 1rem; line-height: 1.3; overflow-wrap: anywhere;}
.bs-tick {grid-area: tick; position: relative; display: flex; align-items: center; gap: .8rem;
  background: #151B27; border: 1px solid #2A3345; border-radius: .5rem; padding: 0 1rem; overflow: hidden;}
.bs-tick-head {font-size: 1.1rem; font-weight: 700; color: #F5C04A; white-space: nowrap;}
.bs-tick-lines {position: relative; flex: 1 1 auto; height: 100%; min-width: 0;}
.bs-tick-line {position: absolute; inset: 0; display: flex; align-items: center; font-size: 1.1rem;
  line-height: 1.25; opacity: 0; animation-iteration-count: infinite; animation-fill-mode: both;}
.bs-tick-line.bs-only {opacity: 1;}
.bs-empty {font-size: 1.1rem; color: #B9C2D0; margin: auto;}
.bs-clock {position: fixed; z-index: 20; top: .6rem; right: 9.5rem; height: 3.4rem; display: flex;
  align-items: center; font-size: 1.3rem; font-weight: 700; color: #F2F4F8; font-variant-numeric: tabular-nums;
  white-space: nowrap;}
.st-key-screen_pause {position: fixed !important; z-index: 20; top: 1.1rem; right: 1rem; width: auto !important;}
.st-key-screen_pause button {font-size: 1rem !important; min-height: 2.3rem; padding: .1rem .8rem;
  background: #151B27 !important; color: #F2F4F8 !important; border: 1px solid #5A6478 !important;}
.st-key-screen_pause button p {font-size: 1rem !important;}
</style>
"""


@dataclass(frozen=True)
class Figure:
    """One headline figure: label, value as shown, status key (绿/黄/红/无数据, or None for a count) and up to
    two short lines under it (target and gap, change, or why there is no figure)."""

    label: str
    value: str
    status: str | None = None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranked:
    """One area in a ranking: its rank (1 = best), name, value as shown, share of the bar (0-1), status key."""

    rank: int
    name: str
    value: str
    share: float | None
    status: str | None = "无数据"  # None: a figure without a target, told by no status


@dataclass(frozen=True)
class Trend:
    """A short series (months, years or kinds): labels, values (in % when `percent`), as shown; the target in %
    if there is one. Rates are drawn against 100%, counts against the largest."""

    title: str
    labels: list[str]
    values: list[float | None]
    texts: list[str]
    target: float | None = None
    percent: bool = True


@dataclass(frozen=True)
class Screen:
    title: str
    as_of: str
    figures: list[Figure]
    ranking_title: str
    ranking: list[Ranked]
    map_title: str = ""
    map_svg: str = ""  # from `county_map_html`; empty: the ranking is the centre
    trend: Trend | None = None
    warnings: list[tuple[str | None, str]] = field(default_factory=list)  # (status key or None, what lags)
    warnings_title: str = "重点预警"
    findings: list[str] = field(default_factory=list)
    demo: bool = False
    position: tuple[int, int] = (1, 1)  # which screen of how many
    stale: bool = False  # the store did not answer: these are the last figures


def esc(text) -> str:
    """Text from the store (or any text) for HTML: visible characters only, escaped."""
    return html.escape(visible(text), quote=True)


def status_html(status: str) -> str:
    return (f"<span class='bs-status bs-{STATUS_CLASS[status]}'>{STATUS_SHAPE[status]} "
            f"{STATUS_WORD[status]}</span>")


def figure_html(item: Figure) -> str:
    """A card: label, value, then the status word (and the first line beside it), then the other lines."""
    lines = [esc(line) for line in item.lines]
    if item.status:
        lines = [" · ".join([status_html(item.status), *lines[:1]]), *lines[1:]]
    body = "".join(f"<div class='bs-card-line'>{line}</div>" for line in lines)
    return (f"<div class='bs-card' data-figure='{esc(item.label)}'><div class='bs-card-label'>{esc(item.label)}</div>"
            f"<div class='bs-card-value'>{esc(item.value)}</div>{body}</div>")


def ranking_html(rows: list[Ranked]) -> str:
    if not rows:
        return "<div class='bs-empty'>暂无可排名的数据</div>"
    body = []
    for row in rows:
        width = 0.0 if row.share is None or pd.isna(row.share) else max(0.0, min(1.0, row.share)) * 100
        body.append(
            f"<div class='bs-rank-row'><span class='bs-muted'>{row.rank}</span>"
            f"<span class='bs-rank-name'>{esc(row.name)}</span>"
            f"<span class='bs-bar'><i style='width:{width:.1f}%;background:{MAP_FILL.get(row.status, NEUTRAL)}'>"
            f"</i></span><span class='bs-rank-value'>{esc(row.value)}</span>"
            f"{status_html(row.status) if row.status else '<span></span>'}"
            "</div>")
    return f"<div class='bs-rank-rows'>{''.join(body)}</div>"


def trend_html(trend: Trend | None) -> str:
    if trend is None or not trend.labels:
        return "<div class='bs-empty'>暂无趋势数据</div>"
    known = [v for v in trend.values if v is not None and not pd.isna(v)]
    top = max([100.0 if trend.percent else 1.0, *known, trend.target or 0.0])
    columns = []
    for label, value, text in zip(trend.labels, trend.values, trend.texts):
        height = 0.0 if value is None or pd.isna(value) else value / top * 100
        columns.append(f"<div class='bs-trend-col'><span class='bs-trend-value'>{esc(text)}</span>"
                       f"<span class='bs-trend-well'><i style='height:{height:.1f}%'></i></span>"
                       f"<span class='bs-trend-label'>{esc(label)}</span></div>")
    return f"<div class='bs-trend-cols'>{''.join(columns)}</div>"


def ticker_pieces(sentences: list[str], limit: int = TICK_CHARS) -> list[str]:
    """The findings as pieces that each hold on one line: a long sentence is cut after a comma or semicolon."""
    pieces = []
    for sentence in sentences:
        rest = visible(sentence)
        while len(rest) > limit:
            cut = max(rest.rfind(mark, 0, limit) for mark in ",;,;、")
            cut = cut + 1 if cut > limit // 3 else limit
            pieces.append(rest[:cut])
            rest = rest[cut:]
        if rest:
            pieces.append(rest)
    return pieces


def ticker_html(sentences: list[str]) -> str:
    pieces = ticker_pieces(sentences)
    if not pieces:
        return "<div class='bs-tick-lines'></div>"
    if len(pieces) == 1:
        return f"<div class='bs-tick-lines'><div class='bs-tick-line bs-only'>{esc(pieces[0])}</div></div>"
    count = len(pieces)
    share = 100 / count
    fade = min(share / 4, 0.8 / (TICK_SECONDS * count) * 100)
    name = f"bs-tick-{count}"
    keyframes = (f"<style>@keyframes {name} {{0% {{opacity: 0}} {fade:.3f}% {{opacity: 1}} "
                 f"{share - fade:.3f}% {{opacity: 1}} {share:.3f}% {{opacity: 0}} 100% {{opacity: 0}}}}</style>")
    lines = "".join(
        f"<div class='bs-tick-line' style='animation-name:{name};animation-duration:{TICK_SECONDS * count}s;"
        f"animation-delay:{TICK_SECONDS * i}s'>{esc(piece)}</div>" for i, piece in enumerate(pieces))
    return keyframes + f"<div class='bs-tick-lines'>{lines}</div>"


def county_map_html(places: pd.DataFrame, statuses: dict[str, str], values: dict[str, str]) -> str:
    """The city's counties as SVG, each filled by its status (`statuses`: code → 绿/黄/红), management areas as
    dots, every unit labelled in HTML with its name and value (`values`: code → text); the frame keeps the
    map's own aspect ratio, so the labels sit on their counties at any size."""
    polygons = county_polygons(places)
    if polygons.empty:
        return ""
    lat0 = math.radians(sum(y for ring in polygons["polygon"] for _, y in ring)
                        / sum(len(ring) for ring in polygons["polygon"]))

    def project(lon: float, lat: float) -> tuple[float, float]:
        return lon * math.cos(lat0), -lat

    points = [project(x, y) for ring in polygons["polygon"] for x, y in ring]
    left, right = min(p[0] for p in points), max(p[0] for p in points)
    top, bottom = min(p[1] for p in points), max(p[1] for p in points)
    width, height = right - left, bottom - top
    scale = 1000 / width
    view_w, view_h = 1000, height * scale

    def xy(lon: float, lat: float) -> tuple[float, float]:
        x, y = project(lon, lat)
        return (x - left) * scale, (y - top) * scale

    shapes, labels = [], []
    largest: dict[str, tuple[float, float, float]] = {}
    for row in polygons.itertuples():
        ring = [xy(x, y) for x, y in row.polygon]
        fill = MAP_FILL[statuses.get(row.code, "无数据")]
        path = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z"
        shapes.append(f"<path d='{path}' fill='{fill}' stroke='#0B0F17' stroke-width='2'/>")
        area = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2
        if area > largest.get(row.code, (0, 0, 0))[0]:
            cx, cy = sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
            largest[row.code] = (area, cx, cy)
    names = dict(zip(places["code"], places["name"]))
    placed: list[tuple[float, float, float, float]] = []
    for code, (_, cx, cy) in sorted(largest.items(), key=lambda item: -item[1][0]):
        if code in names:
            label = _placed_label(names[code], values.get(code, "无数据"), cx / view_w, cy / view_h,
                                  view_w / view_h, placed)
            labels += [label] if label else []
    for row in places[places["adcode"].isna()].itertuples():
        x, y = xy(row.lon, row.lat)
        fill = MAP_FILL[statuses.get(row.code, "无数据")]
        shapes.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='9' fill='{fill}' stroke='#F2F4F8' stroke-width='2'/>")
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {view_w:.0f} {view_h:.0f}' "
           f"preserveAspectRatio='none'>{''.join(shapes)}</svg>")
    picture = base64.b64encode(svg.encode()).decode()  # an image: st.html keeps no inline SVG
    return (f"<div class='bs-map-frame' style='aspect-ratio:{view_w:.0f}/{view_h:.0f}'>"
            f"<img src='data:image/svg+xml;base64,{picture}' alt='各县级单位地图'>{''.join(labels)}</div>")


MAP_HEIGHT_REM = 31  # about the height of the map at any size, in rem: to keep its labels apart


def _placed_label(name: str, value: str, x: float, y: float, aspect: float,
                  placed: list[tuple[float, float, float, float]]) -> str:
    """A label at (x, y) (fractions of the map), or moved up or down a line, or without its value, where it
    overlaps no label placed before (the larger counties first); none where every try overlaps."""
    height_rem, width_rem = MAP_HEIGHT_REM, MAP_HEIGHT_REM * aspect
    for text in (f"{visible(name)} {value}", visible(name)):
        wide = (sum(1.0 if ord(c) > 0x2E80 else 0.56 for c in text) + 0.7) / width_rem
        tall = 1.35 / height_rem
        for dy in (0.0, -tall, tall):
            box = (x - wide / 2, y + dy - tall / 2, x + wide / 2, y + dy + tall / 2)
            inside = box[0] >= 0 and box[2] <= 1 and box[1] >= 0 and box[3] <= 1
            if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                                  for b in placed):
                placed.append(box)
                return (f"<span class='bs-map-label' style='left:{x * 100:.1f}%;top:{(y + dy) * 100:.1f}%'>"
                        f"{esc(text)}</span>")
    return ""


LEGEND = ("<div class='bs-legend'>" + "".join(
    f"<span class='bs-{STATUS_CLASS[key]}'>{STATUS_SHAPE[key]} {STATUS_WORD[key]}</span>"
    for key in ("绿", "黄", "红", "无数据")) + "</div>")


def screen_html(screen: Screen) -> str:
    """The whole composition: head (title, n / N, data-as-of, 演示数据), figures, map, ranking, trend, top
    warnings, and the findings line."""
    number, count = screen.position
    head = (f"<div class='bs-head'><span class='bs-title'>{esc(screen.title)}</span>"
            f"<span class='bs-page' data-position='{number}/{count}'>{number} / {count}</span>"
            f"<span class='bs-asof'>数据截至 {esc(screen.as_of)}</span>"
            + ("<span class='bs-stale' role='status'>● 数据更新中断</span>" if screen.stale else "")
            + ("<span class='bs-tag'>演示数据</span>" if screen.demo else "") + "</div>")
    rows = max(1, math.ceil(len(screen.figures) / 2))
    figures = (f"<div class='bs-figs' style='grid-template-rows:repeat({rows}, minmax(0, 1fr))'>"
               + "".join(figure_html(item) for item in screen.figures) + "</div>")
    if screen.map_svg:
        centre = (f"<div class='bs-panel bs-map'><div class='bs-panel-title'>{esc(screen.map_title)}</div>"
                  f"<div class='bs-map-box'>{screen.map_svg}</div>{LEGEND}</div>")
        ranking = (f"<div class='bs-panel bs-rank'><div class='bs-panel-title'>{esc(screen.ranking_title)}</div>"
                   f"{ranking_html(screen.ranking)}</div>")
    else:  # no map (a county's or a street's screen): the ranking takes the centre and the right
        centre = (f"<div class='bs-panel bs-map' style='grid-column: 2 / 4'>"
                  f"<div class='bs-panel-title'>{esc(screen.ranking_title)}</div>{ranking_html(screen.ranking)}</div>")
        ranking = ""
    trend = (f"<div class='bs-panel bs-trend'><div class='bs-panel-title'>"
             f"{esc(screen.trend.title if screen.trend else '趋势')}</div>{trend_html(screen.trend)}</div>")
    warnings = "".join(f"<div class='bs-warn-row'>{status_html(status) if status else '▸'} {esc(line)}</div>"
                       for status, line in screen.warnings[:3]) or \
        "<div class='bs-empty'>各项均无落后</div>"
    warn = (f"<div class='bs-panel bs-warnings'><div class='bs-panel-title'>{esc(screen.warnings_title)}</div>"
            f"{warnings}</div>")
    tick = f"<div class='bs-tick'><span class='bs-tick-head'>要点</span>{ticker_html(screen.findings)}</div>"
    return (f"<div class='bs-root' data-screen='{esc(screen.title)}'>"
            f"{head}{figures}{centre}{ranking}{trend}{warn}{tick}</div>")
