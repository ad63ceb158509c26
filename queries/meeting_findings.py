"""Findings in words about the 大工委 and its items: what was tabled on each list and what became of it, the
items left open and for how long, and which streets' committees fall short.

Pure pandas over the frames the view draws (`queries.meetings`), as `queries.findings` does for rates, so the
words and the tables always agree.
"""

from __future__ import annotations

import pandas as pd

from queries.findings import LISTED
from queries.meetings import COMMITTEE_PROBLEMS

LIST_ORDER = ("资源清单", "需求清单", "项目清单")


def _pct(part: float, whole: float) -> str:
    return f"{part / whole * 100:.1f}%"


def _names(names: pd.Series) -> str:
    shown = "、".join(names.head(LISTED))
    return shown + ("等" if len(names) > LISTED else "")


def item_findings(by_list: pd.DataFrame, area_name: str) -> list[str]:
    """Items tabled by list with 对接率 and 办结率, and the street that resolved the smallest share
    (`by_list`: items_by_street_and_list)."""
    tabled = int(by_list["items_tabled"].sum())
    if not tabled:
        return [f"{area_name}所选期间的联席会议没有提出议题。"]
    matched, resolved = int(by_list["items_matched"].sum()), int(by_list["items_resolved"].sum())
    lists = by_list.groupby("list_kind")["items_tabled"].sum()
    parts = "、".join(f"{kind} {int(lists.get(kind, 0))} 个" for kind in LIST_ORDER)
    sentences = [f"{area_name}联席会议提出议题 {tabled} 个({parts}),对接率 {_pct(matched, tabled)},"
                 f"办结率 {_pct(resolved, tabled)}。"]
    totals = by_list.groupby("list_kind")[["items_tabled", "items_resolved"]].sum()
    totals = totals[totals["items_tabled"] > 0]
    if len(totals) > 1:
        shares = (totals["items_resolved"] / totals["items_tabled"]).sort_values(kind="stable")
        sentences.append(f"办结率最低的是{shares.index[0]},{shares.iloc[0] * 100:.1f}%。")
    streets = by_list.groupby("street", sort=False)[["items_tabled", "items_resolved"]].sum()
    streets = streets[streets["items_tabled"] > 0]
    if len(streets) > 1:
        shares = (streets["items_resolved"] / streets["items_tabled"]).sort_values(kind="stable")
        low = shares.index[0]
        sentences.append(f"{low}办结率最低,{shares.iloc[0] * 100:.1f}%({int(streets.loc[low, 'items_resolved'])} / "
                         f"{int(streets.loc[low, 'items_tabled'])} 个议题)。")
    return sentences


def ageing_findings(ageing: pd.DataFrame, area_name: str, as_of_text: str) -> list[str]:
    """Open items at the as-of day, those carried over from earlier quarters and for a year or more, the oldest
    one, and the streets carrying the most (`ageing`: open_items_ageing_by_street)."""
    open_items = int(ageing["open_items"].sum())
    if not open_items:
        return [f"截至{as_of_text},{area_name}联席会议议题均已办结。"]
    carried, old = int(ageing["carried_over"].sum()), int(ageing["year_or_more"].sum())
    sentences = [f"截至{as_of_text},{area_name}未办结议题 {open_items} 个,其中从以前季度结转 {carried} 个"
                 + (f"(结转4个季度及以上 {old} 个)" if old else "") + "。"]
    oldest = ageing.dropna(subset=["oldest_days"]).sort_values(["oldest_days", "street_code"],
                                                               ascending=[False, True]).iloc[0]
    held = oldest["oldest_held_on"]
    sentences.append(f"最久未办结的是{oldest['street']}的“{oldest['oldest_title']}”"
                     f"({held.year}年{held.month}月{held.day}日提出),已 {int(oldest['oldest_days'])} 天。")
    carrying = ageing[ageing["carried_over"] > 0].sort_values(["carried_over", "street_code"], ascending=[False, True])
    if len(carrying) > 1:
        sentences.append("结转议题较多的街道:" + "、".join(
            f"{row.street} {row.carried_over} 个" for row in carrying.head(3).itertuples()) + "。")
    return sentences


def streets_by_problem(compliance: pd.DataFrame) -> pd.DataFrame:
    """For each check of the 大工委 (COMMITTEE_PROBLEMS, in order), the streets failing it (joined with 、) and
    how many (`compliance`: committee_compliance_by_street). Columns: problem, streets, street_names."""
    failing = compliance[~compliance["compliant"]]
    named = [failing.loc[failing["problems"].str.split(";").map(lambda found, p=p: p in found), "street"]
             for p in COMMITTEE_PROBLEMS]
    return pd.DataFrame({"problem": COMMITTEE_PROBLEMS, "streets": [len(n) for n in named],
                         "street_names": [_names(n) for n in named]})


def compliance_findings(compliance: pd.DataFrame, area_name: str) -> list[str]:
    """How many streets' 大工委 meet all three checks, and which fall short of each
    (`compliance`: committee_compliance_by_street)."""
    if compliance.empty:
        return []
    streets, failing = len(compliance), compliance[~compliance["compliant"]]
    if failing.empty:
        return [f"{area_name} {streets} 个街道均已建立大工委,书记由县级领导干部担任,并有驻区单位成员。"]
    sentences = [f"{area_name} {streets} 个街道中,{streets - len(failing)} 个大工委设置符合要求,"
                 f"{len(failing)} 个不符合。"]
    for row in streets_by_problem(compliance).itertuples():
        if row.streets:
            sentences.append(f"{row.problem}:{row.street_names}({row.streets} 个)。")
    return sentences
