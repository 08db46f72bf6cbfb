"""pymc-marketing's buy-till-you-die models against the lifetimes fits the
build uses, on public data: the CDNOW classic split (purchase days to
1997-09-30, the next 39 weeks held out; bench/ltv_cdnow.py).

pymc-marketing brings PyMC and PyTensor, so it lives in a venv of its own:

    python -m venv /tmp/pmv && /tmp/pmv/bin/pip install pymc-marketing lifetimes
    PYTHONPATH=src /tmp/pmv/bin/python bench/ltv_pymc.py [--mcmc]

Rows: each model fitted by lifetimes through c360.ltv (maximum likelihood,
as in the build), then by pymc-marketing at its maximum a posteriori with
its default priors, and with `--mcmc` by its default NUTS sampler (posterior
mean). Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from ltv_cdnow import CUT, END, histories

from c360 import ltv

WEEKS = (END - CUT).days / 7


def rfm(summary: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": np.arange(len(summary)),
            "frequency": summary["frequency"].to_numpy(float),
            "recency": summary["recency_days"].to_numpy(float) / 7,
            "T": summary["age_days"].to_numpy(float) / 7,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mcmc", action="store_true", help="also sample")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    from pymc_marketing import clv

    summary, seen, actual = histories()
    data = rfm(summary)
    models = {
        "bg_nbd": clv.BetaGeoModel,
        "mbg_nbd": clv.ModifiedBetaGeoModel,
        "pareto_nbd": clv.ParetoNBDModel,
    }
    rows = []
    for name, model_class in models.items():
        started = time.perf_counter()
        ours = ltv.predict(
            summary, seen, WEEKS / ltv.WEEKS_PER_MONTH, 0, models=(name,)
        ).set_index("customer_id")
        predicted = ours["expected_purchases"].reindex(summary["customer_id"])
        rows.append(
            (
                name,
                "lifetimes (c360.ltv)",
                predicted.to_numpy(float),
                time.perf_counter() - started,
            )
        )
        for method in ("map", "mcmc") if args.mcmc else ("map",):
            started = time.perf_counter()
            model = model_class(data=data)
            model.fit(method=method, progressbar=False)
            expected = model.expected_purchases(future_t=WEEKS)
            predicted = expected.mean(("chain", "draw")).to_numpy()
            seconds = time.perf_counter() - started
            rows.append((name, f"pymc-marketing {method}", predicted, seconds))
    print(
        f"CDNOW: {len(summary):,} customers, {actual.sum():,.0f} purchase days"
        f" in the {WEEKS:.0f}-week holdout\n\n"
        "| model | fitted by | predicted / actual | MAE | correlation | seconds |\n"
        "|---|---|---:|---:|---:|---:|"
    )
    for name, how, predicted, seconds in rows:
        print(
            f"| {name} | {how} | {predicted.sum() / actual.sum():.3f} |"
            f" {np.abs(predicted - actual).mean():.3f} |"
            f" {np.corrcoef(predicted, actual)[0, 1]:.4f} |"
            f" {seconds:.1f} |"
        )


if __name__ == "__main__":
    main()
