"""One name and one definition per metric (queries/definitions.py), everywhere: the docs' glossary is the module's,
the cockpit, the views' headings, cards, links and findings use its names, the target table agrees with it, and
the 指标口径 page shows each definition with the store's target (on the hand-built fixture, every backend)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from dashboard.auth import SIGN_IN_ENV
from dashboard.briefing import cockpit_sections
from dashboard.db import URL_ENV, make_engine, upgrade_store
from dashboard.glossary import DOCS, documented_glossary, glossary_markdown
from dashboard.navigation import OVERVIEW, PAGE_OF_PATH, PAGES, VIEW_OF_METRIC
from dashboard.schema import Target
from dashboard.text import plain
from queries.area import CITY
from queries.definitions import BY_KEY, METRICS, TERMS, title
from queries.overview import HEADLINES, cockpit_by_area
from queries.store import ThemeDates, targets
from tests.apptest import APP, metrics
from tests.fixture_data import AS_OF, build_fixture

VIEWS = [spec for spec in PAGES if not spec.admin_only and spec is not OVERVIEW]
# Each view with a link that shows its figures on the fixture (the period holds meetings and payments).
LINKS = {"pages/checkin.py": {"from": "2018-04", "to": "2018-06"},
         "pages/meetings.py": {"from": "2018-01", "to": "2018-06"},
         "pages/funding.py": {"from": "2018-01", "to": "2018-06"}}
# Words DOMAIN.md says to avoid on screen: not coverage measures, a statistics class, a clash with the area
# filter, a transfer where money is spent, more than one name for the Two New rates.
AVOIDED = ["市委覆盖率", "区县(市)委覆盖率", "规模以上", "所在区域", "拨付数", "已拨付", "两新组织覆盖率",
           "两新组织组织覆盖率", "身份"]
YEAR = re.compile(r"^\d{4}年")
# The report's totals under the cockpit's headline figures (pages/overview.py), each a defined count.
COCKPIT_TOTALS = ["members_checked_in", "organ_members_checked_in", "posts_claimed", "units_paired", "members_paired"]


def test_the_docs_glossary_is_the_modules():
    assert documented_glossary(DOCS.read_text(encoding="utf-8")) == glossary_markdown(), \
        "docs/METRICS.md differs from queries/definitions.py: run python -m dashboard.glossary --write"


def test_one_name_per_metric_and_a_rate_is_a_rate():
    assert len({m.key for m in METRICS}) == len(METRICS)
    assert len({m.title for m in METRICS}) == len(METRICS)
    names_by_view = [(m.view, m.name) for m in METRICS]
    assert len(set(names_by_view)) == len(names_by_view)  # within a view, names alone tell metrics apart
    assert [m.key for m in METRICS if m.is_rate != m.name.endswith("率")] == []  # every rate, and only a rate
    assert [m.key for m in METRICS if m.is_rate and m.unit != "%"] == []
    for word in AVOIDED:
        assert not [m.key for m in METRICS if word in m.title], word
    assert len({t.word for t in TERMS}) == len(TERMS)


def test_every_metric_is_shown_in_a_view_of_the_app():
    assert {m.view for m in METRICS} <= set(PAGE_OF_PATH)
    assert all(VIEW_OF_METRIC[m.key].path == m.view for m in METRICS)


def test_the_cockpit_figures_are_defined_and_named_as_defined():
    assert [h.title for h in HEADLINES] == [title(h.key) for h in HEADLINES]
    assert all(BY_KEY[h.key].target_key == h.key for h in HEADLINES)  # each is judged against its own target
    assert [h.key for h in HEADLINES if h.paced] == [m.key for m in METRICS if m.paced]


def test_the_target_table_agrees_with_the_definitions(empty_engine):
    upgrade_store(empty_engine)  # the targets as the migrations set them
    goals = targets(empty_engine).set_index("metric_key")
    keyed = {m.target_key: m for m in METRICS if m.target_key}
    assert set(keyed) == set(goals.index)  # every target judges a metric, every judged metric has a target
    assert {key: goals.loc[key, "label"] for key in keyed} == {key: m.title for key, m in keyed.items()}
    assert not [key for key in keyed if any(word in (goals.loc[key, "note"] or "") for word in AVOIDED)]


def test_findings_and_briefing_sections_use_the_names(fixture_engine):
    frames = cockpit_by_area(fixture_engine, CITY, ThemeDates.every(AS_OF))
    sections = cockpit_sections(frames, targets(fixture_engine), ThemeDates.every(AS_OF), "全市", "县级单位")
    assert [s.title for s in sections] == [title(h.key) for h in HEADLINES]
    for spec, section in zip(HEADLINES, sections):
        assert section.findings[0].startswith(f"全市{title(spec.key)} "), section.findings[0]


def run_page(monkeypatch, url: str, path: str | None, params: dict | None = None) -> AppTest:
    monkeypatch.setenv(URL_ENV, url)
    monkeypatch.setenv(SIGN_IN_ENV, "off")
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    if path:
        app.switch_page(f"../{path}")
    app.query_params.update(params or {})
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def definition_of(label: str, view: str) -> str:
    """The key of the metric a card labelled `label` in `view` shows (its name there, or its title)."""
    label = YEAR.sub("", label)
    found = [m.key for m in METRICS if label in (m.title, m.name) and (label == m.title or m.view == view)]
    assert len(found) == 1, (label, view)
    return found[0]


def definition_links(app: AppTest) -> list[str]:
    return [link.proto.query_string.removeprefix("key=") for link in app.get("page_link")
            if link.proto.query_string.startswith("key=")]


def shown_words(app: AppTest) -> str:
    texts = [e.value for kind in ("markdown", "caption", "info", "success") for e in app.get(kind)]
    texts += [m.label for m in app.metric]
    texts += [str(c) for table in app.dataframe for c in table.value.columns]
    return "\n".join(texts)


def test_the_cockpit_cards_are_the_definitions_and_link_to_them(monkeypatch, fixture_url):
    app = run_page(monkeypatch, fixture_url, None)
    assert list(metrics(app)) == [title(h.key) for h in HEADLINES] + [title(key) for key in COCKPIT_TOTALS]
    assert definition_links(app)[:len(HEADLINES) + len(COCKPIT_TOTALS)] == [h.key for h in HEADLINES] + COCKPIT_TOTALS
    assert not [word for word in AVOIDED if word in shown_words(app)]


@pytest.mark.parametrize("view", [spec.path for spec in VIEWS if spec.path != "pages/definitions.py"])
def test_each_view_is_headed_by_its_sidebar_title_and_its_cards_are_defined_and_linked(monkeypatch, fixture_url,
                                                                                       view):
    app = run_page(monkeypatch, fixture_url, view, LINKS.get(view))
    headings = [m.value for m in app.markdown if m.value.startswith("### ")]
    assert headings[1] == f"### {PAGE_OF_PATH[view].title}"  # after the frame's own title
    cards = [definition_of(label, view) for label in metrics(app)]
    assert cards and set(cards) <= set(definition_links(app))
    assert {m.key for m in METRICS if m.view == view} <= set(definition_links(app))  # each is explained here
    for finding in [m.value for m in app.markdown if m.value.startswith("- ")][:1]:
        assert any(m.title in finding.replace("\\", "") for m in METRICS if m.view == view), finding
    assert not [word for word in AVOIDED if word in shown_words(app)]


def test_the_definitions_page_lists_every_metric_with_the_stores_targets(monkeypatch, databases, backend):
    url = databases.migrated(backend)
    engine = make_engine(url)
    build_fixture(engine)
    with Session(engine) as session, session.begin():  # a department changes a target: the page follows
        session.execute(update(Target).where(Target.metric_key == "member_checkin_rate")
                        .values(target_value=0.85, amber_floor=0.7))
    engine.dispose()
    app = run_page(monkeypatch, url, "pages/definitions.py")
    assert [h.value for h in app.subheader] == [*(plain(m.title) for m in METRICS), "术语"]
    assert [h.proto.anchor for h in app.subheader] == [*(m.key for m in METRICS), "terms"]
    text = shown_words(app)
    assert "目标 85\\.0\\%,预警线 70\\.0\\%" in text
    assert "每个街道大工委每季度应召开联席会议次数\\:1" in text  # the setting, read from the store
    overview = app.dataframe[0].value
    assert overview["指标"].tolist() == [m.title for m in METRICS]
    assert overview.set_index("指标").loc["在职党员报到率", "目标(%)"] == pytest.approx(85.0)


def test_a_link_to_a_metric_opens_its_definition_first(monkeypatch, fixture_url):
    app = run_page(monkeypatch, fixture_url, "pages/definitions.py", {"key": "two_new_org_coverage"})
    assert app.subheader[0].value == "两新组织党的组织覆盖率"
    assert app.subheader[0].proto.anchor == "two_new_org_coverage"
    assert [h.proto.anchor for h in app.subheader].count("two_new_org_coverage") == 1  # shown once, first
    first = next(m.value for m in app.markdown if m.value.startswith("- **分子**"))
    assert "单独组建或联合组建党组织的两新组织数" in first and "目标 70\\.0\\%,预警线 55\\.0\\%" in first
    assert "在“两新组织”视图中简称“党的组织覆盖率”" in first
    unknown = run_page(monkeypatch, fixture_url, "pages/definitions.py", {"key": "'; DROP TABLE target; --"})
    assert unknown.subheader[0].proto.anchor == METRICS[0].key  # an unknown key: the page from the top
