"""How each optimiser fits Pareto/NBD on customers who buy exactly as the
model assumes (bench/ltv_fit.py's simulation: r 1.2, alpha 8, s 2,
beta 100), and what each fit predicts for the year after a cut.

    cd bench && python pareto_optimisers.py --customers 20000

Rows: lifetimes' optimisers from ones, Powell at a tight tolerance, and
the project's own fit (c360.ltv.fit_purchase_model: Powell, then
Nelder-Mead from Powell's optimum). Prints a Markdown table for
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd
from lifetimes import ParetoNBDFitter
from ltv_fit import simulate

from c360 import ltv

HOLDOUT_WEEKS = 52.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    _, days = simulate(args.customers, args.seed)
    days["purchase_date"] = pd.to_datetime(days["purchase_date"])
    cut = days["purchase_date"].max() - pd.Timedelta(weeks=HOLDOUT_WEEKS)
    seen = days[days["purchase_date"] <= cut].groupby("customer_id")["purchase_date"]
    h = ltv.Histories.of(
        (seen.count() - 1).to_numpy(float),
        ((seen.max() - seen.min()).dt.days / 7).to_numpy(float),
        ((cut - seen.min()).dt.days / 7).to_numpy(float),
    )
    actual = (
        days[days["purchase_date"] > cut]
        .groupby("customer_id")
        .size()
        .reindex(seen.count().index)
        .fillna(0)
        .sum()
    )

    def lifetimes_fit(**options: object) -> ltv.PurchaseFit:
        model = ParetoNBDFitter()
        model.fit(h.frequency, h.recency, h.age, weights=h.weight, **options)
        params = {k: float(v) for k, v in model.params_.items()}
        return ltv.PurchaseFit("pareto_nbd", model, 0.0, "fitted", params)

    fits = [
        (
            "Powell from ones",
            lambda: lifetimes_fit(fit_method="Powell", initial_params=np.ones(4)),
        ),
        (
            "Powell from ones, tolerance 1e-10",
            lambda: lifetimes_fit(
                fit_method="Powell", initial_params=np.ones(4), tol=1e-10
            ),
        ),
        (
            "Nelder-Mead from ones",
            lambda: lifetimes_fit(fit_method="Nelder-Mead", initial_params=np.ones(4)),
        ),
        (
            "L-BFGS-B from ones",
            lambda: lifetimes_fit(fit_method="L-BFGS-B", initial_params=np.ones(4)),
        ),
        (
            "c360: Powell, then Nelder-Mead",
            lambda: ltv.fit_purchase_model("pareto_nbd", h),
        ),
    ]
    print(
        f"{args.customers:,} simulated customers, {len(h.frequency):,} distinct"
        f" histories, {HOLDOUT_WEEKS:g}-week holdout\n\n"
        "| fit | seconds | r | alpha | s | beta | -log-likelihood |"
        " predicted / actual |\n|---|---:|---:|---:|---:|---:|---:|---:|"
    )
    for label, fit_of in fits:
        started = time.perf_counter()
        fit = fit_of()
        seconds = time.perf_counter() - started
        predicted = fit.expected(HOLDOUT_WEEKS, h)[h.inverse].sum()
        p = fit.params
        print(
            f"| {label} | {seconds:.1f} | {p['r']:.3f} | {p['alpha']:.3f} |"
            f" {p['s']:.3f} | {p['beta']:.1f} |"
            f" {fit.model._negative_log_likelihood_:,.1f} | {predicted / actual:.3f} |"
        )


if __name__ == "__main__":
    main()
