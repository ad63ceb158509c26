"""Findings in words about where checked-in members come from and what they do, on the hand-built fixture
(counted in tests/test_checkin.py, tests/test_zones.py and tests/test_service.py), 2018-04 to 2018-06."""

from __future__ import annotations

import datetime as dt

from queries import checkin, service, zones
from queries.area import CITY, Area
from queries.checkin_findings import (
    organ_findings,
    pairing_activity_findings,
    post_findings,
    service_findings,
    zone_findings,
)

AS_OF = dt.date(2018, 6, 30)
Q2 = (dt.date(2018, 4, 1), AS_OF)
PERIOD = "2018年4月—2018年6月"


def test_organ_and_zone_findings(fixture_engine):
    organs = checkin.organ_member_checkins_by_area(fixture_engine, CITY, AS_OF)
    assert organ_findings(organs, "全市") == ["全市已报到在职党员 4 名,其中市县行政事业单位党员 3 名,占 75.0%。"]
    split = zones.checkin_by_city_zone(fixture_engine, CITY, AS_OF)
    assert zone_findings(split, "全市") == [
        "中心城区 2 个城市社区在职党员报到率 50.0%,低于县城及其他(2 个社区,75.0%) 25.0 个百分点。",
        "结对社区覆盖率:中心城区 100.0%,县城及其他 50.0%。"]
    county = zones.checkin_by_city_zone(fixture_engine, Area(county="T02"), AS_OF)
    assert zone_findings(county, "乙县") == ["乙县的城市社区均属县城及其他。"]
    nobody = checkin.organ_member_checkins_by_area(fixture_engine, CITY, dt.date(2015, 12, 31))
    assert organ_findings(nobody, "全市") == ["全市还没有在职党员报到。"]


def test_service_post_and_activity_findings(fixture_engine):
    kinds = service.service_by_kind(fixture_engine, CITY, *Q2)
    assert service_findings(kinds, "全市", PERIOD) == [
        f"全市{PERIOD}已报到党员志愿服务 7 次、15.0 小时;时长最多的是治安巡逻,7.0 小时,占 46.7%。",
        "没有服务记录的类别:政策宣传、矛盾调解、文体活动。"]
    posts = service.posts_by_category(fixture_engine, CITY, AS_OF)
    assert post_findings(posts, "全市") == ["全市社区设置岗位 4 个,已有党员认领 3 个(75.0%),无人认领 1 个。",
                                          "无人认领岗位较多的类别:文明劝导 1 个。"]
    activities = service.pairing_activities_by_kind(fixture_engine, CITY, *Q2)
    assert pairing_activity_findings(activities, "全市", PERIOD) == [
        f"全市{PERIOD}开展结对活动 4 次,其中单位结对 3 次、党员结对 1 次;联户帮带最多,2 次。",
        "没有开展的结对活动:捐资助学、走访慰问。"]


def test_findings_without_any_say_so(fixture_engine):
    winter = (dt.date(2017, 1, 1), dt.date(2017, 1, 31))
    assert service_findings(service.service_by_kind(fixture_engine, CITY, *winter), "全市", "2017年1月") == [
        "全市在2017年1月没有已报到党员的志愿服务记录。"]
    assert pairing_activity_findings(service.pairing_activities_by_kind(fixture_engine, CITY, *winter), "全市",
                                     "2017年1月") == ["全市在2017年1月没有开展结对活动。"]
    assert post_findings(service.posts_by_category(fixture_engine, Area(county="NO-SUCH"), AS_OF), "丙县") == [
        "丙县的社区还没有设置志愿服务岗位。"]
