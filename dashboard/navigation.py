"""The app's pages, declared once: file, Chinese title, icon. Themes name the view that explains them."""

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


def page_file(spec: PageSpec):
    return ROOT / spec.path
