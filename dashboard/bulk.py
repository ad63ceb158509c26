"""Bulk writing of generated columns into the store, with progress reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from sqlalchemy import Connection, Table, text

Progress = Callable[[float, str], None]
CHUNK_ROWS = 20_000


def _native(values) -> list:
    """numpy arrays become lists of Python values (ints, floats, dates); lists pass through."""
    if isinstance(values, np.ndarray):
        return values.tolist()
    return list(values)


def _for_driver(connection: Connection, values: list) -> list:
    """SQLite stores dates as ISO text (as SQLAlchemy does); the other drivers take dates as they are."""
    if connection.dialect.name == "sqlite" and any(isinstance(v, dt.date) for v in values[:1000]):
        return [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    return values


def insert_columns(connection: Connection, table: Table, columns: Mapping[str, Sequence]) -> int:
    """Insert rows given column by column (equal lengths) in chunks; returns the row count.

    The generator's values are plain Python values already, so rows go to the driver's executemany
    with the INSERT compiled from the table for this dialect (no per-row type processing).
    """
    names = list(columns)
    lists = [_for_driver(connection, _native(columns[name])) for name in names]
    count = len(lists[0]) if lists else 0
    if any(len(values) != count for values in lists):
        raise ValueError(f"{table.name}: columns of unequal length")
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, table, names, lists)
        return count
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=names)
    order = compiled.positiontup
    if order is not None:
        lists = [lists[names.index(name)] for name in order]
    for start in range(0, count, CHUNK_ROWS):
        chunk = [values[start:start + CHUNK_ROWS] for values in lists]
        rows = list(zip(*chunk)) if order is not None else [dict(zip(names, row)) for row in zip(*chunk)]
        connection.exec_driver_sql(str(compiled), rows)
    return count


def _copy_rows(connection: Connection, table: Table, names: list[str], lists: list[list]) -> None:
    """PostgreSQL's COPY … FROM STDIN (psycopg 3), inside the connection's transaction: several times faster
    than a pipelined executemany for the generator's hundreds of thousands of rows."""
    preparer = connection.dialect.identifier_preparer
    statement = (f"COPY {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in names)}) "
                 "FROM STDIN")
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(statement) as copy:
        for row in zip(*lists):
            copy.write_row(row)


def reset_id_sequences(connection: Connection, tables: Sequence[Table]) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them (others need nothing)."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c:
            continue
        connection.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                 "COALESCE((SELECT MAX(id) FROM " + connection.dialect.identifier_preparer.quote(table.name)
                 + "), 0) + 1, false)"),
            {"table": table.name},
        )


def refresh_statistics(connection: Connection, tables: Sequence[Table]) -> None:
    """Let the query planner see the new data (after a bulk load, outside its transaction:
    MariaDB's ANALYZE TABLE commits implicitly)."""
    preparer = connection.dialect.identifier_preparer
    if connection.dialect.name == "mysql":
        connection.exec_driver_sql("ANALYZE TABLE " + ", ".join(preparer.quote(t.name) for t in tables))
    else:
        connection.exec_driver_sql("ANALYZE")
