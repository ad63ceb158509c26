"""The community × month summary gives exactly the raw figures, on every backend, and is replaced whole."""

from __future__ import annotations

import datetime as dt

import pytest
from pandas.testing import assert_frame_equal
from sqlalchemy import func, select

from dashboard.schema import CommunityMonth
from dashboard.summaries import rebuild_summaries, snapshot_days
from queries import assessment, checkin, overview
from queries.area import Area
from queries.summary import months_mask, summary_covers
from tests.fixture_data import AS_OF, build_fixture

AREAS = [Area(), Area(county="T01"), Area(county="T02"), Area(county="T01", street="T01-S1"),
         Area(county="T02", street="T02-S3"), Area(county="T01", street="T01-S1", community="K1"),
         Area(scope_county="T02"), Area(county="T01", scope_county="T01", scope_street="T01-S2")]
DAYS = [dt.date(2017, 6, 30), dt.date(2018, 3, 31), dt.date(2018, 4, 30), dt.date(2018, 5, 31), AS_OF]
PERIODS = [(dt.date(2018, 1, 1), AS_OF), (dt.date(2018, 4, 1), dt.date(2018, 5, 31)), (dt.date(2017, 1, 1), AS_OF),
           (dt.date(2018, 6, 1), AS_OF)]


def raw(monkeypatch, query, *args):
    """The query's figures counted from raw rows (as if the summary held nothing)."""
    for module in (checkin, overview):
        monkeypatch.setattr(module, "summary_covers", lambda _engine, _days: False)
    monkeypatch.setattr(checkin, "months_mask", lambda _engine, _first, _last: None)
    monkeypatch.setattr(assessment, "month_bits", lambda _engine, _first, _last: None)
    try:
        return query(*args)
    finally:
        monkeypatch.undo()


def test_snapshot_days_are_month_ends_and_the_as_of_day():
    assert snapshot_days(dt.date(2018, 4, 1), dt.date(2018, 6, 15)) == [
        dt.date(2018, 4, 30), dt.date(2018, 5, 31), dt.date(2018, 6, 15)]
    assert snapshot_days(dt.date(2018, 5, 1), dt.date(2018, 6, 30))[-2:] == [dt.date(2018, 5, 31), AS_OF]


def test_the_summary_holds_every_month_of_the_fixture(fixture_engine):
    assert summary_covers(fixture_engine, snapshot_days(dt.date(2017, 1, 1), AS_OF))
    assert not summary_covers(fixture_engine, [dt.date(2018, 6, 15)])
    with fixture_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(CommunityMonth)).scalar() == 5 * 18
    assert months_mask(fixture_engine, dt.date(2017, 1, 1), dt.date(2017, 3, 31)) == 0b111
    assert months_mask(fixture_engine, dt.date(2018, 6, 1), AS_OF) == 1 << 17
    assert months_mask(fixture_engine, dt.date(2016, 12, 1), AS_OF) is None  # before the summary's months


@pytest.mark.parametrize("area", AREAS, ids=repr)
def test_member_checkin_rate_from_the_summary_equals_the_raw_count(fixture_engine, monkeypatch, area):
    for day in DAYS:
        assert summary_covers(fixture_engine, [day])
        assert_frame_equal(overview.member_checkin_rate_by_area(fixture_engine, area, day),
                           raw(monkeypatch, overview.member_checkin_rate_by_area, fixture_engine, area, day))


@pytest.mark.parametrize("area", AREAS, ids=repr)
def test_period_figures_from_the_summary_equal_the_raw_count(fixture_engine, monkeypatch, area):
    for first, last in PERIODS:
        for query in (checkin.service_rate_by_area, checkin.monthly_service_rate, checkin.unit_league):
            assert_frame_equal(query(fixture_engine, area, first, last),
                               raw(monkeypatch, query, fixture_engine, area, first, last))
        assert_frame_equal(checkin.pairing_by_area(fixture_engine, area, last, first),
                           raw(monkeypatch, checkin.pairing_by_area, fixture_engine, area, last, first))


@pytest.mark.parametrize("area", AREAS, ids=repr)
def test_units_monthly_service_from_the_summary_equals_the_raw_count(fixture_engine, area):
    """双向考核's league table: its members' 月度服务率 of 2017 (a year the summary holds) both ways."""
    assert assessment.month_bits(fixture_engine, dt.date(2017, 1, 1), dt.date(2017, 12, 31)) == [
        1 << month for month in range(12)]
    summary = assessment.unit_scores(fixture_engine, area, 2017)
    with pytest.MonkeyPatch.context() as patch:
        assert_frame_equal(summary, raw(patch, assessment.unit_scores, fixture_engine, area, 2017))


@pytest.mark.parametrize("area", AREAS, ids=repr)
def test_posts_claimed_from_the_summary_equal_the_raw_count(fixture_engine, monkeypatch, area):
    for day in DAYS:
        assert_frame_equal(checkin.posts_claimed_by_area(fixture_engine, area, day),
                           raw(monkeypatch, checkin.posts_claimed_by_area, fixture_engine, area, day))


def test_the_views_read_the_summary(empty_engine):
    """Changing a summary row changes the figure shown: the views read the summary, not the raw rows."""
    from dashboard.db import upgrade_store

    upgrade_store(empty_engine)
    build_fixture(empty_engine)
    shown = overview.member_checkin_rate_by_area(empty_engine, Area(), AS_OF)
    with empty_engine.begin() as connection:
        connection.execute(CommunityMonth.__table__.update().where(CommunityMonth.on_date == AS_OF)
                           .values(members_checked_in=0))
    changed = overview.member_checkin_rate_by_area(empty_engine, Area(), AS_OF)
    assert shown["members_checked_in"].sum() > 0 and changed["members_checked_in"].sum() == 0


def test_an_interrupted_rebuild_leaves_the_previous_summary(empty_engine, monkeypatch):
    from dashboard import summaries
    from dashboard.db import upgrade_store

    upgrade_store(empty_engine)
    build_fixture(empty_engine)
    with empty_engine.connect() as connection:
        before = connection.execute(select(CommunityMonth).order_by(CommunityMonth.community_id,
                                                                     CommunityMonth.on_date)).all()

    def broken(*_args):
        raise RuntimeError("the machine lost power")

    monkeypatch.setattr(summaries, "_by_month", broken)
    with pytest.raises(RuntimeError), empty_engine.begin() as connection:
        rebuild_summaries(connection)
    with empty_engine.connect() as connection:
        after = connection.execute(select(CommunityMonth).order_by(CommunityMonth.community_id,
                                                                    CommunityMonth.on_date)).all()
    assert before and after == before


def test_a_reader_never_sees_a_half_rebuilt_summary(fixture_engine):
    """While a rebuild has deleted the old rows but not committed, another connection still reads them."""
    with fixture_engine.connect() as reader:
        total = select(func.sum(CommunityMonth.checkins))
        before = reader.execute(total).scalar()
        reader.rollback()
        with fixture_engine.connect() as writer:
            writing = writer.begin()
            writer.execute(CommunityMonth.__table__.delete())
            assert reader.execute(total).scalar() == before
            reader.rollback()
            writing.rollback()
    assert before > 0
