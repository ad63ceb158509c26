"""The cockpit's ranking chart (dashboard/charts.py): a value label is never crossed by the target's line."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import ranking_bar


def test_labels_of_bars_just_short_of_the_target_go_inside_the_bar():
    """Target 90%: the labels of 86.2% and 88.8% (a new user found them crossed by the dashed line) and of 90.0%
    would sit on the line, so they go inside their bars' ends; 95.0% and 50.0% stay after their bars."""
    frame = pd.DataFrame({"area_code": ["A", "B", "C", "D", "E"], "area_name": ["甲", "乙", "丙", "丁", "戊"],
                          "rate": [0.862, 0.888, 0.95, 0.5, 0.9], "status": ["黄", "黄", "绿", "红", "绿"]})
    bars = ranking_bar(frame, "rate", "在职党员报到率", 0.9, "各县级单位在职党员报到率", "2018年6月30日").data[0]
    shown = dict(zip(bars.text, bars.textposition))
    assert shown == {"95.0%": "outside", "90.0%": "inside", "88.8%": "inside", "86.2%": "inside", "50.0%": "outside"}
