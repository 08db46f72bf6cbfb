"""Backtest of the lifetime-value model: fit on the past, score on the future.

The purchase histories are the dbt models `int_customer_purchases_summarised`
and `int_customer_purchase_days_listed` themselves, compiled with the var
`ltv_as_of_date`: at the end of the calibration period (what the model sees,
including the purchase days its own model choice splits again) and, for the
summary, at the end of the data. The difference between the two summaries
is what each customer actually did in the holdout (purchase days and gross
margin, returns included). The compiled SQL runs read-only against the
built warehouse, so the backtest uses exactly the definitions of the build
and changes nothing in it.

Reported: mean absolute error and correlation of predicted against actual
holdout purchases and margin, and the share of the holdout margin earned by
the customers the model ranked in its top decile.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from c360 import ltv
from c360.warehouse import connect, schema_of

MODEL = "int_customer_purchases_summarised"
DAYS_MODEL = "int_customer_purchase_days_listed"
PROJECT = Path(__file__).resolve().parents[2]


@dataclass
class Backtest:
    calibration_end: str
    purchase_model: str
    holdout_end: str
    holdout_weeks: float
    customers: int
    purchase_model_status: str
    spend_model_status: str
    actual_purchases: float
    predicted_purchases: float
    purchases_mae: float
    purchases_correlation: float
    actual_margin: float
    predicted_margin: float
    margin_mae: float
    margin_correlation: float
    top_decile_margin_share: float


def _dbt() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def compiled_sql(
    warehouse: Path,
    as_of: date,
    models: tuple[str, ...] = (MODEL,),
    project: Path = PROJECT,
) -> dict[str, str]:
    """The models' SQL as of one day, compiled by dbt against `warehouse`
    in one call."""
    with tempfile.TemporaryDirectory() as work:
        env = {
            **os.environ,
            "C360_WAREHOUSE": str(warehouse),
            "DBT_PROFILES_DIR": os.environ.get("DBT_PROFILES_DIR", str(project)),
        }
        result = subprocess.run(
            [
                _dbt(),
                "compile",
                "--quiet",
                "--select",
                *models,
                "--vars",
                json.dumps({"ltv_as_of_date": as_of.isoformat()}),
                "--project-dir",
                str(project),
                "--target-path",
                str(Path(work) / "target"),
                "--log-path",
                str(Path(work) / "logs"),
            ],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"dbt compile failed:\n{result.stdout[-2000:]}")
        compiled = {}
        for model in models:
            found = list((Path(work) / "target" / "compiled").rglob(f"{model}.sql"))
            if not found:
                raise RuntimeError(f"dbt compiled no {model}.sql")
            compiled[model] = found[0].read_text()
        return compiled


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 2 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


@dataclass
class Histories:
    """What a backtest reads: the calibration summary and purchase days (as
    of the calibration end) and the summary at the end of the data."""

    calibration: pd.DataFrame
    days: pd.DataFrame
    full: pd.DataFrame
    calibration_end: date
    holdout_end: date

    @property
    def weeks(self) -> float:
        return (self.holdout_end - self.calibration_end).days / 7.0


def last_sale_day(warehouse: Path) -> date:
    con = connect(warehouse)
    try:
        last_day = con.execute(
            f"select cast(max(sold_at) as date) from "
            f"{schema_of(con, 'int_sales_lines_attributed')}"
            ".int_sales_lines_attributed"
        ).fetchall()[0][0]
    finally:
        con.close()
    if last_day is None:
        raise ValueError("the warehouse holds no sales to backtest on")
    return last_day


def full_sql_of(warehouse: Path) -> str:
    """The summary model compiled as of the warehouse's last sale."""
    return compiled_sql(warehouse, last_sale_day(warehouse))[MODEL]


def load(
    warehouse: Path,
    calibration_end: date | None = None,
    holdout_weeks: float = 26,
    full_sql: str | None = None,
) -> Histories:
    """The histories up to the calibration end and up to the last sale.
    `full_sql` is the summary model compiled as of the last sale (`full_sql_of`),
    for callers that load several calibration ends of one warehouse: each dbt
    compile parses the whole project again."""
    last_day = last_sale_day(warehouse)
    end = calibration_end or last_day - timedelta(weeks=holdout_weeks)
    if end >= last_day:
        raise ValueError(
            f"calibration end {end} is not before the last sale {last_day}"
        )
    calibration_sql = compiled_sql(warehouse, end, (MODEL, DAYS_MODEL))
    full_sql = full_sql or full_sql_of(warehouse)
    con = connect(warehouse)
    try:
        calibration = con.execute(calibration_sql[MODEL]).df()
        days = con.execute(calibration_sql[DAYS_MODEL]).df()
        full = con.execute(full_sql).df()
    finally:
        con.close()
    calibration = calibration[calibration["purchase_days"] > 0]
    calibration = calibration.sort_values("customer_id").reset_index(drop=True)
    return Histories(calibration, days, full, end, last_day)


