"""Benchmark the generator: wall time, peak memory and rows per table.

    python bench/generate.py --persons 1000000 --seed 7 --as-of 2026-11-23

Runs `c360 generate` in a child process (so its peak resident memory is
measured alone) and prints a Markdown block for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", default="2026-11-23")
    parser.add_argument("--out", default="bench/out/raw")
    args = parser.parse_args()

    command = [
        sys.executable,
        "-m",
        "c360.cli",
        "generate",
        "--persons",
        str(args.persons),
        "--seed",
        str(args.seed),
        "--as-of",
        args.as_of,
        "--out",
        args.out,
    ]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    manifest = json.loads((Path(args.out) / "manifest.json").read_text())

    print(f"\n### generate --persons {args.persons:,}\n")
    print(f"- command: `{' '.join(command[2:])}`")
    print(f"- machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"- wall time: {elapsed:.1f} s")
    print(f"- peak resident memory: {peak_kib / 1024 / 1024:.2f} GiB")
    print(
        f"- rows: {sum(manifest['rows'].values()):,}; ground truth "
        f"{manifest['ground_truth_rows']:,}; planted defects "
        f"{manifest['planted_defects']:,}"
    )
    print(
        f"- share of persons in 3+ systems: "
        f"{manifest['population']['share_in_3_or_more_systems']:.1%}\n"
    )
    print("| table | rows |\n|---|---:|")
    for table, rows in manifest["rows"].items():
        print(f"| {table} | {rows:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
