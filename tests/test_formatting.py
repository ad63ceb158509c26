"""Numbers the way Chinese readers expect them."""

import datetime as dt

from dashboard import formatting as fmt


def test_counts_and_money():
    assert (fmt.count(9_999), fmt.count(51_726), fmt.count(330_000), fmt.count(None)) == (
        "9,999", "5.17万", "33万", "—")
    assert (fmt.yuan(950), fmt.yuan(65_000), fmt.yuan(180_000), fmt.yuan(74_826_318.31), fmt.yuan(136_083_000)) == (
        "950元", "6.5万元", "18万元", "7,483万元", "1.36亿元")


def test_rates_points_and_dates():
    assert (fmt.percent(2 / 3), fmt.percent(None), fmt.points(-0.0161)) == ("66.7%", "—", "-1.6个百分点")
    assert fmt.chinese_date(dt.date(2018, 6, 30)) == "2018年6月30日"


def test_a_terminal_table_shows_blank_cells_as_a_dash():
    import pandas as pd

    from dashboard.formatting import terminal_table

    text = terminal_table(pd.DataFrame({"区县": [None, "武陵区"], "最近登录": [pd.NaT, pd.Timestamp("2018-06-30")],
                                        "次数": [float("nan"), 2.0]}))
    assert "None" not in text and "NaN" not in text and "NaT" not in text
    assert text.splitlines()[1].split() == ["—", "—", "—"]
