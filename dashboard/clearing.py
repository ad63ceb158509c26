"""Deleting every data row of the store in one transaction, fast on each backend.

A plain `DELETE FROM` per table makes the database check every deleted row against each foreign key and
update every index, row by row: minutes for the 1x demo. All data tables are emptied together here, so no
row can be left pointing at a deleted one, and each backend is allowed its quick way:
- SQLite: foreign key enforcement is switched off for the connection while it deletes (a `DELETE` without
  WHERE then empties a table at once); it is switched on again before the connection goes back to the pool.
- PostgreSQL: one `TRUNCATE` of all the tables, which is transactional.
- MariaDB/MySQL: `TRUNCATE` of each table with foreign key checks off for the session (a row-by-row DELETE
  of the 1x demo takes about a minute). TRUNCATE commits by itself there, so on MariaDB this is not one
  transaction: the tables are emptied children first and `then` (which marks the store) runs last, so a
  failure part-way leaves a store still marked as before, partly emptied, and running the clearing again
  finishes it.
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
            quote = connection.dialect.identifier_preparer.format_table
            if dialect in ("mysql", "mariadb"):
                for table in reversed(tables):
                    connection.exec_driver_sql(f"TRUNCATE TABLE {quote(table)}")
                connection.commit()
            with connection.begin():
                if dialect == "postgresql":
                    connection.exec_driver_sql(f"TRUNCATE TABLE {', '.join(quote(t) for t in tables)}")
                elif dialect == "sqlite":
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
