"""Splink beside our identity layer, on the same records of a built warehouse.

    pip install -e .[bench]          # Splink is a bench tool only
    python bench/splink_compare.py --warehouse W --truth RAW/_ground_truth

Splink (DuckDB backend) is set up the way its tutorials show: names by
Jaro-Winkler with term frequencies, birth date, postcode, city and street
exact, email and phone, u from 10 million random pairs (Splink's advice;
we sample 1 million), m by EM blocked on last name + birth date and on
postal code + first name, predictions from
the union of email, phone, name + birth date and postcode + name blocks,
clusters at a match probability of 0.95. It reads the records our
probabilistic layer compares (`int_linkage_records_profiled`: every record
with a name, birth date or national id), in the form we compare them.

Both are scored pairwise against the generator's ground truth on exactly
those records: Splink's clusters, and our customers (the whole identity
layer, keys and guards included). Time and peak memory are Splink's alone:
loading, training, predicting and clustering. Prints a Markdown table for
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import duckdb
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.internals.exceptions import EMTrainingException

RECORDS = """
    select
        record_id as unique_id,
        first_name,
        last_name,
        birth_date_digits as birth_date,
        postal_code,
        city,
        trim(coalesce(street_name, '') || ' ' || coalesce(house_number, ''))
            as street,
        email,
        phone
    from {schema}.int_linkage_records_profiled
"""


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("last_name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison(
                "birth_date", input_is_string=True, datetime_format="%Y%m%d"
            ),
            cl.ExactMatch("postal_code").configure(term_frequency_adjustments=True),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.ExactMatch("street"),
            cl.EmailComparison("email"),
            cl.ExactMatch("phone"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("email"),
            block_on("phone"),
            block_on("last_name", "birth_date"),
            block_on("first_name", "birth_date"),
            block_on("postal_code", "first_name"),
            block_on("postal_code", "last_name"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def stage(name: str, started: float) -> None:
    """Prints how long Splink has run when it reaches a stage."""
    print(f"  {time.perf_counter() - started:8.1f} s  {name}", flush=True)


def run_splink(con: duckdb.DuckDBPyConnection, schema: str) -> tuple[str, int]:
    """Trains, predicts and clusters; returns the clusters' table name and
    the number of pairwise predictions."""
    started = time.perf_counter()
    con.execute(
        f"create or replace table splink_input as {RECORDS.format(schema=schema)}"
    )
    db_api = DuckDBAPI(connection=con)
    linker = Linker(db_api.register("splink_input"), settings(), log_level=30)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("email"), block_on("first_name", "last_name", "birth_date")],
        recall=0.7,
    )
    stage("prior estimated", started)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=7)
    stage("u estimated", started)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("last_name", "birth_date")
    )
    # EM blocked on the postal code alone (the tutorials' choice at 100k)
    # did not finish in 13 minutes at 1M (most of it spilled to disk), so
    # the second EM pass blocks on postal code and first name
    try:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on("postal_code", "first_name")
        )
    except EMTrainingException:
        # data without addresses (RLdata): the names are trained on the
        # birth date instead
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on("first_name", "birth_date")
        )
    stage("m estimated (EM)", started)
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    stage("predicted", started)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=0.95
    )
    stage("clustered", started)
    n = con.execute(f"select count(*) from {predictions.physical_name}").fetchone()[0]
    con.execute(
        f"create or replace table splink_clusters as "
        f"select unique_id as record_id, cluster_id from {clusters.physical_name}"
    )
    return "splink_clusters", int(n)


def pairwise(
    con: duckdb.DuckDBPyConnection, assignment: str
) -> tuple[float, float, float]:
    """Precision, recall and F1 of `assignment` (record_id, cluster_id)
    against the truth over the records both know."""
    found, true, correct = con.execute(
        f"""
        with scored as (
            select a.cluster_id, t.person_id
            from {assignment} as a
            inner join truth as t on a.record_id = t.record_id
        ),
        by_cluster as (select count(*) as n from scored group by cluster_id),
        by_person as (select count(*) as n from scored group by person_id),
        by_both as (select count(*) as n from scored group by cluster_id, person_id)
        select
            (select sum(n * (n - 1) / 2) from by_cluster),
            (select sum(n * (n - 1) / 2) from by_person),
            (select sum(n * (n - 1) / 2) from by_both)
        """
    ).fetchone()
    precision = correct / found if found else 1.0
    recall = correct / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, type=Path)
    parser.add_argument("--truth", required=True, type=Path, help="ground-truth folder")
    parser.add_argument("--memory", default="9GB", help="DuckDB memory limit")
    args = parser.parse_args()

    source = duckdb.connect(str(args.warehouse), read_only=True)
    schema = source.execute(
        "select table_schema from information_schema.tables "
        "where table_name = 'int_linkage_records_profiled'"
    ).fetchone()[0]
    source.close()
    # what does not fit in memory spills next to the warehouse, not into
    # the checkout, and is removed afterwards
    with tempfile.TemporaryDirectory(
        prefix="splink_spill_", dir=args.warehouse.parent
    ) as spill:
        compare(args, schema, spill)


def compare(args: argparse.Namespace, schema: str, spill: str) -> None:
    """Runs Splink and scores it and our customers on the same records."""
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{args.memory}'")
    con.execute(f"set temp_directory = '{spill}'")
    con.execute(f"attach '{args.warehouse}' as wh (read_only)")
    records = con.execute(
        f"select count(*) from wh.{schema}.int_linkage_records_profiled"
    ).fetchone()[0]

    started = time.perf_counter()
    clusters, predicted_pairs = run_splink(con, f"wh.{schema}")
    seconds = time.perf_counter() - started
    peak_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2

    con.execute(
        "create table truth as select source_table || ':' || record_id as record_id, "
        f"person_id from read_parquet('{args.truth / 'record_person.parquet'}')"
    )
    resolved = con.execute(
        "select table_schema from information_schema.tables "
        "where table_catalog = 'wh' and table_name = 'int_records_resolved'"
    ).fetchone()[0]
    con.execute(
        "create table ours as select r.record_id, r.customer_id as cluster_id "
        f"from wh.{resolved}.int_records_resolved as r "
        f"inner join wh.{schema}.int_linkage_records_profiled as p "
        "on r.record_id = p.record_id"
    )
    rows = [("Splink 5 (DuckDB), tutorial set-up", *pairwise(con, clusters))]
    rows.append(("ours (the whole identity layer)", *pairwise(con, "ours")))

    print(f"{records:,} records with a name, birth date or national id")
    print(
        f"Splink: {seconds:.1f} s, peak {peak_gib:.2f} GiB, "
        f"{predicted_pairs:,} pairs predicted"
    )
    print()
    print("| on these records | precision | recall | F1 |")
    print("|---|---:|---:|---:|")
    for name, precision, recall, f1 in rows:
        print(f"| {name} | {precision:.5f} | {recall:.5f} | {f1:.5f} |")
    con.close()


if __name__ == "__main__":
    main()
