"""The row-by-row comparison of one mart as two engines built it."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from c360.engines import compare_tables


def _frame(**columns: list) -> pd.DataFrame:
    return pd.DataFrame(columns)


def test_same_rows_in_another_order_and_types_agree() -> None:
    duck = _frame(
        customer_id=["a", "b", None],
        value=[1.0, 2.5, None],
        amount=[Decimal("10.10"), Decimal("0.00"), None],
        day=pd.to_datetime(["2024-01-02", "2024-03-04", None]),
    )
    spark = _frame(
        CUSTOMER_ID=[None, "b", "a"],
        value=[None, 2.5 * (1 + 1e-12), 1.0],
        amount=[None, 0.0, 10.1],
        day=[
            None,
            pd.Timestamp("2024-03-04").date(),
            pd.Timestamp("2024-01-02").date(),
        ],
    )
    assert compare_tables("mart", duck, spark) == []


def test_a_number_beyond_the_tolerance_differs() -> None:
    duck = _frame(customer_id=["a"], value=[1.0])
    spark = _frame(customer_id=["a"], value=[1.0 + 1e-6])
    problems = compare_tables("mart", duck, spark)
    assert len(problems) == 1
    assert "value: 1.0 / 1.000001" in problems[0]


def test_missing_rows_columns_and_text_differences_are_reported() -> None:
    duck = _frame(customer_id=["a", "b"], tier=["gold", "silver"], extra=[1, 2])
    spark = _frame(customer_id=["a"], tier=["ilver"])
    problems = compare_tables("mart", duck, spark)
    assert "mart: column extra only on DuckDB" in problems
    assert "mart: 2 rows on DuckDB, 1 on Spark" in problems
    assert any("tier: 'gold' / 'ilver'" in problem for problem in problems)


def test_per_build_columns_are_left_out() -> None:
    duck = _frame(build_invocation_id=["x"], customer_id=["a"])
    spark = _frame(build_invocation_id=["y"], customer_id=["a"])
    assert compare_tables("mart", duck, spark) == []
