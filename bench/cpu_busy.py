"""How many cores a command keeps busy, from the whole machine's counters.

    python bench/cpu_busy.py -- dbt build --target spark
    python bench/cpu_busy.py --every 5 --csv /tmp/gate.csv -- make test

Runs the command and samples `/proc/stat` every `--every` seconds while it
runs: the machine's busy share of each interval times its cores. Prints
the wall time, the mean cores busy and the CPU work (core-seconds) of the
whole machine over the run, so measure with nothing else running. `time`
cannot do this for dbt-spark: it counts only the processes it waits for,
and pyspark does not wait for Spark's JVM. Linux only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path


def _counters() -> tuple[int, int]:
    """(all ticks, idle ticks) of the machine since boot."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    return sum(fields), fields[3] + fields[4]  # idle and iowait


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=5.0)
    parser.add_argument("--csv", type=Path, help="one row per interval")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("name the command to measure after --")
    cores = os.cpu_count() or 1
    rows = ["seconds,cores_busy"]
    started = time.perf_counter()
    first = previous = _counters()
    process = subprocess.Popen(command)
    while process.poll() is None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=args.every)
        current = _counters()
        ticks, idle = current[0] - previous[0], current[1] - previous[1]
        if ticks:
            busy = (ticks - idle) / ticks * cores
            rows.append(f"{time.perf_counter() - started:.1f},{busy:.2f}")
        previous = current
    wall = time.perf_counter() - started
    ticks, idle = previous[0] - first[0], previous[1] - first[1]
    mean = (ticks - idle) / ticks * cores if ticks else 0.0
    if args.csv:
        args.csv.write_text("\n".join(rows) + "\n")
    print(
        f"cpu_busy: {wall:.1f} s wall, {mean:.2f} of {cores} cores busy on"
        f" average, {mean * wall:.0f} core-seconds (exit code"
        f" {process.returncode})",
        file=sys.stderr,
    )
    return process.returncode


if __name__ == "__main__":
    raise SystemExit(main())
