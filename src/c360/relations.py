"""What a dbt Python model's `dbt.ref()` gives, as pandas, on every engine
the project runs on: a DuckDB relation (dbt-duckdb) or a Spark DataFrame
(dbt-spark). Both come out alike: Spark's decimals arrive as Python Decimal
objects, DuckDB's as floats, so decimals become floats on both."""

from __future__ import annotations

from typing import Any

import pandas as pd


def to_pandas(relation: Any) -> pd.DataFrame:
    """The rows of `relation` as a pandas DataFrame, decimals as floats."""
    if hasattr(relation, "toPandas"):  # Spark
        frame = relation.toPandas()
        for name, field in zip(frame.columns, relation.schema.fields, strict=True):
            if field.dataType.typeName() == "decimal":
                frame[name] = frame[name].astype("float64")
        return frame
    return relation.df()  # DuckDB
