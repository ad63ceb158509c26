"""Findings in words: the sentences a leader would say about a breakdown of a rate.

Pure pandas over the frames the charts use (no SQL of its own), so the words and the charts always agree:
the area's figure against its target, the top and the bottom child area with their gap to the area's
figure, the change since the previous period where one is given, and the areas below target.
"""

from __future__ import annotations

import pandas as pd

LISTED = 5


def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _points(gap: float) -> str:
    return f"{abs(gap) * 100:.1f} 个百分点"


def rate_findings(frame: pd.DataFrame, numerator: str, denominator: str, title: str, area_name: str,
                  child_name: str, target: float | None = None, previous: pd.DataFrame | None = None,
                  previous_label: str = "上期") -> list[str]:
    """Sentences about the rate numerator/denominator of `frame` (columns area_name, numerator, denominator).

    `area_name` names the whole (全市, 乙县 …), `child_name` its parts (县级单位, 街道, 社区).
    """
    rows = frame[frame[denominator] > 0].copy()
    if rows.empty:
        return [f"{area_name}没有可用于计算{title}的数据。"]
    overall = float(rows[numerator].sum()) / float(rows[denominator].sum())
    first = f"{area_name}{title} {_pct(overall)}"
    if target is not None:
        gap = overall - target
        first += f",{'高于' if gap > 0 else '低于' if gap < 0 else '达到'}目标 {_pct(target)}" + (
            f" {_points(gap)}" if gap else "")
    if previous is not None:
        before = previous[previous[denominator] > 0]
        if not before.empty:
            earlier = float(before[numerator].sum()) / float(before[denominator].sum())
            change = overall - earlier
            first += (f",较{previous_label}{'上升' if change > 0 else '下降'} {_points(change)}" if change
                      else f",与{previous_label}持平")
    sentences = [first + "。"]
    rows["rate"] = rows[numerator] / rows[denominator]
    if len(rows) > 1 and rows["rate"].nunique() == 1:
        sentences.append(f"各{child_name}{title}均为 {_pct(rows['rate'].iloc[0])},没有高低之分。")
    elif len(rows) > 1:
        ranked = rows.sort_values(["rate", "area_name"], ascending=[False, True])
        top, bottom = ranked.iloc[0], ranked.iloc[-1]
        sentences.append(f"{top['area_name']}{title}最高,{_pct(top['rate'])};"
                         f"{bottom['area_name']} {_pct(bottom['rate'])},"
                         f"{'低于' if bottom['rate'] < overall else '持平于'}{area_name} "
                         f"{_points(bottom['rate'] - overall)},列末位。")
    if target is not None:
        below = rows[rows["rate"] < target - 1e-9].sort_values("rate")
        if below.empty and len(rows) < len(frame):
            sentences.append(f"有数据的 {len(rows)} 个{child_name}均达到目标,其余 {len(frame) - len(rows)} 个"
                             f"没有可计算的数据。")
        elif below.empty:
            sentences.append(f"各{child_name}均达到目标。")
        else:
            names = "、".join(below["area_name"].head(LISTED))
            sentences.append(f"低于目标的{child_name}有 {len(below)} 个:{names}。" if len(below) <= LISTED
                             else f"低于目标的{child_name}有 {len(below)} 个,包括{names}等。")
    return sentences
