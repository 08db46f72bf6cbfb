"""`c360` command line: a thin shell over the package's functions."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from c360 import __version__


def _generate(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from c360.generator import Params, generate
    from c360.generator.params import SYSTEMS

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} is a file; give a folder for the raw tables")
    kwargs: dict[str, object] = {"persons": args.persons, "seed": args.seed}
    if args.as_of:
        kwargs["as_of"] = datetime.fromisoformat(args.as_of).replace(tzinfo=None)
    if args.loaded_at == "now":
        kwargs["loaded_at"] = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    elif args.loaded_at:
        kwargs["loaded_at"] = datetime.fromisoformat(args.loaded_at).replace(
            tzinfo=None
        )
    if args.season_strength is not None:
        kwargs["season_strength"] = args.season_strength
    if args.empty:
        kwargs["empty_systems"] = tuple(s.strip() for s in args.empty.split(",") if s)
    params = Params(**kwargs)  # type: ignore[arg-type]
    steps = 13
    started = time.perf_counter()
    with tqdm(
        total=steps, desc="generate", unit="step", disable=args.quiet, file=sys.stderr
    ) as bar:

        def progress(step: str) -> None:
            bar.set_postfix_str(step)
            bar.update(1)

        manifest = generate(params, Path(args.out), progress)
        bar.update(steps - bar.n)
    elapsed = time.perf_counter() - started
    rows = manifest["rows"]
    assert isinstance(rows, dict)
    print(
        f"wrote {sum(rows.values()):,} rows in {len(rows)} tables of "
        f"{len(SYSTEMS)} systems to {args.out} in {elapsed:.1f} s"
    )
    return 0


def _summary(args: argparse.Namespace) -> int:
    from c360.warehouse import summary

    print(summary(Path(args.warehouse)))
    return 0


def _compare_engines(args: argparse.Namespace) -> int:
    from c360.engines import compare_marts

    try:
        compared, problems = compare_marts(
            Path(args.warehouse),
            Path(args.spark_dir),
            profiles_dir=Path(args.profiles_dir),
        )
    except Exception as exc:
        # Spark's errors (py4j, pyspark) as one line, like every other error
        if not type(exc).__module__.startswith(("py4j", "pyspark")):
            raise
        first = next((line for line in str(exc).splitlines() if line.strip()), "")
        raise RuntimeError(
            f"Spark failed ({type(exc).__name__}): {first.strip()[:300]}"
            " (a mart comes to the driver whole: C360_SPARK_MEMORY sets its memory)"
        ) from exc
    for problem in problems:
        print(problem)
    print(
        f"{len(compared)} marts compared between DuckDB and Spark: "
        f"{len(problems)} differences"
    )
    return 1 if problems or not compared else 0


def _validate(args: argparse.Namespace) -> int:
    from c360.quality import validate_marts

    warehouse = Path(args.warehouse)
    docs = Path(args.docs_dir) if args.docs_dir else warehouse.parent / "data_docs"
    manifest = Path(args.manifest) if args.manifest else None
    report = validate_marts(warehouse, docs, Path(args.project_dir), manifest)
    print(report.summary())
    return 0 if report.success else 1


def _evaluate(args: argparse.Namespace) -> int:
    from c360.identity.evaluate import evaluate, render, write_json

    truth = Path(args.truth) if args.truth else Path(args.raw) / "_ground_truth"
    report = evaluate(Path(args.warehouse), truth)
    print(render(report))
    if args.json:
        write_json(report, Path(args.json))
        print(f"report written to {args.json}")
    failures = []
    if report.pairwise_precision < args.min_precision:
        failures.append(
            f"pairwise precision {report.pairwise_precision:.5f} < {args.min_precision}"
        )
    if report.pairwise_recall < args.min_recall:
        failures.append(
            f"pairwise recall {report.pairwise_recall:.5f} < {args.min_recall}"
        )
    for failure in failures:
        print(f"c360 evaluate: below threshold: {failure}", file=sys.stderr)
    if not _baseline(args, args.baseline_key, report):
        failures.append("baseline")
    return 1 if failures else 0


def _baseline(args: argparse.Namespace, key: str, report: object) -> bool:
    """Write or check the accuracy baseline under `key`; True when fine."""
    from c360.identity import baseline

    if not args.baseline:
        return True
    path = Path(args.baseline)
    if args.write_baseline:
        baseline.write(path, key, report)
        print(f"accuracy baseline '{key}' written to {path}")
        return True
    comparison = baseline.check(path, key, report, args.tolerance)
    print(comparison.render(), file=sys.stdout if comparison.ok else sys.stderr)
    return comparison.ok


def _febrl(args: argparse.Namespace) -> int:
    from c360.febrl import build_febrl
    from c360.identity.evaluate import evaluate

    failures = []
    print(f"{'data set':<8} {'records':>8} {'precision':>10} {'recall':>8} {'F1':>8}")
    for name in args.datasets.split(","):
        warehouse = build_febrl(
            name.strip(), Path(args.work_dir), Path(args.project_dir)
        )
        report = evaluate(warehouse, warehouse.parent / "raw" / "_ground_truth")
        print(
            f"{name:<8} {report.records_scored:>8,} {report.pairwise_precision:>10.5f}"
            f" {report.pairwise_recall:>8.5f} {report.pairwise_f1:>8.5f}",
            flush=True,
        )
        if report.pairwise_f1 < args.min_f1:
            failures.append(f"{name}: F1 {report.pairwise_f1:.5f} < {args.min_f1}")
        if not _baseline(args, name.strip(), report):
            failures.append(f"{name}: accuracy differs from the baseline")
    for failure in failures:
        print(f"c360 febrl: below threshold: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _backtest(args: argparse.Namespace) -> int:
    from c360.backtest import (
        backtest,
        compare,
        purchase_ratio,
        render,
        render_table,
        write_json,
    )

    warehouse = Path(args.warehouse)
    horizons = tuple(float(w) for w in str(args.holdout_weeks).split(","))
    if args.compare or len(horizons) > 1:
        rows = compare(warehouse, horizons, alone=args.compare)
        print(render_table(rows))
        chosen = [result for name, result in rows if name == "chosen"]
    else:
        chosen = [backtest(warehouse, args.calibration_end, horizons[0])]
        print(render(chosen[0]))
    if args.json:
        write_json(chosen, Path(args.json))
        print(f"result written to {args.json}")
    failures = []
    for result in chosen:
        if args.max_purchase_error is not None:
            error = abs(purchase_ratio(result) - 1)
            if not error <= args.max_purchase_error:
                failures.append(
                    f"{result.holdout_weeks:g} weeks: predicted/actual purchases"
                    f" {purchase_ratio(result):.3f} is off by more than"
                    f" {args.max_purchase_error:.0%}"
                )
        if args.fail_on_fallback and result.purchase_model == "fallback":
            failures.append(
                f"{result.holdout_weeks:g} weeks: fallback ("
                f"{result.purchase_model_status})"
            )
    for failure in failures:
        print(f"c360 backtest: below threshold: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _refresh_seeds(args: argparse.Namespace) -> int:
    from c360.reference_data import COUNTRY_SEED, FX_SEED, write_seeds

    write_seeds()
    print(f"wrote {FX_SEED} and {COUNTRY_SEED}")
    return 0


def _fill_missing(args: argparse.Namespace) -> int:
    from c360.raw import fill_missing

    written = fill_missing(Path(args.raw))
    for source, table in written:
        print(f"WARN  {source}.{table}: no file; written empty with its contract")
    print(f"c360 fill-missing: {len(written)} tables written empty in {args.raw}")
    return 0


def _freshness(args: argparse.Namespace) -> int:
    from c360.freshness import run_freshness
    from c360.gate import console_script

    project = Path(args.project_dir).resolve()
    target = Path(args.target_path) if args.target_path else project / "target"
    return run_freshness(console_script("dbt"), project, target)


def _baseline_command(args: argparse.Namespace) -> int:
    from c360.gate import run_baseline

    return run_baseline(Path(args.root).resolve())


def _app(args: argparse.Namespace) -> int:
    from c360.app import serve

    return serve(Path(args.warehouse), args.port, args.address)


def _gate(args: argparse.Namespace) -> int:
    from c360.gate import run_gate

    return run_gate(Path(args.root).resolve(), args.persons, args.seed)


def _baseline_arguments(command: argparse.ArgumentParser) -> None:
    from c360.identity.baseline import DEFAULT_TOLERANCE

    command.add_argument(
        "--baseline",
        default=None,
        help="compare with the accuracy baseline in this JSON file "
        "(e.g. baselines/identity_accuracy.json)",
    )
    command.add_argument(
        "--write-baseline",
        action="store_true",
        help="store this run's figures as the baseline instead of comparing",
    )
    command.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help="score change allowed before the baseline comparison fails",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="c360", description=__doc__)
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="generate nine-system demo data")
    gen.add_argument(
        "--persons",
        type=int,
        default=2000,
        help="number of true persons to simulate (default 2000)",
    )
    gen.add_argument("--seed", type=int, default=42, help="random seed")
    gen.add_argument("--out", default="data/raw", help="output directory")
    gen.add_argument(
        "--as-of",
        default=None,
        help="end of the simulated history, ISO date or time in "
        "UTC (default: today 00:00 UTC)",
    )
    gen.add_argument(
        "--loaded-at",
        default=None,
        help="when the extract was taken (`_loaded_at`), ISO time in UTC or "
        "'now' (default: --as-of); a later one keeps a pinned history fresh",
    )
    gen.add_argument(
        "--season-strength",
        type=float,
        default=None,
        help="how strongly buying follows the calendar's year-end peak and "
        "January lull: 0 evenly all year, 1 realistic (default 1)",
    )
    gen.add_argument(
        "--empty",
        default="",
        help="comma-separated systems to write as empty tables, "
        "e.g. 'pos,web' (a retailer without those systems)",
    )
    gen.add_argument("--quiet", action="store_true", help="no progress bar")
    gen.set_defaults(func=_generate)

    summ = sub.add_parser("summary", help="print row counts of a built warehouse")
    summ.add_argument("--warehouse", default="warehouse/c360.duckdb")
    summ.set_defaults(func=_summary)

    ce = sub.add_parser(
        "compare-engines",
        help="compare every mart of the DuckDB warehouse with the Spark build "
        "of the same data, row by row (numbers within 1e-9 relative)",
    )
    ce.add_argument("--warehouse", default="warehouse/c360.duckdb")
    ce.add_argument(
        "--spark-dir",
        default=os.environ.get("C360_SPARK_DIR", "warehouse/spark"),
        help="where the Spark build keeps its metastore and tables",
    )
    ce.add_argument(
        "--profiles-dir",
        default=os.environ.get("DBT_PROFILES_DIR", "."),
        help="the folder of the profiles.yml whose `spark` target built it",
    )
    ce.set_defaults(func=_compare_engines)

    ev = sub.add_parser(
        "evaluate", help="score identity resolution against the ground truth"
    )
    ev.add_argument("--warehouse", default="warehouse/c360.duckdb")
    ev.add_argument(
        "--raw", default="data/raw", help="generated data (holds _ground_truth)"
    )
    ev.add_argument("--truth", default=None, help="ground-truth folder")
    ev.add_argument("--json", default=None, help="write the report here")
    ev.add_argument("--min-precision", type=float, default=0.0)
    ev.add_argument("--min-recall", type=float, default=0.0)
    _baseline_arguments(ev)
    ev.add_argument(
        "--baseline-key",
        default="generated",
        help="the data set's name in the baseline file",
    )
    ev.set_defaults(func=_evaluate)

    va = sub.add_parser(
        "validate", help="run the Great Expectations suites on the marts"
    )
    va.add_argument("--warehouse", default="warehouse/c360.duckdb")
    va.add_argument(
        "--docs-dir",
        default=None,
        help="Data Docs folder (default: data_docs beside the warehouse)",
    )
    va.add_argument(
        "--project-dir", default=".", help="dbt project (its target/manifest.json)"
    )
    va.add_argument(
        "--manifest",
        default=None,
        help="dbt manifest.json (default: target/manifest.json of the project)",
    )
    va.set_defaults(func=_validate)

    bt = sub.add_parser(
        "backtest", help="fit lifetime value on the past, score it on the future"
    )
    bt.add_argument("--warehouse", default="warehouse/c360.duckdb")
    bt.add_argument(
        "--calibration-end",
        type=date.fromisoformat,
        default=None,
        help="last day the model sees (default: holdout weeks before the last sale)",
    )
    bt.add_argument(
        "--holdout-weeks",
        default="26",
        help="weeks held out; several (13,26,52) print one row each",
    )
    bt.add_argument(
        "--compare",
        action="store_true",
        help="also score every purchase model forced alone, on each calendar",
    )
    bt.add_argument(
        "--max-purchase-error",
        type=float,
        default=None,
        help="fail when the chosen model's predicted/actual purchases is off by more",
    )
    bt.add_argument(
        "--fail-on-fallback",
        action="store_true",
        help="fail when no purchase model fits and the fallback predicts",
    )
    bt.add_argument("--json", default=None, help="write the results here")
    bt.set_defaults(func=_backtest)

    rs = sub.add_parser(
        "refresh-seeds",
        help="rewrite the fx_rates (ECB) and country_names (ISO 3166) seeds",
    )
    rs.set_defaults(func=_refresh_seeds)

    fe = sub.add_parser(
        "febrl",
        help="load the public FEBRL and RLdata benchmarks onto the raw "
        "contracts, build identity on them and score it",
    )
    fe.add_argument(
        "--datasets",
        default="febrl4",
        help="comma-separated: febrl1, febrl2, febrl3 (deduplication), "
        "febrl4 (linkage of two files), rldata500, rldata10000 (deduplication "
        "on names and birth dates alone)",
    )
    fe.add_argument("--work-dir", default="data/febrl", help="raw files and warehouses")
    fe.add_argument("--project-dir", default=".", help="the dbt project")
    fe.add_argument(
        "--min-f1", type=float, default=0.0, help="exit 1 when any F1 is below"
    )
    _baseline_arguments(fe)
    fe.set_defaults(func=_febrl)

    gate = sub.add_parser("gate", help="run every check (what `make test` runs)")
    gate.add_argument("--persons", type=int, default=2000)
    gate.add_argument("--seed", type=int, default=42)
    gate.add_argument("--root", default=".", help="project root")
    gate.set_defaults(func=_gate)

    fill = sub.add_parser(
        "fill-missing",
        help="write every contract table that has no file as an empty table "
        "(a system you do not have)",
    )
    fill.add_argument("--raw", default="data/raw", help="the raw folder")
    fill.set_defaults(func=_fill_missing)

    fresh = sub.add_parser(
        "freshness",
        help="dbt source freshness, with empty tables as warnings, not errors",
    )
    fresh.add_argument("--project-dir", default=".", help="the dbt project")
    fresh.add_argument(
        "--target-path", default=None, help="dbt target folder (default: target)"
    )
    fresh.set_defaults(func=_freshness)

    app = sub.add_parser(
        "app", help="serve the Customer 360 web app on a built warehouse"
    )
    app.add_argument("--warehouse", default="warehouse/c360.duckdb")
    app.add_argument("--port", type=int, default=8501)
    app.add_argument(
        "--address", default="127.0.0.1", help="address to listen on (0.0.0.0: all)"
    )
    app.set_defaults(func=_app)

    base = sub.add_parser(
        "baseline",
        help="rewrite the identity accuracy baseline from the gate's data "
        "(what `make baseline` runs)",
    )
    base.add_argument("--root", default=".", help="project root")
    base.set_defaults(func=_baseline_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (ValueError, OSError, RuntimeError, duckdb.Error) as exc:
        print(f"c360 {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
