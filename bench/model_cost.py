"""What a model costs to compute and what it costs to write, on a built
DuckDB warehouse.

    C360_WAREHOUSE=/tmp/e1m/c360.duckdb dbt compile --select intermediate.identity
    python bench/model_cost.py --warehouse /tmp/e1m/c360.duckdb \
        int_identity_edges_proposed int_linkage_pairs_blocked

(`bench/build.py` leaves the compiled SQL in `target/` too; it must be
compiled for the same warehouse file, whose name the queries carry.)

Runs each model's compiled query (`target/compiled/.../<model>.sql`) alone
against the warehouse twice: into a temporary table in memory, and into a
table in the file (dropped after). The difference is what writing the table
costs (compression and I/O). With `--profile DIR`, DuckDB's JSON profile of
the in-memory run goes to DIR/<model>.json and the costliest operators are
printed. Nothing else should run beside it. The warehouse keeps no trace
but the space the dropped table leaves until DuckDB reuses it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[1]


def compiled_sql(model: str, target: Path) -> str:
    found = sorted((target / "compiled").rglob(f"{model}.sql"))
    if len(found) != 1:
        raise SystemExit(
            f"{model}: {len(found)} compiled files under {target / 'compiled'};"
            " run `dbt compile` first"
        )
    return found[0].read_text()


def operators(profile: Path, top: int) -> list[str]:
    """The `top` operators of a JSON profile by their own time."""
    rows: list[tuple[float, str, int]] = []

    def walk(node: dict) -> None:
        rows.append(
            (
                float(node.get("timing", 0.0)),
                str(node.get("type")),
                int(node.get("intermediate_rows") or 0),
            )
        )
        for child in node.get("children", []):
            walk(child)

    for node in json.loads(profile.read_text())["operator"]:
        walk(node)
    rows.sort(key=lambda row: -row[0])
    total = sum(row[0] for row in rows)
    lines = [f"  operators' own time together: {total:.1f} s (CPU across threads)"]
    lines += [f"  {t:7.2f} s  {kind:<18} {n:>12,} rows" for t, kind, n in rows[:top]]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, type=Path)
    parser.add_argument("--target", type=Path, default=PROJECT / "target")
    parser.add_argument("--memory-limit", default="9GB")
    parser.add_argument("--profile", type=Path, help="folder for JSON profiles")
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("models", nargs="+")
    args = parser.parse_args()
    if not args.warehouse.is_file():
        raise SystemExit(f"no warehouse at {args.warehouse}")
    queries = {model: compiled_sql(model, args.target) for model in args.models}
    connection = duckdb.connect(str(args.warehouse))
    connection.execute(
        f"set memory_limit = '{args.memory_limit}';"
        " set preserve_insertion_order = false"
    )
    print("| model | into memory | into the file | writing |")
    print("|---|---:|---:|---:|")
    notes: list[str] = []
    for model, query in queries.items():
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
            connection.execute(
                "pragma enable_profiling = 'json';"
                f" pragma profiling_output = '{args.profile / (model + '.json')}'"
            )
        started = time.perf_counter()
        connection.execute(f"create or replace temp table c360_cost as {query}")
        in_memory = time.perf_counter() - started
        if args.profile:
            connection.execute("pragma disable_profiling")
            notes += [model, *operators(args.profile / f"{model}.json", args.top)]
        connection.execute("drop table c360_cost")
        started = time.perf_counter()
        connection.execute(f"create or replace table main.c360_cost as {query}")
        in_file = time.perf_counter() - started
        connection.execute("drop table main.c360_cost")
        connection.execute("checkpoint")
        print(
            f"| {model} | {in_memory:.1f} s | {in_file:.1f} s"
            f" | {in_file - in_memory:.1f} s |"
        )
    connection.close()
    if notes:
        print("\n" + "\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
