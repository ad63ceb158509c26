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
    # a difference that rounds to nothing at one decimal is neither a rise nor a fall
    assert (fmt.points(0.0004), fmt.points(-0.0004), fmt.points(0.0005)) == (
        "0.0个百分点", "0.0个百分点", "+0.1个百分点")


def test_a_target_reads_the_same_everywhere():
    """90% as set; 经费执行率's paced target on 2018-06-30 is 181/365 = 49.59%: 49.6%, never rounded to 50%."""
    assert (fmt.target_percent(0.9), fmt.target_percent(1.0), fmt.target_percent(181 / 365)) == ("90%", "100%", "49.6%")


def test_a_card_draws_no_arrow_for_a_difference_that_rounds_to_nothing():
    from streamlit.testing.v1 import AppTest

    def cards():
        from dashboard.frame import gap_metric

        gap_metric("结对社区覆盖率", "90.0%", 0.0004, "对目标")
        gap_metric("在职党员报到率", "92.0%", 0.02, "对目标")
        gap_metric("经费执行率", "40.0%", -0.096, "较上月")
        gap_metric("双向考核覆盖率", "暂无数据", None, "对目标")

    app = AppTest.from_function(cards).run()
    shown = [(m.label, m.proto.delta, m.proto.direction) for m in app.metric]
    proto = type(app.metric[0].proto)
    assert shown == [("结对社区覆盖率", "0.0个百分点(对目标)", proto.MetricDirection.NONE),
                     ("在职党员报到率", "+2.0个百分点(对目标)", proto.MetricDirection.UP),
                     ("经费执行率", "-9.6个百分点(较上月)", proto.MetricDirection.DOWN),
                     ("双向考核覆盖率", "", proto.MetricDirection.NONE)]


def test_a_terminal_table_shows_blank_cells_as_a_dash():
    import pandas as pd

    from dashboard.formatting import terminal_table

    text = terminal_table(pd.DataFrame({"区县": [None, "武陵区"], "最近登录": [pd.NaT, pd.Timestamp("2018-06-30")],
                                        "次数": [float("nan"), 2.0]}))
    assert "None" not in text and "NaN" not in text and "NaT" not in text
    assert text.splitlines()[1].split() == ["—", "—", "—"]
