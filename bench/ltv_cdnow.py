"""Backtest the lifetime-value model on public data it never saw: the full
CDNOW master file (23,570 customers, January 1997 - June 1998) that the
`lifetimes` package ships.

    python bench/ltv_cdnow.py

The classic split: the model sees purchase days up to 1997-09-30 (39
weeks) and predicts the next 39 weeks. Rows: the build's choice among the
three models (`chosen`), then each model forced alone. Prints a Markdown
table for BENCHMARKS.md.
"""

from __future__ import annotations

import time
from pathlib import Path

import lifetimes
import numpy as np
import pandas as pd

from c360 import ltv

MASTER = Path(lifetimes.__file__).parent / "datasets" / "CDNOW_master.txt"
CUT = pd.Timestamp("1997-09-30")
END = pd.Timestamp("1998-06-30")


def histories() -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    raw = pd.read_csv(
        MASTER,
        sep=r"\s+",
        skiprows=1,
        header=None,
        names=["customer_id", "date", "cds", "amount"],
        dtype={"customer_id": str, "date": str},
    )
    raw["purchase_date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    days = raw.groupby(["customer_id", "purchase_date"], as_index=False)["amount"].sum()
    seen = days[days["purchase_date"] <= CUT]
    by = seen.groupby("customer_id")
    summary = pd.DataFrame(
        {
            "purchase_days": by["purchase_date"].count(),
            "recency_days": (
                by["purchase_date"].max() - by["purchase_date"].min()
            ).dt.days,
            "age_days": (CUT - by["purchase_date"].min()).dt.days,
            "average_margin_per_purchase_reporting": by["amount"].mean(),
        }
    ).reset_index()
    summary["frequency"] = summary["purchase_days"] - 1
    summary["as_of_date"] = CUT
    later = days[(days["purchase_date"] > CUT) & (days["purchase_date"] <= END)]
    actual = (
        later.groupby("customer_id")
        .size()
        .reindex(summary["customer_id"])
        .fillna(0)
        .to_numpy(float)
    )
    return summary, seen[["customer_id", "purchase_date"]], actual


def main() -> None:
    summary, seen, actual = histories()
    weeks = (END - CUT).days / 7
    print(
        f"{len(summary):,} customers, {actual.sum():,.0f} purchase days in the"
        f" {weeks:.0f}-week holdout\n"
    )
    print(
        "| candidates | model | predicted / actual | MAE | correlation | seconds |\n"
        "|---|---|---:|---:|---:|---:|"
    )
    for label, models in [("chosen", ltv.MODELS)] + [(m, (m,)) for m in ltv.MODELS]:
        started = time.perf_counter()
        result = (
            ltv.predict(summary, seen, weeks / ltv.WEEKS_PER_MONTH, 0, models=models)
            .set_index("customer_id")
            .reindex(summary["customer_id"])
        )
        predicted = result["expected_purchases"].to_numpy(float)
        print(
            f"| {label} | {result['purchase_model'].iloc[0]} |"
            f" {predicted.sum() / actual.sum():.3f} |"
            f" {np.abs(predicted - actual).mean():.3f} |"
            f" {np.corrcoef(predicted, actual)[0, 1]:.4f} |"
            f" {time.perf_counter() - started:.1f} |"
        )


if __name__ == "__main__":
    main()
