"""The same marts from two engines, compared row by row.

`c360 compare-engines` reads every table of the marts schema from the DuckDB
warehouse and from the Spark warehouse built on the same raw data, and
prints each difference: a table or column on one side only, a different
number of rows, rows on one side only. Rows are matched after sorting on
every column; numbers are equal within a relative 1e-9 (engines sum
floating point in different orders), everything else exactly. Columns
that differ by design between two builds (the build's invocation id and
time) are left out.
"""

from __future__ import annotations

import math
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from c360.warehouse import connect

PER_BUILD_COLUMNS = frozenset({"build_invocation_id", "built_at"})
RELATIVE_TOLERANCE = 1e-9
SPARK_PROFILE, SPARK_TARGET = "c360", "spark"


def spark_settings(spark_dir: Path, profiles_dir: Path) -> dict[str, str]:
    """The Spark settings of the `spark` target in `profiles_dir`/profiles.yml
    (the one place they are kept), rendered for the build in `spark_dir`,
    with the metastore opened, never created."""
    import jinja2
    import yaml

    spark_dir, profiles_dir = Path(spark_dir).resolve(), Path(profiles_dir).resolve()
    values = {
        **os.environ,
        "C360_SPARK_DIR": str(spark_dir),
        "DBT_PROFILES_DIR": str(profiles_dir),
    }

    def env_var(name: str, default: str | None = None) -> str:
        if name in values:
            return values[name]
        if default is None:
            raise KeyError(f"profiles.yml needs the environment variable {name}")
        return default

    text = (profiles_dir / "profiles.yml").read_text()
    profiles = yaml.safe_load(jinja2.Template(text).render(env_var=env_var))
    target = profiles[SPARK_PROFILE]["outputs"][SPARK_TARGET]
    settings = {k: str(v) for k, v in target["server_side_parameters"].items()}
    url = "spark.hadoop.javax.jdo.option.ConnectionURL"
    settings[url] = settings[url].replace("create=true", "create=false")
    return settings


def spark_session(spark_dir: Path, profiles_dir: Path = Path(".")) -> Any:
    """A local Spark session on the metastore and tables a `--target spark`
    build left in `spark_dir`, with the build's own settings
    (`spark_settings`). dbt must have finished: the metastore admits one
    process at a time. Each mart comes to the driver whole, so
    C360_SPARK_MEMORY (the driver's memory) must hold the largest."""
    from pyspark.sql import SparkSession

    if not (Path(spark_dir) / "metastore_db").is_dir():
        raise FileNotFoundError(
            f"no Spark metastore in {Path(spark_dir).resolve()}; run `make spark` first"
        )
    builder = SparkSession.builder.appName("c360-compare-engines")
    for key, value in spark_settings(spark_dir, profiles_dir).items():
        builder = builder.config(key, value)
    return builder.enableHiveSupport().getOrCreate()


def _cell(value: Any) -> Any:
    """One value in a form both engines' frames agree on: numbers as float,
    missing as None, dates and times as ISO text, the rest as text."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = float(value)
        return None if math.isnan(number) else number
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:-9] if text.endswith("T00:00:00") else text
    if hasattr(value, "tolist"):  # arrays
        return str(value.tolist())
    return str(value)


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    rows = [
        tuple(_cell(value) for value in row)
        for row in frame[columns].astype(object).itertuples(index=False)
    ]

    def key(row: tuple) -> tuple:
        return tuple(
            (0, "")
            if v is None
            else (1, f"{v:.9e}")
            if isinstance(v, float)
            else (2, v)
            for v in row
        )

    return sorted(rows, key=key)


def _equal(left: Any, right: Any) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-12)
    return left == right


def compare_tables(name: str, duck: pd.DataFrame, spark: pd.DataFrame) -> list[str]:
    """The differences between one mart as DuckDB and as Spark built it."""
    problems = []
    duck_columns = [c for c in duck.columns if c.lower() not in PER_BUILD_COLUMNS]
    spark_columns = {c.lower(): c for c in spark.columns}
    for column in duck_columns:
        if column.lower() not in spark_columns:
            problems.append(f"{name}: column {column} only on DuckDB")
    for column in spark_columns:
        if column not in {c.lower() for c in duck.columns}:
            problems.append(f"{name}: column {column} only on Spark")
    shared = [c for c in duck_columns if c.lower() in spark_columns]
    if len(duck) != len(spark):
        problems.append(f"{name}: {len(duck)} rows on DuckDB, {len(spark)} on Spark")
    duck_rows = _rows(duck, shared)
    spark_rows = _rows(
        spark.rename(columns={v: k for k, v in spark_columns.items()}).rename(
            columns={c.lower(): c for c in shared}
        ),
        shared,
    )
    shown = 0
    differing = 0
    for left, right in zip(duck_rows, spark_rows, strict=False):
        cells = [
            f"{column}: {a!r} / {b!r}"
            for column, a, b in zip(shared, left, right, strict=True)
            if not _equal(a, b)
        ]
        if cells:
            differing += 1
            if shown < 3:
                detail = "; ".join(cells)
                problems.append(f"{name}: row differs (DuckDB / Spark) {detail}")
                shown += 1
    if differing > shown:
        problems.append(f"{name}: {differing} rows differ in all")
    return problems


def compare_marts(
    warehouse: Path,
    spark_dir: Path,
    schema_suffix: str = "marts",
    profiles_dir: Path = Path("."),
) -> tuple[list[str], list[str]]:
    """(tables compared, differences) between the DuckDB warehouse and the
    Spark build, for every table of the marts schema on either side."""
    con = connect(warehouse)
    duck_tables = {
        table: schema
        for schema, table in con.execute(
            "select table_schema, table_name from information_schema.tables"
            " where table_type = 'BASE TABLE'"
        ).fetchall()
        if schema.endswith(f"_{schema_suffix}")
    }
    spark = spark_session(spark_dir, profiles_dir)
    spark_schemas = [
        row[0]
        for row in spark.sql("show schemas").collect()
        if row[0].endswith(f"_{schema_suffix}")
    ]
    if not spark_schemas:
        raise FileNotFoundError(f"the Spark build has no *_{schema_suffix} schema")
    spark_tables = {
        row.tableName: spark_schemas[0]
        for row in spark.sql(f"show tables in {spark_schemas[0]}").collect()
        if not row.isTemporary
    }
    problems = []
    compared = []
    for table in sorted(set(duck_tables) | set(spark_tables)):
        if table not in spark_tables:
            problems.append(f"{table}: only on DuckDB")
            continue
        if table not in duck_tables:
            problems.append(f"{table}: only on Spark")
            continue
        duck = con.execute(f'select * from "{duck_tables[table]}"."{table}"').df()
        theirs = spark.table(f"{spark_tables[table]}.{table}").toPandas()
        problems.extend(compare_tables(table, duck, theirs))
        compared.append(table)
    con.close()
    return compared, problems
