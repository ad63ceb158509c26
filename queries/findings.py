"""Findings in words: the sentences a leader would say about a breakdown of a rate, or of scores.

Pure pandas over the frames the charts use (no SQL of its own), so the words and the charts always agree:
the area's figure against its target, the top and the bottom child area with their gap to the area's
figure, the change since the previous period where one is given, and the areas below target; for the scores
of 双向考核, the average against the year before, the bands, and the lowest unit with what explains it.
"""

from __future__ import annotations

import pandas as pd

from queries.assessment import rounded_score

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


def _score(value: float) -> str:
    return f"{rounded_score(value):.1f} 分"


def score_findings(bands: pd.DataFrame, trend: pd.DataFrame, year: int, area_name: str, child_name: str) -> list[str]:
    """Sentences about the scores of a year of 双向考核 (queries/assessment.py): the area's average against the
    year before and its bands, and the child areas with the highest and lowest average."""
    scored = bands[bands["assessments"] > 0]
    if scored.empty:
        return [f"{area_name}没有{year}年度的双向考核结果。"]
    count = int(scored["assessments"].sum())
    average = float(scored["score_total"].sum()) / count
    first = f"{area_name}{year}年度双向考核 {count} 个结果,平均 {_score(average)}"
    earlier = trend[(trend["year"] == year - 1) & (trend["assessments"] > 0)]
    if not earlier.empty:
        change = average - float(earlier["average_score"].iloc[0])
        first += (f",较上年{'上升' if change > 0 else '下降'} {_score(abs(change))}" if rounded_score(abs(change))
                  else ",与上年持平")
    bands_said = "、".join(f"{name} {int(scored[column].sum())} 个" for column, name in
                           (("excellent", "优秀"), ("good", "良好"), ("fair", "一般"), ("poor", "较差")))
    sentences = [f"{first};{bands_said}。"]
    if len(scored) > 1 and scored["average_score"].nunique() > 1:
        ranked = scored.sort_values(["average_score", "area_name"], ascending=[False, True])
        top, bottom = ranked.iloc[0], ranked.iloc[-1]
        sentences.append(f"{top['area_name']}平均得分最高,{_score(top['average_score'])};"
                         f"{bottom['area_name']}最低,{_score(bottom['average_score'])}。")
    return sentences


def lowest_unit_findings(league: pd.DataFrame, year: int) -> list[str]:
    """The lowest-scoring unit of a 双向考核 league table (queries.assessment.unit_scores) and the figures that
    explain its score: its members' check-in and monthly service, and its 双通报 of the year."""
    if league.empty:
        return []
    lowest = league.sort_values(["score", "unit_code"]).iloc[0]
    figures = [f"在职党员报到率 {_pct(lowest['checkin_rate'])}" if pd.notna(lowest["checkin_rate"])
               else "没有应报到的在职党员",
               f"月度服务率 {_pct(lowest['service_rate'])}" if pd.notna(lowest["service_rate"])
               else "没有已报到的在职党员",
               (f"{year}年双通报双方已通报 {lowest['notifications_completed']} / {lowest['notifications']} 对"
                if lowest["notifications"] else f"{year}年没有双通报")]
    return [f"得分最低的单位是{lowest['unit']}({_score(lowest['score'])},{lowest['band']}):" + ",".join(figures)
            + "。"]
