"""Read-only look at a built warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a built warehouse, or one clear error: no
    file there, or another process (a dbt build) holds it."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}; run `make run` first")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise RuntimeError(
                f"the warehouse {path} is in use by another process "
                "(a dbt build?); try again when it has finished"
            ) from exc
        raise RuntimeError(f"cannot open the warehouse {path}: {exc}") from exc


def schema_of(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The quoted schema that holds `table` (dbt's custom schemas differ by
    target), or a clear error when the warehouse has not been built."""
    found = con.execute(
        "select table_schema from information_schema.tables where table_name = ?",
        [table],
    ).fetchall()
    if not found:
        raise FileNotFoundError(f"the warehouse has no {table}; run `dbt build` first")
    return f'"{found[0][0]}"'


def summary(path: Path) -> str:
    """Where the warehouse is and how many rows its main relations hold."""
    con = connect(path)
    try:
        rows = con.execute(
            """
            select table_schema, table_name
            from information_schema.tables
            where table_schema not in ('information_schema', 'pg_catalog')
              and (table_name like 'stg\\_%' escape '\\'
                   or table_name like 'int\\_%' escape '\\'
                   or table_name like 'dim\\_%' escape '\\'
                   or table_name like 'fct\\_%' escape '\\')
            order by table_schema, table_name
            """
        ).fetchall()
        lines = [f"warehouse: {path.resolve()}"]
        for schema, name in rows:
            count = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()
            lines.append(f"  {schema}.{name:<45} {count[0]:>12,}")
        return "\n".join(lines)
    finally:
        con.close()
