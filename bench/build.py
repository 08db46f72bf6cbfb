"""Benchmark the build layer by layer: wall time, peak memory, model times.

    python bench/generate.py --persons 1000000 --seed 7 --as-of 2026-11-23 \
        --out /tmp/e1m/raw
    python bench/build.py --raw /tmp/e1m/raw --warehouse /tmp/e1m/c360.duckdb

Builds into a new warehouse file, each layer a separate dbt process whose
own peak resident memory is read from the kernel (wait4), so one step's
memory is never charged to another: seeds, staging, the identity models
(`models/intermediate/identity`), the rest of the intermediate layer (sales
and LTV, consent, engagement) and the marts. `--through identity` stops
after identity. Prints a Markdown block for BENCHMARKS.md. Data tests are
not part of the timing (run `dbt build` for those); `--evaluate` also scores
identity against the ground truth.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DBT = str(Path(sys.executable).with_name("dbt"))
C360 = str(Path(sys.executable).with_name("c360"))


def run_step(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run one command; return its wall time (s) and peak memory (GiB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=PROJECT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024 / 1024


def model_times() -> list[tuple[str, float]]:
    results = json.loads((PROJECT / "target" / "run_results.json").read_text())
    return sorted(
        (
            (result["unique_id"].rsplit(".", 1)[-1], result["execution_time"])
            for result in results["results"]
        ),
        key=lambda item: -item[1],
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--raw", required=True, help="generated raw data")
    parser.add_argument("--warehouse", required=True, help="new DuckDB file")
    parser.add_argument("--evaluate", action="store_true")
    parser.add_argument(
        "--through",
        choices=["identity", "marts"],
        default="marts",
        help="last layer to build (default: marts)",
    )
    args = parser.parse_args()

    warehouse = Path(args.warehouse)
    for stale in (warehouse, Path(f"{warehouse}.wal")):
        stale.unlink(missing_ok=True)
    env = {
        **os.environ,
        "C360_RAW_DIR": str(Path(args.raw).resolve()),
        "C360_WAREHOUSE": str(warehouse.resolve()),
        "DBT_PROFILES_DIR": str(PROJECT),
    }
    steps = {
        "seeds": [DBT, "seed", "--quiet"],
        "staging": [DBT, "run", "--quiet", "--select", "staging"],
        "identity": [DBT, "run", "--quiet", "--select", "intermediate.identity"],
        "intermediate (sales, consent, engagement)": [
            DBT,
            "run",
            "--quiet",
            "--select",
            "intermediate",
            "--exclude",
            "intermediate.identity",
        ],
        "marts": [DBT, "run", "--quiet", "--select", "marts"],
    }
    if args.through == "identity":
        steps = dict(list(steps.items())[:3])
    measured = {}
    per_model: list[tuple[str, float]] = []
    for name, command in steps.items():
        measured[name] = run_step(command, env)
        if name not in ("seeds", "staging"):
            per_model += model_times()

    manifest = json.loads((Path(args.raw) / "manifest.json").read_text())
    persons = manifest["parameters"]["persons"]
    print(f"\n### build through {args.through}, {persons:,} persons\n")
    print(
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(f"- raw rows: {sum(manifest['rows'].values()):,}")
    for name, (elapsed, peak) in measured.items():
        print(f"- {name}: {elapsed:.1f} s wall, peak {peak:.2f} GiB")
    total = sum(elapsed for elapsed, _ in measured.values())
    print(f"- all layers: {total:.1f} s wall")
    print("\n| model | seconds |\n|---|---:|")
    for model, seconds in sorted(per_model, key=lambda item: -item[1]):
        print(f"| {model} | {seconds:.1f} |")
    if args.evaluate:
        subprocess.run(
            [C360, "evaluate", "--warehouse", str(warehouse), "--raw", args.raw],
            check=True,
            cwd=PROJECT,
            env=env,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
