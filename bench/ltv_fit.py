"""Benchmark the lifetime-value fit alone at scale: model choice by
backtest, the chosen model's fit and every customer's prediction.

    python bench/ltv_fit.py --customers 500000

Simulates customers who buy as Pareto/NBD says (gamma-spread weekly rates,
an exponential lifetime with gamma-spread dropout, first purchases over
the first half of three years), builds their purchase days and the summary
the dbt models would give, and times `c360.ltv.predict` on them, with the
peak resident memory of this process. Prints a Markdown row for
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
import pandas as pd

from c360 import ltv

WEEKS = 156.0
AS_OF = pd.Timestamp("2026-11-29")


def simulate(customers: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    born = rng.uniform(0, WEEKS / 2, customers)
    rate = rng.gamma(1.2, 1 / 8, customers)
    lapse = born + rng.exponential(1 / rng.gamma(2.0, 1 / 100, customers))
    active = np.minimum(lapse, WEEKS) - born
    repeat = rng.poisson(rate * active)
    owner = np.repeat(np.arange(customers), repeat)
    times = born[owner] + rng.uniform(0, 1, len(owner)) * active[owner]
    day = np.concatenate([(born * 7).astype(int), (times * 7).astype(int)])
    who = np.concatenate([np.arange(customers), owner])
    days = pd.DataFrame({"customer": who, "day": day}).drop_duplicates()
    grouped = days.groupby("customer")["day"]
    ids = np.char.add("c", np.arange(customers).astype(str).astype("U"))
    summary = pd.DataFrame(
        {
            "customer_id": ids,
            "purchase_days": grouped.count().to_numpy(),
            "recency_days": (grouped.max() - grouped.min()).to_numpy(),
            "age_days": (int(WEEKS * 7) - grouped.min()).to_numpy(),
        }
    )
    summary["frequency"] = summary["purchase_days"] - 1
    summary["as_of_date"] = AS_OF
    summary["average_margin_per_purchase_reporting"] = rng.gamma(5.0, 12.0, customers)
    start = AS_OF - pd.Timedelta(days=int(WEEKS * 7))
    purchase_days = pd.DataFrame(
        {
            "customer_id": ids[days["customer"].to_numpy()],
            "purchase_date": start + pd.to_timedelta(days["day"].to_numpy(), unit="D"),
        }
    )
    return summary, purchase_days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    summary, days = simulate(args.customers, args.seed)
    started = time.perf_counter()
    result = ltv.predict(summary, days, horizon_months=12, annual_discount_rate=0.1)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    first = result.iloc[0]
    print(
        "| customers | purchase days | model | status | fit + predict (s) |"
        " peak memory (GiB) |\n|---:|---:|---|---|---:|---:|\n"
        f"| {len(summary):,} | {len(days):,} | {first['purchase_model']} |"
        f" {first['purchase_model_status']} | {seconds:.1f} | {peak:.2f} |"
    )


if __name__ == "__main__":
    main()
