"""The schema creates, migrates and round-trips on every backend, and its constraints hold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dashboard.db import has_schema, is_constraint_violation, upgrade_store
from dashboard.schema import Base, Community, County, FundingLine, PartyMember, Street, Target, TwoNewOrg
from tests.fixture_data import build_fixture


def test_migrations_create_exactly_the_models(empty_engine):
    assert not has_schema(empty_engine)
    upgrade_store(empty_engine)
    upgrade_store(empty_engine)  # idempotent
    assert has_schema(empty_engine)
    with empty_engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    assert set(inspect(empty_engine).get_table_names()) >= set(Base.metadata.tables)


def test_default_targets_come_with_the_schema(empty_engine):
    upgrade_store(empty_engine)
    with Session(empty_engine) as session:
        target = session.get(Target, "member_checkin_rate")
        assert (target.label, target.target_value, target.amber_floor) == ("在职党员报到率", 0.90, 0.80)


def test_fixture_round_trips(migrated_engine):
    build_fixture(migrated_engine)
    with Session(migrated_engine) as session:
        member = session.scalars(select(PartyMember).where(PartyMember.code == "M1")).one()
        assert (member.name, member.gender, member.birth_date, member.is_in_service) == \
            ("张三明", "男", dt.date(1975, 5, 5), True)
        assert member.id_number.startswith("43070219750505001")
        line = session.scalars(select(FundingLine).where(FundingLine.code == "L2")).one()
        assert line.budget_yuan == Decimal("30000.00")
        assert (line.source, line.purpose) == ("财政拨付", "党组织活动经费")
        village = session.scalars(select(Community).where(Community.code == "V1")).one()
        assert (village.name, village.kind, village.is_urban) == ("青山村", "村", False)


def _attempt(engine, change) -> None:
    with Session(engine) as session, session.begin():
        change(session)


@pytest.mark.parametrize("change", [
    pytest.param(lambda s: s.execute(update(Community).where(Community.code == "K1").values(kind="小区")),
                 id="community kind outside the list"),
    pytest.param(lambda s: s.execute(update(Community).where(Community.code == "V1").values(is_urban=True)),
                 id="a village marked urban"),
    pytest.param(lambda s: s.execute(update(TwoNewOrg).where(TwoNewOrg.code == "N1").values(party_members=-1)),
                 id="negative member count"),
    pytest.param(lambda s: s.execute(update(TwoNewOrg).where(TwoNewOrg.code == "N6").values(location_type="园区")),
                 id="park without a site"),
    pytest.param(lambda s: s.execute(update(FundingLine).where(FundingLine.code == "L1").values(budget_yuan=-5)),
                 id="negative budget"),
    pytest.param(lambda s: s.execute(update(Street).where(Street.code == "T01-S1").values(county_id=999)),
                 id="street in a county that does not exist"),
    pytest.param(lambda s: s.add(County(code="T01", name="重复区", kind="县", lon=0, lat=0, sort_order=3)),
                 id="duplicate county code"),
    pytest.param(lambda s: s.execute(update(PartyMember).where(PartyMember.code == "M1").values(name=None)),
                 id="member without a name"),
])
def test_constraints_reject_bad_rows(fixture_engine, change):
    with pytest.raises(DBAPIError) as raised:
        _attempt(fixture_engine, change)
    assert is_constraint_violation(raised.value)
    with Session(fixture_engine) as session:  # nothing changed
        assert session.scalars(select(Community.kind).where(Community.code == "K1")).one() == "社区"
        assert session.scalars(select(County.name).where(County.code == "T01")).one() == "甲区"


def test_service_records_of_an_older_store_get_record_numbers(empty_engine):
    """Migration 0007 numbers existing service records FW + id, so they have the natural key imports match on."""
    upgrade_store(empty_engine, "0006")
    with empty_engine.begin() as connection:
        connection.execute(text("INSERT INTO county (id, code, name, kind, lon, lat, sort_order) "
                                "VALUES (1, 'T01', '甲区', '市辖区', 111.7, 29.0, 0)"))
        connection.execute(text("INSERT INTO street (id, code, name, kind, county_id) "
                                "VALUES (1, 'S1', '一街道', '街道', 1)"))
        connection.execute(text("INSERT INTO community (id, code, name, kind, is_urban, is_central_city, street_id, "
                                "county_id) VALUES (1, 'C1', '一社区', '社区', true, false, 1, 1)"))
        connection.execute(text("INSERT INTO party_org (id, code, name, level, form, community_id) "
                                "VALUES (1, 'O1', '一社区党委', '社区党组织', '党委', 1)"))
        connection.execute(text(
            "INSERT INTO party_member (id, code, name, gender, birth_date, id_number, joined_on, is_full_member, "
            "is_in_service, party_org_id, residence_community_id) VALUES (1, 'M1', '张一', '男', '1980-01-01', "
            "'430702198001010014', '2005-07-01', true, true, 1, 1)"))
        for ident, day in ((7, "2018-06-09"), (12, "2018-06-10")):
            connection.execute(text("INSERT INTO service_activity (id, member_id, community_id, served_on, kind, "
                                    f"hours) VALUES ({ident}, 1, 1, '{day}', '治安巡逻', 2)"))
    upgrade_store(empty_engine)
    with empty_engine.connect() as connection:
        codes = connection.execute(text("SELECT id, code FROM service_activity ORDER BY id")).all()
    assert [tuple(row) for row in codes] == [(7, "FW7"), (12, "FW12")]


def test_a_store_of_0011_gets_the_liaison_target_and_the_new_columns(empty_engine):
    """Migration 0013 on a store made before it: the 党建联络员配备率 target arrives with the upgrade, and a
    platform recorded before keeps its row, its standard items and sharing unknown (None)."""
    upgrade_store(empty_engine, "0011")
    with empty_engine.begin() as connection:
        connection.execute(text("INSERT INTO county (id, code, name, kind, lon, lat, sort_order) "
                                "VALUES (1, 'T01', '甲区', '市辖区', 111.7, 29.0, 0)"))
        connection.execute(text("INSERT INTO street (id, code, name, kind, county_id) "
                                "VALUES (1, 'S1', '一街道', '街道', 1)"))
        connection.execute(text("INSERT INTO service_platform (id, street_id, county_id, kind, completed_year) "
                                "VALUES (1, 1, 1, '新建', 2016)"))
    upgrade_store(empty_engine)
    with Session(empty_engine) as session:
        target = session.get(Target, "liaison_staffing")
        assert (target.label, target.target_value, target.amber_floor) == ("党建联络员配备率", 1.0, 0.95)
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT standard_items, is_shared FROM service_platform")).one() == (None, None)
        assert connection.execute(text("SELECT COUNT(grid_id) FROM cadre")).scalar() == 0
