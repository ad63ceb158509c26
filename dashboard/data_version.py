"""The store's data version: a token in `store_meta` that changes in the same transaction as every change of
the data (an import, clearing, demo generation, a summary rebuild). Every app process compares it with the
one its cached results were read at (`dashboard.data.keep_fresh`), so all processes show new data within
seconds of a change made by any of them, or by the command line."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import Connection, delete, insert

from dashboard.schema import StoreMeta

VERSION_KEY = "data_version"


def bump_data_version(connection: Connection) -> str:
    """Give the store a new data version, inside the caller's transaction; returns it."""
    version = secrets.token_hex(8)
    connection.execute(delete(StoreMeta).where(StoreMeta.meta_key == VERSION_KEY))
    connection.execute(insert(StoreMeta), {"meta_key": VERSION_KEY, "value": version,
                                           "updated_at": dt.datetime.now().replace(microsecond=0)})
    return version
