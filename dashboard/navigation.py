"""The app's pages, declared once: file, Chinese title, icon; and which view explains each metric (the view a
metric names in queries/definitions.py)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.db import ROOT
from queries.definitions import METRICS


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str
    default: bool = False
    admin_only: bool = False
    rotates: bool = True  # shown in the big screen's rotation
    filtered: bool = False  # a view: the frame draws the area and period filters for it
    section: str = "专题分析"  # the heading it is listed under in the sidebar (the views of one theme each)


COCKPIT, REFERENCE = "驾驶舱", "口径与管理"
OVERVIEW = PageSpec("pages/overview.py", "总览", ":material/dashboard:", default=True, section=COCKPIT)
COVERAGE = PageSpec("pages/coverage.py", "六级体系覆盖", ":material/account_tree:", filtered=True)
CHECKIN = PageSpec("pages/checkin.py", "双报到·双结对", ":material/handshake:", filtered=True)
ASSESSMENT = PageSpec("pages/assessment.py", "双向考核", ":material/fact_check:", filtered=True)
MEETINGS = PageSpec("pages/meetings.py", "联席会议", ":material/groups:", filtered=True)
TWO_NEW = PageSpec("pages/two_new.py", "两新组织", ":material/apartment:", filtered=True)
TEAMS = PageSpec("pages/teams.py", "四支队伍", ":material/badge:", filtered=True)
PLATFORMS = PageSpec("pages/platforms.py", "阵地建设", ":material/home_work:", filtered=True)
FUNDING = PageSpec("pages/funding.py", "经费保障", ":material/account_balance_wallet:", filtered=True)
WARNINGS = PageSpec("pages/warnings.py", "预警中心", ":material/notification_important:", rotates=False, filtered=True,
                    section=COCKPIT)
ADMIN = PageSpec("pages/admin.py", "账号与日志", ":material/admin_panel_settings:", admin_only=True,
                 section=REFERENCE)
DEFINITIONS = PageSpec("pages/definitions.py", "指标口径", ":material/menu_book:", rotates=False, section=REFERENCE)
IMPORT = PageSpec("pages/data_import.py", "数据导入", ":material/upload_file:", admin_only=True,
                  section=REFERENCE)
PAGES = [OVERVIEW, WARNINGS, COVERAGE, CHECKIN, ASSESSMENT, MEETINGS, TWO_NEW, TEAMS, PLATFORMS, FUNDING, DEFINITIONS,
         ADMIN, IMPORT]
PAGE_OF_PATH = {spec.path: spec for spec in PAGES}
# The view that explains each metric; the cockpit's cards link there.
VIEW_OF_METRIC = {metric.key: PAGE_OF_PATH[metric.view] for metric in METRICS}


def by_section(specs: list[PageSpec], pages: list) -> dict[str, list]:
    """The pages under their sidebar headings, in the order of PAGES."""
    sections: dict[str, list] = {}
    for spec, page in zip(specs, pages):
        sections.setdefault(spec.section, []).append(page)
    return sections


def page_file(spec: PageSpec):
    return ROOT / spec.path
