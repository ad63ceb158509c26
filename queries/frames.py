"""Running a statement into a tidy frame, and adding a rate column: the two steps every query ends with."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine


def frame_of(engine: Engine, statement, columns: list[str]) -> pd.DataFrame:
    """Run a statement and return its rows as a frame with the given column names."""
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    return pd.DataFrame(rows, columns=columns)


def rate(frame: pd.DataFrame, numerator: str, denominator: str, name: str) -> pd.DataFrame:
    """Add rate column `name` = numerator / denominator (NaN where the denominator is 0).

    Counts stay integers; sums of money (Decimal from some drivers) become floats.
    """
    for column in (numerator, denominator):
        frame[column] = pd.to_numeric(frame[column])
    frame[name] = frame[numerator] / frame[denominator].where(frame[denominator] != 0)
    return frame
