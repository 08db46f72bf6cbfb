"""The row-by-row comparison of one mart as two engines built it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from c360.engines import compare_tables, spark_settings

ROOT = Path(__file__).resolve().parents[1]


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


def test_the_portable_accent_table_strips_what_duckdb_strips() -> None:
    """default__c360_strip_accents (Spark and other engines: one translate
    table) turns every Latin letter with diacritics into the letter DuckDB's
    strip_accents gives, so a name normalises alike on every engine."""
    import re

    import duckdb

    from tests.conftest import ROOT

    text = (ROOT / "macros" / "c360_strip_accents.sql").read_text()
    accented, plain = re.search(
        r"default__c360_strip_accents.*?translate\(\s*\{\{ expression \}\},"
        r"\s*'(.*?)',\s*'(.*?)'",
        text,
        re.S,
    ).groups()
    assert len(accented) == len(plain)
    # the macro's first steps (spelled-out and single-letter replacements)
    handled_before = set(re.findall(r"\('(.)', '\w+'\)", text))
    handled_before |= set(re.search(r"translate\(\" ~ ns.sql ~ \", '(.*?)'", text)[1])
    latin = [chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]]
    letters = [c for c in latin if c not in handled_before]
    con = duckdb.connect()
    rows = con.execute(
        "select c, strip_accents(c), translate(c, ?, ?) from unnest(?) t(c)",
        [accented, plain, letters],
    ).fetchall()
    differ = [
        (letter, duck, portable)
        for letter, duck, portable in rows
        if duck != portable and len(duck) == 1 and duck.isascii()
    ]
    assert differ == []
    assert len(accented) > 450  # Latin-1, Extended-A and B, Vietnamese


def test_the_comparison_opens_the_spark_build_with_its_own_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """compare-engines reads the `spark` target of profiles.yml (one place
    for the settings): the build's folders, its memory, its log settings,
    and the metastore opened, never created anew."""
    monkeypatch.setenv("C360_SPARK_MEMORY", "3g")
    monkeypatch.setenv("C360_SPARK_DIR", "/somewhere/else")
    settings = spark_settings(tmp_path / "spark", ROOT)
    spark_dir = (tmp_path / "spark").resolve()
    assert settings["spark.sql.warehouse.dir"] == f"{spark_dir}/tables"
    url = settings["spark.hadoop.javax.jdo.option.ConnectionURL"]
    assert url.endswith(f"databaseName={spark_dir}/metastore_db;create=false")
    assert settings["spark.driver.memory"] == "3g"
    options = settings["spark.driver.extraJavaOptions"].split()
    assert f"-Dderby.system.home={spark_dir}" in options
    log_settings = options[-1].removeprefix("-Dlog4j2.configurationFile=")
    assert Path(log_settings).is_file()
