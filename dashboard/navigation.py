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
    admin_only: bool = False
    filtered: bool = False  # a view: the frame draws the area and period filters for it


OVERVIEW = PageSpec("pages/overview.py", "总览", ":material/dashboard:", default=True)
COVERAGE = PageSpec("pages/coverage.py", "六级体系覆盖", ":material/account_tree:", filtered=True)
CHECKIN = PageSpec("pages/checkin.py", "双报到·双结对", ":material/handshake:", filtered=True)
MEETINGS = PageSpec("pages/meetings.py", "联席会议", ":material/groups:", filtered=True)
TWO_NEW = PageSpec("pages/two_new.py", "两新组织", ":material/apartment:", filtered=True)
FUNDING = PageSpec("pages/funding.py", "经费保障", ":material/account_balance_wallet:", filtered=True)
ADMIN = PageSpec("pages/admin.py", "账号与日志", ":material/admin_panel_settings:", admin_only=True)
IMPORT = PageSpec("pages/data_import.py", "数据导入", ":material/upload_file:", admin_only=True)
PAGES = [OVERVIEW, COVERAGE, CHECKIN, MEETINGS, TWO_NEW, FUNDING, ADMIN, IMPORT]
# The view that explains each cockpit figure; its card links there.
VIEW_OF_METRIC = {
    "grid_branch_coverage": COVERAGE,
    "member_checkin_rate": CHECKIN,
    "pairing_coverage": CHECKIN,
    "meetings_on_schedule": MEETINGS,
    "two_new_org_coverage": TWO_NEW,
    "funding_execution": FUNDING,
}


def page_file(spec: PageSpec):
    return ROOT / spec.path
