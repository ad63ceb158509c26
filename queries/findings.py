"""Findings in words: the sentences a leader would say about a breakdown of a rate, or of scores.

Pure pandas over the frames the charts use (no SQL of its own), so the words and the charts always agree:
the area's figure against its target, the top and the bottom child area with their gap to the area's
figure, the change since the previous period where one is given, and the areas below target; for the scores
of 双向考核, the average against the year before, the bands, and the lowest unit with what explains it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import yuan
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


def change_findings(changes: pd.DataFrame, title: str, child_name: str, period: str = "上月") -> list[str]:
    """Who improved and who slipped most since `period` (the frame of `queries.changes.area_changes`: area_name,
    change in percentage points, NaN where there is nothing to compare with)."""
    known = changes[changes["change"].notna()]
    if known.empty:
        return [f"没有{period}的可比数据,无法说明各{child_name}{title}的变化。"] if not changes.empty else []
    rose = known[known["change"] > 1e-9].sort_values(["change", "area_name"], ascending=[False, True])
    fell = known[known["change"] < -1e-9].sort_values(["change", "area_name"], ascending=[True, True])
    if rose.empty and fell.empty:
        return [f"与{period}相比,各{child_name}{title}均无变化。"]
    parts = []
    if not rose.empty:
        parts.append(f"{rose.iloc[0]['area_name']}提升最多(+{rose.iloc[0]['change']:.1f} 个百分点)")
    if not fell.empty:
        parts.append(f"{fell.iloc[0]['area_name']}下滑最多({fell.iloc[0]['change']:.1f} 个百分点)")
    return [f"与{period}相比,{title}" + ",".join(parts) + "。"]


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


def _names(frame: pd.DataFrame, value: str, unit: str) -> str:
    """“武陵区 28 个、澧县 22 个” for the rows with the most of `value` (at most LISTED)."""
    top = frame[frame[value] > 0].sort_values([value, "area_name"], ascending=[False, True]).head(LISTED)
    return "、".join(f"{row['area_name']} {int(row[value]):,} {unit}" for _, row in top.iterrows())


def staffing_findings(staffing: pd.DataFrame, area_name: str, child_name: str, committee_minimum: int) -> list[str]:
    """What the urban communities lack against the norms (the frame of `queries.teams.staffing_by_area`)."""
    if staffing.empty or not staffing["urban_communities"].sum():
        return [f"{area_name}没有城市社区,无法对照配备标准。"]
    total = {column: int(value) for column, value in staffing.select_dtypes("integer").sum().items()}
    grids = total["grids"]
    sentences = [
        f"{area_name}城市社区 {total['urban_communities']:,} 个:社区党组织书记空缺 {total['secretary_vacancies']} 个,"
        f"两委成员不足{committee_minimum}名的 {total['committees_short']} 个,"
        f"社区专职工作者空缺 {total['staff_vacancies']} 个,党建联络员空缺 {total['liaison_vacancies']} 个。",
        f"网格 {grids:,} 个,没有网格员的 {total['grids_without_worker']:,} 个"
        + (f",网格员配备率 {_pct(total['grids_with_worker'] / grids)}。" if grids else "。"),
    ]
    if len(staffing) > 1 and total["vacancies"]:
        sentences.append(f"缺口最多的{child_name}:{_names(staffing, 'vacancies', '个')}。")
    return sentences


def entrant_findings(entrants: pd.DataFrame, hired: pd.DataFrame, area_name: str) -> list[str]:
    """The latest election's entrants by background and the staff hired that year (frames of
    `queries.teams.election_entrants` and `queries.teams.hires`)."""
    if entrants.empty:
        return [f"{area_name}没有两委换届进入人员的记录。"]
    year = int(entrants["year"].max())
    latest = entrants[entrants["year"] == year]
    parts = "、".join(f"{row.background} {int(row.entrants):,} 名" for row in latest.itertuples())
    sentence = f"{year}年两委换届,{area_name}共有 {int(latest['entrants'].sum()):,} 名进入社区“两委”班子:{parts}"
    that_year = hired[(hired["year"] == year) & hired["role"].isin(["社区专职工作者", "网格员"])]
    if not that_year.empty:
        detail = "、".join(f"{row.role} {int(row.hired):,} 名" for row in that_year.itertuples())
        sentence += f";同年选聘专职工作人员和网格员 {int(that_year['hired'].sum()):,} 名({detail})"
    return [sentence + "。"]


def platform_findings(by_kind: pd.DataFrame, by_year: pd.DataFrame, by_area: pd.DataFrame, area_name: str,
                      standard: str) -> list[str]:
    """The platforms by kind and year, the urban communities against the standard, and shared use (frames of
    `queries.platforms`)."""
    if by_kind.empty:
        return [f"{area_name}没有村级综合服务平台的记录。"]
    kinds = "、".join(f"{row.place} {int(row.platforms):,} 个" for row in by_kind.itertuples())
    sentences = [f"{area_name}共有村级综合服务平台(含街道、社区){int(by_kind['platforms'].sum()):,} 个:{kinds}。"]
    if not by_year.empty:
        years = (f"{int(by_year['year'].min())}—{int(by_year['year'].max())}年" if len(by_year) > 1
                 else f"{int(by_year['year'].iloc[0])}年")
        new, extended = int(by_year["new_built"].sum()), int(by_year["extended"].sum())
        sentences.append(f"{years}建成 {new + extended:,} 个,其中新建 {new:,} 个、改扩建 {extended:,} 个。")
    urban, meeting = int(by_area["urban_communities"].sum()), int(by_area["urban_meeting_standard"].sum())
    if urban:
        sentences.append(f"城市社区 {urban:,} 个,阵地达到“{standard}”标准的 {meeting:,} 个({_pct(meeting / urban)}),"
                         f"未达标 {urban - meeting:,} 个。")
    reported = int(by_kind["sharing_reported"].sum())
    if reported:
        shared = int(by_kind["shared"].sum())
        sentences.append(f"街道和社区阵地向驻区单位开放共享的 {shared:,} 个,占已填报的 {_pct(shared / reported)}。")
    return sentences


def spending_findings(by_year: pd.DataFrame, area_name: str, use: str) -> list[str]:
    """The budget of one use (阵地建设) year by year (the frame of `queries.funding.funding_by_year`)."""
    if by_year.empty:
        return [f"{area_name}没有{use}的经费预算。"]
    years = "、".join(f"{int(row.year)}年 {yuan(row.budget_yuan)}" for row in by_year.itertuples())
    return [f"{area_name}{use}经费历年预算:{years}。"]
