"""The listed mutants of issue 18: one-line bugs that once went unnoticed, each applied alone to a copy of the
code, and the quick tier run against it; every one must make the quick tier fail.

    python -m tests.mutants            every listed mutant against the whole quick tier (slow: minutes each)
    python -m tests.mutants --fast     each mutant against the test files named beside it only
    python -m tests.mutants export_gate import_today    only these

The source tree is never edited in place: each mutant is applied in a temporary copy of the project, so an
interrupted run leaves nothing behind. The mutation report (docs/MUTATION.md) re-checks this list.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The quick tier (as `make test-quick`): SQLite only (a test run on a server carries "postgresql" or "mysql" in
# its id), no browser, no city-scale demo generation (marked slow).
QUICK_TIER = ["-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not slow", "-k",
              "not postgresql and not mysql", "--ignore=tests/browser"]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    before: str
    after: str
    what: str
    tests: tuple[str, ...]  # the test files expected to catch it (used by --fast)


MUTANTS = [
    Mutant("pairing_ends_on_as_of", "queries/overview.py",
           "UnitPairing.ended_on >= as_of),", "UnitPairing.ended_on > as_of),",
           "a unit pairing ending on the as-of day no longer counts as in force (overview)",
           ("tests/test_queries.py",)),
    Mutant("unit_checkin_on_as_of", "queries/checkin.py",
           "where(UnitCheckin.checked_in_on <= as_of)", "where(UnitCheckin.checked_in_on < as_of)",
           "a unit checking in on the as-of day is not counted",
           ("tests/test_checkin.py",)),
    Mutant("service_before_checkin", "queries/checkin.py",
           "ServiceActivity.served_on >= MemberCheckin.checked_in_on, *area_conditions(area)",
           "*area_conditions(area)",
           "service before the member checked in counts (raw-row path of the monthly service rate)",
           ("tests/test_checkin.py", "tests/test_summaries.py")),
    Mutant("service_before_checkin_summary", "dashboard/summaries.py",
           "after[known] = last_day[known] >= checked_on[position[known]]", "after[known] = True",
           "service before the member checked in counts (summary path of the monthly service rate)",
           ("tests/test_checkin.py", "tests/test_summaries.py")),
    Mutant("meeting_on_last_day", "queries/meetings.py",
           "(JointMeeting.held_on <= last)", "(JointMeeting.held_on < last)",
           "a meeting on the period's last day is left out of the meetings view",
           ("tests/test_meetings.py",)),
    Mutant("meeting_streets_unscoped", "queries/meetings.py",
           "conditions = area_conditions(replace(area, community=None))",
           "conditions = area_conditions(replace(area, community=None, scope_street=None))",
           "the meetings view's street list ignores the street-staff scope",
           ("tests/test_every_query_every_role.py",)),
    Mutant("export_gate", "dashboard/export.py",
           "if detail and not viewer.exports_details:", "if False:",
           "the gate on member-detail exports removed",
           ("tests/test_export.py", "tests/test_sessions.py", "tests/test_views.py")),
    Mutant("export_audit", "dashboard/export.py",
           "        audit(store, who, \"export\", detail, grant.address)\n", "        pass\n",
           "the audit call on exports removed",
           ("tests/test_export.py", "tests/test_sessions.py", "tests/test_views.py")),
    Mutant("import_today_is_future", "dashboard/imports/load.py",
           "column.past_only and value > today", "column.past_only and value >= today",
           "an import row dated today is refused as in the future",
           ("tests/test_import_edges.py",)),
    Mutant("replaced_period_first_day", "dashboard/imports/load.py",
           "if not period[0] <= day <= period[1]:", "if not period[0] < day <= period[1]:",
           "a replaced period excludes its first day",
           ("tests/test_import_edges.py",)),
    Mutant("duplicate_ids_in_file", "dashboard/imports/load.py",
           "    for unique in template.checked_unique:\n        header, first",
           "    for unique in ():\n        header, first",
           "duplicate identity numbers inside one file are no longer detected",
           ("tests/test_import_edges.py",)),
    Mutant("ids_owned_by_another", "dashboard/imports/load.py",
           "owner = owners.get(row.values[unique])", "owner = None",
           "identity numbers already owned by another member are no longer detected",
           ("tests/test_import_edges.py",)),
]


def applied(mutant: Mutant, tree: Path) -> None:
    """Apply the mutant to the copy of the project at `tree`; the text must occur exactly once."""
    path = tree / mutant.path
    source = path.read_text(encoding="utf-8")
    found = source.count(mutant.before)
    if found != 1:
        raise SystemExit(f"{mutant.name}: {mutant.path} holds the mutated text {found} times (must be once); "
                         "update the list in tests/mutants.py")
    path.write_text(source.replace(mutant.before, mutant.after), encoding="utf-8")


def copy_of_project(into: Path) -> Path:
    tree = into / "project"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info",
                                                              "test-screenshots", "mutants", ".ruff_cache"))
    return tree


def caught(mutant: Mutant, fast: bool) -> bool:
    """Whether the quick tier (or, with `fast`, the mutant's own test files) fails with the mutant applied."""
    with tempfile.TemporaryDirectory(prefix="mutant_") as scratch:
        tree = copy_of_project(Path(scratch))
        applied(mutant, tree)
        arguments = [*QUICK_TIER, *(mutant.tests if fast else ["tests"])]
        environment = {**os.environ, "PYTHONPATH": str(tree)}
        result = subprocess.run([sys.executable, *arguments], cwd=tree, env=environment, capture_output=True,
                                text=True)
        if result.returncode not in (0, 1):  # 1: tests failed; anything else is a broken run, not a catch
            raise SystemExit(f"{mutant.name}: the test run broke (exit {result.returncode}):\n{result.stdout[-2000:]}")
        return result.returncode == 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these mutants (default: all)")
    parser.add_argument("--fast", action="store_true", help="run only the test files named beside each mutant")
    options = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not options.names or m.name in options.names]
    survivors = []
    for mutant in chosen:
        verdict = caught(mutant, options.fast)
        print(f"{'caught  ' if verdict else 'SURVIVED'} {mutant.name}: {mutant.what}", flush=True)
        if not verdict:
            survivors.append(mutant.name)
    print(f"{len(chosen) - len(survivors)} of {len(chosen)} listed mutants caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
