"""What the generator steps share: the random source, the scale, the connection and the frames made so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from dashboard.bulk import insert_columns
from dashboard.schema import Base

AS_OF = dt.date(2018, 6, 30)
FIRST_MONTH = dt.date(2017, 1, 1)
MONTHS = pd.period_range("2017-01", "2018-06", freq="M")


@dataclass
class DemoContext:
    rng: np.random.Generator
    scale: float
    connection: Connection
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def count(self, n: float) -> int:
        """A reference count at this scale (never below one)."""
        return max(1, round(n * self.scale))

    def write(self, table_name: str, columns: dict) -> pd.DataFrame:
        """Insert the columns into the table and keep them as a frame for later steps."""
        insert_columns(self.connection, Base.metadata.tables[table_name], columns)
        frame = pd.DataFrame({k: (v if isinstance(v, np.ndarray) else list(v)) for k, v in columns.items()})
        self.frames[table_name] = frame
        return frame

    def units_with_place(self) -> pd.DataFrame:
        """Resident units with the street and county-level unit of the community they sit in."""
        place = self.frames["community"][["id", "street_id", "county_id"]].rename(columns={"id": "community_id"})
        return self.frames["resident_unit"].merge(place, on="community_id")


def random_dates(rng: np.random.Generator, start: dt.date, end: dt.date, n: int) -> np.ndarray:
    """n dates drawn uniformly from start..end inclusive, as datetime64[D]."""
    first = np.datetime64(start, "D")
    days = (np.datetime64(end, "D") - first).astype(int) + 1
    return first + rng.integers(0, days, size=n).astype("timedelta64[D]")
