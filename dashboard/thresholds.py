"""预警规则: a leader's rule (metric, level, threshold) written into the `target` table, where every view, the
cockpit and the warning centre read it. Level 预警 sets the target (below it: 预警), level 落后 the amber floor
(below it: 落后); the floor never rises above the target. Each change is audited."""

from __future__ import annotations

from sqlalchemy import Engine, select, update

from dashboard.accounts import AccountError, audit
from dashboard.schema import Target

LEVELS = {"预警": "target_value", "落后": "amber_floor"}


def set_threshold(engine: Engine, metric_key: str, level: str, threshold: float, by: str | None = None,
                  address: str | None = None) -> None:
    """Set the line below which `metric_key` is 预警 (target) or 落后 (amber floor); rates as fractions."""
    if level not in LEVELS:
        raise AccountError(f"预警级别应为“预警”或“落后”,而不是“{level}”。")
    if not 0 <= threshold <= 10:
        raise AccountError("阈值应在 0 到 1000% 之间。")
    with engine.begin() as connection:
        row = connection.execute(select(Target.label, Target.target_value, Target.amber_floor)
                                 .where(Target.metric_key == metric_key)).first()
        if row is None:
            raise AccountError(f"没有指标“{metric_key}”的目标。")
        target, floor = (threshold, row.amber_floor) if level == "预警" else (row.target_value, threshold)
        if floor > target:
            raise AccountError(f"落后线({floor:.1%})不能高于目标({target:.1%})。")
        connection.execute(update(Target).where(Target.metric_key == metric_key)
                           .values(target_value=target, amber_floor=floor))
    audit(engine, by, "threshold_set", f"{row.label} · {level}线 {threshold:.1%}", address)
