"""Dated coverage and the change on every headline (issue 15), on the hand-built fixture, every backend.

Counted by hand from tests/fixture_data.py (GRID_CREATED, BRANCH_FOUNDED, TWO_NEW_DATES, APPOINTED and the
rows they date). The as-of day is 2018-06-30; the previous month's end 2018-05-31; the same month last year
2017-06-30.

网格党支部覆盖率 (甲区 G1-G6, 乙县 G7 G8):
  now         甲区 6 grids, branches G1 G2 G4 G5 = 4; 乙县 G7 G8, branch G7 = 1            → 5/8 = 62.5%
  2018-05-31  G8 not created (06-10), O-G5 not founded (06-15): 甲区 6 grids, G1 G2 G4 = 3;
              乙县 G7 alone with its branch = 1/1                                           → 4/7 = 57.14%
  2017-06-30  G6 (2017-08-01) and G8 not created; O-G1 (2017-09-01) and O-G5 not founded:
              甲区 G1-G5 = 5 grids, G2 (undated) G4 (2016-05-01) = 2; 乙县 G7 (2017-03-01) 1/1 → 3/6 = 50%
  较上月 +5.36 个百分点 (甲区 +16.67, 乙县 -50.00), 同比 +12.5.
两新组织党的组织覆盖率 (甲区 N1-N4, 乙县 N5 N6):
  now         N1 N2 N5 organized: 甲区 2/4, 乙县 1/2                                          → 3/6 = 50%
  2018-05-31  N1 (own organization 2018-06-01) not yet: 甲区 N2 = 1/4, 乙县 N5 (2017-12-01) 1/2 → 2/6
  2017-06-30  N2 (undated) only: 甲区 1/4, 乙县 0/2                                          → 1/6
  党的工作覆盖率 now N1 N2 N3 N5 = 4/6; 2018-05-31 still 4/6 (N1's instructor from 2017-10-01); 2017-06-30
  N2 and N3 (instructor 2017-01-01) = 2/6 (N1 neither yet, N5's work begins with its organization).
  较上月 +16.67 (甲区 +25, 乙县 0: nobody slipped), 同比 +33.33.
党建联络员配备率 (urban communities K1 K2 K3 | K4):
  now         GB1 (K1) GB16 (K2, undated) GB29 (K4)                                         → 3/4 = 75%
  2018-05-31  GB29 appointed 2018-06-05 not yet: 甲区 2/3, 乙县 0/1                           → 2/4 = 50%
  2017-06-30  GB1 appointed 2017-08-01 not yet: 甲区 GB16 = 1/3, 乙县 0/1                      → 1/4 = 25%
在职党员报到率 (from tests/test_queries.py): now 4/6; 2018-05-31 3/5 (M3 not joined, M10 not checked in);
  2017-06-30 in service M1 M2 M4 | M5 M10 (M3 not joined), checked in M4 (2017-05-01) | M5 (2016) → 2/5.
经费执行率: now 65,000 of 180,000 (2018 lines L1-L3; L1 20,000 + 30,000, L2 15,000); 2018-05-31 35,000 of
  180,000; 2017-06-30 L5's 45,000 of 170,000 (2017 lines L4 L5).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.db import upgrade_store
from dashboard.text import plain
from queries import changes, overview, teams
from queries.area import CITY
from queries.findings import change_findings
from queries.store import ThemeDates
from tests.fixture_data import AS_OF

MAY_END, YEAR_AGO = dt.date(2018, 5, 31), dt.date(2017, 6, 30)
DATES = ThemeDates.every(AS_OF)
SPECS = {spec.key: spec for spec in overview.HEADLINES}


def counts(frame, *columns):
    return {row["area_name"]: tuple(int(row[c]) for c in columns) for _, row in frame.iterrows()}


def test_the_days_compared_with():
    assert changes.month_end_before(AS_OF) == MAY_END
    assert changes.year_before(AS_OF) == YEAR_AGO
    assert changes.month_end_before(dt.date(2018, 1, 15)) == dt.date(2017, 12, 31)
    assert changes.year_before(dt.date(2016, 2, 29)) == dt.date(2015, 2, 28)
    assert changes.year_before(dt.date(2017, 2, 28)) == dt.date(2016, 2, 29)  # a month's end stays one
    assert changes.year_before(dt.date(2018, 6, 15)) == dt.date(2017, 6, 15)
    themes = ThemeDates(AS_OF, dt.date(2018, 6, 15), AS_OF, dt.date(2018, 3, 31), AS_OF, AS_OF)
    assert changes.shifted(themes, changes.MONTH) == ThemeDates(
        MAY_END, MAY_END, MAY_END, dt.date(2018, 2, 28), MAY_END, MAY_END)  # each theme from its own date


def test_grid_branch_coverage_as_of(fixture_engine):
    def at(day):
        return counts(overview.grid_branch_coverage_by_area(fixture_engine, CITY, day), "grids", "grids_with_branch")

    assert at(None) == at(AS_OF) == {"甲区": (6, 4), "乙县": (2, 1)}
    assert at(MAY_END) == {"甲区": (6, 3), "乙县": (1, 1)}
    assert at(YEAR_AGO) == {"甲区": (5, 2), "乙县": (1, 1)}
    assert at(dt.date(2016, 5, 1)) == {"甲区": (5, 2), "乙县": (1, 0)}  # O-G4 founded that very day


def test_two_new_coverage_as_of(fixture_engine):
    def at(day):
        return counts(overview.two_new_coverage_by_area(fixture_engine, CITY, day),
                      "two_new_orgs", "orgs_covered", "work_covered")

    assert at(None) == at(AS_OF) == {"甲区": (4, 2, 3), "乙县": (2, 1, 1)}
    assert at(MAY_END) == {"甲区": (4, 1, 3), "乙县": (2, 1, 1)}
    assert at(YEAR_AGO) == {"甲区": (4, 1, 2), "乙县": (2, 0, 0)}


def test_liaison_staffing_as_of(fixture_engine):
    def at(day):
        return counts(teams.liaison_staffing_by_area(fixture_engine, CITY, day), "urban_communities", "with_liaison")

    assert at(None) == at(AS_OF) == {"甲区": (3, 2), "乙县": (1, 1)}
    assert at(MAY_END) == {"甲区": (3, 2), "乙县": (1, 0)}
    assert at(YEAR_AGO) == {"甲区": (3, 1), "乙县": (1, 0)}


def test_every_headline_now_last_month_and_last_year(fixture_engine):
    frames = overview.cockpit_by_area(fixture_engine, CITY, DATES)
    history = changes.cockpit_history(fixture_engine, CITY, DATES)
    table = changes.headline_changes(frames, history).set_index("key")
    assert list(table.index) == [spec.key for spec in overview.HEADLINES]
    assert set(table["month_as_of"]) == {MAY_END} and set(table["year_as_of"]) == {YEAR_AGO}
    expected = {  # value now, at May's end, a year before
        "grid_branch_coverage": (5 / 8, 4 / 7, 3 / 6),
        "two_new_org_coverage": (3 / 6, 2 / 6, 1 / 6),
        "liaison_staffing": (3 / 4, 2 / 4, 1 / 4),
        "member_checkin_rate": (4 / 6, 3 / 5, 2 / 5),
        "funding_execution": (65_000 / 180_000, 35_000 / 180_000, 45_000 / 170_000),
    }
    for key, (now, month, year) in expected.items():
        row = table.loc[key]
        assert (row["value"], row["month_value"], row["year_value"]) == pytest.approx((now, month, year)), key
        assert row["month_change"] == pytest.approx((now - month) * 100), key
        assert row["year_change"] == pytest.approx((now - year) * 100), key
    assert table.loc["grid_branch_coverage", "month_change"] == pytest.approx(5.357, abs=1e-3)
    assert table.loc["liaison_staffing", "year_change"] == pytest.approx(50.0)


def test_no_past_figure_where_the_data_does_not_reach_back(fixture_engine, empty_engine):
    # As of 2017-05-31 the month before is 2017-04-30: the first payment is 2017-05-01, the first joint meeting
    # 2017-06-30, so neither figure exists then; a year before (2016-05-31) coverage reaches back (O-G4
    # 2016-05-01) but Two New does not (its first date is 2017-01-01).
    dates = ThemeDates.every(dt.date(2017, 5, 31))
    frames = overview.cockpit_by_area(fixture_engine, CITY, dates)
    table = changes.headline_changes(frames, changes.cockpit_history(fixture_engine, CITY, dates)).set_index("key")
    for key in ("funding_execution", "meetings_on_schedule"):
        assert table.loc[key, "month_value"] is None and table.loc[key, "month_change"] is None
    assert table.loc["two_new_org_coverage", "year_value"] is None
    assert table.loc["grid_branch_coverage", "year_value"] is not None
    # A store without any record reaches back nowhere: every past figure is None, not 0.
    upgrade_store(empty_engine)
    assert set(changes.theme_history(empty_engine).values()) == {None}
    empty = changes.headline_changes(overview.cockpit_by_area(empty_engine, CITY, DATES),
                                     changes.cockpit_history(empty_engine, CITY, DATES))
    assert empty[["month_value", "month_change", "year_value", "year_change"]].isna().all().all()


def test_who_improved_and_who_slipped(fixture_engine):
    history = changes.cockpit_history(fixture_engine, CITY, DATES)
    now = overview.cockpit_by_area(fixture_engine, CITY, DATES)
    spec = SPECS["grid_branch_coverage"]
    moved = changes.area_changes(now[spec.key], history.frame(spec, changes.MONTH), spec)
    assert dict(zip(moved["area_name"], moved["change"])) == pytest.approx({"甲区": 100 / 6, "乙县": -50.0})
    improved, slipped = changes.movers(moved)
    assert (improved["area_name"], slipped["area_name"]) == ("甲区", "乙县")
    assert change_findings(moved, spec.title, "县级单位") == [
        f"与上月相比,{spec.title}甲区提升最多(+16.7 个百分点),乙县下滑最多(-50.0 个百分点)。"]
    spec = SPECS["two_new_org_coverage"]
    moved = changes.area_changes(now[spec.key], history.frame(spec, changes.MONTH), spec)
    assert dict(zip(moved["area_name"], moved["change"])) == pytest.approx({"甲区": 25.0, "乙县": 0.0})
    improved, slipped = changes.movers(moved)
    assert improved["area_name"] == "甲区" and slipped is None
    spec = SPECS["pairing_coverage"]  # K1 K2 K3 paired at both ends of June; K4's ended in January
    moved = changes.area_changes(now[spec.key], history.frame(spec, changes.MONTH), spec)
    assert change_findings(moved, spec.title, "县级单位") == [f"与上月相比,各县级单位{spec.title}均无变化。"]
    assert change_findings(moved.assign(change=float("nan")), spec.title, "县级单位") == [
        f"没有上月的可比数据,无法说明各县级单位{spec.title}的变化。"]


def test_the_cockpit_cards_and_ranking_show_the_change(monkeypatch, fixture_url):
    from tests.test_pages import run_app

    app = run_app(monkeypatch, fixture_url, {"metric": "网格党支部覆盖率"})
    captions = [c.value for c in app.caption]
    # counted above: grid branches +5.36 since May's end and +12.5 in a year; liaison officers +25 and +50
    assert "较上月 +5.4个百分点 · 同比 +12.5个百分点" in captions
    assert "较上月 +25.0个百分点 · 同比 +50.0个百分点" in captions
    table = app.dataframe[0].value
    assert dict(zip(table["area_name"], table["change"])) == pytest.approx({"乙县": -50.0, "甲区": 100 / 6})
    findings = " ".join(m.value for m in app.markdown)
    assert plain("甲区提升最多(+16.7 个百分点),乙县下滑最多(-50.0 个百分点)") in findings


def test_import_takes_the_dates_and_files_without_them_still_import(empty_engine):
    from sqlalchemy import select

    from dashboard.imports.load import import_file
    from dashboard.imports.templates import template_named
    from dashboard.schema import Grid
    from tests.import_world import FILES, TODAY, seed_counties

    upgrade_store(empty_engine)
    seed_counties(empty_engine)
    for title, content, _rows in FILES[:2]:  # 街道乡镇, 社区村
        outcome = import_file(empty_engine, template_named(title), "f.csv", content.encode(), "t", today=TODAY)
        assert outcome.problems == []
    grids = template_named("网格")

    def created():
        with empty_engine.connect() as connection:
            return dict(connection.execute(select(Grid.code, Grid.created_on)).all())

    dated = "网格编码,网格名称,所属社区编码,户数,划定日期\nG01,一网格,C01,300,2017-03-01\nG02,二网格,C01,280,\n"
    assert import_file(empty_engine, grids, "dated.csv", dated.encode(), "t", today=TODAY).problems == []
    assert created() == {"G01": dt.date(2017, 3, 1), "G02": None}  # blank: there since ever
    undated = "网格编码,网格名称,所属社区编码,户数\nG01,一网格,C01,310\nG03,三网格,C02,\n"  # the earlier template
    outcome = import_file(empty_engine, grids, "undated.csv", undated.encode(), "t", today=TODAY)
    assert outcome.problems == [] and (outcome.inserted, outcome.updated) == (1, 1)
    assert created() == {"G01": dt.date(2017, 3, 1), "G02": None, "G03": None}  # G01 keeps its date
    future = "网格编码,网格名称,所属社区编码,户数,划定日期\nG02,二网格,C01,280,2099-01-01\n"
    assert import_file(empty_engine, grids, "future.csv", future.encode(), "t", today=TODAY).problems


def test_the_briefing_summary_gives_the_change(fixture_engine):
    from dashboard.briefing import cockpit_headlines
    from queries.cockpit import scored_headlines
    from queries.store import targets

    frames = overview.cockpit_by_area(fixture_engine, CITY, DATES)
    moves = changes.headline_changes(frames, changes.cockpit_history(fixture_engine, CITY, DATES))
    summary = dict((title, note) for title, _value, note in
                   cockpit_headlines(scored_headlines(frames, targets(fixture_engine), DATES), moves))
    assert summary[SPECS["grid_branch_coverage"].title] == "目标 100.0% · 落后 · 较上月 +5.4个百分点"
