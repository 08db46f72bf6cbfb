"""The semantic layer answers every metric with the figure the marts give.

`mf query` (dbt-metricflow) runs on the small warehouse; each metric is
compared with the same figure computed straight from dim_customer_360 or
fct_value_segments: money to the cent, shares to 1e-9.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, tool

MONEY = ("net_revenue", "gross_margin", "predicted_lifetime_value", "lifetime_value")
SHARES = (
    "margin_rate",
    "return_rate",
    "average_order_value",
    "email_reachable_share",
    "sms_reachable_share",
    "reachable_share",
)


@pytest.fixture(scope="module")
def mf(warehouse: Path, small_raw: Path, tmp_path_factory: pytest.TempPathFactory):
    """Run `mf query` on a copy of the small warehouse; return the rows."""
    work = tmp_path_factory.mktemp("semantic")
    copy = work / "c360.duckdb"
    shutil.copyfile(warehouse, copy)
    env = {
        **os.environ,
        "C360_RAW_DIR": str(small_raw),
        "C360_WAREHOUSE": str(copy),
        "DBT_PROFILES_DIR": str(ROOT),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    # mf reads target/semantic_manifest.json of the project it runs in
    parsed = subprocess.run(
        [tool("dbt"), "parse", "--quiet"], cwd=ROOT, env=env, capture_output=True
    )
    assert parsed.returncode == 0, parsed.stdout[-2000:]

    def query(metrics: list[str], group_by: list[str]) -> list[dict[str, str]]:
        out = work / f"{'_'.join(metrics)[:60]}_{'_'.join(group_by)}.csv"
        result = subprocess.run(
            [
                tool("mf"),
                "query",
                "--metrics",
                ",".join(metrics),
                "--group-by",
                ",".join(group_by),
                "--csv",
                str(out),
                "--quiet",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        with out.open() as f:
            return list(csv.DictReader(f))

    # the expected figures from the original (mf holds the copy's lock)
    con = duckdb.connect(str(warehouse), read_only=True)
    yield query, con
    con.close()


def _number(value: str) -> float | None:
    return None if value in ("", "None") else float(value)


def test_customer_metrics_by_value_tier_equal_the_mart(mf) -> None:
    query, con = mf
    metrics = ["customers", "buyers", "orders", *MONEY, *SHARES]
    rows = query(metrics, ["customer__value_tier"])
    expected = {
        tier: values
        for tier, *values in con.execute(
            """
            select
                value_tier,
                count(*), sum(case when is_buyer then 1 else 0 end), sum(orders),
                sum(net_revenue_reporting), sum(gross_margin_reporting),
                sum(coalesce(predicted_margin_value_reporting, 0)),
                sum(gross_margin_reporting)
                + sum(coalesce(predicted_margin_value_reporting, 0)),
                sum(gross_margin_reporting) / nullif(sum(net_revenue_reporting), 0),
                sum(returns_reporting)
                / nullif(sum(gross_sales_reporting - discounts_reporting), 0),
                sum(net_revenue_reporting) / nullif(sum(orders), 0),
                avg(case when is_email_marketing_reachable then 1.0 else 0 end),
                avg(case when is_sms_marketing_reachable then 1.0 else 0 end),
                avg(case when is_email_marketing_reachable
                    or is_sms_marketing_reachable then 1.0 else 0 end)
            from main_marts.dim_customer_360
            group by value_tier
            """
        ).fetchall()
    }
    assert {row["customer__value_tier"] for row in rows} == set(expected)
    for row in rows:
        want = expected[row["customer__value_tier"]]
        for index, metric in enumerate(metrics):
            got, exact = _number(row[metric]), want[index]
            if exact is None:
                assert got is None, (metric, row)
                continue
            tolerance = 0.005 if metric in MONEY else 1e-9
            assert got == pytest.approx(float(exact), abs=tolerance), (metric, row)


def test_reachable_shares_by_segment_equal_the_value_segments_mart(mf) -> None:
    query, con = mf
    shares = ["email_reachable_share", "sms_reachable_share", "reachable_share"]
    rows = query(
        ["customers", *shares], ["customer__value_tier", "customer__lifecycle_stage"]
    )
    expected = {
        (tier, stage): values
        for tier, stage, *values in con.execute(
            "select value_tier, lifecycle_stage, customers, email_reachable_share,"
            " sms_reachable_share, reachable_share from main_marts.fct_value_segments"
        ).fetchall()
    }
    assert len(rows) == len(expected)
    for row in rows:
        want = expected[(row["customer__value_tier"], row["customer__lifecycle_stage"])]
        assert int(row["customers"]) == want[0]
        for index, metric in enumerate(shares, start=1):
            assert float(row[metric]) == pytest.approx(want[index], abs=1e-9), metric


def test_net_revenue_by_first_purchase_month_equals_the_mart(mf) -> None:
    query, con = mf
    rows = query(["net_revenue"], ["metric_time__month"])
    # customers with only returns have no first purchase: their month is null
    expected = {
        "" if month is None else str(month): value
        for month, value in con.execute(
            "select date_trunc('month', first_purchase_at)::date,"
            " sum(net_revenue_reporting) from main_marts.dim_customer_360"
            " group by 1"
        ).fetchall()
    }
    got = {row["metric_time__month"][:10]: _number(row["net_revenue"]) for row in rows}
    assert set(got) == set(expected)
    for month, value in expected.items():
        assert got[month] == pytest.approx(float(value), abs=0.005), month


def test_sales_over_time_equal_the_sales_lines_mart(mf) -> None:
    query, con = mf
    metrics = ["sales", "store_returns", "units_sold", "average_selling_price"]
    rows = query(metrics, ["metric_time__month", "sale_line__channel"])
    expected = {
        (str(month), channel): values
        for month, channel, *values in con.execute(
            """
            select
                date_trunc('month', sold_at)::date, channel,
                sum(case when not is_return then net_amount_reporting else 0 end),
                sum(case when is_return then -net_amount_reporting else 0 end),
                sum(case when not is_return then quantity else 0 end),
                sum(case when not is_return then net_amount_reporting else 0 end)
                / nullif(sum(case when not is_return then quantity else 0 end), 0)
            from main_marts.fct_sales_lines
            group by all
            """
        ).fetchall()
    }
    assert len(expected) > 12
    got = {
        (row["metric_time__month"][:10], row["sale_line__channel"]): row for row in rows
    }
    assert set(got) == set(expected)
    for key, want in expected.items():
        for index, metric in enumerate(metrics):
            tolerance = 1e-9 if metric == "average_selling_price" else 0.005
            if want[index] is None:
                assert _number(got[key][metric]) is None, (metric, key)
                continue
            assert _number(got[key][metric]) == pytest.approx(
                float(want[index]), abs=tolerance
            ), (metric, key)


def test_sales_by_customer_segment_join_through_the_customer(mf) -> None:
    query, con = mf
    rows = query(["sales"], ["customer__value_tier"])
    # anonymous sales have no customer: their tier is empty
    expected = {
        "" if tier is None else tier: value
        for tier, value in con.execute(
            """
            select customers.value_tier, sum(lines.net_amount_reporting)
            from main_marts.fct_sales_lines as lines
            left join main_marts.dim_customer_360 as customers
                on lines.customer_id = customers.customer_id
            where not lines.is_return
            group by 1
            """
        ).fetchall()
    }
    got = {row["customer__value_tier"]: _number(row["sales"]) for row in rows}
    assert set(got) == set(expected)
    assert "" in got  # the small data set has anonymous store sales
    for tier, value in expected.items():
        assert got[tier] == pytest.approx(float(value), abs=0.005), tier
