"""The app's pages, declared once: file, Chinese title, icon; and which view explains each cockpit figure."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.db import ROOT


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str
    default: bool = False


OVERVIEW = PageSpec("pages/overview.py", "总览", ":material/dashboard:", default=True)
COVERAGE = PageSpec("pages/coverage.py", "六级体系覆盖", ":material/account_tree:")
CHECKIN = PageSpec("pages/checkin.py", "双报到·双结对", ":material/handshake:")
PAGES = [OVERVIEW, COVERAGE, CHECKIN]
# The view that explains each cockpit figure; figures without one link to their ranking on the cockpit.
VIEW_OF_METRIC = {
    "grid_branch_coverage": COVERAGE,
    "member_checkin_rate": CHECKIN,
    "pairing_coverage": CHECKIN,
}


def page_file(spec: PageSpec):
    return ROOT / spec.path
