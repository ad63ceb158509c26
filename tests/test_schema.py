"""The schema creates, migrates and round-trips on every backend, and its constraints hold."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, update
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


def test_fixture_round_trips(empty_engine):
    upgrade_store(empty_engine)
    build_fixture(empty_engine)
    with Session(empty_engine) as session:
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
