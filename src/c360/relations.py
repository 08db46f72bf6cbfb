"""What a dbt Python model's `dbt.ref()` gives, as pandas, on every engine
the project runs on: a DuckDB relation (dbt-duckdb) or a Spark DataFrame
(dbt-spark)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def to_pandas(relation: Any) -> pd.DataFrame:
    """The rows of `relation` as a pandas DataFrame."""
    if hasattr(relation, "toPandas"):  # Spark
        return relation.toPandas()
    return relation.df()  # DuckDB
