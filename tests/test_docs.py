"""Documentation is tested: every environment variable, target and setting the code knows is in the
README, and every cockpit metric has its definition in docs/METRICS.md."""

from __future__ import annotations

import re

from dashboard.db import ROOT
from queries.overview import HEADLINES

README = (ROOT / "README.md").read_text(encoding="utf-8")
METRICS = (ROOT / "docs" / "METRICS.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("dashboard", "queries", "tests", "bench")
                     for p in (ROOT / folder).rglob("*.py"))
    names = set(re.findall(r"\bDANGJIAN_[A-Z_]+\b", code))
    assert names >= {"DANGJIAN_DATABASE_URL", "DANGJIAN_TEST_POSTGRES_URL", "DANGJIAN_TEST_MYSQL_URL"}
    assert {n for n in names if n not in README} == set()


def test_every_target_and_setting_is_documented():
    migrations = "\n".join(p.read_text(encoding="utf-8")
                           for p in (ROOT / "dashboard" / "migrations" / "versions").glob("*.py"))
    keys = set(re.findall(r'^\s+\("([a-z_]+)", ', migrations, flags=re.MULTILINE))
    assert {h.key for h in HEADLINES} | {"meetings_required_per_quarter"} <= keys
    assert {k for k in keys if f"`{k}`" not in README} == set()


def test_every_cockpit_metric_has_a_definition():
    for spec in HEADLINES:
        assert f"`{spec.key}`" in METRICS and spec.title in METRICS


def test_every_import_template_and_column_is_documented():
    from dashboard.imports.templates import TEMPLATES

    guide = (ROOT / "docs" / "IMPORT.md").read_text(encoding="utf-8")
    for number, template in enumerate(TEMPLATES, start=1):
        section = guide.split(f"### {number}. {template.title} (`{template.key}`)")[1].split("\n### ")[0]
        assert [c.header for c in template.columns] == re.findall(r"^\| (\S+) \| [是否] \|", section, re.MULTILINE)
