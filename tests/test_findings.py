"""Findings in words on the hand-built fixture: 甲区 2 of 4 in-service members checked in by 2018-06-30
(M1, M4), 乙县 2 of 2 (M5, M10 on 06-30 itself); by 2018-05-31 甲区 had 2 of 3 (M3 joined on 06-30) and 乙县
only M5 of 2: 全市 3/5 = 60.0% then, 4/6 = 66.7% now."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from queries.area import CITY
from queries.findings import rate_findings
from queries.overview import member_checkin_rate_by_area


def test_findings_name_the_top_and_bottom_areas_the_change_and_who_is_below_target(fixture_engine):
    now = member_checkin_rate_by_area(fixture_engine, CITY, dt.date(2018, 6, 30))
    before = member_checkin_rate_by_area(fixture_engine, CITY, dt.date(2018, 5, 31))
    sentences = rate_findings(now, "members_checked_in", "members_in_service", "在职党员报到率", "全市", "县级单位",
                              target=0.9, previous=before, previous_label="上月")
    assert sentences == [
        "全市在职党员报到率 66.7%,低于目标 90.0% 23.3 个百分点,较上月上升 6.7 个百分点。",
        "乙县在职党员报到率最高,100.0%;甲区 50.0%,低于全市 16.7 个百分点,列末位。",
        "低于目标的县级单位有 1 个:甲区。",
    ]


def test_findings_without_data_say_so():
    empty = pd.DataFrame({"area_name": [], "done": [], "all": []})
    assert rate_findings(empty, "done", "all", "网格党支部覆盖率", "丙县", "街道", target=1.0) == [
        "丙县没有可用于计算网格党支部覆盖率的数据。"]


def test_many_areas_below_target_are_listed_five_at_most():
    frame = pd.DataFrame({"area_name": list("ABCDEFG"), "done": [1, 2, 3, 4, 5, 6, 10], "all": [10] * 7})
    sentences = rate_findings(frame, "done", "all", "覆盖率", "全市", "街道", target=0.9)
    assert sentences[-1] == "低于目标的街道有 6 个,包括A、B、C、D、E等。"
    assert sentences[1] == "G覆盖率最高,100.0%;A 10.0%,低于全市 34.3 个百分点,列末位。"  # 全市 31/70 = 44.3%


def test_areas_all_at_the_same_rate_have_no_top_or_bottom():
    frame = pd.DataFrame({"area_name": ["一街道", "二街道", "三街道"], "done": [0, 0, 0], "all": [4, 4, 4]})
    assert rate_findings(frame, "done", "all", "联席会议按期召开率", "甲区", "街道") == [
        "甲区联席会议按期召开率 0.0%。", "各街道联席会议按期召开率均为 0.0%,没有高低之分。"]


def test_areas_without_data_are_not_said_to_meet_the_target():
    # one county-level unit with 2 of 2 members checked in, two with no in-service member at all
    frame = pd.DataFrame({"area_name": ["武陵区", "鼎城区", "澧县"], "done": [2, 0, 0], "all": [2, 0, 0]})
    assert rate_findings(frame, "done", "all", "在职党员报到率", "全市", "县级单位", target=0.9)[-1] == \
        "有数据的 1 个县级单位均达到目标,其余 2 个没有可计算的数据。"