def score(
    histories: Histories,
    models: tuple[str, ...] = ltv.MODELS,
    seasonal: tuple[bool, ...] = (False, True),
) -> Backtest:
    """Fit on the calibration histories (choosing among `models` on the
    clocks `seasonal` allows), score on what the same customers did in the
    holdout."""
    calibration, weeks = histories.calibration, histories.weeks
    later = histories.full.set_index("customer_id").reindex(calibration["customer_id"])
    actual_purchases = later["purchase_days"].fillna(0).to_numpy(float) - calibration[
        "purchase_days"
    ].to_numpy(float)
    actual_margin = (
        later["gross_margin_reporting"].astype(float).fillna(0).to_numpy()
        - calibration["gross_margin_reporting"].astype(float).to_numpy()
    )

    predicted = (
        ltv.predict(
            calibration,
            histories.days,
            horizon_months=weeks / ltv.WEEKS_PER_MONTH,
            annual_discount_rate=0,
            models=models,
            seasonal=seasonal,
        )
        .set_index("customer_id")
        .reindex(calibration["customer_id"])
    )
    predicted_purchases = predicted["expected_purchases"].to_numpy(float)
    predicted_margin = predicted["predicted_margin_value_reporting"].to_numpy(float)

    order = np.argsort(-predicted_margin, kind="stable")
    top = order[: max(1, math.ceil(len(order) / 10))]
    total = actual_margin.sum()
    return Backtest(
        calibration_end=histories.calibration_end.isoformat(),
        purchase_model=str(predicted["purchase_model"].iloc[0])
        + (ltv.SEASONAL if predicted["purchase_season"].notna().iloc[0] else ""),
        holdout_end=histories.holdout_end.isoformat(),
        holdout_weeks=round(weeks, 2),
        customers=len(calibration),
        purchase_model_status=str(predicted["purchase_model_status"].iloc[0]),
        spend_model_status=str(predicted["spend_model_status"].iloc[0]),
        actual_purchases=float(actual_purchases.sum()),
        predicted_purchases=float(predicted_purchases.sum()),
        purchases_mae=float(np.abs(predicted_purchases - actual_purchases).mean()),
        purchases_correlation=_correlation(predicted_purchases, actual_purchases),
        actual_margin=float(total),
        predicted_margin=float(predicted_margin.sum()),
        margin_mae=float(np.abs(predicted_margin - actual_margin).mean()),
        margin_correlation=_correlation(predicted_margin, actual_margin),
        top_decile_margin_share=float(actual_margin[top].sum() / total)
        if total
        else float("nan"),
    )


def backtest(
    warehouse: Path,
    calibration_end: date | None = None,
    holdout_weeks: float = 26,
    models: tuple[str, ...] = ltv.MODELS,
) -> Backtest:
    return score(load(warehouse, calibration_end, holdout_weeks), models)


def compare(
    warehouse: Path, horizons: tuple[float, ...] = (13, 26, 52), alone: bool = True
) -> list[tuple[str, Backtest]]:
    """At each holdout length: the candidate the build's choice picks
    (`chosen`), then (`alone`) every model forced alone on each clock
    (`+season` when a season could be learned from the calibration data)."""
    rows = []
    full_sql = full_sql_of(warehouse)
    for weeks in horizons:
        histories = load(warehouse, holdout_weeks=weeks, full_sql=full_sql)
        rows.append(("chosen", score(histories)))
        for name in ltv.MODELS if alone else ():
            rows.append((name, score(histories, (name,), (False,))))
            seasonal = score(histories, (name,), (True,))
            if seasonal.purchase_model.endswith(ltv.SEASONAL):
                rows.append((name + ltv.SEASONAL, seasonal))
    return rows


def purchase_ratio(result: Backtest) -> float:
    if not result.actual_purchases:
        return float("nan")
    return result.predicted_purchases / result.actual_purchases


def render_table(rows: list[tuple[str, Backtest]]) -> str:
    lines = [
        f"{'holdout':>8} {'candidate':<18} {'model':<18} {'pred/actual':>11}"
        f" {'purch. MAE':>10} {'purch. corr':>11} {'margin p/a':>10}"
        f" {'margin corr':>11} {'top 10 %':>8}"
    ]
    for candidate, r in rows:
        margin_ratio = (
            r.predicted_margin / r.actual_margin if r.actual_margin else float("nan")
        )
        lines.append(
            f"{r.holdout_weeks:>7.0f}w {candidate:<18} {r.purchase_model:<18}"
            f" {purchase_ratio(r):>11.3f} {r.purchases_mae:>10.3f}"
            f" {r.purchases_correlation:>11.3f} {margin_ratio:>10.3f}"
            f" {r.margin_correlation:>11.3f} {r.top_decile_margin_share:>8.1%}"
        )
    return "\n".join(lines)


def render(result: Backtest) -> str:
    return "\n".join(
        [
            "lifetime value backtest",
            f"  calibration until   {result.calibration_end}",
            f"  holdout until       {result.holdout_end} "
            f"({result.holdout_weeks} weeks)",
            f"  customers           {result.customers:,}",
            f"  purchase model      {result.purchase_model}:"
            f" {result.purchase_model_status}",
            f"  spend model         {result.spend_model_status}",
            f"  purchases           predicted {result.predicted_purchases:,.0f}"
            f" / actual {result.actual_purchases:,.0f}",
            f"  purchases MAE       {result.purchases_mae:.3f} per customer",
            f"  purchases corr.     {result.purchases_correlation:.3f}",
            f"  margin              predicted {result.predicted_margin:,.0f}"
            f" / actual {result.actual_margin:,.0f}",
            f"  margin MAE          {result.margin_mae:.2f} per customer",
            f"  margin corr.        {result.margin_correlation:.3f}",
            f"  top decile share    {result.top_decile_margin_share:.1%}"
            " of holdout margin",
        ]
    )


def write_json(results: list[Backtest], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
