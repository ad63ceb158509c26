"""Deleting every data row of the store in one transaction, fast on each backend.

A plain `DELETE FROM` per table makes the database check every deleted row against each foreign key and
update every index, row by row: minutes for the 1x demo. All data tables are emptied together here, so no
row can be left pointing at a deleted one, and each backend is allowed its quick way:
- SQLite: foreign key enforcement is switched off for the connection while it deletes (a `DELETE` without
  WHERE then empties a table at once); it is switched on again before the connection goes back to the pool.
- PostgreSQL: one `TRUNCATE` of all the tables, which is transactional.
- MariaDB/MySQL: foreign key checks are off for the session while it deletes (TRUNCATE would commit).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, Table


def delete_rows(engine: Engine, tables: list[Table], then: Callable[[Connection], None] | None = None) -> None:
    """Empty `tables` (parents before children, as Base.metadata.sorted_tables gives them) and run `then` in the
    same transaction: all of it happens or none of it."""
    dialect = engine.dialect.name
    with engine.connect() as connection:
        if dialect == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        elif dialect in ("mysql", "mariadb"):
            connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
        connection.commit()
        try:
            with connection.begin():
                if dialect == "postgresql":
                    names = ", ".join(connection.dialect.identifier_preparer.format_table(t) for t in tables)
                    connection.exec_driver_sql(f"TRUNCATE TABLE {names}")
                else:
                    for table in reversed(tables):
                        connection.execute(table.delete())
                if then is not None:
                    then(connection)
        finally:
            if dialect == "sqlite":
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            elif dialect in ("mysql", "mariadb"):
                connection.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")
            connection.commit()
