"""Where the lifetime-value models' over-prediction of long holdouts comes
from: identity, the generator's buying process, or the models themselves.

    python bench/ltv_bias.py --raw /tmp/s13/raw20 --warehouse /tmp/s13/w20.duckdb
    python bench/ltv_bias.py --simulate 100000

With a built warehouse and its raw folder (whose `_ground_truth` says which
person placed each order and receipt), the purchase days before a cut
`--weeks` before the last sale are grouped three ways: by the true person
(every sale, anonymous ones too), by the true person (identified sales
only) and by the warehouse's customer, and each model predicts the holdout
from them. Equal ratios mean identity costs nothing here.

With `--simulate`, customers buy exactly as Pareto/NBD assumes
(bench/ltv_fit.py's simulation), so what remains is the models' own bias
over that horizon. Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import logging

import duckdb
import numpy as np
import pandas as pd
from ltv_fit import simulate

from c360 import ltv

CANDIDATES = [(m, (m,), (False,)) for m in ltv.MODELS] + [
    ("chosen", ltv.MODELS, (False, True))
]


def sales_by_person(raw: str, warehouse: str) -> pd.DataFrame:
    """One row per sale document: customer, true person, day."""
    con = duckdb.connect(warehouse, read_only=True)
    try:
        return con.execute(
            f"""
            with truth as (
                select record_id, person_id
                from '{raw}/_ground_truth/record_person.parquet'
                where source_table in ('shop.orders', 'pos.receipts')
            ),
            sales as (
                select document_id, customer_id, min(sold_at) as sold_at
                from main_sales.int_sales_lines_attributed
                where not is_return
                group by document_id, customer_id
            )
            select
                sales.customer_id,
                truth.person_id,
                cast(sales.sold_at as date) as purchase_date
            from sales
            inner join truth
                on split_part(sales.document_id, ':', -1) = truth.record_id
            """
        ).df()
    finally:
        con.close()


def ratios(
    days: pd.DataFrame, key: str, cut: pd.Timestamp, weeks: float
) -> dict[str, tuple[str, float, int]]:
    """Each candidate's predicted / actual purchase days after `cut`, with
    the model chosen and the customers seen before the cut."""
    frame = days.dropna(subset=[key])[[key, "purchase_date"]].drop_duplicates()
    frame = frame.rename(columns={key: "customer_id"})
    frame["customer_id"] = frame["customer_id"].astype(str)
    frame["purchase_date"] = pd.to_datetime(frame["purchase_date"])
    seen = frame[frame["purchase_date"] <= cut]
    by = seen.groupby("customer_id")["purchase_date"]
    summary = pd.DataFrame(
        {
            "purchase_days": by.count(),
            "recency_days": (by.max() - by.min()).dt.days,
            "age_days": (cut - by.min()).dt.days,
        }
    ).reset_index()
    summary["frequency"] = summary["purchase_days"] - 1
    summary["as_of_date"] = cut
    summary["average_margin_per_purchase_reporting"] = 1.0
    later = frame[frame["purchase_date"] > cut].groupby("customer_id").size()
    actual = later.reindex(summary["customer_id"]).fillna(0).to_numpy(float)
    found = {}
    for label, models, seasonal in CANDIDATES:
        result = ltv.predict(
            summary,
            seen,
            weeks / ltv.WEEKS_PER_MONTH,
            0,
            models=models,
            seasonal=seasonal,
        ).set_index("customer_id")
        predicted = result["expected_purchases"].reindex(summary["customer_id"])
        model = result["purchase_model"].iloc[0] + (
            ltv.SEASONAL if result["purchase_season"].notna().iloc[0] else ""
        )
        found[label] = (model, float(predicted.sum() / actual.sum()), len(summary))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", help="raw folder with _ground_truth")
    parser.add_argument("--warehouse", help="the warehouse built from it")
    parser.add_argument("--simulate", type=int, help="Pareto/NBD customers")
    parser.add_argument("--weeks", type=float, default=52.0, help="holdout")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    rows: list[tuple[str, dict[str, tuple[str, float, int]]]] = []
    if args.simulate:
        _, days = simulate(args.simulate, args.seed)
        cut = pd.Timestamp(days["purchase_date"].max()) - pd.Timedelta(weeks=args.weeks)
        days = days.rename(columns={"customer_id": "customer"})
        rows.append(
            ("Pareto/NBD simulation", ratios(days, "customer", cut, args.weeks))
        )
    if args.raw and args.warehouse:
        sales = sales_by_person(args.raw, args.warehouse)
        cut = pd.Timestamp(sales["purchase_date"].max()) - pd.Timedelta(
            weeks=args.weeks
        )
        identified = sales[sales["customer_id"].notna()]
        rows += [
            ("true person, every sale", ratios(sales, "person_id", cut, args.weeks)),
            (
                "true person, identified sales",
                ratios(identified, "person_id", cut, args.weeks),
            ),
            ("warehouse customer", ratios(sales, "customer_id", cut, args.weeks)),
        ]
    if not rows:
        parser.error("give --raw and --warehouse, or --simulate")
    labels = [label for label, _, _ in CANDIDATES]
    print(
        f"predicted / actual purchase days, {args.weeks:g}-week holdout\n\n"
        "| histories | customers | " + " | ".join(labels) + " |\n"
        "|---|---:|" + "---:|" * len(labels)
    )
    for name, found in rows:
        cells = []
        for label in labels:
            model, ratio, _ = found[label]
            cells.append(f"{ratio:.3f}" + (f" ({model})" if label == "chosen" else ""))
        customers = next(iter(found.values()))[2]
        print(f"| {name} | {customers:,} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
