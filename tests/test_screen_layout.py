"""The big screen's pure builders (dashboard/screen_layout.py): names from the store stay text, statuses are told
in words and shapes, long findings are cut into pieces that hold on the line, the map needs no host."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.screen_layout import (
    CSS,
    MAP_FILL,
    NEUTRAL,
    TICK_CHARS,
    Figure,
    Ranked,
    Screen,
    Trend,
    county_map_html,
    screen_html,
    ticker_pieces,
)

HOSTILE = "<img src=x onerror=alert(1)>甲区\u202e"


def test_names_from_the_store_are_text_and_statuses_are_words():
    screen = Screen(title="全市党建驾驶舱", as_of="2018年6月30日",
                    figures=[Figure("网格党支部覆盖率", "62.5%", "红", ("目标 100%", "对目标 -37.5个百分点"))],
                    ranking_title="排名", ranking=[Ranked(1, HOSTILE, "50.0%", 0.5, "黄")],
                    trend=Trend("逐月", ["2018-06"], [66.7], ["66.7%"]), warnings=[("红", HOSTILE)],
                    findings=[f"{HOSTILE}最低。"], demo=True, position=(3, 9), stale=True)
    html = screen_html(screen)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;甲区" in html and "\u202e" not in html
    assert "■ 落后" in html and "▲ 预警" in html
    assert "3 / 9" in html and "演示数据" in html and "数据更新中断" in html and html.count("数据截至") == 1


def test_a_long_finding_is_cut_after_a_comma_into_pieces_that_hold_on_the_line():
    sentence = "甲" * 60 + "," + "乙" * 60 + "。"
    pieces = ticker_pieces([sentence, "短句。"])
    assert "".join(pieces) == sentence + "短句。"
    assert pieces[0].endswith(",") and all(len(p) <= TICK_CHARS for p in pieces)


def test_the_map_is_an_image_of_the_county_polygons_without_a_host():
    places = pd.DataFrame({"code": ["430702", "430771"], "name": ["武陵区", HOSTILE], "kind": ["市辖区", "管理区"],
                           "adcode": ["430702", None], "lon": [111.69, 112.0], "lat": [29.04, 29.2]})
    html = county_map_html(places, {"430702": "绿", "430771": "红"}, {"430702": "91.2%"})
    assert html.count("<img src='data:image/svg+xml;base64,") == 1 and "http" not in html.split("base64,")[0]
    assert "武陵区 91.2%" in html


def test_the_trend_bars_are_painted_in_the_neutral_colour():
    """Red tells 落后 on the map, the ranking and the cards; a month's bar is a level, not a status, so it takes the
    neutral colour the ranking gives a bar without a status (a new user saw every bar red, those at 100% too)."""
    bar = re.search(r"\.bs-trend-well > i \{[^}]*background: (#[0-9A-Fa-f]{6})", CSS).group(1)
    assert bar.upper() == NEUTRAL.upper() and NEUTRAL not in MAP_FILL.values()
