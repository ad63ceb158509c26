"""Findings in words about the 大工委's items and committees, on the hand-built fixture (counted in
tests/test_meetings.py): from 2017-01 to 2018-06, 一街道 tabled 资源清单 1 (resolved), 需求清单 2 (1 resolved),
项目清单 1; 二街道 项目清单 1 (matched, resolved only in August); 三街道 需求清单 1."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from queries import meetings
from queries.area import CITY, Area
from queries.meeting_findings import ageing_findings, compliance_findings, item_findings

AS_OF = dt.date(2018, 6, 30)


def test_item_findings(fixture_engine):
    frame = meetings.items_by_street_and_list(fixture_engine, CITY, dt.date(2017, 1, 1), AS_OF)
    assert item_findings(frame, "全市") == [
        "全市联席会议提出议题 6 个(资源清单 1 个、需求清单 3 个、项目清单 2 个),对接率 66.7%,办结率 33.3%。",
        "办结率最低的是项目清单,0.0%。",
        "二街道办结率最低,0.0%(0 / 1 个议题)。"]  # 二街道 and 三街道 both 0 of 1: the first in street order
    nothing = meetings.items_by_street_and_list(fixture_engine, Area(county="T02"), dt.date(2018, 1, 1), AS_OF)
    assert item_findings(nothing, "乙县") == ["乙县所选期间的联席会议没有提出议题。"]


def test_ageing_findings(fixture_engine):
    frame = meetings.open_items_ageing_by_street(fixture_engine, CITY, AS_OF)
    assert ageing_findings(frame, "全市", "2018年6月30日") == [
        "截至2018年6月30日,全市未办结议题 4 个,其中从以前季度结转 3 个(结转4个季度及以上 1 个)。",
        "最久未办结的是三街道的“老旧小区改造”(2017年6月30日提出),已 365 天。",
        "结转议题较多的街道:一街道 1 个、二街道 1 个、三街道 1 个。"]
    early = meetings.open_items_ageing_by_street(fixture_engine, CITY, dt.date(2017, 6, 29))
    assert ageing_findings(early, "全市", "2017年6月29日") == ["截至2017年6月29日,全市联席会议议题均已办结。"]


def test_compliance_findings(fixture_engine):
    frame = meetings.committee_compliance_by_street(fixture_engine, CITY)
    assert compliance_findings(frame, "全市") == [
        "全市 3 个街道中,1 个大工委设置符合要求,2 个不符合。",
        "书记不是县级领导干部:三街道(1 个)。",
        "未注明书记是否县级领导干部:二街道(1 个)。",
        "没有驻区单位成员:二街道(1 个)。"]
    street = meetings.committee_compliance_by_street(fixture_engine, Area(county="T01", street="T01-S1"))
    assert compliance_findings(street, "一街道") == [
        "一街道 1 个街道均已建立大工委,书记由县级领导干部担任,并有驻区单位成员。"]
    assert compliance_findings(street.iloc[0:0], "四镇") == []


def test_many_streets_without_a_committee_are_named_five_at_most():
    frame = pd.DataFrame({"street": list("ABCDEFG"), "compliant": [False] * 7, "problems": ["未建立大工委"] * 7})
    assert compliance_findings(frame, "全市")[1] == "未建立大工委:A、B、C、D、E等(7 个)。"
