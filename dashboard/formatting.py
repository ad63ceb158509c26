"""Numbers and dates the way Chinese readers expect them (万, 亿, 2018年6月30日)."""

from __future__ import annotations

import datetime as dt
import math

from queries.assessment import rounded_score


def chinese_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "未知"


def quarter_span(quarters: list[tuple[int, int]]) -> str:
    """[(2017, 3), …, (2018, 2)] → 2017年第3季度—2018年第2季度; one quarter → 2018年第2季度."""
    if not quarters:
        return "无"
    names = [f"{year}年第{number}季度" for year, number in (quarters[0], quarters[-1])]
    return names[0] if len(quarters) == 1 else "—".join(names)


def count(n: float | None) -> str:
    """51726 → 5.17万; 330000 → 33万; below ten thousand with thousands separators."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "—"
    if abs(n) >= 100_000_000:
        return _trimmed(n / 100_000_000) + "亿"
    if abs(n) >= 10_000:
        return _trimmed(n / 10_000) + "万"
    return f"{n:,.0f}"


def yuan(amount: float | None) -> str:
    """An amount of money in 元, 万元 or 亿元: 18万元, 6.5万元, 7,483万元 (whole 万 from 1,000万), 1.36亿元."""
    if amount is None or (isinstance(amount, float) and math.isnan(amount)):
        return "—"
    if abs(amount) >= 100_000_000:
        return _trimmed(amount / 100_000_000) + "亿元"
    if abs(amount) >= 10_000_000:
        return f"{amount / 10_000:,.0f}万元"
    if abs(amount) >= 10_000:
        return _trimmed(amount / 10_000) + "万元"
    return f"{amount:,.0f}元"


def _trimmed(value: float) -> str:
    """Two decimals at most, without trailing zeros: 18 → 18, 6.5 → 6.5, 6790.912 → 6,790.91."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def percent(rate: float | None, digits: int = 1) -> str:
    if rate is None or (isinstance(rate, float) and math.isnan(rate)):
        return "—"
    return f"{rate * 100:.{digits}f}%"


def target_percent(rate: float) -> str:
    """A target as it is set: a whole percentage without decimals (90%), a paced one (经费执行率's 序时进度) to one
    decimal (49.6%), so that the same target reads the same on every card, chart and screen."""
    return percent(rate, 0) if round(rate * 100, 1) == round(rate * 100) else percent(rate, 1)


def score(value: float | None) -> str:
    """A 双向考核 score or average in 分, to one decimal, halves up: 85.25 → 85.3 分."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{rounded_score(value):.1f} 分"


def points(gap: float, digits: int = 1) -> str:
    """A difference of two rates in percentage points: +1.5个百分点; one that rounds to nothing has no sign
    (0.0个百分点: neither a rise nor a fall)."""
    if is_level(gap, digits):
        return f"{0:.{digits}f}个百分点"
    return f"{gap * 100:+.{digits}f}个百分点"


def is_level(gap: float, digits: int = 1) -> bool:
    """A difference of two rates that rounds to nothing in percentage points at the precision shown (持平)."""
    return round(gap * 100, digits) == 0


def terminal_table(frame) -> str:
    """A table for the command line: every blank cell (None, NaN, NaT) as —, as the pages show it."""
    return frame.astype(object).fillna("—").to_string(index=False)


def exact(n: float | None) -> str:
    """A count written out in full, as a report quotes it (47137 → 47,137), not rounded to 万."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "—"
    return f"{n:,.0f}"
