"""Backtest the lifetime-value model on public data it never saw: the full
CDNOW master file (23,570 customers, January 1997 - June 1998) that the
`lifetimes` package ships.

    python bench/ltv_cdnow.py
    python bench/ltv_cdnow.py --cut 1997-12-31

The classic split: the model sees purchase days up to 1997-09-30 (39
weeks) and predicts the next 39 weeks; `--cut` moves the calibration end
(the holdout always runs to the end of the file, 1998-06-30). Rows: the
build's choice among the models (`chosen`), then each model forced alone,
with the fit's status (a fallback says so there), and the mean of the
models alone, which the build does not offer. Prints a Markdown table
for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import lifetimes
import numpy as np
import pandas as pd

from c360 import ltv

MASTER = Path(lifetimes.__file__).parent / "datasets" / "CDNOW_master.txt"
CLASSIC_CUT = "1997-09-30"
END = pd.Timestamp("1998-06-30")


def histories(
    cut: pd.Timestamp,
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
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
    seen = days[days["purchase_date"] <= cut]
    by = seen.groupby("customer_id")
    summary = pd.DataFrame(
        {
            "purchase_days": by["purchase_date"].count(),
            "recency_days": (
                by["purchase_date"].max() - by["purchase_date"].min()
            ).dt.days,
            "age_days": (cut - by["purchase_date"].min()).dt.days,
            "average_margin_per_purchase_reporting": by["amount"].mean(),
        }
    ).reset_index()
    summary["frequency"] = summary["purchase_days"] - 1
    summary["as_of_date"] = cut
    later = days[(days["purchase_date"] > cut) & (days["purchase_date"] <= END)]
    actual = (
        later.groupby("customer_id")
        .size()
        .reindex(summary["customer_id"])
        .fillna(0)
        .to_numpy(float)
    )
    return summary, seen[["customer_id", "purchase_date"]], actual


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cut", default=CLASSIC_CUT, help="calibration end")
    cut = pd.Timestamp(parser.parse_args().cut)
    if not pd.Timestamp("1997-04-01") <= cut < END:
        raise SystemExit(f"--cut must fall between 1997-04-01 and {END.date()}")
    summary, seen, actual = histories(cut)
    weeks = (END - cut).days / 7
    print(
        f"cut {cut.date()}: {len(summary):,} customers, {actual.sum():,.0f}"
        f" purchase days in the {weeks:.0f}-week holdout\n"
    )
    print(
        "| candidates | model | predicted / actual | MAE | correlation | seconds"
        " | status |\n"
        "|---|---|---:|---:|---:|---:|---|"
    )
    alone = []
    for label, models in [("chosen", ltv.MODELS)] + [(m, (m,)) for m in ltv.MODELS]:
        started = time.perf_counter()
        result = (
            ltv.predict(summary, seen, weeks / ltv.WEEKS_PER_MONTH, 0, models=models)
            .set_index("customer_id")
            .reindex(summary["customer_id"])
        )
        predicted = result["expected_purchases"].to_numpy(float)
        if label != "chosen":
            alone.append(predicted)
        print(
            f"| {label} | {result['purchase_model'].iloc[0]} |"
            f" {figures(predicted, actual)} |"
            f" {time.perf_counter() - started:.1f} |"
            f" {result['purchase_model_status'].iloc[0]} |"
        )
    # not a model the build offers: what averaging the candidates would give
    mean = figures(np.mean(alone, axis=0), actual)
    print(f"| mean of the models alone | - | {mean} | - | - |")


def figures(predicted: np.ndarray, actual: np.ndarray) -> str:
    """predicted / actual, MAE and correlation, as table cells."""
    return (
        f"{predicted.sum() / actual.sum():.3f} |"
        f" {np.abs(predicted - actual).mean():.3f} |"
        f" {np.corrcoef(predicted, actual)[0, 1]:.4f}"
    )


if __name__ == "__main__":
    main()
