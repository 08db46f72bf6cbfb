"""The raw folder: one Parquet file per contract table.

dbt reads every source table as a file, and a missing file fails the build.
A system a retailer does not have is written as empty tables with the
contract's schema; `c360 fill-missing` does that for every table whose file
is absent, and says which, so an absent system builds like an empty one.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from c360.generator import contracts


def table_path(raw_dir: Path, source: str, table: str) -> Path:
    return Path(raw_dir) / source / f"{table}.parquet"


def missing_tables(raw_dir: Path) -> list[tuple[str, str]]:
    return [
        (source, table)
        for source, table in contracts.all_tables()
        if not table_path(raw_dir, source, table).exists()
    ]


def fill_missing(raw_dir: Path) -> list[tuple[str, str]]:
    """Write each absent table empty, with its contract schema; return them."""
    written = missing_tables(raw_dir)
    for source, table in written:
        path = table_path(raw_dir, source, table)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(contracts.schema(source, table).empty_table(), path)
    return written
